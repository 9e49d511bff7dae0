import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { eventsOf, openIn, patchTicket, routeTeam, setRouting, ticketOf } from './routing-fixtures.ts';
import { drainTeam } from '../src/modules/routing/drain.ts';
import { tickets } from '../src/modules/tickets/schema.ts';

const paths = (body: any): string[] => (body?.error?.details ?? []).map((d: { path: string }) => d.path);

describe('routing: status, capacity, skills, modes, queue order and handing work back', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin' });
  });
  after(() => s?.close());

  /** Opens a ticket a minute after the previous one, so queue order by age is unambiguous. */
  async function open(teamId: string, extra: Record<string, unknown> = {}) {
    clock.advance(60_000);
    return openIn(s, admin, teamId, extra);
  }
  const drain = (teamId: string) => drainTeam(s.servus.services, teamId);
  const assigneeOf = async (id: string) => (await ticketOf(s, admin, id)).assigneeId as string | null;

  it('an agent sets only their own status; admins set capacity and skills; everyone sees status and load', async () => {
    const agent = await makeAgent(s);
    const other = await makeAgent(s);
    const mine = await call(s, 'GET', '/api/v1/me/routing', { as: agent });
    assert.equal(mine.status, 200);
    assert.deepEqual({ ...mine.body, agentId: undefined }, { agentId: undefined, status: 'offline', statusChangedAt: null, capacity: {}, defaultCapacity: 5, skills: [], lastAssignedAt: null, load: {} });

    const online = await call(s, 'PATCH', '/api/v1/me/routing', { as: agent, body: { status: 'online' } });
    assert.equal(online.status, 200, JSON.stringify(online.body));
    assert.equal(online.body.status, 'online');
    assert.equal(online.body.statusChangedAt, clock.now().toISOString());

    const sneaky = await call(s, 'PATCH', '/api/v1/me/routing', { as: agent, body: { status: 'online', capacity: { email: 50 } } });
    assert.equal(sneaky.status, 400);
    assert.deepEqual(paths(sneaky.body), ['body.capacity'], 'agents cannot set their own capacity');
    const bad = await call(s, 'PATCH', '/api/v1/me/routing', { as: agent, body: { status: 'busy' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(paths(bad.body), ['body.status']);

    const forOther = await call(s, 'PATCH', `/api/v1/agents/${other.id}/routing`, { as: agent, body: { status: 'online' } });
    assert.equal(forOther.status, 403);
    assert.equal((await call(s, 'GET', `/api/v1/agents/${other.id}/routing`, { as: agent })).body.status, 'offline', 'a refused change changes nothing');

    const invalid = await call(s, 'PATCH', `/api/v1/agents/${other.id}/routing`, { as: admin, body: { capacity: { email: -1, fax: 2 }, skills: ['two words'], defaultCapacity: 1001 } });
    assert.equal(invalid.status, 400);
    assert.deepEqual(paths(invalid.body).sort(), ['body.capacity.email', 'body.capacity.fax', 'body.defaultCapacity', 'body.skills.0']);

    const set = await setRouting(s, admin, other, { status: 'away', capacity: { chat: 2, email: 0 }, defaultCapacity: 4, skills: ['Shop', 'DE', 'de'] });
    assert.deepEqual([set.status, set.capacity, set.defaultCapacity, set.skills], ['away', { chat: 2, email: 0 }, 4, ['de', 'shop']]);

    const list = await call(s, 'GET', '/api/v1/routing/agents', { as: agent });
    assert.equal(list.status, 200);
    const byId = new Map(list.body.data.map((p: any) => [p.agentId, p]));
    assert.equal((byId.get(agent.id) as any).status, 'online');
    assert.equal((byId.get(other.id) as any).status, 'away');
    assert.equal((await call(s, 'GET', `/api/v1/agents/00000000-0000-4000-8000-000000000000/routing`, { as: admin })).status, 404);
  });

  it('team routing defaults to manual; invalid settings are refused with the field named', async () => {
    const team = await makeTeam(s, 'Settings team');
    const initial = await call(s, 'GET', `/api/v1/teams/${team.id}/routing`, { as: admin });
    assert.deepEqual(initial.body, { teamId: team.id, mode: 'manual', skillFields: [], requeueOnOffline: false, escalationTier: null, queued: 0, updatedAt: null });
    await open(team.id);
    assert.equal((await call(s, 'GET', `/api/v1/teams/${team.id}/routing`, { as: admin })).body.queued, 1);

    const unknownField = await call(s, 'PATCH', `/api/v1/teams/${team.id}/routing`, { as: admin, body: { skillFields: ['custom.nope'] } });
    assert.equal(unknownField.status, 400);
    assert.match(JSON.stringify(unknownField.body), /no custom field nope/);
    const bad = await call(s, 'PATCH', `/api/v1/teams/${team.id}/routing`, { as: admin, body: { mode: 'random', skillFields: ['colour'], escalationTier: 0 } });
    assert.equal(bad.status, 400);
    assert.deepEqual(paths(bad.body).sort(), ['body.escalationTier', 'body.mode', 'body.skillFields.0']);

    const set = await routeTeam(s, admin, team.id, { mode: 'load_balanced', skillFields: ['language', 'type'], requeueOnOffline: true, escalationTier: 2 });
    assert.deepEqual({ ...set, updatedAt: undefined }, { teamId: team.id, mode: 'load_balanced', skillFields: ['language', 'type'], requeueOnOffline: true, escalationTier: 2, queued: 1, updatedAt: undefined });
    const listed = await call(s, 'GET', '/api/v1/routing/teams', { as: await makeAgent(s, { role: 'readonly' }) });
    assert.equal(listed.status, 200);
    assert.equal(listed.body.data.find((t: any) => t.teamId === team.id).escalationTier, 2);
    const cleared = await routeTeam(s, admin, team.id, { escalationTier: null });
    assert.deepEqual([cleared.mode, cleared.escalationTier], ['load_balanced', null], 'fields left out keep their value');
  });

  it('round robin gives each ticket to the online member assigned longest ago; away, offline, read-only and manual teams get nothing', async () => {
    const [a, b, c, away, offline] = await Promise.all([1, 2, 3, 4, 5].map(() => makeAgent(s)));
    const readonly = await makeAgent(s, { role: 'readonly' });
    const team = await makeTeam(s, 'Round robin', [a!, b!, c!, away!, offline!, readonly]);
    const manual = await makeTeam(s, 'By hand', [a!]);
    for (const x of [a!, b!, c!, readonly]) await setRouting(s, admin, x, { status: 'online' });
    await setRouting(s, admin, away!, { status: 'away' });
    await routeTeam(s, admin, team.id, { mode: 'round_robin' });

    const ts = [];
    for (let i = 0; i < 7; i++) ts.push(await open(team.id));
    const byHand = await open(manual.id);
    assert.equal(await drain(team.id), 7);
    assert.equal(await drain(manual.id), 0);
    const got = [];
    for (const t of ts) got.push(await assigneeOf(t.id));
    assert.equal(new Set(got.slice(0, 3)).size, 3, 'the first three go to three different agents');
    assert.deepEqual(got.slice(3), [got[0], got[1], got[2], got[0]], 'then the same order again');
    assert.ok(got.every((id) => [a!.id, b!.id, c!.id].includes(id!)));
    assert.equal(await assigneeOf(byHand.id), null);

    const log = await eventsOf(s, admin, ts[0].id);
    const assigned = log.find((e) => e.type === 'assignee_changed');
    assert.deepEqual([assigned.actor.kind, assigned.actor.id, assigned.before, assigned.after], ['automation', null, null, got[0]]);
    const routed = log.find((e) => e.type === 'routed');
    assert.deepEqual(routed.after, { agentId: got[0], mode: 'round_robin', channel: 'api', load: 1, capacity: 5, skills: [] });
    assert.ok(log.some((e) => e.type === 'status_changed' && e.before === 'new' && e.after === 'open'), 'routing opens a new ticket');
    const profile = await call(s, 'GET', `/api/v1/agents/${got[0]}/routing`, { as: a! });
    assert.deepEqual(profile.body.load, { api: 3 });
    assert.ok(profile.body.lastAssignedAt);
  });

  it('load-balanced picks the lowest load relative to capacity (ties: assigned longest ago) and never exceeds capacity; pending work does not count', async () => {
    const a = await makeAgent(s, { name: 'Ann' });
    const b = await makeAgent(s, { name: 'Ben' });
    const team = await makeTeam(s, 'Balanced', [a, b]);
    await setRouting(s, admin, a, { status: 'online', defaultCapacity: 4 });
    await setRouting(s, admin, b, { status: 'online', defaultCapacity: 2 });
    for (let i = 0; i < 2; i++) await patchTicket(s, admin, (await open(team.id)).id, { assigneeId: a.id });
    await routeTeam(s, admin, team.id, { mode: 'load_balanced' });

    const ts = [];
    for (let i = 0; i < 5; i++) ts.push(await open(team.id));
    assert.equal(await drain(team.id), 4);
    // Ann 2/4 vs Ben 0/2 → Ben; 2/4 vs 1/2 tie → Ann (never routed before); 3/4 vs 1/2 → Ben; Ben full → Ann; both full.
    const got = [];
    for (const t of ts) got.push(await assigneeOf(t.id));
    assert.deepEqual(got, [b.id, a.id, b.id, a.id, null]);
    const loads = (await call(s, 'GET', '/api/v1/routing/agents', { as: admin })).body.data;
    assert.deepEqual(loads.find((p: any) => p.agentId === a.id).load, { api: 4 });
    assert.deepEqual(loads.find((p: any) => p.agentId === b.id).load, { api: 2 });

    await patchTicket(s, admin, ts[1].id, { status: 'pending' });
    assert.equal(await drain(team.id), 1);
    assert.equal(await assigneeOf(ts[4].id), a.id, 'a pending ticket frees its slot');
  });

  it('capacity is per channel, with a default for channels not listed', async () => {
    const c = await makeAgent(s);
    const team = await makeTeam(s, 'Channels', [c]);
    await setRouting(s, admin, c, { status: 'online', capacity: { chat: 1, phone: 0 }, defaultCapacity: 2 });
    await routeTeam(s, admin, team.id, { mode: 'round_robin' });
    const chats = [await open(team.id, { channel: 'chat' }), await open(team.id, { channel: 'chat' })];
    const mails = [await open(team.id, { channel: 'email' }), await open(team.id, { channel: 'email' }), await open(team.id, { channel: 'email' })];
    const phone = await open(team.id, { channel: 'phone' });
    assert.equal(await drain(team.id), 3);
    assert.deepEqual(await Promise.all([...chats, ...mails, phone].map((t) => assigneeOf(t.id))), [c.id, null, c.id, c.id, null, null]);
    assert.deepEqual((await call(s, 'GET', '/api/v1/me/routing', { as: c })).body.load, { chat: 1, email: 2 });
  });

  it('skills: only agents with every skill the ticket requires qualify; a ticket nobody can take does not hold up the rest', async () => {
    const field = await call(s, 'POST', '/api/v1/ticket-fields', { as: admin, body: { key: 'product', label: 'Product', kind: 'select', options: ['shop', 'app'] } });
    assert.equal(field.status, 201, JSON.stringify(field.body));
    const deShop = await makeAgent(s, { name: 'DE shop' });
    const enApp = await makeAgent(s, { name: 'EN app' });
    const deOnly = await makeAgent(s, { name: 'DE only' });
    const team = await makeTeam(s, 'Skills', [deShop, enApp, deOnly]);
    await setRouting(s, admin, deShop, { status: 'online', skills: ['de', 'shop'] });
    await setRouting(s, admin, enApp, { status: 'online', skills: ['en', 'app'] });
    await setRouting(s, admin, deOnly, { status: 'online', skills: ['de'] });
    await routeTeam(s, admin, team.id, { mode: 'load_balanced', skillFields: ['language', 'custom.product'] });
    const contact = async (locale: string) => (await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: `Kunde ${locale}`, email: `${locale}-${Math.random()}@example.org`, locale } })).body.id;
    const de = await contact('de');
    const en = await contact('en');

    const shop = await open(team.id, { requester: { id: de }, custom: { product: 'shop' } });
    const app = await open(team.id, { requester: { id: en }, custom: { product: 'app' } });
    const nobody = await open(team.id, { requester: { id: de }, custom: { product: 'app' } });
    const german = await open(team.id, { requester: { id: de } });
    assert.equal(await drain(team.id), 3);
    assert.equal(await assigneeOf(shop.id), deShop.id);
    assert.equal(await assigneeOf(app.id), enApp.id);
    assert.equal(await assigneeOf(nobody.id), null);
    assert.equal(await assigneeOf(german.id), deOnly.id, 'load-balanced among the two German speakers: the one without work');
    assert.deepEqual((await eventsOf(s, admin, shop.id)).find((e) => e.type === 'routed').after.skills, ['de', 'shop']);

    await setRouting(s, admin, enApp, { skills: ['en', 'app', 'de'] });
    assert.equal(await drain(team.id), 1);
    assert.equal(await assigneeOf(nobody.id), enApp.id);
  });

  it('drains most urgent first, then the earliest SLA breach (none last), then the oldest', async () => {
    const a = await makeAgent(s);
    const team = await makeTeam(s, 'Order', [a]);
    await setRouting(s, admin, a, { status: 'online', defaultCapacity: 1 });
    await routeTeam(s, admin, team.id, { mode: 'round_robin' });
    const n1 = await open(team.id, { subject: 'n1' });
    const l1 = await open(team.id, { subject: 'l1', priority: 'low' });
    const h1 = await open(team.id, { subject: 'h1', priority: 'high' });
    const n2 = await open(team.id, { subject: 'n2' });
    const n3 = await open(team.id, { subject: 'n3' });
    const u1 = await open(team.id, { subject: 'u1', priority: 'urgent' });
    const n4 = await open(team.id, { subject: 'n4' });
    const db = s.servus.services.database.db;
    await db.update(tickets).set({ slaNextBreachAt: new Date('2026-03-02T12:00:00Z') }).where(inArray(tickets.id, [n2.id]));
    await db.update(tickets).set({ slaNextBreachAt: new Date('2026-03-02T11:00:00Z') }).where(inArray(tickets.id, [n3.id]));
    const order = [];
    for (let i = 0; i < 7; i++) {
      assert.equal(await drain(team.id), 1, 'capacity 1: one ticket per drain');
      const [mine] = await db.select({ subject: tickets.subject, id: tickets.id }).from(tickets).where(inArray(tickets.status, ['open'])).then((rows) => rows.filter((r) => [n1, l1, h1, n2, n3, u1, n4].some((t) => t.id === r.id)));
      order.push(mine!.subject);
      await patchTicket(s, admin, mine!.id, { status: 'solved' });
    }
    assert.deepEqual(order, ['u1', 'h1', 'n3', 'n2', 'n1', 'n4', 'l1']);
  });

  it('going offline hands new unanswered work back to the queue in teams set up for it; away keeps it', async () => {
    const a = await makeAgent(s, { name: 'Leaving' });
    const b = await makeAgent(s, { name: 'Staying' });
    const handBack = await makeTeam(s, 'Hands back', [a, b]);
    const keeps = await makeTeam(s, 'Keeps', [a]);
    await routeTeam(s, admin, handBack.id, { mode: 'round_robin', requeueOnOffline: true });
    await routeTeam(s, admin, keeps.id, { mode: 'round_robin' });
    await call(s, 'PATCH', '/api/v1/me/routing', { as: a, body: { status: 'online' } });
    const unanswered = await open(handBack.id);
    const answered = await open(handBack.id);
    const kept = await open(keeps.id);
    await drain(handBack.id);
    await drain(keeps.id);
    assert.deepEqual([await assigneeOf(unanswered.id), await assigneeOf(answered.id), await assigneeOf(kept.id)], [a.id, a.id, a.id]);
    const reply = await call(s, 'POST', `/api/v1/tickets/${answered.id}/messages`, { as: a, body: { text: 'On it.' } });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));

    await call(s, 'PATCH', '/api/v1/me/routing', { as: a, body: { status: 'away' } });
    assert.equal(await assigneeOf(unanswered.id), a.id, 'away keeps the work');
    const off = await call(s, 'PATCH', '/api/v1/me/routing', { as: a, body: { status: 'offline' } });
    assert.equal(off.status, 200);
    assert.deepEqual([await assigneeOf(unanswered.id), await assigneeOf(answered.id), await assigneeOf(kept.id)], [null, a.id, a.id]);
    const log = await eventsOf(s, admin, unanswered.id);
    const unassigned = log.filter((e) => e.type === 'assignee_changed').at(-1);
    assert.deepEqual([unassigned.actor.kind, unassigned.before, unassigned.after], ['automation', a.id, null]);
    assert.deepEqual(log.find((e) => e.type === 'requeued').after, { agentId: a.id, reason: 'agent_offline' });

    assert.equal(await drain(handBack.id), 0, 'nobody online');
    await call(s, 'PATCH', '/api/v1/me/routing', { as: b, body: { status: 'online' } });
    assert.equal(await drain(handBack.id), 1);
    assert.equal(await assigneeOf(unanswered.id), b.id);
  });
});
