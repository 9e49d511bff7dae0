import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { eventsOf, openIn, patchTicket, routeTeam, setRouting, ticketOf } from './routing-fixtures.ts';
import { drainTeam } from '../src/modules/routing/drain.ts';
import { outboxEvents } from '../src/platform/schema.ts';

const paths = (body: any): string[] => (body?.error?.details ?? []).map((d: { path: string }) => d.path);

describe('escalation tiers: escalate a ticket, the event log, and the escalation rate (METRICS §2.7)', () => {
  const clock = new ManualClock(new Date('2026-04-06T08:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let first: TestAgent; // inbox and first-level billing
  let billing2: TestAgent;
  let tech: TestAgent;
  let expert: TestAgent;
  const team = { inbox: '', plain: '', billing: '', tech: '', second: '' };

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin' });
    first = await makeAgent(s, { name: 'First line' });
    billing2 = await makeAgent(s, { name: 'Billing' });
    tech = await makeAgent(s, { name: 'Tech' });
    expert = await makeAgent(s, { name: 'Expert' });
    team.inbox = (await makeTeam(s, 'Inbox', [first])).id;
    team.plain = (await makeTeam(s, 'Plain', [])).id;
    team.billing = (await makeTeam(s, 'Billing L1', [first, billing2])).id;
    team.tech = (await makeTeam(s, 'Tech L1', [tech])).id;
    team.second = (await makeTeam(s, 'Second level', [expert])).id;
    await routeTeam(s, admin, team.billing, { escalationTier: 1 });
    await routeTeam(s, admin, team.tech, { escalationTier: 1, mode: 'round_robin' });
    await routeTeam(s, admin, team.second, { escalationTier: 2, mode: 'load_balanced' });
    for (const a of [tech, expert]) await setRouting(s, admin, a, { status: 'online' });
  });
  after(() => s?.close());

  const escalate = (id: string, body: unknown, as: TestAgent = admin) => call(s, 'POST', `/api/v1/tickets/${id}/escalate`, { as, body });

  it('refuses an escalation without a reason or to a team that is no tier above, naming the field', async () => {
    const t = await openIn(s, admin, team.inbox);
    const none = await escalate(t.id, { targetTeamId: team.billing });
    assert.deepEqual([none.status, paths(none.body)], [400, ['body.reason']]);
    assert.deepEqual(paths((await escalate(t.id, { reason: '   ', targetTeamId: team.billing })).body), ['body.reason']);
    assert.deepEqual(paths((await escalate(t.id, { reason: 'x', targetTeamId: 'billing' })).body), ['body.targetTeamId']);
    for (const [target, message] of [
      ['00000000-0000-4000-8000-000000000000', 'no such team'],
      [team.plain, 'the target team is not an escalation tier'],
      [team.inbox, 'the ticket is already in this team'],
      [undefined, 'several teams are tier 1; choose one'],
    ] as const) {
      const res = await escalate(t.id, { reason: 'Needs help', ...(target && { targetTeamId: target }) });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.deepEqual(res.body.error.details, [{ path: 'body.targetTeamId', message }]);
    }
    const after = await ticketOf(s, admin, t.id);
    assert.deepEqual([after.teamId, after.version], [team.inbox, t.version], 'a refused escalation changes nothing');
  });

  it('moves the ticket up a tier: hierarchical, logged with reason, assignee kept only for a manual team they belong to', async () => {
    const t = await openIn(s, admin, team.inbox, { assigneeId: first.id });
    const res = await escalate(t.id, { reason: 'Refund over 500 €', targetTeamId: team.billing }, first);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.escalation, { fromTeamId: team.inbox, toTeamId: team.billing, tier: 1, kind: 'hierarchical', reason: 'Refund over 500 €' });
    assert.deepEqual([res.body.ticket.teamId, res.body.ticket.assigneeId], [team.billing, first.id]);
    const log = await eventsOf(s, admin, t.id);
    const esc = log.find((e) => e.type === 'escalated');
    assert.deepEqual([esc.actor.kind, esc.actor.id, esc.before, esc.after], ['agent', first.id, { teamId: team.inbox, tier: 0 }, res.body.escalation]);
    assert.ok(log.some((e) => e.type === 'team_changed' && e.after === team.billing));
    const [domain] = await s.servus.services.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.type, 'ticket.escalated'), eq(outboxEvents.payload, { payload: { ticketId: t.id, number: t.number, ...res.body.escalation }, actor: { kind: 'agent', id: first.id } })));
    assert.ok(domain, 'ticket.escalated is in the outbox');

    clock.advance(60_000);
    const up = await escalate(t.id, { reason: 'Billing system bug' }, first);
    assert.equal(up.status, 200, JSON.stringify(up.body));
    assert.deepEqual([up.body.escalation.toTeamId, up.body.escalation.tier, up.body.escalation.kind], [team.second, 2, 'hierarchical'], 'default: the next higher tier');
    assert.equal(up.body.ticket.assigneeId, null, 'a routed target gets the ticket unassigned');
    assert.equal(await drainTeam(s.servus.services, team.second), 1);
    assert.equal((await ticketOf(s, admin, t.id)).assigneeId, expert.id, 'and its queue routes it');

    const top = await escalate(t.id, { reason: 'Still stuck' });
    assert.deepEqual([top.status, top.body.error.details], [400, [{ path: 'body.targetTeamId', message: 'there is no tier above tier 2; choose a team' }]]);
    const down = await escalate(t.id, { reason: 'Back', targetTeamId: team.tech });
    assert.deepEqual([down.status, down.body.error.details[0].message], [400, "the target team is tier 1, below the ticket's tier 2"]);
  });

  it('sideways to another team of the same tier is functional', async () => {
    const t = await openIn(s, admin, team.billing, { assigneeId: billing2.id });
    const res = await escalate(t.id, { reason: 'Technical, not billing', targetTeamId: team.tech }, billing2);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.escalation.kind, res.body.escalation.tier, res.body.ticket.assigneeId], ['functional', 1, null]);
  });

  it('follows ticket visibility: 404 for tickets the agent cannot see, 403 for read-only users, 409 once solved', async () => {
    const hidden = await openIn(s, admin, team.second);
    const outsider = await makeAgent(s, { teamIds: [] });
    await makeTeam(s, 'Outsiders', [outsider]);
    const seen = await escalate(hidden.id, { reason: 'x', targetTeamId: team.tech }, outsider);
    const missing = await escalate('00000000-0000-4000-8000-000000000000', { reason: 'x', targetTeamId: team.tech }, outsider);
    assert.equal(seen.status, 404);
    assert.deepEqual(seen.body, missing.body);
    const reader = await makeAgent(s, { role: 'readonly' });
    const visible = await makeTicket(s, admin); // no team: every agent sees it
    assert.equal((await escalate(visible.id, { reason: 'x', targetTeamId: team.tech }, reader)).status, 403);
    await patchTicket(s, admin, visible.id, { status: 'solved' });
    const solved = await escalate(visible.id, { reason: 'x', targetTeamId: team.tech });
    assert.deepEqual([solved.status, solved.body.error.code], [409, 'conflict']);
    assert.equal((await ticketOf(s, admin, visible.id)).teamId, null);
  });

  it('reports the escalation rate per period: each ticket once, split by kind and tier', async () => {
    clock.set('2026-05-04T08:00:00Z');
    const from = clock.now().toISOString();
    const twice = await openIn(s, admin, team.inbox);
    assert.equal((await escalate(twice.id, { reason: 'one', targetTeamId: team.billing })).status, 200);
    assert.equal((await escalate(twice.id, { reason: 'two', targetTeamId: team.tech })).status, 200);
    assert.equal((await escalate(twice.id, { reason: 'three' })).status, 200);
    const once = await openIn(s, admin, team.inbox);
    assert.equal((await escalate(once.id, { reason: 'one', targetTeamId: team.tech })).status, 200);
    const replied = await openIn(s, admin, team.inbox);
    assert.equal((await call(s, 'POST', `/api/v1/tickets/${replied.id}/messages`, { as: first, body: { text: 'Answer' } })).status, 201);
    const solved = await openIn(s, admin, team.inbox);
    await patchTicket(s, admin, solved.id, { status: 'solved' });
    await openIn(s, admin, team.inbox); // untouched: not handled
    await call(s, 'POST', `/api/v1/tickets/${replied.id}/messages`, { as: first, body: { text: 'Internal', kind: 'note' } });
    clock.advance(3_600_000);
    const to = clock.now().toISOString();

    const res = await call(s, 'GET', `/api/v1/reports/escalations?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { as: first });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      from,
      to,
      escalated: 2,
      handled: 4,
      rate: 50,
      hierarchical: 2,
      functional: 1,
      byTier: [{ tier: 1, escalated: 2 }, { tier: 2, escalated: 1 }],
    });
    const empty = await call(s, 'GET', `/api/v1/reports/escalations?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`, { as: admin });
    assert.deepEqual([empty.body.escalated, empty.body.handled, empty.body.rate, empty.body.byTier], [0, 0, null, []]);
    const backwards = await call(s, 'GET', `/api/v1/reports/escalations?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, { as: admin });
    assert.deepEqual([backwards.status, paths(backwards.body)], [400, ['querystring.from']]);
  });
});
