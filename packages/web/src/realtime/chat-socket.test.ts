import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseServerMessage } from './messages';
import { RealtimeClient } from './socket';

/** A WebSocket stand-in that is open at once and records what the client sends. */
function fakeSocket() {
  const sent: unknown[] = [];
  const ws = { readyState: 1, send: (d: string) => sent.push(JSON.parse(d)), close() {} } as unknown as WebSocket;
  return { ws, sent };
}

function openClient() {
  const { ws, sent } = fakeSocket();
  const client = new RealtimeClient({ url: 'ws://x/ws', onMessage() {}, onState() {}, onReconnect() {}, createSocket: () => ws });
  client.start();
  (ws as unknown as { onopen(): void }).onopen();
  sent.length = 0;
  return { client, sent };
}

describe('chat on the agent socket', () => {
  afterEach(() => vi.useRealTimers());

  it('passes the chat messages through and drops malformed ones', () => {
    const ring = { type: 'chat.ring', ticketId: 't1', number: 7, visitorName: 'Ann', preview: 'Hi', channelName: 'Shop', waitingSince: '2026-01-01T00:00:00Z' };
    expect(parseServerMessage(JSON.stringify(ring))).toEqual(ring);
    expect(parseServerMessage('{"type":"chat.read","ticketId":"t1","seq":3}')).toEqual({ type: 'chat.read', ticketId: 't1', seq: 3 });
    expect(parseServerMessage('{"type":"chat.ring"}')).toBeNull();
  });

  it('sends the agent’s typing only for a chat shown in this tab, renewed every few seconds and stopped after a pause', () => {
    vi.useFakeTimers();
    const { client, sent } = openClient();
    client.chatTyping('t1', true, 0);
    expect(sent).toEqual([]);
    const unwatch = client.watchChat('t1');
    client.chatTyping('t1', true, 1000);
    client.chatTyping('t1', true, 2000);
    client.chatTyping('t1', true, 4500);
    expect(sent).toEqual([
      { type: 'chat.typing', ticketId: 't1', typing: true },
      { type: 'chat.typing', ticketId: 't1', typing: true },
    ]);
    vi.advanceTimersByTime(6000);
    expect(sent.at(-1)).toEqual({ type: 'chat.typing', ticketId: 't1', typing: false });
    client.chatTyping('t1', true, 20_000);
    unwatch();
    expect(sent.at(-1)).toEqual({ type: 'chat.typing', ticketId: 't1', typing: false });
    client.stop();
  });
});
