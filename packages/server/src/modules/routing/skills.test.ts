import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasSkills, requiredSkills, type SkillTicket } from './skills.ts';

const ticket = (o: Partial<SkillTicket> = {}): SkillTicket => ({ type: null, priority: 'normal', channel: 'email', custom: {}, requesterLocale: null, ...o });

describe('skills a ticket requires', () => {
  it('reads only the fields the team names, lower-cased, without duplicates', () => {
    const t = ticket({ type: 'incident', custom: { product: 'Shop', plan: 'Gold' }, requesterLocale: 'de' });
    assert.deepEqual(requiredSkills(t, []), []);
    assert.deepEqual(requiredSkills(t, ['custom.product']), ['shop']);
    assert.deepEqual(requiredSkills(t, ['language', 'custom.product', 'type']), ['de', 'incident', 'shop']);
    assert.deepEqual(requiredSkills(ticket({ custom: { a: 'x', b: 'X' } }), ['custom.a', 'custom.b']), ['x']);
  });

  it('empty fields require nothing; a language counts by its base; a checked box requires its key; numbers count as text', () => {
    assert.deepEqual(requiredSkills(ticket(), ['type', 'language', 'custom.product']), []);
    assert.deepEqual(requiredSkills(ticket({ requesterLocale: 'de-AT' }), ['language']), ['de']);
    assert.deepEqual(requiredSkills(ticket({ custom: { vip: true, legal: false } }), ['custom.vip', 'custom.legal']), ['vip']);
    assert.deepEqual(requiredSkills(ticket({ custom: { level: 3, note: '  ' } }), ['custom.level', 'custom.note']), ['3']);
    assert.deepEqual(requiredSkills(ticket({ channel: 'chat', priority: 'urgent' }), ['channel', 'priority']), ['chat', 'urgent']);
  });
});

describe('an agent qualifies', () => {
  it('only with every required skill, case-insensitively', () => {
    assert.equal(hasSkills([], []), true);
    assert.equal(hasSkills(['de', 'Shop'], ['de', 'shop']), true);
    assert.equal(hasSkills(['de'], ['de', 'shop']), false);
    assert.equal(hasSkills([], ['de']), false);
  });
});
