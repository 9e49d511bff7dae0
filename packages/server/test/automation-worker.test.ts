import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeRule, runsOf, ticketOf } from './automation-support.ts';

/** The whole path on a real worker: outbox → subscription → pg-boss job → trigger. */
describe('triggers on the worker role', () => {
  let s: TestServer;
  let admin: TestAgent;

  before(async () => {
    s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker' } });
    admin = await makeAgent(s, { role: 'admin' });
  });
  after(() => s?.close());

  it('a new ticket gets the trigger’s changes shortly after it is created, and the rule counts the run', async () => {
    const rule = await makeRule(s, admin, {
      kind: 'trigger',
      events: ['ticket.created'],
      conditions: { all: [{ field: 'ticket.subject', operator: 'contains', value: 'dringend' }] },
      actions: [{ type: 'set_priority', value: 'urgent' }, { type: 'add_tags', tags: ['auto-urgent'] }],
    });
    const t = await makeTicket(s, admin, { subject: 'Dringend: Server steht' });
    const calm = await makeTicket(s, admin, { subject: 'Frage zur Rechnung' });
    let state = await ticketOf(s, admin, t.id);
    for (let i = 0; i < 150 && state.priority !== 'urgent'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await ticketOf(s, admin, t.id);
    }
    assert.deepEqual([state.priority, state.tags], ['urgent', ['auto-urgent']]);
    assert.equal((await ticketOf(s, admin, calm.id)).priority, 'normal');
    const listed = (await call(s, 'GET', `/api/v1/automation-rules/${rule.id}`, { as: admin })).body;
    assert.equal(listed.runCount, 1);
    assert.ok(listed.lastRunAt);
    assert.equal((await runsOf(s, admin, rule.id))[0].ticketNumber, t.number);
  });
});
