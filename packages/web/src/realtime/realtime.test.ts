import { describe, expect, it } from 'vitest';
import { keys } from '../api/keys';
import { invalidationFor } from './invalidation';
import { parseServerMessage } from './messages';
import { backoffDelay } from './socket';

describe('live updates', () => {
  it('refreshes the open ticket at once and batches lists and counts', () => {
    const inv = invalidationFor({ type: 'message.created', payload: { ticketId: 't1' } });
    expect(inv.now).toEqual([keys.messages('t1'), keys.events('t1'), keys.ticket('t1')]);
    expect(inv.batched).toEqual([keys.ticketLists, keys.viewCounts]);
    const merged = invalidationFor({ type: 'ticket.merged', payload: { ticketId: 't1', sourceIds: ['s1'] } });
    expect(merged.now).toContainEqual(keys.ticket('s1'));
    expect(invalidationFor({ type: 'contact.created', payload: {} })).toEqual({ now: [], batched: [] });
  });

  it('parses only well-formed server messages', () => {
    expect(parseServerMessage('{"type":"presence","ticketId":"t","viewers":[]}')).toEqual({ type: 'presence', ticketId: 't', viewers: [] });
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('{"type":"event"}')).toBeNull();
  });

  it('backs off from 1 s up to 30 s with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(36000);
    expect(backoffDelay(20, () => 0)).toBe(24000);
  });
});
