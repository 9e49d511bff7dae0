import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { driveReports, report, say, setTicket, type ReportDriver } from './reports-support.ts';
import { backlogAt, backlogAtInstants } from '../src/modules/analytics/reports/backlog.ts';

const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
let s: TestServer;
let admin: TestAgent;
let drive: ReportDriver;
const team = { a: '', b: '' };
const tk: Record<string, { id: string; number: number }> = {};
const WEEK = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&tz=UTC';

/*
 * Team A's backlog over one week, with a ticket reopened and solved again (two unsolved
 * stretches) and a ticket created and solved exactly at 23:59, the snapshot instant:
 *   T1  open 02 08:00 → solved 03 10:00, reopened 05 09:00 → solved 06 12:00
 *   T2  open from 02 08:00
 *   T3  created 03 23:59 (counts that night) → solved 04 23:59 (no longer counts that night)
 *   B1  team B, open from 02 08:00
 */
before(async () => {
  s = await startTestServer({ clock });
  admin = await makeAgent(s, { role: 'admin' });
  team.a = (await makeTeam(s, 'Team A')).id;
  team.b = (await makeTeam(s, 'Team B')).id;
  drive = driveReports(s);
  clock.set('2026-03-02T08:00:00Z');
  tk.t1 = await makeTicket(s, admin, { subject: 'T1', teamId: team.a });
  tk.t2 = await makeTicket(s, admin, { subject: 'T2', teamId: team.a });
  tk.b1 = await makeTicket(s, admin, { subject: 'B1', teamId: team.b });
  clock.set('2026-03-03T10:00:00Z');
  await setTicket(s, admin, tk.t1.id, { status: 'solved' });
  clock.set('2026-03-03T23:59:00Z');
  tk.t3 = await makeTicket(s, admin, { subject: 'T3', teamId: team.a });
  clock.set('2026-03-04T23:59:00Z');
  await setTicket(s, admin, tk.t3.id, { status: 'solved' });
  clock.set('2026-03-05T09:00:00Z');
  await setTicket(s, admin, tk.t1.id, { status: 'open' });
  clock.set('2026-03-06T12:00:00Z');
  await setTicket(s, admin, tk.t1.id, { status: 'solved' });
  clock.set('2026-03-08T12:00:00Z');
  await drive.settle();
});
after(async () => {
  drive?.stop();
  await s?.close();
});

const values = (r: any) => r.points.map((p: any) => [p.bucket, p.value]);

describe('backlog series counted from the unsolved ranges (METRICS §2.5)', () => {
  it('a filtered day series: every 23:59 snapshot, reopened stretches and exact boundaries; today at the current instant', async () => {
    const r = await report(s, admin, `/api/v1/reports/series?metric=backlog&interval=day&${WEEK}&teamId=${team.a}`);
    assert.deepEqual(values(r), [
      ['2026-03-02', 2],
      ['2026-03-03', 2],
      ['2026-03-04', 1],
      ['2026-03-05', 2],
      ['2026-03-06', 1],
      ['2026-03-07', 1],
      ['2026-03-08', 1],
    ]);
  });

  it('the whole installation without daily rows gives the same sweep, team B included', async () => {
    const r = await report(s, admin, `/api/v1/reports/series?metric=backlog&interval=day&${WEEK}`);
    assert.deepEqual(r.points.map((p: any) => p.value), [3, 3, 2, 3, 2, 2, 2]);
  });

  it('each day’s figure lists exactly its tickets in the drill-down', async () => {
    const r = await report(s, admin, `/api/v1/reports/series?metric=backlog&interval=day&${WEEK}&teamId=${team.a}`);
    for (const p of r.points) {
      const drill = await report(s, admin, `/api/v1/reports/drilldown?metric=backlog&interval=day&bucket=${p.bucket}&${WEEK}&teamId=${team.a}`);
      assert.equal(drill.data.length, p.value, `backlog on ${p.bucket}`);
    }
    const wednesday = await report(s, admin, `/api/v1/reports/drilldown?metric=backlog&interval=day&bucket=2026-03-03&${WEEK}&teamId=${team.a}`);
    assert.deepEqual(wednesday.data.map((d: any) => d.subject).sort(), ['T2', 'T3']);
  });

  it('the KPI backlog is the backlog now, and a week bucket ending in the future is counted now', async () => {
    const k = await report(s, admin, `/api/v1/reports/kpis?from=2026-03-02T00:00:00Z&to=2026-03-10T00:00:00Z&teamId=${team.a}`);
    assert.equal(k.backlog, 1);
    const week = await report(s, admin, `/api/v1/reports/series?metric=backlog&interval=week&from=2026-02-23T00:00:00Z&to=2026-03-16T00:00:00Z&tz=UTC&teamId=${team.a}`);
    assert.deepEqual(values(week), [
      ['2026-02-23', 0],
      ['2026-03-02', 1],
      ['2026-03-09', 1],
    ]);
  });

  it('the sweep answers instants in any order, as counting each instant on its own does', async () => {
    const db = s.servus.services.database.db;
    const scope = sql`not f.merged and f.team_id = ${team.a}::uuid`;
    const instants = ['2026-03-05T09:00:00Z', '2026-03-03T10:00:00Z', '2026-03-02T07:59:59.999Z', '2026-03-03T09:59:59.999Z', '2026-03-06T12:00:00Z'].map((t) => new Date(t));
    const one = await Promise.all(instants.map((t) => backlogAt(db, scope, t)));
    assert.deepEqual(one, [2, 1, 0, 2, 1], 'T1 reopened at 09:00 counts; solved at 10:00 or 12:00 it does not');
    assert.deepEqual(await backlogAtInstants(db, scope, instants), one);
  });

  it('a change to a ticket changes the figures', async () => {
    const url = `/api/v1/reports/series?metric=backlog&interval=day&${WEEK}&teamId=${team.a}`;
    assert.equal((await report(s, admin, url)).points.at(-1).value, 1);
    await setTicket(s, admin, tk.t2.id, { status: 'solved' });
    await drive.settle();
    assert.equal((await report(s, admin, url)).points.at(-1).value, 0, 'T2 solved at 12:00 today');
    assert.equal((await report(s, admin, `/api/v1/reports/kpis?${WEEK}&teamId=${team.a}`)).backlog, 0);
    await setTicket(s, admin, tk.t2.id, { status: 'open' });
    await drive.settle();
    assert.equal((await report(s, admin, url)).points.at(-1).value, 1);
  });
});

describe('heatmap in zones with and without whole-hour offsets', () => {
  it('places each ticket in its local hour of the week', async () => {
    const cell = (h: any, dow: number, hour: number) => h.cells[dow - 1][hour];
    const utc = await report(s, admin, `/api/v1/reports/heatmap?${WEEK}`);
    assert.deepEqual([cell(utc, 1, 8), cell(utc, 2, 23), utc.total], [3, 1, 3 + 1]);
    const berlin = await report(s, admin, `/api/v1/reports/heatmap?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&tz=Europe/Berlin`);
    assert.deepEqual([cell(berlin, 1, 9), cell(berlin, 3, 0), berlin.total], [3, 1, 4], 'T3 at 00:59 on Wednesday in Berlin');
    const kolkata = await report(s, admin, `/api/v1/reports/heatmap?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&tz=Asia/Kolkata`);
    assert.deepEqual([cell(kolkata, 1, 13), cell(kolkata, 3, 5), kolkata.total], [3, 1, 4], '08:00 UTC is 13:30 in Kolkata; T3 05:29 on Wednesday');
    const drill = await report(s, admin, `/api/v1/reports/drilldown?metric=volume&bucket=how:1:13&from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&tz=Asia/Kolkata`);
    assert.equal(drill.data.length, 3, 'the cell drills down to its tickets');
  });

  it('across the spring change in Berlin: 01:30 winter time and 03:30 summer time, no 02:00 hour', async () => {
    clock.set('2026-03-29T00:30:00Z');
    await makeTicket(s, admin, { subject: 'Before the change' });
    clock.set('2026-03-29T01:30:00Z');
    await makeTicket(s, admin, { subject: 'After the change' });
    clock.set('2026-03-29T12:00:00Z');
    await drive.settle();
    const h = await report(s, admin, '/api/v1/reports/heatmap?from=2026-03-28T22:00:00Z&to=2026-03-29T22:00:00Z&tz=Europe/Berlin');
    assert.deepEqual(h.cells[6].slice(0, 5), [0, 1, 0, 1, 0]);
  });
});

describe('volume and escalations', () => {
  it('a channel outside the known list is still counted by name', async () => {
    const db = s.servus.services.database.db;
    await db.execute(sql`update report_ticket_facts set channel = 'fax' where ticket_id = ${tk.b1!.id}::uuid`);
    const k = await report(s, admin, `/api/v1/reports/kpis?${WEEK}`);
    assert.deepEqual(k.volume, { byChannel: [{ channel: 'api', count: 3 }, { channel: 'fax', count: 1 }], total: 4 });
    await db.execute(sql`update report_ticket_facts set channel = 'api' where ticket_id = ${tk.b1!.id}::uuid`);
    assert.deepEqual((await report(s, admin, `/api/v1/reports/kpis?${WEEK}`)).volume, { byChannel: [{ channel: 'api', count: 4 }], total: 4 });
  });

  it('handled counts each ticket once, whichever of its dates fall in the period (METRICS §2.7)', async () => {
    const tier1 = await makeTeam(s, 'First level');
    const tier2 = await makeTeam(s, 'Second level');
    for (const [id, tier] of [[tier1.id, 1], [tier2.id, 2]] as const) {
      assert.equal((await call(s, 'PATCH', `/api/v1/teams/${id}/routing`, { as: admin, body: { escalationTier: tier } })).status, 200);
    }
    const e: Record<string, { id: string }> = {};
    clock.set('2026-04-06T10:00:00Z');
    for (const name of ['E2', 'E3', 'E5']) {
      e[name] = await makeTicket(s, admin, { subject: name, teamId: tier1.id });
      await say(s, admin, e[name]!.id, { text: 'First answer.' });
    }
    await setTicket(s, admin, e.E3!.id, { status: 'solved' });
    clock.set('2026-04-07T09:00:00Z');
    for (const name of ['E1', 'E4']) e[name] = await makeTicket(s, admin, { subject: name, teamId: tier1.id });
    await say(s, admin, e.E1!.id, { text: 'Looking into it.' });
    for (const name of ['E1', 'E4']) {
      const res = await call(s, 'POST', `/api/v1/tickets/${e[name]!.id}/escalate`, { as: admin, body: { reason: 'Second level', targetTeamId: tier2.id } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    await setTicket(s, admin, e.E3!.id, { status: 'open' });
    clock.set('2026-04-07T09:30:00Z');
    for (const name of ['E1', 'E2', 'E3']) await setTicket(s, admin, e[name]!.id, { status: 'solved' });
    clock.set('2026-04-08T12:00:00Z');
    await drive.settle();
    // E1 replied, escalated and solved; E2 first solved; E3 solved again; E4 escalated; E5 untouched.
    const k = await report(s, admin, '/api/v1/reports/kpis?from=2026-04-07T00:00:00Z&to=2026-04-08T00:00:00Z');
    assert.deepEqual(k.escalation, { rate: 50, escalated: 2, handled: 4, hierarchical: 2, functional: 0 });
  });
});
