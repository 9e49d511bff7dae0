import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErlangResult, StaffingPlan } from '@servus/shared';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';

/** METRICS §8.5 as the calculator's request body. */
const example = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 };

describe('staffing API', () => {
  // Wednesday 2026-03-18 12:00 Berlin (CET): the current week began Monday 2026-03-16.
  const clock = new ManualClock(new Date('2026-03-18T11:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let anna: TestAgent;
  let ben: TestAgent;
  let outsider: TestAgent;
  let team: { id: string };

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    anna = await makeAgent(s, { name: 'Anna' });
    ben = await makeAgent(s, { name: 'Ben' });
    outsider = await makeAgent(s, { name: 'Olga' });
    team = await makeTeam(s, 'Chat team', [anna, ben]);
    const day = [{ start: '09:00', end: '17:00' }];
    const cal = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { name: 'Office', timeZone: 'Europe/Berlin', weekly: { '1': day, '2': day, '3': day, '4': day, '5': day } } });
    assert.equal(cal.status, 201, JSON.stringify(cal.body));
    assert.equal((await call(s, 'PATCH', `/api/v1/teams/${team.id}`, { as: admin, body: { calendarId: cal.body.id } })).status, 200);
    // History: Mondays 09:xx Berlin in the two weeks before this one, 6 and 2 chats; one phone ticket; one chat three weeks back.
    const seed = async (iso: string, n: number, channel = 'chat') => {
      clock.set(iso);
      for (let i = 0; i < n; i++) await makeTicket(s, admin, { channel, teamId: team.id });
    };
    await seed('2026-03-09T08:10:00Z', 6);
    await seed('2026-03-02T08:40:00Z', 2);
    await seed('2026-03-02T08:45:00Z', 1, 'phone');
    await seed('2026-02-23T08:20:00Z', 5);
    await seed('2026-03-17T08:20:00Z', 9); // this week: not history yet
    clock.set('2026-03-18T11:00:00Z');
  });
  after(() => s?.close());

  describe('POST /api/v1/staffing/erlang', () => {
    it('answers the §8.5 example: 14 agents, 20 scheduled, SL 0.888, Pw 0.174, occupancy 0.714, table N = 10..16', async () => {
      const res = await call<ErlangResult>(s, 'POST', '/api/v1/staffing/erlang', { as: anna, body: example });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.trafficIntensity, 10);
      assert.equal(res.body.requiredAgents, 14);
      assert.equal(res.body.scheduledAgents, 20);
      assert.equal(res.body.serviceLevel, 0.8883500191794669);
      assert.equal(res.body.waitProbability, 0.1741319335950498);
      assert.equal(res.body.occupancy, 0.7142857142857143);
      assert.deepEqual(res.body.table.map((r) => [r.agents, r.stable, r.meetsTarget]), [
        [10, false, false], [11, true, false], [12, true, false], [13, true, false], [14, true, true], [15, true, true], [16, true, true],
      ]);
      assert.equal(res.body.table[0]!.asaSeconds, null);
      assert.equal(res.body.evaluated, null);
    });

    it('with a 70 % occupancy cap: 15 agents, 22 scheduled', async () => {
      const res = await call<ErlangResult>(s, 'POST', '/api/v1/staffing/erlang', { as: anna, body: { ...example, maxOccupancy: 0.7 } });
      assert.equal(res.status, 200);
      assert.deepEqual([res.body.rawAgents, res.body.requiredAgents, res.body.occupancyCapped, res.body.scheduledAgents], [14, 15, true, 22]);
      assert.equal(Math.round(res.body.serviceLevel * 1000) / 1000, 0.941);
    });

    it('evaluates a given N, and refuses N ≤ A with a message naming A instead of a number', async () => {
      const ok = await call<ErlangResult>(s, 'POST', '/api/v1/staffing/erlang', { as: anna, body: { ...example, agents: 13 } });
      assert.equal(ok.status, 200);
      assert.equal(Math.round(ok.body.evaluated!.serviceLevel * 10000) / 10000, 0.7956);
      assert.equal(ok.body.evaluated!.meetsTarget, false);
      for (const agents of [10, 3]) {
        const res = await call(s, 'POST', '/api/v1/staffing/erlang', { as: anna, body: { ...example, agents } });
        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.equal(res.body.error.message, 'agents must be more than the traffic intensity (A = 10.0 Erlangs)');
        assert.equal(res.body.error.details[0].path, 'body.agents');
      }
    });

    it('rejects invalid and unknown fields, naming them', async () => {
      const bad = await call(s, 'POST', '/api/v1/staffing/erlang', { as: anna, body: { ...example, serviceLevel: 1.5, ahtSeconds: 0 } });
      assert.equal(bad.status, 400);
      const paths = JSON.stringify(bad.body.error);
      assert.match(paths, /serviceLevel/);
      assert.match(paths, /ahtSeconds/);
      const extra = await call(s, 'POST', '/api/v1/staffing/erlang', { as: anna, body: { ...example, role: 'admin' } });
      assert.equal(extra.status, 400);
      assert.equal((await call(s, 'POST', '/api/v1/staffing/erlang', { as: null, body: example })).status, 401);
    });
  });

  describe('GET /api/v1/staffing/plan', () => {
    it('averages the last N weeks per local hour of the week, and counts the team members whose calendar is open', async () => {
      const res = await call<StaffingPlan>(s, 'GET', `/api/v1/staffing/plan?channel=chat&teamId=${team.id}&weeks=2&ahtSeconds=600&targetSeconds=60`, { as: anna });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const p = res.body;
      assert.equal(p.intervals.length, 168);
      assert.equal(p.from, '2026-03-01T23:00:00.000Z');
      assert.equal(p.to, '2026-03-15T23:00:00.000Z');
      assert.equal(p.asyncTarget, false);
      const cell = (weekday: number, hour: number) => p.intervals.find((i) => i.weekday === weekday && i.hour === hour)!;
      const monday9 = cell(1, 9);
      assert.equal(monday9.volume, 4, '(6 + 2) / 2 weeks; the phone ticket, the older week and this week left out');
      assert.equal(monday9.trafficIntensity, 4 * 600 / 3600);
      assert.equal(monday9.scheduled, 2);
      assert.ok(monday9.needed >= 2, 'one agent cannot carry 0.67 Erlangs at 80 % in 60 s after shrinkage');
      assert.equal(monday9.gap, monday9.scheduled - monday9.needed);
      assert.deepEqual(cell(1, 8), { weekday: 1, hour: 8, volume: 0, trafficIntensity: 0, needed: 0, scheduled: 0, gap: 0 });
      assert.equal(cell(3, 16).scheduled, 2);
      assert.equal(cell(0, 12).scheduled, 0, 'closed on Sunday');
      assert.equal(p.totals.volume, 4);
      assert.equal(p.totals.shortfallHours, monday9.gap < 0 ? 1 : 0);
    });

    it('treats email as async: the reply-time target is used with the same math', async () => {
      const res = await call<StaffingPlan>(s, 'GET', '/api/v1/staffing/plan?channel=email', { as: admin });
      assert.equal(res.status, 200);
      assert.equal(res.body.asyncTarget, true);
      assert.equal(res.body.targetSeconds, 4 * 3600);
      assert.equal(res.body.weeks, 8);
    });

    it('takes handle time and target from the admin’s channel settings when the query names none', async () => {
      const before = await call(s, 'GET', '/api/v1/staffing/settings', { as: anna });
      assert.equal(before.status, 200);
      assert.deepEqual(before.body.channels.chat, { ahtSeconds: 300, targetSeconds: 60, async: false, custom: false });
      assert.equal((await call(s, 'PUT', '/api/v1/staffing/settings', { as: anna, body: { channels: {} } })).status, 403);
      const bad = await call(s, 'PUT', '/api/v1/staffing/settings', { as: admin, body: { channels: { fax: { ahtSeconds: 1, targetSeconds: 1 } } } });
      assert.equal(bad.status, 400);
      const saved = await call(s, 'PUT', '/api/v1/staffing/settings', { as: admin, body: { channels: { chat: { ahtSeconds: 900, targetSeconds: 30 } } } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual(saved.body.channels.chat, { ahtSeconds: 900, targetSeconds: 30, async: false, custom: true });
      const res = await call<StaffingPlan>(s, 'GET', `/api/v1/staffing/plan?channel=chat&teamId=${team.id}&weeks=2`, { as: anna });
      assert.deepEqual([res.body.ahtSeconds, res.body.targetSeconds], [900, 30]);
      assert.equal(res.body.intervals.find((i) => i.weekday === 1 && i.hour === 9)!.trafficIntensity, 1);
      await call(s, 'PUT', '/api/v1/staffing/settings', { as: admin, body: { channels: {} } });
      assert.equal((await call(s, 'GET', '/api/v1/staffing/settings', { as: anna })).body.channels.chat.ahtSeconds, 300);
    });

    it('hides teams the caller is not in (404), and rejects bad input', async () => {
      assert.equal((await call(s, 'GET', `/api/v1/staffing/plan?teamId=${team.id}`, { as: outsider })).status, 404);
      assert.equal((await call(s, 'GET', `/api/v1/staffing/plan?teamId=${team.id}`, { as: admin })).status, 200);
      assert.equal((await call(s, 'GET', '/api/v1/staffing/plan?teamId=00000000-0000-4000-8000-000000000000', { as: admin })).status, 404);
      const bad = await call(s, 'GET', '/api/v1/staffing/plan?weeks=0&serviceLevel=2', { as: admin });
      assert.equal(bad.status, 400);
      assert.equal((await call(s, 'GET', '/api/v1/staffing/plan?bogus=1', { as: admin })).status, 400);
    });
  });
});
