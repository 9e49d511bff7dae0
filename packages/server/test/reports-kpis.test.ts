import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeAgent, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { driveReports, report, say, setTicket, type ReportDriver } from './reports-support.ts';

const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
let s: TestServer;
let admin: TestAgent;
let drive: ReportDriver;

before(async () => {
  s = await startTestServer({ clock });
  admin = await makeAgent(s, { role: 'admin' });
  drive = driveReports(s);
});
after(async () => {
  drive?.stop();
  await s?.close();
});

const at = (hhmm: string) => clock.set(`2026-03-02T${hhmm}:00Z`);
const DAY = 'from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z';

describe('K6 touch rates and FRT/resolution medians through the API (METRICS §8.6, §2.1–2.3)', () => {
  const t: Record<string, { id: string; number: number }> = {};
  let kpis: any;

  before(async () => {
    at('08:00');
    for (const name of ['T1', 'T2', 'T3', 'T4', 'T5']) t[name] = await makeTicket(s, admin, { subject: `K6 ${name}` });
    at('08:10');
    await say(s, admin, t.T1!.id, { text: 'Done.', status: 'solved' });
    at('08:15');
    await setTicket(s, admin, t.T2!.id, { status: 'solved' });
    at('08:20');
    await say(s, admin, t.T3!.id, { text: 'Looking into it.' });
    at('08:30');
    await say(s, admin, t.T4!.id, { text: 'Try this.', status: 'solved' });
    at('08:40');
    await say(s, admin, t.T5!.id, { text: 'Fixed.', status: 'solved' });
    at('09:00');
    await say(s, admin, t.T3!.id, { text: 'Fixed now.', status: 'solved' });
    at('09:10');
    const reopened = await say(s, admin, t.T4!.id, { text: 'One more question…', asRequester: true });
    assert.equal(reopened.status, 'open', 'a customer question reopens T4');
    at('09:20');
    await say(s, admin, t.T4!.id, { text: 'Answered.', status: 'solved' });
    at('09:30');
    assert.equal((await say(s, admin, t.T5!.id, { text: 'Thanks!', asRequester: true })).status, 'open');
    at('09:40');
    await setTicket(s, admin, t.T5!.id, { status: 'solved' });
    at('12:00');
    await drive.settle();
    kpis = await report(s, admin, `/api/v1/reports/kpis?${DAY}`);
  });

  it('one-touch 60 % (T1, T2, T5), FCR 50 % (T1, T5 of T1, T3, T4, T5), no-touch 20 %', () => {
    assert.deepEqual(kpis.oneTouch, { percent: 60, count: 3, n: 5 });
    assert.deepEqual(kpis.fcr, { percent: 50, count: 2, n: 4 });
    assert.deepEqual(kpis.noTouch, { percent: 20, count: 1, n: 5 });
  });

  it('first reply time by reply date: median 25, mean 25, P90 37 minutes over the 4 replied tickets', () => {
    assert.deepEqual(kpis.frt.calendar, { median: 25, mean: 25, p90: 37, n: 4 });
    assert.deepEqual(kpis.frt.business, kpis.frt.calendar, 'without business hours a ticket runs on calendar time');
    assert.equal(kpis.frt.basis, 'reply_date');
    assert.deepEqual(kpis.frt.byCreationDate.calendar, { median: 25, mean: 25, p90: 37, n: 4 });
  });

  it('first resolution keeps its value after a reopen; full resolution grows', () => {
    assert.deepEqual(kpis.firstResolution.calendar, { median: 30, mean: 31, p90: 52, n: 5 });
    assert.deepEqual(kpis.fullResolution.calendar, { median: 60, mean: 53, p90: 92, n: 5 });
  });

  it('reopen rate: T4 and T5 of 5 tickets first solved in the period; volume and backlog', () => {
    assert.deepEqual(kpis.reopenRate, { percent: 40, count: 2, n: 5 });
    assert.deepEqual(kpis.volume, { byChannel: [{ channel: 'api', count: 5 }], total: 5 });
    assert.equal(kpis.backlog, 0);
  });

  it('a period without tickets has null figures, never 0', async () => {
    const empty = await report(s, admin, '/api/v1/reports/kpis?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z');
    assert.deepEqual(empty.frt.calendar, { median: null, mean: null, p90: null, n: 0 });
    assert.deepEqual(empty.fcr, { percent: null, count: 0, n: 0 });
    assert.equal(empty.escalation.rate, null);
    assert.equal(empty.chatAbandonment.missedPercent, null);
    assert.equal(empty.sla.targets.percent, null);
    assert.equal(empty.volume.total, 0);
  });

  it('drill-down lists exactly the tickets behind each figure, with their values', async () => {
    const numbers = (r: any) => r.data.map((d: any) => d.number).sort((a: number, b: number) => a - b);
    const fcr = await report(s, admin, `/api/v1/reports/drilldown?metric=fcr&${DAY}`);
    assert.deepEqual(numbers(fcr), [t.T1!.number, t.T5!.number].sort((a, b) => a - b));
    const noTouch = await report(s, admin, `/api/v1/reports/drilldown?metric=no_touch&${DAY}`);
    assert.deepEqual(numbers(noTouch), [t.T2!.number]);
    const frt = await report(s, admin, `/api/v1/reports/drilldown?metric=frt&${DAY}`);
    assert.deepEqual(
      frt.data.map((d: any) => [d.number, d.value, d.businessValue]),
      [
        [t.T5!.number, 40, 40],
        [t.T4!.number, 30, 30],
        [t.T3!.number, 20, 20],
        [t.T1!.number, 10, 10],
      ],
      'newest reply first, each with its first reply time',
    );
    const reopened = await report(s, admin, `/api/v1/reports/drilldown?metric=reopened&${DAY}`);
    assert.deepEqual(numbers(reopened), [t.T4!.number, t.T5!.number].sort((a, b) => a - b));
  });

  it('drill-down pages like the ticket list', async () => {
    const first = await report(s, admin, `/api/v1/reports/drilldown?metric=volume&limit=3&${DAY}`);
    assert.equal(first.data.length, 3);
    assert.ok(first.nextCursor);
    const rest = await report(s, admin, `/api/v1/reports/drilldown?metric=volume&limit=3&${DAY}&cursor=${first.nextCursor}`);
    assert.equal(rest.data.length, 2);
    assert.equal(rest.nextCursor, null);
    const all = [...first.data, ...rest.data].map((d: any) => d.number).sort((a: number, b: number) => a - b);
    assert.deepEqual(all, Object.values(t).map((x) => x.number).sort((a, b) => a - b));
  });

  it('series: per-day figures in the requested zone, every bucket present', async () => {
    const volume = await report(s, admin, '/api/v1/reports/series?metric=volume&interval=day&from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z&tz=UTC');
    assert.deepEqual(volume.points.map((p: any) => [p.bucket, p.value]), [['2026-03-01', 0], ['2026-03-02', 5], ['2026-03-03', 0]]);
    const frt = await report(s, admin, '/api/v1/reports/series?metric=frt&interval=day&from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z&tz=UTC');
    assert.deepEqual(frt.points.map((p: any) => [p.value, p.n]), [[null, 0], [25, 4], [null, 0]]);
    const fcr = await report(s, admin, '/api/v1/reports/series?metric=fcr&interval=week&from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z&tz=UTC');
    assert.deepEqual(fcr.points.map((p: any) => [p.bucket, p.value]), [['2026-02-23', null], ['2026-03-02', 50]]);
  });

  it('the heatmap counts creations per local hour of the week, and its cells drill down', async () => {
    const heat = await report(s, admin, `/api/v1/reports/heatmap?${DAY}&tz=Europe/Berlin`);
    assert.equal(heat.cells.length, 7);
    assert.equal(heat.cells[0][9], 5, 'Monday 09:00 Berlin (08:00 UTC)');
    assert.deepEqual([heat.total, heat.max], [5, 5]);
    const cell = await report(s, admin, `/api/v1/reports/drilldown?metric=volume&bucket=how:1:9&${DAY}&tz=Europe/Berlin`);
    assert.equal(cell.data.length, 5);
    const other = await report(s, admin, `/api/v1/reports/drilldown?metric=volume&bucket=how:1:8&${DAY}&tz=Europe/Berlin`);
    assert.equal(other.data.length, 0);
  });

  it('rejects unknown query fields and bad buckets with 400 naming the field', async () => {
    const { call } = await import('./harness.ts');
    const unknown = await call(s, 'GET', '/api/v1/reports/kpis?colour=red', { as: admin });
    assert.equal(unknown.status, 400);
    const bad = await call(s, 'GET', '/api/v1/reports/drilldown?metric=volume&bucket=yesterday', { as: admin });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body.error.details), /bucket/);
    const zone = await call(s, 'GET', '/api/v1/reports/kpis?tz=Mars/Olympus', { as: admin });
    assert.equal(zone.status, 400);
  });
});
