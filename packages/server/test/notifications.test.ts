import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { inTransaction, makeCtx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import type { DomainEvent } from '../src/platform/events.ts';
import { notify } from '../src/modules/notifications/notify.ts';

/**
 * Agent notifications through the real event flow: requests commit domain events, the worker
 * role's subscription writes notifications, the WebSocket pushes them to the agent's tabs.
 */
describe('agent notifications', () => {
  let s: TestServer;
  let base: string;
  let admin: TestAgent;
  let anna: TestAgent;
  let ben: TestAgent;
  let carl: TestAgent;
  let olga: TestAgent;
  let support: { id: string };
  let elsewhere: { id: string };

  const inbox = async (a: TestAgent, query = '') => {
    const res = await call(s, 'GET', `/api/v1/notifications${query}`, { as: a });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { data: any[]; unreadCount: number; nextCursor: string | null };
  };
  /** Waits until the worker has handled everything committed so far. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await s.servus.services.events.flush();
      await new Promise((r) => setTimeout(r, 60));
    }
  }
  async function waitFor(a: TestAgent, pred: (n: any) => boolean, what: string) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const hit = (await inbox(a)).data.find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify((await inbox(a)).data.map((n) => n.title))}`);
      await settle();
    }
  }
  async function open(as: TestAgent, body: Record<string, unknown> = {}) {
    const res = await call(s, 'POST', '/api/v1/tickets', { as, body: { subject: 'Drucker druckt nicht', requester: { email: `kunde-${Math.random()}@example.org`, name: 'Kim Kunde' }, message: { text: 'Hilfe' }, teamId: support.id, ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const emit = (e: DomainEvent) => inTransaction(makeCtx(s.servus.services, SYSTEM_ACTOR), async (_tx, em) => em(e));
  const setPrefs = async (a: TestAgent, change: (p: any) => void) => {
    const p = (await call(s, 'GET', '/api/v1/notifications/preferences', { as: a })).body;
    delete p.emailAvailable;
    change(p);
    const res = await call(s, 'PUT', '/api/v1/notifications/preferences', { as: a, body: p });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  before(async () => {
    s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws,worker' } });
    base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    anna = await makeAgent(s, { name: 'Anna Berger' });
    ben = await makeAgent(s, { name: 'Ben Krause' });
    carl = await makeAgent(s, { name: 'Carl Clerk' });
    olga = await makeAgent(s, { name: 'Olga Other' });
    support = await makeTeam(s, 'Support', [anna, ben, carl]);
    elsewhere = await makeTeam(s, 'Elsewhere', [olga]);
  });
  after(() => s?.close());

  it('starts with the documented defaults: new team tickets off, digest hourly', async () => {
    const p = (await call(s, 'GET', '/api/v1/notifications/preferences', { as: anna })).body;
    assert.deepEqual(p.kinds.team_ticket, { inApp: false, email: false });
    assert.deepEqual(p.kinds.assigned, { inApp: true, email: true });
    assert.equal(p.digest, 'hourly');
    assert.equal(p.teamReplies, true);
    assert.equal(p.emailAvailable, false, 'no SMTP_URL in this server');
    const bad = await call(s, 'PUT', '/api/v1/notifications/preferences', { as: anna, body: { ...p, digest: 'weekly' } });
    assert.equal(bad.status, 400);
  });

  it('tells an agent about a ticket assigned to them by someone else, never about their own doing', async () => {
    const t = await open(ben);
    assert.equal((await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: ben, body: { assigneeId: anna.id } })).status, 200);
    const n = await waitFor(anna, (x) => x.ticketId === t.id && x.kind === 'assigned', 'the assignment');
    assert.equal(n.title, `#${t.number} assigned to you: Drucker druckt nicht`);
    assert.equal(n.body, 'Assigned by Ben Krause');
    assert.equal(n.readAt, null);
    const mine = await open(ben);
    await call(s, 'PATCH', `/api/v1/tickets/${mine.id}`, { as: ben, body: { assigneeId: ben.id } });
    const created = await open(anna, { assigneeId: anna.id });
    await settle();
    assert.ok(!(await inbox(ben)).data.some((x) => x.ticketId === mine.id), 'Ben took it himself');
    assert.ok(!(await inbox(anna)).data.some((x) => x.ticketId === created.id), 'Anna opened it for herself');
  });

  it('speaks the agent’s language', async () => {
    await call(s, 'PATCH', '/api/v1/auth/me', { as: carl, body: { locale: 'de' } });
    const t = await open(ben, { assigneeId: carl.id });
    const n = await waitFor(carl, (x) => x.ticketId === t.id, 'the German assignment');
    assert.equal(n.title, `#${t.number} wurde Ihnen zugewiesen: Drucker druckt nicht`);
    assert.equal(n.body, 'Zugewiesen von Ben Krause');
  });

  it('tells the assignee about a customer reply, or the team when nobody is assigned, as each agent chose', async () => {
    const assigned = await open(ben, { assigneeId: anna.id });
    await call(s, 'POST', `/api/v1/tickets/${assigned.id}/messages`, { as: ben, body: { text: 'Der Drucker ist wieder da.\n\nDanke!', asRequester: true } });
    const n = await waitFor(anna, (x) => x.ticketId === assigned.id && x.kind === 'customer_reply', 'the reply');
    assert.equal(n.body, 'Der Drucker ist wieder da. Danke!');
    await setPrefs(carl, (p) => (p.teamReplies = false));
    const unassigned = await open(admin);
    await settle();
    for (const a of [anna, ben, carl]) assert.ok(!(await inbox(a)).data.some((x) => x.ticketId === unassigned.id && x.kind === 'customer_reply'), 'the opening message is no reply');
    await call(s, 'POST', `/api/v1/tickets/${unassigned.id}/messages`, { as: admin, body: { text: 'Noch da?', asRequester: true } });
    await waitFor(anna, (x) => x.ticketId === unassigned.id && x.kind === 'customer_reply', 'the team reply for Anna');
    await waitFor(ben, (x) => x.ticketId === unassigned.id && x.kind === 'customer_reply', 'the team reply for Ben');
    assert.ok(!(await inbox(carl)).data.some((x) => x.ticketId === unassigned.id), 'Carl turned team replies off');
    assert.ok(!(await inbox(olga)).data.some((x) => x.ticketId === unassigned.id), 'not Olga’s team');
  });

  it('announces new team tickets only to agents who turned that on', async () => {
    await setPrefs(anna, (p) => (p.kinds.team_ticket = { inApp: true, email: false }));
    const t = await open(admin, { subject: 'Neues Problem' });
    const n = await waitFor(anna, (x) => x.ticketId === t.id && x.kind === 'team_ticket', 'the new team ticket');
    assert.equal(n.title, `New ticket #${t.number} for Support: Neues Problem`);
    await settle();
    assert.ok(!(await inbox(ben)).data.some((x) => x.ticketId === t.id), 'off by default');
  });

  it('warns the assignee of SLA warnings and breaches, and the team of escalations', async () => {
    const t = await open(admin, { assigneeId: ben.id });
    await emit({ type: 'ticket.sla_warning', payload: { ticketId: t.id, number: t.number, metric: 'first_reply', dueAt: '2026-03-02T14:30:00.000Z' }, actor: { kind: 'system', id: null } });
    await emit({ type: 'ticket.sla_breached', payload: { ticketId: t.id, number: t.number, metric: 'resolution', dueAt: '2026-03-02T16:00:00.000Z' }, actor: { kind: 'system', id: null } });
    const warning = await waitFor(ben, (x) => x.ticketId === t.id && x.kind === 'sla_warning', 'the SLA warning');
    assert.equal(warning.title, `SLA due soon on #${t.number}: Drucker druckt nicht`);
    assert.equal(warning.body, 'First reply due 2 Mar 2026, 15:30', 'in the agent’s time zone (Europe/Berlin)');
    const breach = await waitFor(ben, (x) => x.ticketId === t.id && x.kind === 'sla_breached', 'the SLA breach');
    assert.match(breach.body, /^Resolution was due/);
    assert.ok(!(await inbox(anna)).data.some((x) => x.ticketId === t.id && x.kind.startsWith('sla')), 'only the assignee');

    const moved = await open(admin, { teamId: elsewhere.id });
    await emit({
      type: 'ticket.escalated',
      payload: { ticketId: moved.id, number: moved.number, fromTeamId: support.id, toTeamId: elsewhere.id, tier: 2, kind: 'hierarchical', reason: 'No first reply within 4 hours' },
      actor: { kind: 'automation', id: null },
    });
    const esc = await waitFor(olga, (x) => x.ticketId === moved.id && x.kind === 'escalated', 'the escalation');
    assert.equal(esc.title, `#${moved.number} escalated to Elsewhere: Drucker druckt nicht`);
    assert.equal(esc.body, 'No first reply within 4 hours');
  });

  it('writes rule notifications through notify(): teams and agents once each, never the acting agent, never about tickets they cannot see', async () => {
    const t = await open(admin);
    const services = s.servus.services;
    const auto = makeCtx(services, { kind: 'automation', id: null });
    const written = await inTransaction(auto, (tx) => notify(tx, auto, { teamIds: [support.id], agentIds: [anna.id, olga.id], kind: 'rule', ticketId: t.id, title: 'VIP customer waiting', body: 'Call back today.' }));
    assert.equal(written, 3, 'Anna, Ben and Carl; Olga cannot see the Support ticket');
    const n = await waitFor(anna, (x) => x.title === 'VIP customer waiting', 'the rule notification');
    assert.equal(n.kind, 'rule');
    assert.equal(n.body, 'Call back today.');
    assert.equal((await inbox(anna)).data.filter((x) => x.title === 'VIP customer waiting').length, 1);
    const asAnna = makeCtx(services, anna.actor);
    const count = await inTransaction(asAnna, (tx) => notify(tx, asAnna, { agentIds: [anna.id, ben.id], kind: 'rule', title: 'Heads up' }));
    assert.equal(count, 1);
    assert.ok(!(await inbox(anna)).data.some((x) => x.title === 'Heads up'));
    await setPrefs(ben, (p) => (p.kinds.rule = { inApp: false, email: false }));
    assert.equal(await inTransaction(auto, (tx) => notify(tx, auto, { agentIds: [ben.id], kind: 'rule', title: 'Muted' })), 0);
  });

  it('marks one or all read, counts the unread and keeps every agent to their own', async () => {
    const before = await inbox(anna);
    assert.ok(before.unreadCount >= 3, JSON.stringify(before));
    const first = before.data[0];
    const hidden = await call(s, 'POST', `/api/v1/notifications/${first.id}/read`, { as: ben });
    const none = await call(s, 'POST', '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read', { as: ben });
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, none.body);
    const read = await call(s, 'POST', `/api/v1/notifications/${first.id}/read`, { as: anna });
    assert.equal(read.status, 200);
    assert.ok(read.body.readAt);
    assert.equal((await inbox(anna)).unreadCount, before.unreadCount - 1);
    assert.ok((await inbox(anna, '?unread=true')).data.every((x) => x.readAt === null && x.id !== first.id));
    const page1 = await inbox(anna, '?limit=2');
    assert.equal(page1.data.length, 2);
    const page2 = await inbox(anna, `?limit=2&cursor=${encodeURIComponent(page1.nextCursor!)}`);
    assert.ok(!page2.data.some((x) => page1.data.some((y) => y.id === x.id)));
    const all = await call(s, 'POST', '/api/v1/notifications/read-all', { as: anna });
    assert.equal(all.body.updated, before.unreadCount - 1);
    assert.equal((await inbox(anna)).unreadCount, 0);
    assert.ok((await inbox(ben)).unreadCount > 0, 'Ben’s stay unread');
  });

  it('pushes new notifications and reads to the agent’s open tabs, and to nobody else', async () => {
    const login = async (a: TestAgent) => String((await call(s, 'POST', '/api/v1/auth/login', { body: { email: a.email, password: a.password } })).headers['set-cookie']).split(';')[0]!;
    const connect = async (a: TestAgent) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/ws`, { headers: { cookie: await login(a) } });
      const got: any[] = [];
      ws.on('message', (d) => got.push(JSON.parse(d.toString())));
      await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
      return { ws, got };
    };
    const tabs = [await connect(anna), await connect(anna)];
    const benTab = await connect(ben);
    const t = await open(ben, { assigneeId: anna.id });
    const pushed = async (tab: { got: any[] }, type: string) => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const hit = tab.got.find((m) => m.type === 'event' && m.event.type === type);
        if (hit) return hit.event;
        if (Date.now() > deadline) throw new Error(`no ${type} push: ${JSON.stringify(tab.got)}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    for (const tab of tabs) {
      const e = await pushed(tab, 'notification.created');
      assert.equal(e.payload.agentId, anna.id);
      assert.equal(e.payload.notification.ticketId, t.id);
      assert.equal(e.payload.notification.kind, 'assigned');
    }
    await call(s, 'POST', '/api/v1/notifications/read-all', { as: anna });
    assert.deepEqual((await pushed(tabs[1]!, 'notification.read')).payload, { agentId: anna.id, ids: 'all' });
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!benTab.got.some((m) => m.type === 'event' && String(m.event.type).startsWith('notification.')), JSON.stringify(benTab.got));
    for (const tab of [...tabs, benTab]) tab.ws.close();
  });
});
