import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeRule, paths } from './automation-support.ts';
import { digest } from './authz/observe.ts';
import type { World } from './authz/world.ts';

const addTag = [{ type: 'add_tags', tags: ['x'] }];
const pendingThreeDays = { field: 'time.in_status', operator: 'gt', value: { amount: 3, unit: 'days', businessHours: true } };

describe('automation rules: saving, order, validation and the preview', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let agent: TestAgent;
  let xavier: TestAgent;
  let team: { id: string };

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin' });
    agent = await makeAgent(s);
    xavier = await makeAgent(s, { name: 'Xavier Meier' });
    team = await makeTeam(s, 'Support', [xavier]);
  });
  after(() => s?.close());

  it('creates rules last in their own order, replays an Idempotency-Key and lists them by kind', async () => {
    const body = { kind: 'trigger', name: 'Tag new tickets', events: ['ticket.created'], actions: addTag };
    const a = await call(s, 'POST', '/api/v1/automation-rules', { as: admin, headers: { 'idempotency-key': 'rule-a' }, body });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.deepEqual(
      [a.body.position, a.body.active, a.body.description, a.body.conditions, a.body.runCount, a.body.lastRunAt, a.body.warning],
      [0, true, '', { all: [], any: [] }, 0, null, null],
    );
    const again = await call(s, 'POST', '/api/v1/automation-rules', { as: admin, headers: { 'idempotency-key': 'rule-a' }, body });
    assert.deepEqual([again.status, again.body.id, again.headers['idempotent-replayed']], [201, a.body.id, 'true']);
    const b = await makeRule(s, admin, { kind: 'trigger', name: 'Second', events: ['ticket.updated'], actions: addTag });
    assert.equal(b.position, 1);
    // The same name is fine for the other kind, not twice for one kind.
    const sched = await makeRule(s, admin, { kind: 'schedule', name: 'tag new tickets', conditions: { all: [pendingThreeDays] }, actions: addTag });
    assert.equal(sched.position, 0);
    const dup = await call(s, 'POST', '/api/v1/automation-rules', { as: admin, body: { ...body, name: 'TAG NEW TICKETS' } });
    assert.deepEqual([dup.status, paths(dup.body)], [409, ['body.name']]);

    const triggers = await call(s, 'GET', '/api/v1/automation-rules?kind=trigger', { as: admin });
    assert.deepEqual(triggers.body.data.map((r: any) => r.id), [a.body.id, b.id]);
    const all = await call(s, 'GET', '/api/v1/automation-rules', { as: admin });
    assert.deepEqual(all.body.data.map((r: any) => r.id), [a.body.id, b.id, sched.id]);
    const one = await call(s, 'GET', `/api/v1/automation-rules/${sched.id}`, { as: admin });
    assert.deepEqual(one.body, sched);
    assert.deepEqual(sched.conditions.all[0].value, { amount: 3, unit: 'days', businessHours: true });
  });

  it('reorders the rules of one kind, each exactly once', async () => {
    const list = (await call(s, 'GET', '/api/v1/automation-rules?kind=trigger', { as: admin })).body.data.map((r: any) => r.id);
    const schedule = (await call(s, 'GET', '/api/v1/automation-rules?kind=schedule', { as: admin })).body.data.map((r: any) => r.id);
    for (const ids of [[list[0]], [...list, list[0]], [...list, schedule[0]], [...list, '00000000-0000-4000-8000-000000000000']]) {
      const bad = await call(s, 'PUT', '/api/v1/automation-rules/order', { as: admin, body: { kind: 'trigger', ids } });
      assert.equal(bad.status, 400, JSON.stringify(ids));
      assert.ok(paths(bad.body).includes('body.ids'), JSON.stringify(bad.body));
    }
    const res = await call(s, 'PUT', '/api/v1/automation-rules/order', { as: admin, body: { kind: 'trigger', ids: [...list].reverse() } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data.map((r: any) => [r.id, r.position]), [...list].reverse().map((id: string, i: number) => [id, i]));
  });

  it('refuses rules that name unknown fields, operators, values or things, with the path at fault', async () => {
    const personal = await call(s, 'POST', '/api/v1/macros', { as: agent, body: { name: 'Mine', texts: { en: 'Hi' } } });
    assert.equal(personal.status, 201, JSON.stringify(personal.body));
    const field = await call(s, 'POST', '/api/v1/ticket-fields', { as: admin, body: { key: 'plan', label: 'Plan', kind: 'select', options: ['basic', 'pro'] } });
    assert.equal(field.status, 201, JSON.stringify(field.body));
    const nobody = '00000000-0000-4000-8000-000000000000';
    const trigger = (conditions: object, actions: object[] = addTag, events = ['ticket.created']) => ({ kind: 'trigger', name: 'Bad', events, conditions, actions });
    const cases: [object, string][] = [
      [trigger({ all: [{ field: 'ticket.mood', operator: 'is', value: 'happy' }] }), 'body.conditions.all.0.field'],
      [trigger({ all: [{ field: 'ticket.status', operator: 'contains', value: 'open' }] }), 'body.conditions.all.0.operator'],
      [trigger({ all: [{ field: 'ticket.status', operator: 'is', value: 'asap' }] }), 'body.conditions.all.0.value'],
      [trigger({ any: [{ field: 'ticket.priority', operator: 'in', value: [] }] }), 'body.conditions.any.0.value'],
      [trigger({ all: [{ field: 'ticket.team', operator: 'present', value: 'x' }] }), 'body.conditions.all.0.value'],
      [trigger({ all: [{ field: 'time.in_status', operator: 'gt', value: { amount: 0, unit: 'days' } }] }), 'body.conditions.all.0.value.amount'],
      [trigger({ any: [{ field: 'ticket.status', operator: 'changed' }] }), 'body.conditions.any.0.operator'],
      [trigger({ all: [{ field: 'message.body', operator: 'contains', value: 'refund' }] }), 'body.conditions.all.0.field'],
      [trigger({ all: [{ field: 'ticket.team', operator: 'is', value: nobody }] }), 'body.conditions.all.0.value'],
      [trigger({ all: [{ field: 'ticket.custom.colour', operator: 'is', value: 'red' }] }), 'body.conditions.all.0.field'],
      [trigger({ all: [{ field: 'ticket.custom.plan', operator: 'is', value: 'gold' }] }), 'body.conditions.all.0.value'],
      [trigger({}, []), 'body.actions'],
      [trigger({}, [{ type: 'explode' }]), 'body.actions.0.type'],
      [trigger({}, [{ type: 'set_team', teamId: nobody }]), 'body.actions.0.teamId'],
      [trigger({}, [{ type: 'set_status', value: 'new' }]), 'body.actions.0.value'],
      [trigger({}, [{ type: 'set_custom', key: 'plan', value: 'gold' }]), 'body.actions.0.value'],
      [trigger({}, [{ type: 'notify', recipients: { agentIds: [nobody] }, title: 'Hi' }]), 'body.actions.0.recipients.agentIds'],
      [trigger({}, [{ type: 'notify', recipients: {}, title: 'Hi' }]), 'body.actions.0.recipients'],
      [trigger({}, [{ type: 'email_requester', body: 'Hallo {{customer.nickname}}' }]), 'body.actions.0.body'],
      [trigger({}, [{ type: 'apply_macro', macroId: personal.body.id }]), 'body.actions.0.macroId'],
      [trigger({}, [{ type: 'webhook', webhookId: nobody }]), 'body.actions.0.webhookId'],
      [trigger({}, addTag, []), 'body.events'],
      [{ kind: 'schedule', name: 'Bad', conditions: { all: [{ field: 'ticket.status', operator: 'is', value: 'pending' }] }, actions: addTag }, 'body.conditions.all'],
      [{ kind: 'schedule', name: 'Bad', conditions: { all: [pendingThreeDays, { field: 'message.body', operator: 'contains', value: 'x' }] }, actions: addTag }, 'body.conditions.all.1.field'],
      [{ kind: 'schedule', name: 'Bad', events: ['ticket.created'], conditions: { all: [pendingThreeDays] }, actions: addTag }, 'body.events'],
      [{ ...trigger({}), ownerId: nobody }, 'body.ownerId'],
    ];
    for (const [body, path] of cases) {
      const res = await call(s, 'POST', '/api/v1/automation-rules', { as: admin, body });
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
      assert.ok(paths(res.body).includes(path), `${path} expected in ${JSON.stringify(res.body.error)}`);
    }
    assert.equal((await call(s, 'GET', '/api/v1/automation-rules', { as: admin })).body.data.filter((r: any) => r.name === 'Bad').length, 0);

    const ok = await makeRule(s, admin, { kind: 'trigger', events: ['ticket.updated'], conditions: { any: [{ field: 'ticket.custom.plan', operator: 'changed_to', value: 'pro' }] }, actions: addTag });
    const badPatch = await call(s, 'PATCH', `/api/v1/automation-rules/${ok.id}`, { as: admin, body: { events: ['ticket.created'] } });
    assert.deepEqual([badPatch.status, paths(badPatch.body)], [400, ['body.conditions.any.0.operator']]);
    const kindPatch = await call(s, 'PATCH', `/api/v1/automation-rules/${ok.id}`, { as: admin, body: { kind: 'schedule' } });
    assert.deepEqual([kindPatch.status, paths(kindPatch.body)], [400, ['body.kind']]);
  });

  it('lets only admins see and change rules; deleting takes the run log with it', async () => {
    const rule = await makeRule(s, admin, { kind: 'trigger', events: ['ticket.created'], actions: addTag });
    for (const [method, url, body] of [
      ['GET', '/api/v1/automation-rules', undefined],
      ['GET', `/api/v1/automation-rules/${rule.id}`, undefined],
      ['GET', `/api/v1/automation-rules/${rule.id}/runs`, undefined],
      ['POST', '/api/v1/automation-rules', { kind: 'trigger', name: 'Mine', events: ['ticket.created'], actions: addTag }],
      ['PATCH', `/api/v1/automation-rules/${rule.id}`, { active: false }],
      ['DELETE', `/api/v1/automation-rules/${rule.id}`, undefined],
      ['POST', '/api/v1/automation-rules/preview', { rule: { kind: 'trigger', events: ['ticket.created'], actions: addTag }, ticketNumber: 1 }],
    ] as const) {
      const res = await call(s, method, url, { as: agent, body });
      assert.equal(res.status, 403, `${method} ${url}`);
    }
    const off = await call(s, 'PATCH', `/api/v1/automation-rules/${rule.id}`, { as: admin, body: { active: false, name: 'Switched off' } });
    assert.deepEqual([off.status, off.body.active, off.body.name], [200, false, 'Switched off']);
    assert.equal((await call(s, 'DELETE', `/api/v1/automation-rules/${rule.id}`, { as: admin })).status, 204);
    assert.equal((await call(s, 'GET', `/api/v1/automation-rules/${rule.id}`, { as: admin })).status, 404);
    assert.equal((await call(s, 'GET', `/api/v1/automation-rules/${rule.id}/runs`, { as: admin })).status, 404);
    assert.equal((await call(s, 'DELETE', `/api/v1/automation-rules/${rule.id}`, { as: admin })).status, 404);
  });

  it('previews a rule against a ticket: each condition with the actual value, each action with its effect, and writes nothing', async () => {
    clock.set('2026-03-04T09:00:00Z');
    const created = await call(s, 'POST', '/api/v1/tickets', {
      as: admin,
      body: { subject: 'Rechnung doppelt', requester: { email: 'erika@example.org', name: 'Erika Mustermann' }, message: { text: 'Bitte prüfen' }, tags: ['vip'], teamId: team.id },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const t = created.body;
    assert.equal((await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: admin, body: { status: 'pending', priority: 'high' } })).status, 200);
    const rule = {
      kind: 'trigger',
      events: ['ticket.updated'],
      conditions: {
        all: [
          { field: 'ticket.status', operator: 'is', value: 'pending' },
          { field: 'ticket.tags', operator: 'contains', value: 'VIP' },
          { field: 'time.in_status', operator: 'gt', value: { amount: 2, unit: 'hours' } },
          { field: 'ticket.priority', operator: 'changed_to', value: 'high' },
        ],
        any: [{ field: 'ticket.channel', operator: 'is', value: 'email' }, { field: 'ticket.subject', operator: 'contains', value: 'rechnung' }],
      },
      actions: [
        { type: 'set_status', value: 'open' },
        { type: 'set_assignee', agentId: xavier.id },
        { type: 'add_tags', tags: ['followup', 'vip'] },
        { type: 'email_requester', body: 'Hallo {{customer.first_name}}, Ihr Ticket ist wieder {{ticket.status}}.' },
        { type: 'notify', recipients: { teamIds: [team.id] }, title: 'Nachfassen #{{ticket.number}}' },
      ],
    };
    const preview = (ticketNumber: number) => call(s, 'POST', '/api/v1/automation-rules/preview', { as: admin, body: { rule, ticketNumber } });
    const state = () => digest({ s } as World);

    clock.set('2026-03-04T10:00:00Z');
    const before1 = await state();
    const early = await preview(t.number);
    assert.equal(early.status, 200, JSON.stringify(early.body));
    assert.deepEqual(await state(), before1, 'a preview writes nothing');
    assert.equal(early.body.matched, false);
    assert.deepEqual(early.body.conditions.all[2].actual, { since: '2026-03-04T09:00:00.000Z', elapsed: 1, unit: 'hours', businessHours: false });

    clock.set('2026-03-04T12:30:00Z');
    const res = await preview(t.number);
    assert.deepEqual(await state(), before1, 'a preview writes nothing');
    const p = res.body;
    assert.deepEqual([p.matched, p.event, p.ticket.number], [true, 'ticket.updated', t.number]);
    assert.deepEqual(p.conditions.all.map((c: any) => [c.matched, c.actual]), [
      [true, 'pending'],
      [true, ['vip']],
      [true, { since: '2026-03-04T09:00:00.000Z', elapsed: 3.5, unit: 'hours', businessHours: false }],
      [true, { before: 'normal', after: 'high' }],
    ]);
    assert.deepEqual(p.conditions.any.map((c: any) => [c.matched, c.actual]), [[false, 'api'], [true, 'Rechnung doppelt']]);
    assert.deepEqual(p.actions.map((a: any) => [a.type, a.detail, a.skipped ?? null]), [
      ['set_status', { from: 'pending', to: 'open' }, null],
      ['set_assignee', { from: null, to: 'Xavier Meier' }, null],
      ['add_tags', { tags: ['followup'] }, null],
      ['email_requester', { to: 'erika@example.org', text: 'Hallo Erika, Ihr Ticket ist wieder open.' }, null],
      ['notify', { to: ['Xavier Meier'], title: `Nachfassen #${t.number}`, text: '' }, null],
    ]);

    assert.equal((await preview(999_999)).status, 404);
  });
});
