/**
 * `npm run bench`: for each backend, creates a fresh database, lets the server migrate it,
 * seeds it in bulk, starts the real server and measures create throughput, inbox, ticket page,
 * search and idle memory over HTTP; on PostgreSQL also the pgbench insert ceiling. Writes the
 * raw figures to bench/results/ and refreshes BENCHMARKS.md.
 *
 * Environment: BENCH_TICKETS (1000000), BENCH_BACKENDS (postgres,pglite), BENCH_DURATION (20 s),
 * BENCH_WARMUP (5 s), BENCH_BATCH (50000 tickets per insert), BENCH_ROUNDS (300 sequential
 * requests per read series), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres).
 * `--render <bench/results/….json>` only rewrites BENCHMARKS.md from a stored run.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { lifecycle } from './lifecycle.ts';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../packages/server/src/platform/db.ts';
import { contactCount, seed, type SeedResult } from './seed.ts';
import { REPO_ROOT, bundleServer, codeState, createApiToken, rssMiB, startServer, withDb, type ServerHandle } from './server.ts';
import { get, measureCreate, measureInbox, measureSearch, measureTicketPage, type CreateResult, type Series } from './measure.ts';
import { runPgbench, type PgbenchResult } from './pgbench.ts';
import { explainReads, type Explained } from './explain.ts';
import { SEARCH_WORDS } from './vocabulary.ts';
import { renderReport } from './report.ts';
import { carrySections } from './sections.ts';

/** Rewrites BENCHMARKS.md, keeping the sections other benchmark scripts own. */
function writeReport(markdown: string): void {
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, carrySections(old, markdown));
}

export type Backend = 'postgres' | 'pglite';

/** Everything measured on one backend. */
export interface BackendResult {
  backend: Backend;
  ok: boolean;
  error?: string;
  seed?: SeedResult;
  migrateStartSeconds?: number;
  startSeconds?: number;
  idleRssMiB?: number;
  /** Idle RSS of the same server precompiled with esbuild and run without tsx (evidence, not a target). */
  idleRssBundledMiB?: number;
  rssAfterLoadMiB?: number;
  dbSizeMiB?: number;
  inbox?: { first: Series; second: Series; avgRows: number };
  ticketPage?: Series & { avgMessages: number };
  search?: Awaited<ReturnType<typeof measureSearch>>;
  create?: CreateResult;
  /** PostgreSQL only: pg_stat_database deltas per created ticket during the create load. */
  createDbWork?: Record<string, number>;
  explain?: Explained[];
  pgbench?: PgbenchResult;
}

/** The whole run, as written to bench/results/ and rendered into BENCHMARKS.md. */
export interface RunResult {
  date: string;
  machine: { cores: number; cpuModel: string; memGiB: number; node: string; postgres: string | null; pglite: string; loadavgAtStart: number[] };
  params: { tickets: number; backends: Backend[]; durationSeconds: number; warmupSeconds: number; batch: number; rounds: number; connections: number };
  command: string;
  /** The server code measured: HEAD and the files under packages/ that differ from it. */
  code?: { head: string | null; changedFiles: string[] };
  /** Remarks about the circumstances of the run, rendered under the machine table. */
  notes?: string[];
  backends: BackendResult[];
}

const env = process.env;
const TICKETS = Number(env.BENCH_TICKETS ?? 1_000_000);
const BACKENDS = (env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((s) => s.trim()).filter(Boolean) as Backend[];
const DURATION = Number(env.BENCH_DURATION ?? 20);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const BATCH = Number(env.BENCH_BATCH ?? 50_000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 300);
const CONNECTIONS = 32;
const PG_ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const life = lifecycle(log);
const { cleanups, cleanupAll } = life;

async function withDatabase<T>(opts: { dataDir: string; databaseUrl?: string }, fn: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase({ ...opts, poolSize: 1 });
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

function duMiB(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split(/\s+/)[0]) / 1024;
  } catch {
    return NaN;
  }
}

async function pgStats(admin: Database, db: string): Promise<Record<string, number>> {
  const r = await admin.raw.executeSql(
    `select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched, tup_returned, blks_hit, blks_read
       from pg_stat_database where datname = $1`,
    [db],
  );
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Runs every measurement on one backend and cleans up after itself. */
async function benchBackend(backend: Backend): Promise<BackendResult> {
  const result: BackendResult = { backend, ok: false };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `servus-bench-${backend}-`));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  let dbName: string | null = null;
  let admin: Database | null = null;
  let server: ServerHandle | null = null;
  const stopServer = async () => {
    if (server) await server.stop();
    server = null;
  };
  cleanups.push(stopServer);
  try {
    if (backend === 'postgres') {
      dbName = `servus_bench_${crypto.randomBytes(4).toString('hex')}`;
      admin = await openDatabase({ dataDir, databaseUrl: PG_ADMIN_URL, poolSize: 2 });
      const adminDb = admin;
      await adminDb.raw.executeSql(`create database ${dbName}`);
      cleanups.push(async () => {
        await adminDb.raw.executeSql(`drop database if exists ${dbName} with (force)`);
        await adminDb.close();
      });
      databaseUrl = withDb(PG_ADMIN_URL, dbName);
      log(`${backend}: created database ${dbName}`);
    }
    const target = { dataDir, databaseUrl };

    let t = performance.now();
    server = await startServer(target);
    result.migrateStartSeconds = (performance.now() - t) / 1000;
    log(`${backend}: server migrated an empty database in ${result.migrateStartSeconds.toFixed(1)} s; stopping it to seed`);
    await stopServer();

    result.seed = await seed(target, { tickets: TICKETS, batch: BATCH, log: (l) => log(`${backend}: ${l}`) });

    t = performance.now();
    server = await startServer(target);
    result.startSeconds = (performance.now() - t) / 1000;
    log(`${backend}: server up in ${result.startSeconds.toFixed(1)} s (pid ${server.pid}); idling 10 s`);
    await sleep(10_000);
    result.idleRssMiB = rssMiB(server.pid);
    log(`${backend}: idle RSS ${result.idleRssMiB.toFixed(0)} MiB`);

    const token = await createApiToken(server.baseUrl);
    const teams = JSON.parse((await get(`${server.baseUrl}/api/v1/teams`, token)).body) as { data: { id: string; name: string }[] };
    const teamIds = teams.data.map((x) => x.id);

    result.inbox = await measureInbox(server.baseUrl, token, teamIds, ROUNDS);
    log(`${backend}: inbox p50 ${result.inbox.first.p50.toFixed(1)} / p95 ${result.inbox.first.p95.toFixed(1)} ms, page 2 p95 ${result.inbox.second.p95.toFixed(1)} ms`);
    result.ticketPage = await measureTicketPage(server.baseUrl, token, TICKETS, ROUNDS);
    log(`${backend}: ticket page p50 ${result.ticketPage.p50.toFixed(1)} / p95 ${result.ticketPage.p95.toFixed(1)} ms`);
    result.search = await measureSearch(server.baseUrl, token, Math.max(5, Math.round(ROUNDS / SEARCH_WORDS.length)));
    log(`${backend}: search p50 ${result.search.all.p50.toFixed(1)} / p95 ${result.search.all.p95.toFixed(1)} ms`);

    if (backend === 'postgres') {
      result.explain = await withDatabase(target, (d) =>
        explainReads(d, teamIds[0]!, { common: SEARCH_WORDS.find((w) => w.kind === 'common')!.word, rare: SEARCH_WORDS.find((w) => w.kind === 'rare')!.word }),
      );
    }

    const before = admin && dbName ? await pgStats(admin, dbName) : null;
    result.create = await measureCreate({
      baseUrl: server.baseUrl,
      token,
      contacts: contactCount(TICKETS),
      connections: CONNECTIONS,
      warmupSeconds: WARMUP,
      durationSeconds: DURATION,
      serverPid: server.pid,
      dbName,
    });
    if (admin && dbName && before) {
      // pg_stat_database is updated by backends at transaction end and flushed within a second.
      await sleep(1500);
      const after = await pgStats(admin, dbName);
      const created = result.create.created + Math.round(result.create.ticketsPerSecond * WARMUP);
      result.createDbWork = Object.fromEntries(Object.keys(after).map((k) => [k, (after[k]! - before[k]!) / Math.max(1, created)]));
    }
    log(`${backend}: create ${result.create.ticketsPerSecond.toFixed(0)} tickets/s, p50 ${result.create.p50} / p99 ${result.create.p99} ms`);
    result.rssAfterLoadMiB = rssMiB(server.pid);
    await stopServer();

    const bundle = await bundleServer().catch((err) => {
      log(`${backend}: could not bundle the server: ${(err as Error).message}`);
      return null;
    });
    if (bundle) {
      cleanups.push(async () => bundle.cleanup());
      server = await startServer({ ...target, entry: bundle.entry });
      await sleep(10_000);
      result.idleRssBundledMiB = rssMiB(server.pid);
      log(`${backend}: idle RSS of the precompiled server (no tsx) ${result.idleRssBundledMiB.toFixed(0)} MiB`);
      await stopServer();
    }

    if (backend === 'pglite') {
      result.explain = await withDatabase(target, (d) =>
        explainReads(d, teamIds[0]!, { common: SEARCH_WORDS.find((w) => w.kind === 'common')!.word, rare: SEARCH_WORDS.find((w) => w.kind === 'rare')!.word }),
      );
      result.dbSizeMiB = duMiB(dataDir);
    } else if (admin && dbName) {
      const r = await admin.raw.executeSql(`select pg_database_size($1)::bigint as b`, [dbName]);
      result.dbSizeMiB = Number(r.rows[0]?.b ?? 0) / 1048576;
      log(`${backend}: pgbench insert ceiling (-c 32 -j 2 -T 15)`);
      result.pgbench = await withDatabase(target, (d) => runPgbench(d, databaseUrl!, { clients: 32, threads: 2, seconds: 15 }));
      log(`${backend}: pgbench ${result.pgbench.tps.toFixed(0)} tps`);
    }
    result.ok = true;
  } catch (err) {
    result.error = (err as Error).stack ?? String(err);
    if (server) result.error += `\n--- server output ---\n${(server as ServerHandle).output()}`;
    log(`${backend}: FAILED: ${(err as Error).message}`);
  } finally {
    await stopServer().catch(() => undefined);
    await cleanupAll();
  }
  return result;
}

function postgresVersion(): string | null {
  try {
    return execFileSync('psql', [PG_ADMIN_URL, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const pgliteVersion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string;
  const run: RunResult = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memGiB: os.totalmem() / 1024 ** 3,
      node: process.version,
      postgres: postgresVersion(),
      pglite: pgliteVersion,
      loadavgAtStart: os.loadavg(),
    },
    params: { tickets: TICKETS, backends: BACKENDS, durationSeconds: DURATION, warmupSeconds: WARMUP, batch: BATCH, rounds: ROUNDS, connections: CONNECTIONS },
    command: 'npm run bench',
    code: codeState(),
    backends: [],
  };
  log(`${TICKETS} tickets on ${BACKENDS.join(', ')}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const b of BACKENDS) {
    if (life.interrupted) return;
    run.backends.push(await benchBackend(b));
  }
  if (life.interrupted) return;

  const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${run.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  writeReport(renderReport(run));
  log(`wrote ${path.relative(REPO_ROOT, file)} and BENCHMARKS.md`);
  if (run.backends.some((b) => !b.ok)) process.exitCode = 1;
}

/** `run.ts --render <results.json>` rewrites BENCHMARKS.md from a stored run without measuring. */
async function render(file: string): Promise<void> {
  const run = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResult;
  writeReport(renderReport(run));
  log(`rendered BENCHMARKS.md from ${file}`);
}

const renderAt = process.argv.indexOf('--render');
if (renderAt >= 0) await render(process.argv[renderAt + 1]!);
else await main();
