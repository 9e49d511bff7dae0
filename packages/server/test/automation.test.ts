import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { driveAutomation, makeRule, runsOf, ticketOf, type AutomationDriver } from './automation-support.ts';
import { inTransaction, makeCtx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { outboxEvents } from '../src/platform/schema.ts';
import { messages as messagesTable } from '../src/modules/tickets/schema.ts';
import { recomputeTicketSla } from '../src/modules/sla/ticket-sla.ts';
import { checkSlaBreaches } from '../src/modules/sla/sla-jobs.ts';
import { handleAutomationEvent } from '../src/modules/automation/index.ts';

describe('triggers: events, conditions, order, loops and actions', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let drive: AutomationDriver;
  const tick = () => clock.advance(1000);
  const marker = (name: string) => ({ field: 'ticket.tags', operator: 'contains', value: name });

  async function open(body: Record<string, unknown> = {}) {
    tick();
    const res = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'Drucker streikt', requester: { email: `kunde-${Math.random().toString(36).slice(2)}@example.org` }, message: { text: 'Hilfe!' }, ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await drive.settle();
    return res.body;
  }
  async function patch(id: string, body: Record<string, unknown>) {
    tick();
    const res = await call(s, 'PATCH', `/api/v1/tickets/${id}`, { as: admin, body });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await drive.settle();
  }
  async function write(id: string, body: Record<string, unknown>) {
    tick();
    const res = await call(s, 'POST', `/api/v1/tickets/${id}/messages`, { as: admin, body });
    assert.ok(res.status < 300, JSON.stringify(res.body));
    await drive.settle();
  }
  const tags = async (id: string): Promise<string[]> => (await ticketOf(s, admin, id)).tags;
  const messages = async (id: string) => (await call(s, 'GET', `/api/v1/tickets/${id}/messages?limit=100`, { as: admin })).body.data;
  const events = async (id: string) => (await call(s, 'GET', `/api/v1/tickets/${id}/events?limit=500`, { as: admin })).body.data;

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    drive = driveAutomation(s);
  });
  after(async () => {
    drive?.stop();
    await s?.close();
  });

  it('fires on each event kind, and a ticket’s opening message is not a “message received”', async () => {
    const when = (event: string, tag: string, extra: object[] = []) =>
      makeRule(s, admin, { kind: 'trigger', events: [event], conditions: { all: [marker('ev'), ...extra] }, actions: [{ type: 'add_tags', tags: [tag] }] });
    await when('ticket.created', 'ev-created');
    await when('ticket.updated', 'ev-updated', [{ field: 'ticket.priority', operator: 'changed_to', value: 'high' }]);
    await when('message.received', 'ev-received');
    await when('message.sent', 'ev-sent');
    await when('ticket.sla_warning', 'ev-sla-warning');
    await when('ticket.sla_breached', 'ev-sla-breached');
    await when('chat.missed', 'ev-chat-missed');
    const policy = await call(s, 'POST', '/api/v1/sla-policies', { as: admin, body: { name: 'Events', conditions: { tags: ['ev-sla'] }, targets: { normal: { first_reply: { minutes: 60, businessHours: false } } } } });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));

    const t = await open({ tags: ['ev'] });
    assert.deepEqual(await tags(t.id), ['ev', 'ev-created']);
    await patch(t.id, { priority: 'high' });
    assert.ok((await tags(t.id)).includes('ev-updated'));
    await write(t.id, { text: 'Noch eine Frage', asRequester: true });
    assert.ok((await tags(t.id)).includes('ev-received'));
    assert.ok(!(await tags(t.id)).includes('ev-sent'), 'a customer message is not a sent reply');
    await write(t.id, { text: 'Wir sehen nach.' });
    assert.ok((await tags(t.id)).includes('ev-sent'));

    const sla = await open({ tags: ['ev', 'ev-sla'] });
    const db = s.servus.services.database.db;
    await recomputeTicketSla({ db, clock }, sla.id);
    clock.advance(40 * 60_000);
    await checkSlaBreaches(s.servus.services);
    await drive.settle();
    assert.ok((await tags(sla.id)).includes('ev-sla-warning'));
    assert.ok(!(await tags(sla.id)).includes('ev-sla-breached'));
    clock.advance(25 * 60_000);
    await checkSlaBreaches(s.servus.services);
    await drive.settle();
    assert.ok((await tags(sla.id)).includes('ev-sla-breached'));

    await inTransaction(makeCtx(s.servus.services, SYSTEM_ACTOR), async (_tx, emit) => emit({ type: 'chat.missed', payload: { ticketId: t.id }, actor: { kind: 'system', id: null } }));
    await drive.settle();
    const final = await tags(t.id);
    assert.deepEqual(final, ['ev', 'ev-chat-missed', 'ev-created', 'ev-received', 'ev-sent', 'ev-updated']);
    assert.ok(!(await tags(sla.id)).includes('ev-received'), 'the opening message does not fire "message received"');
  });

  it('holds all conditions and at least one of the “any” conditions', async () => {
    await makeRule(s, admin, {
      kind: 'trigger',
      events: ['ticket.updated'],
      conditions: {
        all: [marker('mix'), { field: 'ticket.priority', operator: 'is', value: 'high' }],
        any: [{ field: 'ticket.channel', operator: 'is', value: 'email' }, { field: 'ticket.subject', operator: 'contains', value: 'RECHNUNG' }],
      },
      actions: [{ type: 'add_tags', tags: ['mix-hit'] }],
    });
    const cases = [
      { subject: 'Rechnung fehlt', channel: 'api', priority: 'high', hit: true },
      { subject: 'Hallo', channel: 'email', priority: 'high', hit: true },
      { subject: 'Hallo', channel: 'api', priority: 'high', hit: false },
      { subject: 'Rechnung fehlt', channel: 'email', priority: 'low', hit: false },
    ];
    for (const c of cases) {
      const t = await open({ subject: c.subject, channel: c.channel, tags: ['mix'] });
      await patch(t.id, { priority: c.priority });
      assert.equal((await tags(t.id)).includes('mix-hit'), c.hit, JSON.stringify(c));
    }
  });

  it('runs rules in order, later rules see what earlier ones did, and each rule acts once per event', async () => {
    const first = await makeRule(s, admin, { kind: 'trigger', name: 'Urgent first', events: ['ticket.created'], conditions: { all: [marker('order')] }, actions: [{ type: 'set_priority', value: 'urgent' }] });
    const second = await makeRule(s, admin, {
      kind: 'trigger',
      name: 'Sees urgent',
      events: ['ticket.created'],
      conditions: { all: [marker('order'), { field: 'ticket.priority', operator: 'is', value: 'urgent' }] },
      actions: [{ type: 'add_tags', tags: ['saw-urgent'] }],
    });
    const t = await open({ tags: ['order'] });
    let state = await ticketOf(s, admin, t.id);
    assert.equal(state.priority, 'urgent');
    assert.deepEqual(state.tags, ['order', 'saw-urgent']);

    // The same event again (a retried job) changes nothing.
    const db = s.servus.services.database.db;
    const [row] = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.type, 'ticket.created'), sql`${outboxEvents.payload} -> 'payload' ->> 'ticketId' = ${t.id}`));
    const stored = row!.payload as { payload: Record<string, unknown>; actor: { kind: 'agent'; id: string } };
    for (let i = 0; i < 2; i++) {
      await handleAutomationEvent(s.servus.services, { eventId: row!.id, type: row!.type, payload: stored.payload, actor: stored.actor, createdAt: row!.createdAt.toISOString() });
    }
    await drive.settle();
    assert.equal((await runsOf(s, admin, first.id)).length, 1);
    assert.equal((await runsOf(s, admin, second.id)).length, 1);
    assert.equal((await ticketOf(s, admin, t.id)).version, state.version);

    // The other way round, the tag rule runs while the ticket is still normal.
    const ids = (await call(s, 'GET', '/api/v1/automation-rules?kind=trigger', { as: admin })).body.data.map((r: any) => r.id).filter((id: string) => id !== second.id);
    ids.splice(ids.indexOf(first.id), 0, second.id);
    const reordered = await call(s, 'PUT', '/api/v1/automation-rules/order', { as: admin, body: { kind: 'trigger', ids } });
    assert.equal(reordered.status, 200, JSON.stringify(reordered.body));
    const u = await open({ tags: ['order'] });
    state = await ticketOf(s, admin, u.id);
    assert.equal(state.priority, 'urgent');
    assert.deepEqual(state.tags, ['order']);
    const run = (await runsOf(s, admin, first.id))[0];
    assert.deepEqual([run.ticketNumber, run.event, run.status, run.depth], [u.number, 'ticket.created', 'applied', 0]);
    assert.deepEqual(run.actions, [{ type: 'set_priority', status: 'done' }]);
  });

  it('a rule does not run again on the changes it made itself', async () => {
    const rule = await makeRule(s, admin, {
      kind: 'trigger',
      events: ['ticket.updated'],
      conditions: { all: [marker('self')] },
      actions: [
        { type: 'add_tags', tags: ['self-ran'] },
        { type: 'email_requester', body: 'Hallo {{customer.first_name}}, wir kümmern uns um Ticket #{{ticket.number}}.' },
      ],
    });
    const t = await open({ tags: ['self'], requester: { email: `erika-${Date.now()}@example.org`, name: 'Erika Mustermann' } });
    await patch(t.id, { priority: 'high' });
    const automated = async () => (await messages(t.id)).filter((m: any) => m.author.kind === 'automation');
    assert.deepEqual((await automated()).map((m: any) => [m.kind, m.text]), [['public', `Hallo Erika, wir kümmern uns um Ticket #${t.number}.`]]);
    assert.equal((await runsOf(s, admin, rule.id)).length, 1);
    assert.equal((await ticketOf(s, admin, t.id)).firstReplyAt, null, 'an automatic reply is no first reply (METRICS §9.7)');
    await patch(t.id, { priority: 'low' });
    assert.equal((await automated()).length, 2);
    const runs = await runsOf(s, admin, rule.id);
    assert.deepEqual(runs[0].actions, [{ type: 'add_tags', status: 'skipped', reason: 'no_change' }, { type: 'email_requester', status: 'done' }]);
  });

  it('does not answer an auto-reply, and writes to one customer at most 3 times an hour', async () => {
    const rule = await makeRule(s, admin, {
      kind: 'trigger',
      events: ['message.received'],
      conditions: { all: [marker('ack')] },
      actions: [{ type: 'email_requester', body: 'Danke, wir haben Ihre Nachricht zu #{{ticket.number}} erhalten.' }],
    });
    const t = await open({ tags: ['ack'] });
    const automated = async () => (await messages(t.id)).filter((m: any) => m.author.kind === 'automation').length;
    // An out-of-office answer, as mail intake marks it.
    tick();
    const res = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: admin, body: { text: 'Ich bin im Urlaub.', asRequester: true } });
    await s.servus.services.database.db
      .update(messagesTable)
      .set({ email: { from: null, to: [], cc: [], auth: null, automated: true, bounce: null, hasRemoteImages: false, relatedTicket: null } })
      .where(eq(messagesTable.id, res.body.message.id));
    await drive.settle();
    assert.equal(await automated(), 0);
    assert.deepEqual((await runsOf(s, admin, rule.id))[0].actions, [{ type: 'email_requester', status: 'skipped', reason: 'auto_reply_loop' }]);
    for (let i = 0; i < 4; i++) await write(t.id, { text: `Frage ${i}`, asRequester: true });
    assert.equal(await automated(), 3);
    assert.deepEqual((await runsOf(s, admin, rule.id))[0].actions, [{ type: 'email_requester', status: 'skipped', reason: 'reply_limit' }]);
    clock.advance(61 * 60_000);
    await write(t.id, { text: 'Eine Stunde später', asRequester: true });
    assert.equal(await automated(), 4);
  });

  it('stops a loop of rules at the depth limit with a run, a ticket event and a warning on the rule', async () => {
    // Pong runs before Ping, so on the agent's change only Ping acts and the chain is one line.
    const pong = await makeRule(s, admin, {
      kind: 'trigger',
      name: 'Pong',
      events: ['ticket.updated'],
      conditions: { all: [marker('loop'), { field: 'ticket.tags', operator: 'contains', value: 'pong' }] },
      actions: [{ type: 'remove_tags', tags: ['pong'] }, { type: 'add_tags', tags: ['ping'] }],
    });
    const ping = await makeRule(s, admin, {
      kind: 'trigger',
      name: 'Ping',
      events: ['ticket.updated'],
      conditions: { all: [marker('loop'), { field: 'ticket.tags', operator: 'contains', value: 'ping' }] },
      actions: [{ type: 'remove_tags', tags: ['ping'] }, { type: 'add_tags', tags: ['pong'] }],
    });
    const t = await open({ tags: ['loop'] });
    await patch(t.id, { addTags: ['ping'] });
    // Each answers the other, one level deeper each time, until the fifth level in a row stops Pong.
    const pingRuns = await runsOf(s, admin, ping.id);
    const pongRuns = await runsOf(s, admin, pong.id);
    assert.deepEqual(pingRuns.map((r) => [r.status, r.depth]), [['applied', 4], ['applied', 2], ['applied', 0]]);
    assert.deepEqual(pongRuns.map((r) => [r.status, r.depth]), [['depth_exceeded', 5], ['applied', 3], ['applied', 1]]);
    assert.deepEqual(await tags(t.id), ['loop', 'pong']);
    const stops = (await events(t.id)).filter((e: any) => e.type === 'automation_depth_exceeded');
    assert.equal(stops.length, 1);
    assert.deepEqual(stops[0].after.ruleIds, [pong.id]);
    assert.equal(stops[0].after.depth, 5);
    const listed = (await call(s, 'GET', '/api/v1/automation-rules?kind=trigger', { as: admin })).body.data;
    const warned = listed.find((r: any) => r.id === pong.id);
    assert.deepEqual([warned.warning.code, warned.warning.ticketNumber, warned.runCount], ['depth_exceeded', t.number, 3]);
    assert.equal(listed.find((r: any) => r.id === ping.id).warning, null);
    // Nothing more happens: the chain ended.
    await drive.settle();
    assert.equal((await runsOf(s, admin, pong.id)).length, 3);
    // Switching the rule off keeps the warning; editing it clears it.
    const off = await call(s, 'PATCH', `/api/v1/automation-rules/${pong.id}`, { as: admin, body: { active: false } });
    assert.equal(off.body.warning.code, 'depth_exceeded');
    const edited = await call(s, 'PATCH', `/api/v1/automation-rules/${pong.id}`, { as: admin, body: { actions: [{ type: 'remove_tags', tags: ['pong'] }] } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.warning, null);
  });

  it('sets fields, tags, notifies, mails agents, calls a webhook and applies a shared macro', async () => {
    const xavier = await makeAgent(s, { name: 'Xavier Meier' });
    const team = await makeTeam(s, 'VIP-Team', [xavier]);
    const field = await call(s, 'POST', '/api/v1/ticket-fields', { as: admin, body: { key: 'plan', label: 'Plan', kind: 'select', options: ['basic', 'pro'] } });
    assert.equal(field.status, 201, JSON.stringify(field.body));
    const macro = await call(s, 'POST', '/api/v1/macros', { as: admin, body: { name: 'VIP welcome', scope: 'shared', texts: { de: 'Willkommen im VIP-Service.' }, actions: { addTags: ['macro-applied'] } } });
    assert.equal(macro.status, 201, JSON.stringify(macro.body));
    const hook = await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: { name: 'CRM', url: 'https://crm.example.com/servus' } });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    const rule = await makeRule(s, admin, {
      kind: 'trigger',
      name: 'VIP intake',
      events: ['ticket.created'],
      conditions: { all: [marker('vip-intake')] },
      actions: [
        { type: 'set_team', teamId: team.id },
        { type: 'set_assignee', agentId: xavier.id },
        { type: 'set_type', value: 'incident' },
        { type: 'set_custom', key: 'plan', value: 'pro' },
        { type: 'set_priority', value: 'high' },
        { type: 'add_tags', tags: ['vip'] },
        { type: 'email_agents', recipients: { teamIds: [team.id] }, subject: 'Neues VIP-Ticket #{{ticket.number}}', body: '{{ticket.subject}} von {{customer.name}}: {{ticket.url}}' },
        { type: 'notify', recipients: { assignee: true }, title: 'VIP: {{ticket.subject}}', body: 'Für {{agent.first_name}}' },
        { type: 'webhook', webhookId: hook.body.webhook.id },
        { type: 'apply_macro', macroId: macro.body.id, post: 'note' },
      ],
    });
    const t = await open({ subject: 'Server down', tags: ['vip-intake'], requester: { email: `vip-${Date.now()}@example.org`, name: 'Vera Vip' } });
    const state = await ticketOf(s, admin, t.id);
    assert.deepEqual(
      [state.teamId, state.assigneeId, state.type, state.custom, state.priority, state.status],
      [team.id, xavier.id, 'incident', { plan: 'pro' }, 'high', 'open'],
    );
    assert.deepEqual(state.tags, ['macro-applied', 'vip', 'vip-intake']);
    const run = (await runsOf(s, admin, rule.id))[0];
    assert.equal(run.status, 'applied', JSON.stringify(run));
    assert.ok(run.actions.every((a: any) => a.status === 'done'), JSON.stringify(run.actions));
    const mail = drive.sent.find((m) => m.to === xavier.email);
    assert.ok(mail, JSON.stringify(drive.sent));
    assert.equal(mail.subject, `Neues VIP-Ticket #${t.number}`);
    assert.equal(mail.text, `Server down von Vera Vip: /tickets/${t.id}`);
    const inbox = await call(s, 'GET', '/api/v1/notifications', { as: xavier });
    assert.ok(inbox.body.data.some((n: any) => n.title === 'VIP: Server down' && n.body === 'Für Xavier' && n.ticketId === t.id), JSON.stringify(inbox.body));
    const deliveries = await call(s, 'GET', `/api/v1/webhooks/${hook.body.webhook.id}/deliveries`, { as: admin });
    assert.equal(deliveries.status, 200, JSON.stringify(deliveries.body));
    assert.equal(deliveries.body.data.length, 1);
    assert.equal(deliveries.body.data[0].ticketId, t.id);
    const note = (await messages(t.id)).find((m: any) => m.kind === 'note');
    assert.equal(note?.text, 'Willkommen im VIP-Service.');
    const history = (await events(t.id)).filter((e: any) => e.actor.kind === 'automation');
    assert.ok(history.some((e: any) => e.type === 'team_changed' && e.actor.id === rule.id));
  });

  it('skips actions whose target vanished, with the reason in the run log', async () => {
    const gone = await makeTeam(s, 'Temporary team');
    const hook = await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: { name: 'Old CRM', url: 'https://old-crm.example.com/hook' } });
    const rule = await makeRule(s, admin, {
      kind: 'trigger',
      events: ['ticket.created'],
      conditions: { all: [marker('vanish')] },
      actions: [{ type: 'set_team', teamId: gone.id }, { type: 'add_tags', tags: ['still-tagged'] }, { type: 'webhook', webhookId: hook.body.webhook.id }],
    });
    assert.equal((await call(s, 'DELETE', `/api/v1/teams/${gone.id}`, { as: admin })).status, 204);
    assert.equal((await call(s, 'DELETE', `/api/v1/webhooks/${hook.body.webhook.id}`, { as: admin })).status, 204);
    const t = await open({ tags: ['vanish'] });
    const state = await ticketOf(s, admin, t.id);
    assert.deepEqual([state.teamId, state.tags], [null, ['still-tagged', 'vanish']]);
    const run = (await runsOf(s, admin, rule.id))[0];
    assert.equal(run.status, 'applied');
    assert.deepEqual(run.actions, [
      { type: 'set_team', status: 'skipped', reason: 'team_gone' },
      { type: 'add_tags', status: 'done' },
      { type: 'webhook', status: 'skipped', reason: 'webhook_gone' },
    ]);
  });
});
