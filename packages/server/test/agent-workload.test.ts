import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentReport, AgentReportRow } from '@servus/shared';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';

/** Local Berlin wall time in March 2026 (CET, before the DST switch) as an ISO instant. */
const berlin = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00+01:00`).toISOString();

describe('agents report: workload, after-hours activity and visibility', () => {
  // Wednesday 2026-03-18 12:00 Berlin.
  const clock = new ManualClock(new Date(berlin(18, '12:00')));
  let s: TestServer;
  let admin: TestAgent;
  let anna: TestAgent;
  let ben: TestAgent;
  let carl: TestAgent;
  let support: { id: string };
  let report: AgentReport;
  const row = (r: AgentReport, a: TestAgent) => r.data.find((x) => x.agentId === a.id) as AgentReportRow;

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    anna = await makeAgent(s, { name: 'Anna' });
    ben = await makeAgent(s, { name: 'Ben' });
    carl = await makeAgent(s, { name: 'Carl' });
    support = await makeTeam(s, 'Support', [anna, ben]);
    await makeTeam(s, 'Field', [carl]);
    const day = [{ start: '09:00', end: '17:00' }];
    const cal = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { name: 'Office', timeZone: 'Europe/Berlin', weekly: { '1': day, '2': day, '3': day, '4': day, '5': day } } });
    assert.equal((await call(s, 'PATCH', `/api/v1/teams/${support.id}`, { as: admin, body: { calendarId: cal.body.id } })).status, 200);

    // Anna may hold one ticket at a time, but gets two on Monday morning and keeps them open.
    assert.equal((await call(s, 'PATCH', `/api/v1/agents/${anna.id}/routing`, { as: admin, body: { defaultCapacity: 1 } })).status, 200);
    clock.set(berlin(16, '10:00'));
    await makeTicket(s, admin, { teamId: support.id, assigneeId: anna.id, channel: 'email' });
    await makeTicket(s, admin, { teamId: support.id, assigneeId: anna.id, channel: 'email' });

    // Ben answers in the evening on three days: 18:55 to 20:30 is 95 minutes after hours each time.
    for (const d of [13, 16, 17]) {
      clock.set(berlin(d, '18:00'));
      const t = await makeTicket(s, admin, { teamId: support.id, channel: 'email' });
      for (const time of ['19:00', '19:20', '19:40', '20:00', '20:20', '20:30']) {
        clock.set(berlin(d, time));
        const res = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: ben, body: { text: `Answer at ${time}` } });
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
    }
    // Carl works late too, but his team has no calendar, so nothing is "after hours" for him.
    clock.set(berlin(17, '22:00'));
    const c = await makeTicket(s, admin, { channel: 'email' });
    assert.equal((await call(s, 'POST', `/api/v1/tickets/${c.id}/messages`, { as: carl, body: { text: 'Late' } })).status, 201);

    clock.set(berlin(18, '12:00'));
    const res = await call<AgentReport>(s, 'GET', '/api/v1/reports/agents', { as: admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    report = res.body;
  });
  after(() => s?.close());

  it('flags Anna: over capacity on 3 of her last 5 working days (Mon, Tue, Wed)', () => {
    const a = row(report, anna);
    assert.equal(a.openTickets, 2);
    assert.deepEqual(a.workload, [{ reason: 'over_capacity', days: 3, outOf: 5 }]);
    assert.equal(a.minutesOutsideHours, 0);
    assert.equal(a.replies, 0);
    assert.equal(a.frtMedianMinutes, null);
  });

  it('flags Ben: more than 60 minutes after hours on 3 of the last 10 days, 285 minutes in all', () => {
    const b = row(report, ben);
    assert.deepEqual(b.workload, [{ reason: 'after_hours', days: 3, outOf: 10 }]);
    assert.equal(b.minutesOutsideHours, 285);
    assert.equal(b.replies, 18);
    assert.equal(b.frtMedianMinutes, 60, 'each ticket waited from 18:00 to 19:00 for its first reply');
    assert.equal(b.openTickets, 0);
    assert.equal(b.activeChats, 0);
    assert.equal(b.csat, null);
  });

  it('leaves Carl without a schedule: no after-hours minutes, no signal', () => {
    const c = row(report, carl);
    assert.equal(c.minutesOutsideHours, null);
    assert.deepEqual(c.workload, []);
    assert.equal(c.replies, 1);
  });

  it('counts minutes in the period only, while the signal always looks at the 10 days up to its end', async () => {
    const res = await call<AgentReport>(s, 'GET', `/api/v1/reports/agents?from=${encodeURIComponent(berlin(16, '00:00'))}&to=${encodeURIComponent(berlin(18, '00:00'))}`, { as: admin });
    assert.equal(res.status, 200);
    const b = row(res.body, ben);
    assert.equal(b.minutesOutsideHours, 190);
    assert.equal(b.replies, 12);
    assert.deepEqual(b.workload, [{ reason: 'after_hours', days: 3, outOf: 10 }]);
    const earlier = await call<AgentReport>(s, 'GET', `/api/v1/reports/agents?from=${encodeURIComponent(berlin(1, '00:00'))}&to=${encodeURIComponent(berlin(17, '00:00'))}`, { as: admin });
    assert.deepEqual(row(earlier.body, ben).workload, [], 'by the end of the 16th only two late days had happened');
    assert.equal(row(earlier.body, ben).minutesOutsideHours, 190);
  });

  it('shows an agent only the agents of their own teams; other teams are 404', async () => {
    const asAnna = await call<AgentReport>(s, 'GET', '/api/v1/reports/agents', { as: anna });
    assert.deepEqual(asAnna.body.data.map((r) => r.name), ['Anna', 'Ben']);
    const asCarl = await call<AgentReport>(s, 'GET', '/api/v1/reports/agents', { as: carl });
    assert.deepEqual(asCarl.body.data.map((r) => r.name), ['Carl']);
    assert.equal((await call(s, 'GET', `/api/v1/reports/agents?teamId=${support.id}`, { as: carl })).status, 404);
    const team = await call<AgentReport>(s, 'GET', `/api/v1/reports/agents?teamId=${support.id}`, { as: admin });
    assert.deepEqual(team.body.data.map((r) => r.name), ['Anna', 'Ben']);
    assert.deepEqual(report.data.map((r) => r.name), ['Ada Admin', 'Anna', 'Ben', 'Carl']);
    assert.equal((await call(s, 'GET', '/api/v1/reports/agents?from=2026-03-18T00:00:00Z&to=2026-03-01T00:00:00Z', { as: admin })).status, 400);
  });
});
