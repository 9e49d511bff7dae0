import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatWidgetConfig } from '@servus/shared';
import { ChatController } from './controller';
import { FakeSocket } from '../test/fake-socket';

const CONFIG: ChatWidgetConfig = {
  channelId: 'ch-1',
  name: 'Support',
  color: '#2b8a3e',
  locale: 'en',
  greeting: 'Hello there',
  offlineMessage: '',
  online: true,
  bot: false,
  preChatForm: { enabled: false, askName: true, requireEmail: false, topics: [] },
  maxUploadBytes: 1000,
  allowedUploadTypes: ['image/png'],
};

const TOKEN = 'tok-0123456789abcdefghij';
let sessionBodies: Record<string, unknown>[] = [];

function serve() {
  sessionBodies = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/widget-config?lang=')) return new Response(JSON.stringify(CONFIG), { status: 200 });
      if (url.endsWith('/sessions')) {
        sessionBodies.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({ token: TOKEN, visitorId: 'v-1', conversation: null }), { status: 200 });
      }
      return new Response('{}', { status: 404 });
    }),
  );
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const last = () => FakeSocket.all[FakeSocket.all.length - 1]!;

describe('ChatController', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    localStorage.clear();
    vi.stubGlobal('WebSocket', FakeSocket);
    serve();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('sends a message, shows it pending, and marks it sent on ack and read on the agent’s read', async () => {
    const c = new ChatController('ch-1', 'en');
    await c.boot();
    c.setOpen(true);
    await flush();
    expect(sessionBodies).toEqual([{ locale: 'en' }]);
    const ws = last();
    expect(ws.url).toContain(`/api/v1/chat/ws?token=${TOKEN}`);
    ws.open();
    expect(ws.sent).toEqual([{ type: 'hello', lastSeq: 0 }]);
    ws.push({ type: 'welcome', visitorId: 'v-1', conversation: null, online: true });

    await c.send('  Where is my order?  ');
    const sent = ws.sent.find((m) => m.type === 'message')!;
    expect(sent).toMatchObject({ type: 'message', text: 'Where is my order?', attachmentIds: [] });
    expect(c.state.messages.map((m) => m.delivery)).toEqual(['pending']);

    ws.push({ type: 'ack', clientId: sent.clientId, id: 'm-1', seq: 1, at: '2026-03-02T10:00:00Z' });
    expect(c.state.messages.map((m) => [m.text, m.delivery])).toEqual([['Where is my order?', 'sent']]);
    ws.push({ type: 'read', seq: 1 });
    expect(c.state.messages[0]!.delivery).toBe('read');
  });

  it('resends an unacknowledged message with the same clientId after a reconnect and shows it once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const c = new ChatController('ch-1', 'en');
    await c.boot();
    c.setOpen(true);
    await vi.advanceTimersByTimeAsync(0);
    const first = last();
    first.open();
    first.push({ type: 'welcome', visitorId: 'v-1', conversation: { id: 'conv-1', status: 'active', agent: { name: 'Anna' }, lastSeq: 1, agentReadSeq: 0 }, online: true });
    first.push({ type: 'message', conversationId: 'conv-1', message: { id: 'm-1', seq: 1, clientId: null, author: 'agent', authorName: 'Anna', text: 'Hi!', attachments: [], at: '2026-03-02T10:00:00Z' } });
    await c.send('Lost in transit?');
    const clientId = first.sent.find((m) => m.type === 'message')!.clientId;

    // The connection drops before the ack; the widget reconnects on its own.
    first.close();
    expect(c.state.connection).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1500);
    const second = last();
    expect(second).not.toBe(first);
    second.open();
    expect(second.sent[0]).toEqual({ type: 'hello', lastSeq: 1 });
    second.push({ type: 'welcome', visitorId: 'v-1', conversation: { id: 'conv-1', status: 'active', agent: { name: 'Anna' }, lastSeq: 2, agentReadSeq: 0 }, online: true });
    const resent = second.sent.filter((m) => m.type === 'message');
    expect(resent).toEqual([{ type: 'message', clientId, text: 'Lost in transit?', attachmentIds: [] }]);

    // The server had stored it before the drop: the replay and the ack arrive, the message shows once.
    second.push({ type: 'message', conversationId: 'conv-1', message: { id: 'm-2', seq: 2, clientId, author: 'visitor', authorName: 'Visitor', text: 'Lost in transit?', attachments: [], at: '2026-03-02T10:00:01Z' } });
    second.push({ type: 'ack', clientId, id: 'm-2', seq: 2, at: '2026-03-02T10:00:01Z' });
    expect(c.state.messages.map((m) => [m.seq, m.text, m.delivery])).toEqual([
      [1, 'Hi!', 'sent'],
      [2, 'Lost in transit?', 'sent'],
    ]);
    c.stop();
  });

  it('shows the read ticks the agent left before a reload', async () => {
    const c = new ChatController('ch-1', 'en');
    await c.boot();
    c.setOpen(true);
    await flush();
    const ws = last();
    ws.open();
    ws.push({ type: 'welcome', visitorId: 'v-1', conversation: { id: 'conv-1', status: 'active', agent: { name: 'Anna' }, lastSeq: 3, agentReadSeq: 2 }, online: true });
    for (const [seq, text] of [[1, 'First'], [3, 'Third']] as const) {
      ws.push({ type: 'message', conversationId: 'conv-1', message: { id: `m-${seq}`, seq, clientId: `c-${seq}`, author: 'visitor', authorName: 'Visitor', text, attachments: [], at: '2026-03-02T10:00:00Z' } });
    }
    ws.push({ type: 'message', conversationId: 'conv-1', message: { id: 'm-2', seq: 2, clientId: null, author: 'agent', authorName: 'Anna', text: 'Second', attachments: [], at: '2026-03-02T10:00:00Z' } });
    expect(c.state.messages.map((m) => [m.text, m.delivery])).toEqual([
      ['First', 'read'],
      ['Second', 'sent'],
      ['Third', 'sent'],
    ]);
    c.stop();
  });

  it('keeps the session across a reload and asks for the history', async () => {
    const a = new ChatController('ch-1', 'en');
    await a.boot();
    a.setOpen(true);
    await flush();
    last().open();
    a.stop();

    const b = new ChatController('ch-1', 'en');
    await b.boot();
    await flush();
    // A returning visitor reconnects without opening the widget, with the saved token.
    expect(sessionBodies[1]).toEqual({ token: TOKEN, locale: 'en' });
    const ws = last();
    ws.open();
    expect(ws.sent[0]).toEqual({ type: 'hello', lastSeq: 0 });
    b.stop();
  });

  it('counts the agent’s messages while the widget is closed and reports them read once it opens', async () => {
    const unread: number[] = [];
    const c = new ChatController('ch-1', 'en', { onUnread: (n) => unread.push(n) });
    await c.boot();
    c.setOpen(true);
    await flush();
    const ws = last();
    ws.open();
    c.setOpen(false);
    ws.push({ type: 'message', conversationId: 'conv-1', message: { id: 'm-1', seq: 1, clientId: null, author: 'agent', authorName: 'Anna', text: 'Are you there?', attachments: [], at: '2026-03-02T10:00:00Z' } });
    expect(unread.at(-1)).toBe(1);
    expect(ws.sent.some((m) => m.type === 'read')).toBe(false);
    c.setOpen(true);
    expect(unread.at(-1)).toBe(0);
    expect(ws.sent.filter((m) => m.type === 'read')).toEqual([{ type: 'read', seq: 1 }]);
    c.stop();
  });

  it('shows the agent typing until they stop, send, or go quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const c = new ChatController('ch-1', 'en');
    await c.boot();
    c.setOpen(true);
    await vi.advanceTimersByTimeAsync(0);
    const ws = last();
    ws.open();
    ws.push({ type: 'typing', name: 'Anna', typing: true });
    expect(c.state.agentTyping).toBe('Anna');
    ws.push({ type: 'typing', name: 'Anna', typing: false });
    expect(c.state.agentTyping).toBeNull();
    ws.push({ type: 'typing', name: 'Anna', typing: true });
    await vi.advanceTimersByTimeAsync(9000);
    expect(c.state.agentTyping).toBeNull();
    c.stop();
  });

  it('tells the agent the visitor is typing without flooding the socket', async () => {
    const c = new ChatController('ch-1', 'en');
    await c.boot();
    c.setOpen(true);
    await flush();
    const ws = last();
    ws.open();
    c.typing(1000);
    c.typing(1500);
    c.typing(2500);
    c.typing(4500);
    expect(ws.sent.filter((m) => m.type === 'typing')).toEqual([
      { type: 'typing', typing: true },
      { type: 'typing', typing: true },
    ]);
    await c.send('done');
    expect(ws.sent.filter((m) => m.type === 'typing').at(-1)).toEqual({ type: 'typing', typing: false });
    c.stop();
  });

  it('says the chat is unavailable for an unknown or inactive channel', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'not_found', message: 'x' } }), { status: 404 })));
    const gone = vi.fn();
    const c = new ChatController('nope', 'en', { onUnavailable: gone });
    await c.boot();
    expect(c.state.phase).toBe('unavailable');
    expect(gone).toHaveBeenCalled();
  });
});
