import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@servus/shared';
import { MessageStore } from './message-store';

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m-${seq}`,
  seq,
  clientId: null,
  author: 'agent',
  authorName: 'Anna',
  text: `message ${seq}`,
  attachments: [],
  at: `2026-03-02T10:00:0${seq % 10}Z`,
  ...over,
});

let n = 0;
const ids = () => `c-${++n}`;

describe('MessageStore', () => {
  it('shows messages in seq order whatever order they arrive in, and asks for replay from the first gap', () => {
    const store = new MessageStore();
    store.receive(msg(3));
    store.receive(msg(1));
    expect(store.lastSeq).toBe(1);
    store.receive(msg(2));
    expect(store.list().map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(store.lastSeq).toBe(3);
    expect(store.maxSeq).toBe(3);
  });

  it('drops a message it already has, by id or by the visitor’s clientId', () => {
    const store = new MessageStore();
    expect(store.receive(msg(1))).toBe(true);
    expect(store.receive(msg(1))).toBe(false);
    expect(store.receive({ ...msg(1), seq: 7 })).toBe(false);
    const own = store.write('Hi', [], ids);
    store.ack(own.clientId, 'm-2', 2, '2026-03-02T10:00:02Z');
    // The replay after a reconnect brings the same message again.
    expect(store.receive(msg(2, { id: 'm-2', clientId: own.clientId, author: 'visitor', text: 'Hi' }))).toBe(false);
    expect(store.receive(msg(3, { id: 'm-other', clientId: own.clientId, author: 'visitor' }))).toBe(false);
    expect(store.list().map((m) => m.text)).toEqual(['message 1', 'Hi']);
  });

  it('keeps the visitor’s unacknowledged messages after the stored ones, in the order written, for resending', () => {
    const store = new MessageStore();
    store.receive(msg(1));
    const a = store.write('first', [], ids);
    const b = store.write('second', [], ids);
    expect(store.list().map((m) => [m.text, m.delivery])).toEqual([
      ['message 1', 'sent'],
      ['first', 'pending'],
      ['second', 'pending'],
    ]);
    expect(store.unacked().map((p) => p.clientId)).toEqual([a.clientId, b.clientId]);

    // The agent's reply lands before them in seq order; the pending ones stay last.
    store.receive(msg(2));
    expect(store.list().map((m) => m.text)).toEqual(['message 1', 'message 2', 'first', 'second']);

    // Acks can come in any order; an unknown clientId changes nothing.
    expect(store.ack(b.clientId, 'm-4', 4, '2026-03-02T10:00:04Z')).toBe(true);
    expect(store.ack('c-unknown', 'm-9', 9, '2026-03-02T10:00:09Z')).toBe(false);
    expect(store.unacked().map((p) => p.text)).toEqual(['first']);
    store.ack(a.clientId, 'm-3', 3, '2026-03-02T10:00:03Z');
    expect(store.unacked()).toEqual([]);
    expect(store.list().map((m) => [m.seq, m.text])).toEqual([
      [1, 'message 1'],
      [2, 'message 2'],
      [3, 'first'],
      [4, 'second'],
    ]);
    expect(store.isStored(a.clientId)).toBe(true);
  });

  it('settles a pending message when its echo arrives instead of the ack', () => {
    const store = new MessageStore();
    const p = store.write('Hallo', [], ids);
    store.receive(msg(1, { id: 'm-1', clientId: p.clientId, author: 'visitor', text: 'Hallo' }));
    expect(store.unacked()).toEqual([]);
    expect(store.ack(p.clientId, 'm-1', 1, 'x')).toBe(false);
    expect(store.list()).toHaveLength(1);
  });

  it('marks the visitor’s messages read up to the seq the agent has read', () => {
    const store = new MessageStore();
    const a = store.write('one', [], ids);
    const b = store.write('two', [], ids);
    store.ack(a.clientId, 'm-1', 1, 'x');
    store.ack(b.clientId, 'm-2', 2, 'x');
    store.markReadByAgent(1);
    expect(store.list().map((m) => m.delivery)).toEqual(['read', 'sent']);
    store.markReadByAgent(0);
    expect(store.list().map((m) => m.delivery)).toEqual(['read', 'sent']);
    store.markReadByAgent(2);
    expect(store.list().map((m) => m.delivery)).toEqual(['read', 'read']);
  });

  it('counts the agent’s messages the visitor has not seen', () => {
    const store = new MessageStore();
    store.receive(msg(1));
    store.receive(msg(2, { author: 'visitor' }));
    store.receive(msg(3));
    expect(store.unread).toBe(2);
    store.markSeen(3);
    expect(store.unread).toBe(0);
    store.receive(msg(4));
    expect(store.unread).toBe(1);
  });

  it('starts afresh for a new conversation but keeps what the visitor has not sent yet', () => {
    const store = new MessageStore({ conversationId: 'conv-1' });
    store.receive(msg(1));
    store.receive(msg(2));
    const p = store.write('still here', [], ids);
    store.useConversation('conv-1');
    expect(store.list()).toHaveLength(3);
    store.useConversation('conv-2');
    expect(store.lastSeq).toBe(0);
    expect(store.list().map((m) => m.text)).toEqual(['still here']);
    expect(store.unacked().map((x) => x.clientId)).toEqual([p.clientId]);
    // Seq 1 of the new conversation is a different message, not a duplicate.
    expect(store.receive(msg(1, { id: 'n-1' }))).toBe(true);
  });

  it('resumes pending messages saved before a reload', () => {
    const store = new MessageStore({ conversationId: null, pending: [{ clientId: 'c-saved', text: 'sent while offline', attachments: [], at: '2026-03-02T10:00:00Z' }] });
    expect(store.unacked().map((p) => p.clientId)).toEqual(['c-saved']);
    expect(store.list()[0]).toMatchObject({ text: 'sent while offline', delivery: 'pending', seq: null });
  });
});
