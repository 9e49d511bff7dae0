/**
 * `npm run bench:reports`: seeds a throwaway PostgreSQL database with BENCH_TICKETS tickets (the
 * seeding of `npm run bench`) and their report facts (set-based), starts the real server and
 * times the reports dashboard over HTTP: `/api/v1/reports/kpis`, three series (volume, first
 * reply time, backlog) and the heatmap, for the default 30-day view (target < 500 ms) and a
 * 12-month view (target < 2 s), plus the 12-month view filtered to one team (the path that
 * cannot use the daily rows). Each view runs BENCH_RUNS times after one warm-up; the dashboard
 * figure is the wall time of its five requests sent together, as the web page sends them.
 *
 * Environment: BENCH_TICKETS (1000000), BENCH_BATCH (50000), BENCH_RUNS (10),
 * BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_WRITE (1 writes the
 * `## Reports` section of BENCHMARKS.md; default only for runs of at least 1,000,000 tickets).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../packages/server/src/platform/db.ts';
import { lifecycle } from './lifecycle.ts';
import { seed, type SeedResult } from './seed.ts';
import { REPO_ROOT, codeState, createApiToken, startServer, withDb, type ServerHandle } from './server.ts';
import { get, percentile } from './measure.ts';
import { seedReportFacts } from './reports-seed.ts';
import { renderReportsSection, type ReportsRun, type ViewResult } from './reports-render.ts';
import { spliceSection } from './sections.ts';

const env = process.env;
const TICKETS = Number(env.BENCH_TICKETS ?? 1_000_000);
const BATCH = Number(env.BENCH_BATCH ?? 50_000);
const RUNS = Number(env.BENCH_RUNS ?? 10);
const PG_ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WRITE = env.BENCH_WRITE ? env.BENCH_WRITE === '1' : TICKETS >= 1_000_000;
const TZ = 'Europe/Berlin';
const DAY_MS = 86_400_000;

const log = (line: string) => console.log(`[bench:reports ${new Date().toISOString().slice(11, 19)}] ${line}`);
const life = lifecycle(log);
const { cleanups, cleanupAll } = life;

/** The requests of one dashboard view. */
function dashboard(query: string, interval: string): Record<string, string> {
  const q = query ? `${query}&` : '';
  return {
    kpis: `/api/v1/reports/kpis${query ? `?${query}` : ''}`,
    'series volume': `/api/v1/reports/series?${q}metric=volume&interval=${interval}`,
    'series frt': `/api/v1/reports/series?${q}metric=frt&interval=${interval}`,
    'series backlog': `/api/v1/reports/series?${q}metric=backlog&interval=${interval}`,
    heatmap: `/api/v1/reports/heatmap${query ? `?${query}` : ''}`,
  };
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
};

/** Runs one view: a warm-up, then RUNS rounds of each request alone and of the five together. */
async function measureView(server: ServerHandle, token: string, name: string, requests: Record<string, string>, targetMs: number): Promise<ViewResult> {
  const call = async (url: string) => {
    const r = await get(`${server.baseUrl}${url}`, token);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.body.slice(0, 300)}`);
    return r;
  };
  for (const url of Object.values(requests)) await call(url);
  const each: Record<string, number[]> = Object.fromEntries(Object.keys(requests).map((k) => [k, []]));
  const together: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [k, url] of Object.entries(requests)) each[k]!.push((await call(url)).ms);
    const t0 = performance.now();
    await Promise.all(Object.values(requests).map(call));
    together.push(performance.now() - t0);
  }
  const kpis = JSON.parse((await call(requests.kpis!)).body) as { volume: { total: number }; frt: { calendar: { n: number } } };
  const result: ViewResult = {
    name,
    targetMs,
    requests,
    dashboard: stats(together),
    endpoints: Object.fromEntries(Object.entries(each).map(([k, v]) => [k, stats(v)])),
    ticketsInView: kpis.volume.total,
  };
  log(`${name}: dashboard p50 ${result.dashboard.p50.toFixed(0)} / p95 ${result.dashboard.p95.toFixed(0)} ms (target ${targetMs} ms), ${kpis.volume.total} tickets in view`);
  return result;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-bench-reports-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const dbName = `servus_bench_reports_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ dataDir, databaseUrl: PG_ADMIN_URL, poolSize: 1 });
  await admin.raw.executeSql(`create database ${dbName}`);
  cleanups.push(async () => {
    await admin.raw.executeSql(`drop database if exists ${dbName} with (force)`);
    await admin.close();
  });
  const postgres = String((await admin.raw.executeSql('select version() as v')).rows[0]?.v ?? '').split(' on ')[0]!;
  const databaseUrl = withDb(PG_ADMIN_URL, dbName);
  const target = { dataDir, databaseUrl };
  let server: ServerHandle | null = null;
  cleanups.push(async () => {
    await server?.stop();
  });

  log(`created ${dbName}; migrating through the server`);
  server = await startServer(target);
  await server.stop();
  server = null;
  const seeded: SeedResult = await seed(target, { tickets: TICKETS, batch: BATCH, log });
  const db = await openDatabase({ ...target, poolSize: 1 });
  const factSeconds = await seedReportFacts(db, { tz: TZ, batch: BATCH, log }).finally(() => db.close());
  const loadavg = os.loadavg();

  server = await startServer(target);
  const token = await createApiToken(server.baseUrl);
  const teams = JSON.parse((await get(`${server.baseUrl}/api/v1/teams`, token)).body) as { data: { id: string; name: string }[] };
  const now = Date.now();
  const year = `from=${new Date(now - 365 * DAY_MS).toISOString()}&to=${new Date(now).toISOString()}`;
  const views = [
    await measureView(server, token, '30 days (default view)', dashboard('', 'day'), 500),
    await measureView(server, token, '12 months', dashboard(year, 'week'), 2000),
    await measureView(server, token, `12 months, team ${teams.data[0]?.name ?? ''}`, dashboard(`${year}&teamId=${teams.data[0]?.id}`, 'week'), 2000),
  ];
  await server.stop();
  server = null;

  const run: ReportsRun = {
    date: new Date().toISOString(),
    tickets: TICKETS,
    runs: RUNS,
    machine: { cores: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres, loadavg },
    seed: { seconds: seeded.seconds.total, events: seeded.events, facts: factSeconds },
    code: codeState(),
    views,
  };
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `reports-${run.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  const section = renderReportsSection(run);
  if (WRITE) {
    const doc = path.join(REPO_ROOT, 'BENCHMARKS.md');
    fs.writeFileSync(doc, spliceSection(fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '', '## Reports', section));
    log(`wrote the ## Reports section of BENCHMARKS.md and ${path.relative(REPO_ROOT, file)}`);
  } else {
    log(`wrote ${path.relative(REPO_ROOT, file)}; BENCHMARKS.md left alone (BENCH_WRITE=1 writes it)`);
    console.log(`\n${section}`);
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
