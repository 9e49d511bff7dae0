import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeRule, runsOf, ticketOf } from './automation-support.ts';
import { digest } from './authz/observe.ts';
import type { World } from './authz/world.ts';
import { runTimeRules } from '../src/modules/automation/index.ts';

/** Mon–Fri 09:00–17:00 Europe/Berlin. */
const day = [{ start: '09:00', end: '17:00' }];
const weekly = { '1': day, '2': day, '3': day, '4': day, '5': day };
const marker = (tag: string) => ({ field: 'ticket.tags', operator: 'contains', value: tag });

describe('time-based automations', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let xavier: TestAgent;
  let support: { id: string };
  let escalation: { id: string };
  let yvonne: TestAgent;

  const at = (iso: string) => clock.set(iso);
  const run = () => runTimeRules(s.servus.services);
  const state = () => digest({ s } as World);
  const unread = async (a: TestAgent) => (await call(s, 'GET', '/api/v1/notifications', { as: a })).body.data.map((n: any) => n.title);

  async function open(body: Record<string, unknown>) {
    const res = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'Warte auf Antwort', requester: { email: `kunde-${Math.random().toString(36).slice(2)}@example.org` }, message: { text: 'Hallo' }, ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function patch(id: string, body: Record<string, unknown>) {
    const res = await call(s, 'PATCH', `/api/v1/tickets/${id}`, { as: admin, body });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin' });
    xavier = await makeAgent(s, { name: 'Xavier Meier' });
    yvonne = await makeAgent(s, { name: 'Yvonne Huber' });
    support = await makeTeam(s, 'Support', [xavier]);
    escalation = await makeTeam(s, 'Eskalation', [yvonne]);
    const cal = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { name: 'Büro', timeZone: 'Europe/Berlin', weekly } });
    assert.equal(cal.status, 201, JSON.stringify(cal.body));
    assert.equal((await call(s, 'PATCH', `/api/v1/teams/${support.id}`, { as: admin, body: { calendarId: cal.body.id } })).status, 200);
  });
  after(() => s?.close());

  it('reminds once when a ticket has been pending for 3 business days, counting across the weekend', async () => {
    const rule = await makeRule(s, admin, {
      kind: 'schedule',
      name: 'Remind after 3 business days pending',
      conditions: { all: [marker('remind'), { field: 'ticket.status', operator: 'is', value: 'pending' }, { field: 'time.in_status', operator: 'gt', value: { amount: 3, unit: 'days', businessHours: true } }] },
      actions: [{ type: 'add_tags', tags: ['reminded'] }, { type: 'notify', recipients: { assignee: true }, title: 'Erinnerung: #{{ticket.number}} wartet seit 3 Werktagen' }],
    });
    at('2026-03-06T09:00:00Z'); // Friday 10:00 in Berlin
    const t = await open({ tags: ['remind'], teamId: support.id, assigneeId: xavier.id });
    await patch(t.id, { status: 'pending' });
    const title = `Erinnerung: #${t.number} wartet seit 3 Werktagen`;
    for (const iso of ['2026-03-09T09:00:00Z', '2026-03-10T09:00:00Z', '2026-03-11T08:59:00Z']) {
      at(iso); // Monday and Tuesday 10:00, Wednesday 09:59
      await run();
      assert.ok(!(await ticketOf(s, admin, t.id)).tags.includes('reminded'), iso);
    }
    at('2026-03-11T09:00:00Z'); // Wednesday 10:00: Monday, Tuesday and Wednesday have passed
    await run();
    assert.ok((await ticketOf(s, admin, t.id)).tags.includes('reminded'));
    assert.deepEqual((await unread(xavier)).filter((x: string) => x === title).length, 1);

    const before = await state();
    await run();
    assert.deepEqual(await state(), before, 'a second run at the same time writes nothing');
    at('2026-03-12T09:00:00Z');
    await run();
    assert.equal((await runsOf(s, admin, rule.id)).length, 1, 'once per pending period');

    // Pending again: a new period, counted from Thursday 10:00, ends Tuesday 10:00.
    await patch(t.id, { status: 'open' });
    await patch(t.id, { status: 'pending' });
    at('2026-03-17T08:59:00Z');
    await run();
    assert.equal((await runsOf(s, admin, rule.id)).length, 1);
    at('2026-03-17T09:00:00Z');
    await run();
    const runs = await runsOf(s, admin, rule.id);
    assert.deepEqual(runs.map((r) => [r.event, r.status, r.ticketNumber]), [['schedule', 'applied', t.number], ['schedule', 'applied', t.number]]);
    assert.deepEqual(runs[0].actions, [{ type: 'add_tags', status: 'skipped', reason: 'no_change' }, { type: 'notify', status: 'done' }]);
    assert.equal((await unread(xavier)).filter((x: string) => x === title).length, 2);
  });

  it('closes a ticket 4 calendar days after it was solved, once', async () => {
    await makeRule(s, admin, {
      kind: 'schedule',
      name: 'Close 4 days after solved',
      conditions: { all: [marker('autoclose'), { field: 'ticket.status', operator: 'is', value: 'solved' }, { field: 'time.in_status', operator: 'gt', value: { amount: 4, unit: 'days' } }] },
      actions: [{ type: 'set_status', value: 'closed' }],
    });
    at('2026-03-20T16:00:00Z'); // a Friday; calendar days count the weekend
    const t = await open({ tags: ['autoclose'] });
    await patch(t.id, { status: 'solved' });
    at('2026-03-24T15:59:00Z');
    await run();
    assert.equal((await ticketOf(s, admin, t.id)).status, 'solved');
    at('2026-03-24T16:00:00Z');
    await run();
    const closed = await ticketOf(s, admin, t.id);
    assert.equal(closed.status, 'closed');
    const before = await state();
    at('2026-03-25T16:00:00Z');
    await run();
    assert.deepEqual(await state(), before);
    const history = (await call(s, 'GET', `/api/v1/tickets/${t.id}/events`, { as: admin })).body.data;
    assert.deepEqual(history.filter((e: any) => e.type === 'status_changed').map((e: any) => [e.after, e.actor.kind]), [['solved', 'agent'], ['closed', 'automation']]);
  });

  it('escalates a ticket nobody took for 2 hours: team, priority and a notice to the team, once per unassigned spell', async () => {
    const rule = await makeRule(s, admin, {
      kind: 'schedule',
      name: 'Escalate unassigned',
      conditions: { all: [marker('esc'), { field: 'time.unassigned_for', operator: 'gt', value: { amount: 2, unit: 'hours' } }] },
      actions: [
        { type: 'set_team', teamId: escalation.id },
        { type: 'set_priority', value: 'urgent' },
        { type: 'notify', recipients: { teamIds: [escalation.id] }, title: 'Seit 2 Stunden unbearbeitet: {{ticket.subject}}' },
      ],
    });
    at('2026-04-01T08:00:00Z');
    const t = await open({ tags: ['esc'], subject: 'Zugang gesperrt' });
    at('2026-04-01T09:59:00Z');
    await run();
    assert.equal((await ticketOf(s, admin, t.id)).priority, 'normal');
    at('2026-04-01T10:00:00Z');
    await run();
    let ticket = await ticketOf(s, admin, t.id);
    assert.deepEqual([ticket.teamId, ticket.priority], [escalation.id, 'urgent']);
    assert.deepEqual(await unread(yvonne), ['Seit 2 Stunden unbearbeitet: Zugang gesperrt']);
    const before = await state();
    await run();
    assert.deepEqual(await state(), before, 'a second run at the same time writes nothing');

    // Taken and handed back: a new unassigned spell, two more hours.
    at('2026-04-01T11:00:00Z');
    await patch(t.id, { assigneeId: yvonne.id });
    at('2026-04-01T11:30:00Z');
    await patch(t.id, { assigneeId: null });
    at('2026-04-01T13:29:00Z');
    await run();
    assert.equal((await runsOf(s, admin, rule.id)).length, 1);
    at('2026-04-01T13:30:00Z');
    await run();
    assert.equal((await runsOf(s, admin, rule.id)).length, 2);
    ticket = await ticketOf(s, admin, t.id);
    assert.equal(ticket.assigneeId, null);
  });

  it('leaves switched-off rules and closed tickets alone', async () => {
    const rule = await makeRule(s, admin, {
      kind: 'schedule',
      active: false,
      conditions: { all: [marker('idle'), { field: 'time.since_created', operator: 'gt', value: { amount: 1, unit: 'minutes' } }] },
      actions: [{ type: 'add_tags', tags: ['touched'] }],
    });
    at('2026-05-04T08:00:00Z');
    const t = await open({ tags: ['idle'] });
    at('2026-05-05T08:00:00Z');
    await run();
    assert.deepEqual((await ticketOf(s, admin, t.id)).tags, ['idle']);
    assert.equal((await call(s, 'PATCH', `/api/v1/automation-rules/${rule.id}`, { as: admin, body: { active: true } })).status, 200);
    await patch(t.id, { status: 'closed' });
    await run();
    assert.deepEqual((await ticketOf(s, admin, t.id)).tags, ['idle']);
    assert.equal((await runsOf(s, admin, rule.id)).length, 0);
  });
});
