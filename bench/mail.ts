/**
 * `npm run bench:mail`: inbound mail throughput and memory of the real server (a child process,
 * all roles), on PostgreSQL (a throwaway database) and PGlite (a temp data dir).
 *
 * Per backend: a warm-up of new-ticket mails (untimed; their tickets are what later replies
 * answer), then
 *   - SMTP: N small mails (text + HTML alternative, a share of them replies "AW: [#N] …" from the
 *     ticket's requester) sent with nodemailer over a few pooled connections to the server's SMTP
 *     port, timed until none is pending any more (admin API /api/v1/mail/health backlog);
 *   - upload: N more through POST /api/v1/channels/:id/inbound, 8 at a time, timed the same way;
 *   - memory: one mail with a 20 MiB attachment over SMTP, server RSS sampled every 50 ms
 *     (and VmHWM after resetting it) against its RSS just before.
 * CPU seconds of the server's threads and of the PostgreSQL backends are counted per phase; on
 * PostgreSQL one extra SMTP run is profiled (main thread, node:inspector). Stage ceilings (parse
 * workers alone, mailauth alone) are measured in this process on the same mails.
 *
 * Writes bench/results/mail-<timestamp>.json and prints a Markdown section "## Mail ingestion".
 *
 * Environment: BENCH_MAILS (2000 per path), BENCH_BACKENDS (postgres,pglite), BENCH_PG_URL
 * (postgres://postgres@127.0.0.1:5432/postgres), BENCH_REPLY_SHARE (0.3), BENCH_WARMUP_MAILS (200),
 * BENCH_SMTP_CONNECTIONS (4), BENCH_UPLOAD_CONCURRENCY (8), BENCH_BIG_MIB (20), BENCH_PROFILE (1;
 * 0 skips the profiled run), BENCH_PROFILE_MAILS (min(BENCH_MAILS, 1000)), BENCH_PHASE_TIMEOUT
 * (seconds one phase may take, 240).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { lifecycle } from './lifecycle.ts';
import { spliceSection } from './sections.ts';
import { measureCeilings } from './mail-ceilings.ts';
import { PHASE_TIMEOUT_MS, api, drained, setUp, start, upload, warmUp, type Api } from './mail-api.ts';
import { breakdownOf, renderMarkdown, type Backend, type BackendResult, type MailRunResult, type MemoryResult, type Outcome, type PathResult, type ProfileRun } from './mail-report.ts';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../packages/server/src/platform/db.ts';
import { REPO_ROOT, codeState, rssMiB, withDb, type ServerHandle } from './server.ts';
import { bigMail, makeMails, rawOf, type BenchMail } from './mail-gen.ts';
import { cpuSplitMeter, scratchDir, summarizeProfile, threadCpu, writeProfilingEntry, type CpuSplit, type ServerStats } from './mail-cpu.ts';


const env = process.env;
const MAILS = Number(env.BENCH_MAILS ?? 2000);
const BACKENDS = (env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((s) => s.trim()).filter(Boolean) as Backend[];
const PG_ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPLY_SHARE = Number(env.BENCH_REPLY_SHARE ?? 0.3);
const WARMUP_MAILS = Number(env.BENCH_WARMUP_MAILS ?? 200);
const SMTP_CONNECTIONS = Number(env.BENCH_SMTP_CONNECTIONS ?? 4);
const UPLOAD_CONCURRENCY = Number(env.BENCH_UPLOAD_CONCURRENCY ?? 8);
const BIG_MIB = Number(env.BENCH_BIG_MIB ?? 20);
const PROFILE = env.BENCH_PROFILE !== '0';
const PROFILE_MAILS = Number(env.BENCH_PROFILE_MAILS ?? Math.min(MAILS, 1000));
/** The spec's target, for PostgreSQL on 2 cores. */
const TARGET = 500;

const log = (line: string) => console.error(`[bench:mail ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const life = lifecycle(log);
const { cleanups, cleanupAll } = life;

// ---------------------------------------------------------------------------------------------
// The timed paths

async function runSmtp(a: Api, mails: BenchMail[], startMeter: () => () => CpuSplit): Promise<PathResult> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: a.smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: Infinity,
  });
  let errors = 0;
  let firstError: string | undefined;
  let done = 0;
  const meter = startMeter();
  const from = new Date().toISOString();
  const t0 = performance.now();
  let acceptedAt = 0;
  const sends = Promise.all(
    mails.map((m) =>
      transport.sendMail(m.options).then(
        () => {
          done++;
        },
        (err: Error) => {
          done++;
          errors++;
          firstError ??= err.message;
        },
      ),
    ),
  ).then(() => {
    acceptedAt = performance.now();
  });
  await drained(a, () => done === mails.length, PHASE_TIMEOUT_MS, (c) => log(`  smtp: ${done}/${mails.length} accepted, backlog ${c.backlog}, failed ${c.failed}`));
  await sends;
  const t1 = performance.now();
  const cpu = meter();
  transport.close();
  const seconds = (t1 - t0) / 1000;
  return {
    path: 'smtp',
    mails: mails.length,
    replies: mails.filter((m) => m.reply !== null).length,
    acceptedSeconds: (acceptedAt - t0) / 1000,
    seconds,
    mailsPerSecond: mails.length / seconds,
    errors,
    ...(firstError && { firstError }),
    cpu,
    window: { from, to: new Date().toISOString() },
  };
}

async function runUpload(a: Api, mails: BenchMail[], startMeter: () => () => CpuSplit): Promise<PathResult> {
  const raws = await Promise.all(mails.map((m) => rawOf(m.options)));
  let errors = 0;
  let firstError: string | undefined;
  let done = 0;
  const meter = startMeter();
  const from = new Date().toISOString();
  const t0 = performance.now();
  let acceptedAt = 0;
  let next = 0;
  const uploads = Promise.all(
    Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
      for (let i = next++; i < raws.length; i = next++) {
        try {
          await upload(a, raws[i]!);
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
        }
        done++;
      }
    }),
  ).then(() => {
    acceptedAt = performance.now();
  });
  await drained(a, () => done === raws.length, PHASE_TIMEOUT_MS, (c) => log(`  upload: ${done}/${raws.length} accepted, backlog ${c.backlog}, failed ${c.failed}`));
  await uploads;
  const t1 = performance.now();
  const cpu = meter();
  const seconds = (t1 - t0) / 1000;
  return {
    path: 'upload',
    mails: mails.length,
    replies: mails.filter((m) => m.reply !== null).length,
    acceptedSeconds: (acceptedAt - t0) / 1000,
    seconds,
    mailsPerSecond: mails.length / seconds,
    errors,
    ...(firstError && { firstError }),
    cpu,
    window: { from, to: new Date().toISOString() },
  };
}

/** Peak RSS of the server while one mail with a `mib` MiB attachment comes in over SMTP and is processed. */
async function measureBigMail(a: Api, mib: number): Promise<MemoryResult> {
  const options = bigMail(mib, 900_000);
  const wire = (await rawOf(options)).length;
  const pid = a.server.pid;
  await sleep(2000);
  const before: number[] = [];
  for (let i = 0; i < 10; i++) {
    before.push(rssMiB(pid));
    await sleep(50);
  }
  const rssBefore = before.reduce((s, x) => s + x, 0) / before.length;
  let hwmReset = false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    hwmReset = true;
  } catch {
    // not permitted here: only the sampled peak counts
  }
  let peak = rssBefore;
  let samples = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
      samples++;
    } catch {
      // server gone
    }
  }, 50);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: a.smtpPort, secure: false, ignoreTLS: true });
  const t0 = performance.now();
  try {
    await transport.sendMail(options);
    await drained(a, () => true);
  } finally {
    clearInterval(sampler);
    transport.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  let hwm: number | null = null;
  if (hwmReset) {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    hwm = m ? Number(m[1]) / 1024 : null;
  }
  const newest = await api<{ data: { status: string; reason: string | null; size: number }[] }>(a, 'GET', `/api/v1/mail/inbound?channelId=${a.channelId}&limit=1`);
  const row = newest.data[0];
  const peakMiB = Math.max(peak, hwm ?? 0);
  return {
    attachmentMiB: mib,
    wireMiB: wire / 1048576,
    rssBeforeMiB: rssBefore,
    peakSampledMiB: peak,
    hwmMiB: hwm,
    peakMiB,
    deltaMiB: peakMiB - rssBefore,
    seconds,
    status: row ? `${row.status}${row.reason ? ` (${row.reason})` : ''}, ${(row.size / 1048576).toFixed(1)} MiB` : 'not found',
    samples,
  };
}

/** What the mails of each path became, from the database (PGlite: after the server stopped). */
async function outcomes(target: { dataDir: string; databaseUrl?: string }, paths: PathResult[]): Promise<void> {
  const d = await openDatabase({ ...target, poolSize: 1 });
  try {
    for (const p of paths) {
      const rows = await queryRows<{ status: string; reason: string | null; new_ticket: boolean; n: number }>(
        d.db,
        sql`select i.status, i.reason,
                   coalesce(i.message_row_id = (select m.id from messages m where m.ticket_id = i.ticket_id order by m.created_at, m.id limit 1), false) as new_ticket,
                   count(*)::int as n
              from inbound_mails i
             where i.source = ${p.path} and i.received_at >= ${new Date(p.window.from)} and i.received_at <= ${new Date(p.window.to)}
             group by 1, 2, 3`,
      );
      const o: Outcome = { rows: 0, newTickets: 0, threadEntries: 0, byStatus: {} };
      for (const r of rows) {
        o.rows += r.n;
        const key = r.reason ? `${r.status}:${r.reason}` : r.status;
        o.byStatus[key] = (o.byStatus[key] ?? 0) + r.n;
        if (r.status === 'processed') {
          if (r.new_ticket) o.newTickets += r.n;
          else o.threadEntries += r.n;
        }
      }
      p.outcome = o;
    }
  } finally {
    await d.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Backends

/** A throwaway PostgreSQL database, dropped by the returned cleanup (also registered for interrupts). */
async function throwawayDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `servus_mailbench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  cleanups.push(drop);
  return { name, url: withDb(PG_ADMIN_URL, name), drop };
}

async function benchBackend(backend: Backend): Promise<BackendResult> {
  const result: BackendResult = { backend, ok: false, paths: [] };
  const dataDir = scratchDir(`servus-mailbench-${backend}-`);
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(removeDir);
  let server: ServerHandle | null = null;
  const stopServer = async () => {
    if (server) await server.stop();
    server = null;
  };
  cleanups.push(stopServer);
  let db: Awaited<ReturnType<typeof throwawayDatabase>> | null = null;
  try {
    if (backend === 'postgres') {
      db = await throwawayDatabase();
      log(`${backend}: created database ${db.name}`);
    }
    const target = { dataDir, ...(db && { databaseUrl: db.url }) };
    const started = await start(target);
    server = started.server;
    result.startSeconds = started.startSeconds;
    const startThreads = new Set(threadCpu(server.pid).keys());
    const a = await setUp(server, started.smtpPort);
    log(`${backend}: server up in ${started.startSeconds.toFixed(1)} s (pid ${server.pid}, SMTP port ${started.smtpPort}); warming up with ${WARMUP_MAILS} mails`);

    const warm = await warmUp(a, WARMUP_MAILS, UPLOAD_CONCURRENCY);
    result.warmup = { mails: WARMUP_MAILS, seconds: warm.seconds };
    log(`${backend}: warm-up done in ${warm.seconds.toFixed(1)} s (${(WARMUP_MAILS / warm.seconds).toFixed(0)} mails/s), ${warm.tickets.length} tickets to reply to`);

    result.memory = await measureBigMail(a, BIG_MIB);
    log(`${backend}: ${BIG_MIB} MiB attachment: RSS ${result.memory.rssBeforeMiB.toFixed(0)} -> peak ${result.memory.peakMiB.toFixed(0)} MiB (+${result.memory.deltaMiB.toFixed(0)}), ${result.memory.seconds.toFixed(1)} s, ${result.memory.status}`);

    const dbName = db?.name ?? null;
    const smtpMails = makeMails(MAILS, { offset: 10_000, replyShare: REPLY_SHARE, tickets: warm.tickets });
    log(`${backend}: SMTP: ${MAILS} mails over ${SMTP_CONNECTIONS} pooled connections`);
    const smtp = await runSmtp(a, smtpMails, () => cpuSplitMeter(server!.pid, startThreads, dbName));
    result.paths.push(smtp);
    log(`${backend}: SMTP: ${smtp.mailsPerSecond.toFixed(1)} mails/s (${smtp.seconds.toFixed(1)} s; all accepted after ${smtp.acceptedSeconds.toFixed(1)} s; ${smtp.errors} errors)`);

    const uploadMails = makeMails(MAILS, { offset: 20_000, replyShare: REPLY_SHARE, tickets: warm.tickets });
    log(`${backend}: upload: ${MAILS} mails, ${UPLOAD_CONCURRENCY} concurrent`);
    const up = await runUpload(a, uploadMails, () => cpuSplitMeter(server!.pid, startThreads, dbName));
    result.paths.push(up);
    log(`${backend}: upload: ${up.mailsPerSecond.toFixed(1)} mails/s (${up.seconds.toFixed(1)} s; all accepted after ${up.acceptedSeconds.toFixed(1)} s; ${up.errors} errors)`);

    await stopServer();
    await outcomes(target, result.paths);
    result.ok = true;
  } catch (err) {
    result.error = (err as Error).stack ?? String(err);
    if (server) result.error += `\n--- server output ---\n${(server as ServerHandle).output()}`;
    log(`${backend}: FAILED: ${(err as Error).message}`);
  } finally {
    await stopServer().catch(() => undefined);
    await db?.drop().catch((err) => log(`could not drop ${db?.name}: ${(err as Error).message}`));
    await removeDir();
  }
  return result;
}

/** One more SMTP run on PostgreSQL with the server's main thread under the CPU profiler. */
async function profiledRun(mails: number): Promise<ProfileRun> {
  const run: ProfileRun = { backend: 'postgres', path: 'smtp', mails, seconds: 0, mailsPerSecond: 0, cpu: null as unknown as CpuSplit, profile: null };
  const dataDir = scratchDir('servus-mailbench-profile-');
  const scratch = scratchDir('servus-mailbench-entry-');
  const removeDirs = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  cleanups.push(removeDirs);
  let server: ServerHandle | null = null;
  const stopServer = async () => {
    if (server) await server.stop();
    server = null;
  };
  cleanups.push(stopServer);
  const db = await throwawayDatabase();
  try {
    const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const profileFile = path.join(resultsDir, `mail-profile-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    env.SERVUS_BENCH_PROFILE_OUT = profileFile;
    const started = await start({ dataDir, databaseUrl: db.url }, writeProfilingEntry(scratch));
    delete env.SERVUS_BENCH_PROFILE_OUT;
    server = started.server;
    const startThreads = new Set(threadCpu(server.pid).keys());
    const a = await setUp(server, started.smtpPort);
    const warm = await warmUp(a, WARMUP_MAILS, UPLOAD_CONCURRENCY);
    const list = makeMails(mails, { offset: 30_000, replyShare: REPLY_SHARE, tickets: warm.tickets });
    process.kill(server.pid, 'SIGUSR2');
    const pid = server.pid;
    const r = await runSmtp(a, list, () => cpuSplitMeter(pid, startThreads, db.name));
    process.kill(server.pid, 'SIGUSR2');
    const statsFile = `${profileFile}.stats.json`;
    for (let i = 0; i < 100 && !(fs.existsSync(profileFile) && fs.existsSync(statsFile)); i++) await sleep(100);
    if (fs.existsSync(statsFile)) {
      const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as ServerStats;
      run.stats = { timing: stats.timing, statements: stats.statements.slice(0, 40) };
      run.breakdown = breakdownOf(stats);
      fs.rmSync(statsFile);
    }
    Object.assign(run, { seconds: r.seconds, mailsPerSecond: r.mailsPerSecond, cpu: r.cpu });
    run.profile = fs.existsSync(profileFile) ? summarizeProfile(profileFile) : null;
    if (!run.profile) run.error = `no profile written${fs.existsSync(`${profileFile}.error`) ? `: ${fs.readFileSync(`${profileFile}.error`, 'utf8')}` : ''}`;
  } catch (err) {
    run.error = (err as Error).stack ?? String(err);
    log(`profile run FAILED: ${(err as Error).message}`);
  } finally {
    await stopServer().catch(() => undefined);
    await db.drop().catch(() => undefined);
    await removeDirs();
  }
  return run;
}

async function postgresVersion(): Promise<string | null> {
  try {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    const r = await c.query<{ server_version: string }>('show server_version');
    await c.end();
    return r.rows[0]?.server_version ?? null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const run: MailRunResult = {
    date: new Date().toISOString(),
    command: 'npm run bench:mail',
    machine: {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memGiB: os.totalmem() / 1024 ** 3,
      node: process.version,
      postgres: BACKENDS.includes('postgres') ? await postgresVersion() : null,
      loadavgAtStart: os.loadavg(),
    },
    params: { mails: MAILS, replyShare: REPLY_SHARE, warmupMails: WARMUP_MAILS, smtpConnections: SMTP_CONNECTIONS, uploadConcurrency: UPLOAD_CONCURRENCY, bigMiB: BIG_MIB, target: TARGET },
    code: codeState(),
    backends: [],
  };
  const t = performance.now();
  log(`${MAILS} mails per path on ${BACKENDS.join(', ')}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  run.ceilings = await measureCeilings(Math.min(MAILS, 1000));
  log(`ceilings: parse ${run.ceilings.parseMailsPerSecond.toFixed(0)} mails/s (2 workers), mailauth ${run.ceilings.mailauthMailsPerSecond.toFixed(0)} mails/s`);
  for (const b of BACKENDS) {
    if (life.interrupted) return;
    run.backends.push(await benchBackend(b));
  }
  if (PROFILE && BACKENDS.includes('postgres') && !life.interrupted) {
    log(`profiled SMTP run on PostgreSQL: ${PROFILE_MAILS} mails`);
    run.profile = await profiledRun(PROFILE_MAILS);
    if (run.profile.profile) log(`profile: ${run.profile.profile.owner.slice(0, 6).map((x) => `${x.category} ${(x.share * 100).toFixed(0)}%`).join(', ')}`);
  }
  if (life.interrupted) return;
  const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `mail-${run.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  log(`wrote ${path.relative(REPO_ROOT, file)} after ${((performance.now() - t) / 1000).toFixed(0)} s`);
  publish(run);
  if (run.backends.some((b) => !b.ok) || run.profile?.error) process.exitCode = 1;
}

/** Prints the Markdown of a run; a run of both backends also replaces the section in BENCHMARKS.md. */
function publish(run: MailRunResult): void {
  const markdown = renderMarkdown(run);
  console.log(markdown);
  if (run.backends.length === 2) {
    const report = path.join(REPO_ROOT, 'BENCHMARKS.md');
    fs.writeFileSync(report, spliceSection(fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '# Benchmarks\n', '## Mail ingestion', markdown));
    console.log('updated the "Mail ingestion" section of BENCHMARKS.md');
  }
}

// `mail.ts --render <bench/results/mail-….json>` publishes a stored run again without measuring.
const renderIndex = process.argv.indexOf('--render');
if (renderIndex >= 0) publish(JSON.parse(fs.readFileSync(process.argv[renderIndex + 1]!, 'utf8')) as MailRunResult);
else await main();
