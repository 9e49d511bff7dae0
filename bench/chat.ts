/**
 * `npm run bench:chat`: how many concurrent chat WebSocket connections one server process holds
 * while messages still reach the agent in time, and what a connection costs in memory.
 *
 * The real server runs as a child process (`node --import tsx packages/server/src/main.ts`, all
 * roles, `NODE_ENV=production`) on PostgreSQL (a throwaway database) or PGlite
 * (BENCH_CHAT_BACKEND=pglite), on 127.0.0.1 only. One agent is online with a socket (/ws). First
 * BENCH_CHAT_SENDERS visitors open a chat each (their conversations are what the messages go
 * to); then visitor connections are added in steps (session over HTTP, the widget's socket,
 * hello) and at each step BENCH_CHAT_RATE messages per second are sent for BENCH_CHAT_SECONDS,
 * round robin over the senders, each timed from the visitor's send until the agent's socket
 * receives it. A step passes when every connection is still open, every message arrived and
 * p99 is under 100 ms; a step that misses is measured a second time (the machine is shared) and
 * passes if that try does, with both tries reported. The run stops at the first failing step or the last one, and always
 * within BENCH_CHAT_TIMEOUT seconds.
 *
 * Environment: BENCH_CHAT_BACKEND (postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_CHAT_STEPS (1000,2000,3000,4000,5000,6000,8000,10000,12000,14000,16000), BENCH_CHAT_SENDERS (200),
 * BENCH_CHAT_RATE (20), BENCH_CHAT_SECONDS (15), BENCH_CHAT_TIMEOUT (1500), BENCH_CHAT_ROLES (all:
 * http,ws,smtp,worker,cron — the server also runs the work every message triggers: SLA, routing,
 * automation, notifications, webhooks), BENCH_CHAT_CPU_PROFILE (a directory for the server's CPU profile).
 * Writes bench/results/chat-<timestamp>.json and the "## Chat" section of BENCHMARKS.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { lifecycle } from './lifecycle.ts';
import { spliceSection } from './sections.ts';
import { cpuMeter } from './measure.ts';
import { ADMIN, REPO_ROOT, codeState, createApiToken, freePort, rssMiB, withDb } from './server.ts';
import { BENCH_ORIGIN, growTo, measureDelivery, noErrors, openAgent, openChats, percentile, type Visitor } from './chat-load.ts';
import { renderChatSection, type ChatRun, type ChatStep } from './chat-report.ts';

const env = process.env;
const BACKEND = (env.BENCH_CHAT_BACKEND ?? 'postgres') as 'postgres' | 'pglite';
const PG_ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const STEPS = (env.BENCH_CHAT_STEPS ?? '1000,2000,3000,4000,5000,6000,8000,10000,12000,14000,16000').split(',').map(Number).filter((n) => n > 0);
const SENDERS = Number(env.BENCH_CHAT_SENDERS ?? 200);
const RATE = Number(env.BENCH_CHAT_RATE ?? 20);
const SECONDS = Number(env.BENCH_CHAT_SECONDS ?? 15);
const TIMEOUT_S = Number(env.BENCH_CHAT_TIMEOUT ?? 1500);
const ROLES = env.BENCH_CHAT_ROLES ?? 'http,ws,smtp,worker,cron';
const P99_LIMIT_MS = 100;
/** The target: concurrent connections on 2 cores. */
export const TARGET_CONNECTIONS = 5000;

const log = (line: string) => console.error(`[bench:chat ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const life = lifecycle(log);

/** Open files this run needs: every visitor socket, in this process and in the server. */
const FD_NEEDED = Math.max(...STEPS) + SENDERS + 1024;

/** The open-file limit a process runs with, from /proc/<pid>/limits. */
function fdLimit(pid: number): number {
  const m = /^Max open files\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Runs this script again under a shell that raised `ulimit -n`, unless that was done or is not needed. */
function ensureFdLimit(): boolean {
  if (env.BENCH_CHAT_FDS_RAISED) return false;
  const current = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  if (current >= FD_NEEDED) return false;
  const args = process.argv.slice(1).map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  log(`raising the open-file limit from ${current} for this run`);
  const child = spawn('sh', ['-c', `ulimit -n ${FD_NEEDED} 2>/dev/null || ulimit -n $(ulimit -Hn); exec '${process.execPath}' --import tsx ${args}`], { stdio: 'inherit', env: { ...env, BENCH_CHAT_FDS_RAISED: '1' } });
  child.on('exit', (code) => process.exit(code ?? 1));
  return true;
}

async function throwawayDatabase(): Promise<{ name: string; url: string }> {
  const name = `servus_chatbench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  life.cleanups.push(async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return { name, url: withDb(PG_ADMIN_URL, name) };
}

/** The server under a shell with the raised open-file limit; resolves once /healthz answers. */
async function startServer(databaseUrl: string | null, dataDir: string): Promise<{ pid: number; base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const serverEnv: Record<string, string> = {
    ...(env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SESSION_SECRET: crypto.randomBytes(36).toString('base64url'),
    SERVUS_ADMIN_EMAIL: ADMIN.email,
    SERVUS_ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '100000000',
    CHAT_SESSIONS_PER_IP_PER_MINUTE: '100000000',
    CHAT_VISITOR_MESSAGES_PER_10S: '1000',
    SMTP_PORT: '0',
    LOG_LEVEL: 'warn',
    SERVUS_ROLES: ROLES,
  };
  delete serverEnv.DATABASE_URL;
  delete serverEnv.REDIS_URL;
  if (databaseUrl) serverEnv.DATABASE_URL = databaseUrl;
  // BENCH_CHAT_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = env.BENCH_CHAT_CPU_PROFILE ? `--cpu-prof --cpu-prof-dir='${path.resolve(env.BENCH_CHAT_CPU_PROFILE)}' ` : '';
  const child = spawn('sh', ['-c', `ulimit -n ${FD_NEEDED} 2>/dev/null; exec '${process.execPath}' ${profile}--import tsx packages/server/src/main.ts`], { cwd: REPO_ROOT, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(20_000).then(() => child.kill('SIGKILL'))]);
  };
  life.cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${tail}`);
    if (await fetch(`${base}/healthz`).then((r) => r.status === 200).catch(() => false)) return { pid: child.pid!, base, stop };
    await sleep(200);
  }
  throw new Error(`server did not become healthy:\n${tail}`);
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query('show server_version');
  await c.end();
  return String(r.rows[0].server_version);
}

async function json(res: Response, what: string): Promise<any> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Team, online agent (chat limit out of the way), chat channel; returns the agent's session cookie and the channel. */
async function setUp(base: string): Promise<{ cookie: string; channelId: string }> {
  const token = await createApiToken(base);
  const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const agent = { email: 'agent@bench.example', password: 'bench-agent-password' };
  const a = await json(await fetch(`${base}/api/v1/agents`, { method: 'POST', headers: h, body: JSON.stringify({ ...agent, name: 'Bench Agent' }) }), 'agent');
  const team = await json(await fetch(`${base}/api/v1/teams`, { method: 'POST', headers: h, body: JSON.stringify({ name: 'Chat', memberIds: [a.id] }) }), 'team');
  await json(await fetch(`${base}/api/v1/agents/${a.id}/routing`, { method: 'PATCH', headers: h, body: JSON.stringify({ status: 'online', capacity: { chat: 1000 } }) }), 'routing');
  const channel = await json(await fetch(`${base}/api/v1/chat-channels`, { method: 'POST', headers: h, body: JSON.stringify({ name: 'Bench shop', teamId: team.id, allowedOrigins: [BENCH_ORIGIN] }) }), 'channel');
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(agent) });
  await json(login.clone(), 'login');
  return { cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), channelId: channel.id };
}

async function main(): Promise<void> {
  if (ensureFdLimit()) return;
  const killer = setTimeout(() => {
    log(`stopping: the run took longer than ${TIMEOUT_S} s`);
    void life.cleanupAll().finally(() => process.exit(2));
  }, TIMEOUT_S * 1000);
  killer.unref();
  const load0 = os.loadavg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-chatbench-'));
  life.cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const db = BACKEND === 'postgres' ? await throwawayDatabase() : null;
  const postgres = db ? await serverVersion(db.url) : null;
  log(`starting the server on ${BACKEND}`);
  const server = await startServer(db?.url ?? null, dataDir);
  const { cookie, channelId } = await setUp(server.base);
  const agent = await openAgent(server.base, cookie);
  life.cleanups.push(async () => agent.ws.terminate());
  const pool: Visitor[] = [];
  life.cleanups.push(async () => pool.forEach((v) => v.ws.terminate()));
  const errors = noErrors();

  log(`opening ${SENDERS} chats`);
  await growTo(pool, SENDERS, server.base, channelId, errors);
  const senders = pool.slice(0, SENDERS);
  const opened = await openChats(senders);
  log(`chats open: ${opened}/${senders.length}`);
  if (opened < senders.length) throw new Error(`only ${opened} of ${senders.length} chats opened`);
  await sleep(3000);
  const baseline = { connections: pool.length, rssMiB: rssMiB(server.pid) };

  const steps: ChatStep[] = [];
  for (const target of STEPS) {
    if (life.interrupted) break;
    log(`growing to ${target} connections`);
    const t0 = performance.now();
    await growTo(pool, target, server.base, channelId, errors);
    const connectSeconds = (performance.now() - t0) / 1000;
    await sleep(3000);
    const open = pool.filter((v) => !v.closed).length;
    const rss = rssMiB(server.pid);
    let meter = cpuMeter(server.pid, db?.name ?? null);
    let d = await measureDelivery(senders, agent, RATE, SECONDS);
    let cpu = meter();
    // The machine is shared: a step that misses is measured once more, and both tries are reported.
    let firstTry: ChatStep['firstTry'] = null;
    if (percentile(d.latencies, 99) >= P99_LIMIT_MS || d.delivered < d.sent) {
      firstTry = { p50: percentile(d.latencies, 50), p99: percentile(d.latencies, 99), delivered: d.delivered, sent: d.sent, machineBusy: cpu.machineBusy };
      log(`${open} connections: p99 ${firstTry.p99.toFixed(1)} ms on the first try (machine ${(cpu.machineBusy * 100).toFixed(0)} % busy); measuring again`);
      await sleep(5000);
      meter = cpuMeter(server.pid, db?.name ?? null);
      d = await measureDelivery(senders, agent, RATE, SECONDS);
      cpu = meter();
    }
    const step: ChatStep = {
      firstTry,
      slowest: d.slowest,
      connections: open,
      target,
      connectSeconds,
      rssMiB: rss,
      sent: d.sent,
      delivered: d.delivered,
      p50: percentile(d.latencies, 50),
      p95: percentile(d.latencies, 95),
      p99: percentile(d.latencies, 99),
      max: d.latencies.at(-1) ?? NaN,
      serverCpuShare: cpu.serverCpu / cpu.seconds,
      postgresCpuShare: cpu.postgresCpu / cpu.seconds,
      machineBusy: cpu.machineBusy,
      errors: { ...errors },
      ok: open === target && d.delivered === d.sent && percentile(d.latencies, 99) < P99_LIMIT_MS,
    };
    steps.push(step);
    log(`${open} connections: p50 ${step.p50.toFixed(1)} ms, p99 ${step.p99.toFixed(1)} ms, ${d.delivered}/${d.sent} delivered, server RSS ${rss.toFixed(0)} MiB → ${step.ok ? 'pass' : 'FAIL'}`);
    if (!step.ok) break;
  }

  const run: ChatRun = {
    at: new Date().toISOString(),
    backend: BACKEND,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memGiB: os.totalmem() / 2 ** 30, node: process.version, postgres, loadAvg: load0 },
    code: codeState(),
    settings: { roles: ROLES, senders: SENDERS, rate: RATE, seconds: SECONDS, p99LimitMs: P99_LIMIT_MS, target: TARGET_CONNECTIONS, fdLimit: fdLimit(server.pid) },
    baseline,
    steps,
  };
  const dir = path.join(REPO_ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `chat-${run.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(run, null, 2));
  publish(run);
  clearTimeout(killer);
  await life.cleanupAll();
  if (!steps.some((s) => s.ok && s.connections >= TARGET_CONNECTIONS)) process.exitCode = 1;
}

/** Prints the section and writes it into BENCHMARKS.md. */
function publish(run: ChatRun): void {
  const markdown = renderChatSection(run);
  console.log(markdown);
  const report = path.join(REPO_ROOT, 'BENCHMARKS.md');
  fs.writeFileSync(report, spliceSection(fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '# Benchmarks\n', '## Chat', markdown));
  log('updated the "Chat" section of BENCHMARKS.md');
}

// `chat.ts --render <bench/results/chat-….json>` writes a stored run into BENCHMARKS.md again.
const renderIndex = process.argv.indexOf('--render');
if (renderIndex >= 0) publish(JSON.parse(fs.readFileSync(process.argv[renderIndex + 1]!, 'utf8')) as ChatRun);
else
  await main().catch(async (err) => {
    log(`failed: ${(err as Error).stack ?? err}`);
    await life.cleanupAll();
    process.exit(1);
  });
