import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capacityFor, rankCandidates, type Candidate } from './choose.ts';

const agent = (agentId: string, o: Partial<Candidate> = {}): Candidate => ({ agentId, skills: [], capacity: {}, defaultCapacity: 5, lastAssignedAt: null, load: {}, ...o });
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));
const ids = (cs: Candidate[]) => cs.map((c) => c.agentId);

describe('choosing the agent', () => {
  it('capacity is per channel with a default', () => {
    const c = agent('a', { capacity: { chat: 2, phone: 0 }, defaultCapacity: 7 });
    assert.deepEqual([capacityFor(c, 'chat'), capacityFor(c, 'phone'), capacityFor(c, 'email')], [2, 0, 7]);
  });

  it('round robin: never assigned first, then the one assigned longest ago; ties by id', () => {
    const pool = [agent('c', { lastAssignedAt: at(5) }), agent('b', { lastAssignedAt: at(1) }), agent('d'), agent('a', { lastAssignedAt: at(5) })];
    assert.deepEqual(ids(rankCandidates('round_robin', pool, { channel: 'email', skills: [] })), ['d', 'b', 'a', 'c']);
  });

  it('load-balanced: lowest load relative to capacity, ties to the one assigned longest ago', () => {
    const pool = [
      agent('half', { defaultCapacity: 4, load: { email: 2 }, lastAssignedAt: at(1) }),
      agent('half-later', { defaultCapacity: 2, load: { email: 1 }, lastAssignedAt: at(3) }),
      agent('quarter', { defaultCapacity: 4, load: { email: 1, chat: 9 }, lastAssignedAt: at(9) }),
    ];
    assert.deepEqual(ids(rankCandidates('load_balanced', pool, { channel: 'email', skills: [] })), ['quarter', 'half', 'half-later']);
  });

  it('agents at capacity for the channel, with capacity 0, or missing a skill do not qualify', () => {
    const pool = [
      agent('full', { defaultCapacity: 2, load: { email: 2 } }),
      agent('no-email', { capacity: { email: 0 } }),
      agent('no-german', { skills: ['shop'] }),
      agent('fits', { skills: ['de', 'shop'], load: { chat: 5 } }),
    ];
    assert.deepEqual(ids(rankCandidates('round_robin', pool, { channel: 'email', skills: ['de'] })), ['fits']);
    assert.deepEqual(ids(rankCandidates('load_balanced', pool, { channel: 'chat', skills: [] })), ['full', 'no-email', 'no-german']);
  });
});
