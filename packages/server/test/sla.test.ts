import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { tickets } from '../src/modules/tickets/schema.ts';
import { recomputeTicketSla } from '../src/modules/sla/ticket-sla.ts';
import { checkSlaBreaches } from '../src/modules/sla/sla-jobs.ts';

/** Mon–Fri 09:00–17:00 Europe/Berlin (METRICS §8.3). */
const day = [{ start: '09:00', end: '17:00' }];
const weekly = { '1': day, '2': day, '3': day, '4': day, '5': day };
const paths = (body: any): string[] => (body?.error?.details ?? []).map((d: { path: string }) => d.path);
const target = (sla: any, metric: string) => sla?.targets.find((t: any) => t.metric === metric);

describe('SLA policies and ticket SLA clocks (METRICS §1.2, §8.3, §9)', () => {
  const clock = new ManualClock(new Date('2025-06-01T08:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let agent: TestAgent;
  const team: Record<'BY' | 'BE' | 'BYclosed', string> = { BY: '', BE: '', BYclosed: '' };
  let vip: any;
  let standard: any;

  const at = (iso: string) => clock.set(iso);
  async function open(teamId: string, extra: Record<string, unknown> = {}) {
    const res = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'Drucker brennt', requester: { email: `kunde-${Math.random()}@example.org` }, message: { text: 'Hilfe!' }, teamId, ...extra } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function reply(id: string, extra: Record<string, unknown> = {}) {
    const res = await call(s, 'POST', `/api/v1/tickets/${id}/messages`, { as: admin, body: { text: 'Antwort', ...extra } });
    assert.ok(res.status === 201 || res.status === 200, JSON.stringify(res.body));
  }
  async function sla(id: string) {
    const res = await call(s, 'GET', `/api/v1/tickets/${id}`, { as: admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.sla;
  }

  before(async () => {
    s = await startTestServer({ clock, env: { SERVUS_ROLES: 'http,worker' } });
    admin = await makeAgent(s, { role: 'admin' });
    agent = await makeAgent(s);
    const calendars = {
      BY: { name: 'Bayern', timeZone: 'Europe/Berlin', weekly, holidays: { country: 'DE', state: 'BY' } },
      BE: { name: 'Berlin', timeZone: 'Europe/Berlin', weekly, holidays: { country: 'DE', state: 'BE' } },
      BYclosed: { name: 'Bayern, Heiligabend ab 14 Uhr', timeZone: 'Europe/Berlin', weekly, holidays: { country: 'DE', state: 'BY' }, closures: [{ date: '2025-12-24', from: '14:00' }] },
    };
    for (const key of ['BY', 'BE', 'BYclosed'] as const) {
      const cal = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: calendars[key] });
      assert.equal(cal.status, 201, JSON.stringify(cal.body));
      const t = await makeTeam(s, `Team ${key}`);
      const res = await call(s, 'PATCH', `/api/v1/teams/${t.id}`, { as: admin, body: { calendarId: cal.body.id } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      team[key] = t.id;
    }
    const v = await call(s, 'POST', '/api/v1/sla-policies', {
      as: admin,
      headers: { 'idempotency-key': 'sla-vip' },
      body: { name: 'VIP', conditions: { tags: ['vip', 'gold'] }, targets: { normal: { first_reply: { minutes: 60, businessHours: false } } } },
    });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    vip = v.body;
    const d = await call(s, 'POST', '/api/v1/sla-policies', {
      as: admin,
      body: {
        name: 'Standard',
        targets: {
          normal: { first_reply: { minutes: 480 }, next_reply: { minutes: 480 }, resolution: { minutes: 480 }, periodic_update: { minutes: 4800, businessHours: false } },
          high: { first_reply: { minutes: 120 } },
        },
      },
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    standard = d.body;
  });
  after(() => s?.close());

  it('creates policies last in order with defaults, replays an Idempotency-Key and lists them for every agent', async () => {
    assert.deepEqual([vip.position, standard.position], [0, 1]);
    assert.equal(vip.active, true);
    assert.equal(standard.warnBeforeMinutes, 30);
    assert.deepEqual(standard.conditions, {});
    assert.equal(standard.targets.normal.first_reply.businessHours, true);
    const again = await call(s, 'POST', '/api/v1/sla-policies', { as: admin, headers: { 'idempotency-key': 'sla-vip' }, body: { name: 'VIP', conditions: { tags: ['vip', 'gold'] }, targets: { normal: { first_reply: { minutes: 60, businessHours: false } } } } });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, vip.id);
    const list = await call(s, 'GET', '/api/v1/sla-policies', { as: agent });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.data.map((p: any) => p.id), [vip.id, standard.id]);
    const one = await call(s, 'GET', `/api/v1/sla-policies/${standard.id}`, { as: agent });
    assert.deepEqual(one.body, standard);
  });

  it('ticket H: first reply 60, next reply 60, requester wait 120 business minutes, paused while pending (§8.3)', async () => {
    at('2025-06-02T07:00:00Z'); // Mon 09:00 CEST
    const h = await open(team.BY);
    let state = await sla(h.id);
    assert.equal(state.policyId, standard.id);
    assert.equal(state.policyName, 'Standard');
    assert.equal(target(state, 'first_reply').dueAt, '2025-06-02T15:00:00.000Z');
    assert.equal(target(state, 'resolution').status, 'active');
    at('2025-06-02T08:00:00Z'); // 10:00: public reply and Pending
    await reply(h.id, { status: 'pending' });
    at('2025-06-03T12:00:00Z'); // Tuesday, still pending
    state = await sla(h.id);
    assert.equal(target(state, 'first_reply').status, 'achieved');
    assert.equal(target(state, 'first_reply').elapsedMinutes, 60);
    assert.equal(target(state, 'first_reply').fulfilledAt, '2025-06-02T08:00:00.000Z');
    const paused = target(state, 'resolution');
    assert.deepEqual([paused.status, paused.dueAt, paused.elapsedMinutes], ['paused', null, 60]);
    assert.equal(target(state, 'next_reply'), undefined, 'no next-reply wait yet');
    at('2025-06-04T09:00:00Z'); // Wed 11:00: the customer answers, the ticket reopens
    const c = await call(s, 'POST', `/api/v1/tickets/${h.id}/messages`, { as: admin, body: { text: 'Geht immer noch nicht', asRequester: true } });
    assert.ok(c.status < 300, JSON.stringify(c.body));
    state = await sla(h.id);
    assert.equal(target(state, 'resolution').status, 'active');
    // 420 business minutes left from Wed 11:00: 360 on Wednesday, 60 on Thursday.
    assert.equal(target(state, 'resolution').dueAt, '2025-06-05T08:00:00.000Z');
    assert.equal(target(state, 'next_reply').dueAt, '2025-06-05T09:00:00.000Z');
    assert.equal(state.nextBreachAt, '2025-06-05T08:00:00.000Z');
    at('2025-06-04T10:00:00Z'); // 12:00: reply and Solved
    await reply(h.id, { status: 'solved' });
    state = await sla(h.id);
    const rwt = target(state, 'resolution');
    assert.deepEqual([rwt.status, rwt.elapsedMinutes, rwt.fulfilledAt], ['achieved', 120, '2025-06-04T10:00:00.000Z']);
    assert.deepEqual([target(state, 'next_reply').status, target(state, 'next_reply').elapsedMinutes], ['achieved', 60]);
    assert.equal(state.nextBreachAt, null);
  });

  it('F-A and D-1: Friday 16:30 to Tuesday over Pfingstmontag is 105 business minutes; 480 are due Tuesday 16:30 CEST', async () => {
    at('2025-06-06T14:30:00Z');
    const t = await open(team.BY);
    const vipTicket = await open(team.BY, { tags: ['vip'] });
    let state = await sla(t.id);
    assert.equal(target(state, 'first_reply').dueAt, '2025-06-10T14:30:00.000Z');
    assert.equal(target(state, 'first_reply').status, 'active');
    // The first matching policy in order wins: the VIP ticket gets the VIP policy's calendar-time target.
    const vipState = await sla(vipTicket.id);
    assert.equal(vipState.policyId, vip.id);
    assert.equal(target(vipState, 'first_reply').dueAt, '2025-06-06T15:30:00.000Z');
    at('2025-06-09T12:00:00Z'); // Pfingstmontag: nothing counts
    state = await sla(t.id);
    assert.equal(target(state, 'first_reply').elapsedMinutes, 30);
    assert.equal(target(state, 'first_reply').dueAt, '2025-06-10T14:30:00.000Z');
    assert.equal((await sla(vipTicket.id)).targets[0].status, 'breached');
    at('2025-06-10T08:15:00Z');
    await reply(t.id);
    await reply(vipTicket.id);
    state = await sla(t.id);
    assert.deepEqual([target(state, 'first_reply').status, target(state, 'first_reply').elapsedMinutes], ['achieved', 105]);
    const late = target(await sla(vipTicket.id), 'first_reply');
    assert.deepEqual([late.status, late.elapsedMinutes, late.breachedAt, late.businessHours], ['breached', 5385, '2025-06-06T15:30:00.000Z', false]);
  });

  it('priority picks the target: a high ticket is due after 120 business minutes', async () => {
    at('2025-06-06T14:30:00Z');
    const t = await open(team.BY, { priority: 'high' });
    const state = await sla(t.id);
    assert.equal(state.policyId, standard.id);
    assert.deepEqual(state.targets.map((x: any) => x.metric), ['first_reply']);
    assert.equal(target(state, 'first_reply').targetMinutes, 120);
    assert.equal(target(state, 'first_reply').dueAt, '2025-06-10T08:30:00.000Z');
  });

  it('F-B (BY, Fronleichnam) is 90, D-2 due Friday 16:00; F-B\' (BE) is 570 and breached Thursday 16:00', async () => {
    at('2025-06-18T14:00:00Z'); // Wed 16:00 CEST
    const by = await open(team.BY);
    const be = await open(team.BE);
    assert.equal(target(await sla(by.id), 'first_reply').dueAt, '2025-06-20T14:00:00.000Z');
    assert.equal(target(await sla(be.id), 'first_reply').dueAt, '2025-06-19T14:00:00.000Z');
    at('2025-06-20T07:30:00Z'); // Fri 09:30
    await reply(by.id);
    await reply(be.id);
    const a = target(await sla(by.id), 'first_reply');
    assert.deepEqual([a.status, a.elapsedMinutes], ['achieved', 90]);
    const b = target(await sla(be.id), 'first_reply');
    assert.deepEqual([b.status, b.elapsedMinutes, b.breachedAt], ['breached', 570, '2025-06-19T14:00:00.000Z']);
  });

  it('F-D: Christmas Eve 16:00 to Monday 09:45 is 105 business minutes, 45 when 24 Dec closes at 14:00', async () => {
    at('2025-12-24T15:00:00Z'); // Wed 16:00 CET
    const open24 = await open(team.BY);
    const closed24 = await open(team.BYclosed);
    at('2025-12-29T08:45:00Z');
    await reply(open24.id);
    await reply(closed24.id);
    assert.equal(target(await sla(open24.id), 'first_reply').elapsedMinutes, 105);
    assert.equal(target(await sla(closed24.id), 'first_reply').elapsedMinutes, 45);
  });

  it('first reply on a ticket an agent opened runs from the customer\'s first message (§9.2); automated messages never fulfil', async () => {
    at('2025-12-29T09:00:00Z');
    const t = await open(team.BY, { messageAuthor: 'agent' });
    let state = await sla(t.id);
    assert.equal(target(state, 'first_reply'), undefined, 'the clock has not started');
    at('2025-12-29T10:00:00Z');
    await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: admin, body: { text: 'Danke', asRequester: true } });
    state = await sla(t.id);
    assert.equal(target(state, 'first_reply').status, 'active');
    assert.equal(target(state, 'first_reply').dueAt, '2025-12-30T10:00:00.000Z');
  });

  it('stores the applied policy and next breach on the ticket after each change (worker) and on recompute', async () => {
    at('2025-12-30T09:00:00Z');
    const t = await open(team.BY);
    const db = s.servus.services.database.db;
    const stored = async () => (await db.select({ p: tickets.slaPolicyId, n: tickets.slaNextBreachAt }).from(tickets).where(eq(tickets.id, t.id)))[0]!;
    const live = await sla(t.id);
    for (let i = 0; i < 100 && (await stored()).p === null; i++) await new Promise((r) => setTimeout(r, 20));
    let row = await stored();
    assert.equal(row.p, standard.id);
    assert.equal(row.n?.toISOString(), live.nextBreachAt);
    await db.update(tickets).set({ slaPolicyId: null, slaNextBreachAt: null }).where(eq(tickets.id, t.id));
    const recomputed = await recomputeTicketSla({ db, clock }, t.id);
    assert.deepEqual(recomputed, live);
    row = await stored();
    assert.deepEqual([row.p, row.n?.toISOString()], [standard.id, live.nextBreachAt]);
  });

  it('reorders policies: every id exactly once, and the new first match wins', async () => {
    at('2025-12-30T10:00:00Z');
    const t = await open(team.BY, { tags: ['gold'] });
    assert.equal((await sla(t.id)).policyId, vip.id);
    for (const ids of [[standard.id], [standard.id, vip.id, vip.id], [standard.id, vip.id, '00000000-0000-4000-8000-000000000000']]) {
      const bad = await call(s, 'PUT', '/api/v1/sla-policies/order', { as: admin, body: { ids } });
      assert.equal(bad.status, 400, JSON.stringify(ids));
      assert.ok(paths(bad.body).includes('body.ids'), JSON.stringify(bad.body));
    }
    const forbidden = await call(s, 'PUT', '/api/v1/sla-policies/order', { as: agent, body: { ids: [standard.id, vip.id] } });
    assert.equal(forbidden.status, 403);
    const res = await call(s, 'PUT', '/api/v1/sla-policies/order', { as: admin, body: { ids: [standard.id, vip.id] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data.map((p: any) => [p.id, p.position]), [[standard.id, 0], [vip.id, 1]]);
    assert.equal((await sla(t.id)).policyId, standard.id);
    // An inactive policy is skipped.
    const off = await call(s, 'PATCH', `/api/v1/sla-policies/${standard.id}`, { as: admin, body: { active: false } });
    assert.equal(off.status, 200);
    assert.equal((await sla(t.id)).policyId, vip.id);
    await call(s, 'PATCH', `/api/v1/sla-policies/${standard.id}`, { as: admin, body: { active: true } });
  });

  it('validates policies and lets only admins change them', async () => {
    const bad = await call(s, 'POST', '/api/v1/sla-policies', { as: admin, body: { name: '', targets: { normal: { first_reply: { minutes: 0 } }, whenever: {} } } });
    assert.equal(bad.status, 400);
    assert.ok(paths(bad.body).some((p) => p.startsWith('body.targets')), JSON.stringify(bad.body));
    const dup = await call(s, 'POST', '/api/v1/sla-policies', { as: admin, body: { name: 'standard', targets: {} } });
    assert.equal(dup.status, 409);
    assert.deepEqual(paths(dup.body), ['body.name']);
    const badCond = await call(s, 'PATCH', `/api/v1/sla-policies/${vip.id}`, { as: admin, body: { conditions: { priorities: ['asap'] } } });
    assert.equal(badCond.status, 400);
    for (const [method, url, body] of [
      ['POST', '/api/v1/sla-policies', { name: 'Mine', targets: {} }],
      ['PATCH', `/api/v1/sla-policies/${vip.id}`, { name: 'Mine' }],
      ['DELETE', `/api/v1/sla-policies/${vip.id}`, undefined],
    ] as const) {
      const res = await call(s, method, url, { as: agent, body });
      assert.equal(res.status, 403, `${method} ${url}`);
    }
    const renamed = await call(s, 'PATCH', `/api/v1/sla-policies/${vip.id}`, { as: admin, body: { name: 'VIP Gold', warnBeforeMinutes: 15 } });
    assert.deepEqual([renamed.status, renamed.body.name, renamed.body.warnBeforeMinutes], [200, 'VIP Gold', 15]);
    assert.deepEqual(renamed.body.conditions, { tags: ['vip', 'gold'] }, 'fields left out of a PATCH keep their value');
    const onlyName = await call(s, 'PATCH', `/api/v1/sla-policies/${vip.id}`, { as: admin, body: { name: 'VIP Gold' } });
    assert.deepEqual([onlyName.body.warnBeforeMinutes, onlyName.body.conditions], [15, { tags: ['vip', 'gold'] }]);
    const extra = await call(s, 'POST', '/api/v1/sla-policies', { as: admin, body: { name: 'Temporary', targets: {} } });
    assert.equal(extra.body.position, 2);
    assert.equal((await call(s, 'DELETE', `/api/v1/sla-policies/${extra.body.id}`, { as: admin })).status, 204);
    assert.equal((await call(s, 'GET', `/api/v1/sla-policies/${extra.body.id}`, { as: admin })).status, 404);
    assert.equal((await call(s, 'DELETE', `/api/v1/sla-policies/${extra.body.id}`, { as: admin })).status, 404);
  });

  it('sla.check logs one warning and one breach per target instance, then moves the stored next breach on', async () => {
    at('2026-01-05T08:00:00Z'); // Mon 09:00 CET, Berlin (6 Jan is no holiday there)
    const t = await open(team.BE);
    const db = s.servus.services.database.db;
    await recomputeTicketSla({ db, clock }, t.id);
    const slaEvents = async () => (await call(s, 'GET', `/api/v1/tickets/${t.id}/events`, { as: admin })).body.data.filter((e: any) => e.type.startsWith('sla_'));
    const mine = async () => (await slaEvents()).length;
    at('2026-01-05T15:00:00Z');
    await checkSlaBreaches(s.servus.services);
    assert.equal(await mine(), 0);
    at('2026-01-05T15:40:00Z'); // 20 minutes before 17:00 CET, inside the 30-minute warning
    await checkSlaBreaches(s.servus.services);
    await checkSlaBreaches(s.servus.services);
    let logged = await slaEvents();
    assert.deepEqual(logged.map((e: any) => [e.type, e.after.metric]).sort(), [['sla_warning', 'first_reply'], ['sla_warning', 'resolution']]);
    at('2026-01-05T16:01:00Z');
    await checkSlaBreaches(s.servus.services);
    await checkSlaBreaches(s.servus.services);
    logged = await slaEvents();
    assert.equal(logged.length, 4);
    const breach = logged.find((e: any) => e.type === 'sla_breached' && e.after.metric === 'first_reply');
    assert.equal(breach.after.breachedAt, '2026-01-05T16:00:00.000Z');
    const [row] = await db.select({ n: tickets.slaNextBreachAt }).from(tickets).where(eq(tickets.id, t.id));
    assert.equal(row!.n?.toISOString(), '2026-01-08T16:00:00.000Z', 'the periodic update (4800 calendar minutes) is next');
  });

  it('a customer tier condition picks the policy; changing the tier or the rules recomputes the stored SLA of open tickets', async () => {
    at('2026-02-02T08:00:00Z');
    const db = s.servus.services.database.db;
    const org = await call(s, 'POST', '/api/v1/organizations', { as: admin, body: { name: `Großkunde ${Math.random()}`, tier: 'Enterprise' } });
    assert.equal(org.status, 201, JSON.stringify(org.body));
    assert.equal(org.body.tier, 'Enterprise');
    const agentSetsTier = await call(s, 'PATCH', `/api/v1/organizations/${org.body.id}`, { as: agent, body: { tier: 'Basic' } });
    assert.equal(agentSetsTier.status, 403, 'only admins set the tier that decides the SLA');
    const enterprise = await call(s, 'POST', '/api/v1/sla-policies', {
      as: admin,
      body: { name: 'Enterprise', conditions: { tiers: ['enterprise'] }, targets: { normal: { first_reply: { minutes: 30, businessHours: false } } } },
    });
    assert.equal(enterprise.status, 201, JSON.stringify(enterprise.body));
    const order = [enterprise.body.id, ...(await call(s, 'GET', '/api/v1/sla-policies', { as: admin })).body.data.map((p: any) => p.id).filter((id: string) => id !== enterprise.body.id)];
    assert.equal((await call(s, 'PUT', '/api/v1/sla-policies/order', { as: admin, body: { ids: order } })).status, 200);
    const contact = await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: 'Erika', organizationId: org.body.id, identities: [{ kind: 'email', value: `erika-${Math.random()}@example.org` }] } });
    assert.equal(contact.status, 201, JSON.stringify(contact.body));
    const t = await open(team.BE, { requester: { id: contact.body.id } });
    assert.equal((await sla(t.id)).policyId, enterprise.body.id);
    assert.equal(target(await sla(t.id), 'first_reply').dueAt, '2026-02-02T08:30:00.000Z');
    const other = await open(team.BE);
    assert.notEqual((await sla(other.id)).policyId, enterprise.body.id, 'a ticket without the tier does not match');

    const storedPolicy = async () => (await db.select({ p: tickets.slaPolicyId }).from(tickets).where(eq(tickets.id, t.id)))[0]!.p;
    const eventually = async (want: string | null) => {
      for (let i = 0; i < 250 && (await storedPolicy()) !== want; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await storedPolicy(), want);
    };
    await eventually(enterprise.body.id);
    const downgraded = await call(s, 'PATCH', `/api/v1/organizations/${org.body.id}`, { as: admin, body: { tier: '' } });
    assert.deepEqual([downgraded.status, downgraded.body.tier], [200, null]);
    await eventually(standard.id);
    await call(s, 'PATCH', `/api/v1/organizations/${org.body.id}`, { as: admin, body: { tier: 'ENTERPRISE' } });
    await eventually(enterprise.body.id);
    assert.equal((await call(s, 'DELETE', `/api/v1/sla-policies/${enterprise.body.id}`, { as: admin })).status, 204);
    await eventually(standard.id);
  });

  it('a full recompute equals the live state, and sort=sla_next_breach_at pages by it with tickets without one last', async () => {
    const db = s.servus.services.database.db;
    const all = await db.select({ id: tickets.id }).from(tickets);
    for (const { id } of all) {
      const live = await sla(id);
      assert.deepEqual(await recomputeTicketSla({ db, clock }, id), live);
    }
    const stored = new Map((await db.select({ id: tickets.id, n: tickets.slaNextBreachAt }).from(tickets)).map((r) => [r.id, r.n?.getTime() ?? null]));
    for (const sort of ['sla_next_breach_at', '-sla_next_breach_at']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await call(s, 'GET', `/api/v1/tickets?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: admin });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        seen.push(...res.body.data.map((x: any) => x.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen).size, all.length);
      const values = seen.map((id) => stored.get(id) ?? null);
      const firstNull = values.indexOf(null);
      assert.ok(firstNull > 0 && values.slice(firstNull).every((v) => v === null), 'nulls last');
      const dated = values.slice(0, firstNull) as number[];
      const sorted = [...dated].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
      assert.deepEqual(dated, sorted, sort);
    }
  });

  it('filters by next SLA breach within N minutes, overdue included, in lists and saved views', async () => {
    const db = s.servus.services.database.db;
    const rows = await db.select({ id: tickets.id, n: tickets.slaNextBreachAt }).from(tickets);
    const now = clock.now().getTime();
    for (const within of [0, 60, 24 * 60, 10_080]) {
      const want = rows.filter((r) => r.n && r.n.getTime() <= now + within * 60_000).map((r) => r.id).sort();
      const res = await call(s, 'GET', `/api/v1/tickets?slaDueWithin=${within}&limit=100`, { as: admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.data.map((x: any) => x.id).sort(), want, `within ${within}`);
      for (const x of res.body.data) assert.equal(x.slaNextBreachAt, rows.find((r) => r.id === x.id)!.n!.toISOString());
    }
    assert.ok(rows.some((r) => r.n) && rows.some((r) => !r.n), 'the data has tickets with and without a due SLA');
    const bad = await call(s, 'GET', '/api/v1/tickets?slaDueWithin=-5', { as: admin });
    assert.equal(bad.status, 400);
    const view = await call(s, 'POST', '/api/v1/views', { as: admin, body: { name: 'Due within a day', filters: { slaDueWithin: 1440 }, sort: 'sla_next_breach_at' } });
    assert.equal(view.status, 201, JSON.stringify(view.body));
    const listed = await call(s, 'GET', `/api/v1/views/${view.body.id}/tickets?limit=100`, { as: admin });
    const want = rows.filter((r) => r.n && r.n.getTime() <= now + 1440 * 60_000)
      // Ties are broken by id, as the list does.
      .sort((a, b) => a.n!.getTime() - b.n!.getTime() || (a.id < b.id ? -1 : 1));
    assert.deepEqual(listed.body.data.map((x: any) => x.id), want.map((r) => r.id));
    const counts = await call(s, 'GET', '/api/v1/views/counts', { as: admin });
    assert.equal(counts.body.counts[view.body.id], want.length);
  });
});
