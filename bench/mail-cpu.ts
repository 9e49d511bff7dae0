/**
 * Where the mail benchmark's time goes: CPU seconds per thread of the server process (main
 * thread, parse workers, the rest) and of its PostgreSQL backends from /proc, and a sampling
 * CPU profile of the server's main thread taken through node:inspector.
 *
 * `node --cpu-prof` is not allowed in NODE_OPTIONS and bench/server.ts starts the server with
 * fixed arguments, so the profiled server starts through a small entry file (written to a temp
 * dir) that opens an inspector session, registers tsx and imports main.ts. SIGUSR2 starts the
 * profiler, a second SIGUSR2 stops it and writes the profile.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { postgresPids } from './measure.ts';
import { REPO_ROOT } from './server.ts';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function statCpu(file: string): number {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** CPU seconds of every thread of `pid`, by thread id. */
export function threadCpu(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) out.set(Number(t), statCpu(`/proc/${pid}/task/${t}/stat`));
  } catch {
    // process gone
  }
  return out;
}

/** CPU seconds spent during a stretch, split by where. */
export interface CpuSplit {
  wallSeconds: number;
  /** The server's main thread: HTTP, SMTP, intake, mailauth, threading, the ORM and pg driver (and PGlite itself). */
  serverMain: number;
  /** Threads that appeared after the server had started: the parse workers (and libuv's pool, were it started late). */
  serverNewThreads: number;
  /** The server's other threads: V8 GC helpers, libuv pool, … */
  serverOther: number;
  /** PostgreSQL processes serving the bench database plus the cluster's writers (0 on PGlite). */
  postgres: number;
  /** Every server thread that used CPU in the stretch, busiest first. */
  threads: { tid: number; kind: 'main' | 'new' | 'start'; cpu: number }[];
  /** This benchmark process: nodemailer or the upload client, and the health polling. */
  loadGenerator: number;
  /** Busy fraction of all cores, other users of the machine included. */
  machineBusy: number;
}

function machineJiffies(): { busy: number; total: number } {
  const v = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: v.reduce((a, b) => a + b, 0) - idle, total: v.reduce((a, b) => a + b, 0) };
}

/**
 * Starts CPU accounting of the server `pid` (whose threads at start-up were `startThreads`)
 * and, on PostgreSQL, the backends of `dbName`. Call the returned function at the end.
 */
export function cpuSplitMeter(pid: number, startThreads: Set<number>, dbName: string | null): () => CpuSplit {
  const t0 = performance.now();
  const th0 = threadCpu(pid);
  const pg0 = new Map<number, number>();
  if (dbName) for (const p of postgresPids(dbName)) pg0.set(p, statCpu(`/proc/${p}/stat`));
  const m0 = machineJiffies();
  const self0 = process.cpuUsage();
  return () => {
    const self = process.cpuUsage(self0);
    const th1 = threadCpu(pid);
    let main = 0;
    let fresh = 0;
    let other = 0;
    const threads: CpuSplit['threads'] = [];
    for (const [tid, cpu] of th1) {
      const d = cpu - (th0.get(tid) ?? 0);
      const kind = tid === pid ? 'main' : !startThreads.has(tid) ? 'new' : 'start';
      if (d > 0) threads.push({ tid, kind, cpu: d });
      if (kind === 'main') main += d;
      else if (kind === 'new') fresh += d;
      else other += d;
    }
    threads.sort((a, b) => b.cpu - a.cpu);
    let pg = 0;
    if (dbName) for (const p of postgresPids(dbName)) pg += statCpu(`/proc/${p}/stat`) - (pg0.get(p) ?? 0);
    const m1 = machineJiffies();
    return {
      wallSeconds: (performance.now() - t0) / 1000,
      serverMain: main,
      serverNewThreads: fresh,
      serverOther: other,
      postgres: pg,
      threads,
      loadGenerator: (self.user + self.system) / 1e6,
      machineBusy: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total),
    };
  };
}

/**
 * The profiling entry (plain JavaScript, run instead of main.ts). On the first SIGUSR2 it starts
 * the CPU profiler and the counters, on the second it writes the profile to
 * `$SERVUS_BENCH_PROFILE_OUT` and the counters to `<that>.stats.json`. The counters time, in this
 * server only, what one processed mail waits for: MailProcessor.processOne as a whole, the parse
 * worker round trip (Worker#postMessage to its answer), mailauth's authenticate() and every SQL
 * statement (pg.Client#query), the latter split by whether processOne, the SMTP receiver's DATA
 * handler, work they left behind (the outbox drain) or something else (HTTP, pg-boss) sent it.
 */
const PROFILING_ENTRY = String.raw`import fs from 'node:fs';
import inspector from 'node:inspector';
import { createRequire } from 'node:module';
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import workerThreads from 'node:worker_threads';

const out = process.env.SERVUS_BENCH_PROFILE_OUT;
const require = createRequire(__MAIN_PATH__);
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });

const where = new AsyncLocalStorage();
let counting = false;
let timing = {};
let statements = new Map();
const add = (key, ms) => {
  const t = (timing[key] ??= { n: 0, ms: 0 });
  t.n += 1;
  t.ms += ms;
};

process.on('SIGUSR2', () => {
  if (!counting) {
    timing = {};
    statements = new Map();
    session.post('Profiler.start');
    counting = true;
    return;
  }
  counting = false;
  session.post('Profiler.stop', (err, res) => {
    if (err) fs.writeFileSync(out + '.error', String(err));
    else fs.writeFileSync(out, JSON.stringify(res.profile));
  });
  fs.writeFileSync(out + '.stats.json', JSON.stringify({ timing, statements: [...statements].map(([text, s]) => ({ text, ...s })).sort((a, b) => b.n - a.n) }));
});

// SQL statements: every pool client is a pg.Client.
const pg = require('pg');
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  if (!counting || (config && typeof config.submit === 'function')) return query.call(this, config, ...rest);
  // Work a processOne or DATA handler left behind (the outbox drain its commit scheduled, event
  // listeners) still carries its context, but is no longer what that mail waits for.
  const store = where.getStore();
  const from = !store ? 'other' : store.done ? 'followup' : store.kind;
  const text = String(typeof config === 'string' ? config : (config && config.text) || '?').replace(/\s+/g, ' ').trim().slice(0, 100);
  const started = performance.now();
  const done = () => {
    const ms = performance.now() - started;
    add('sql:' + from, ms);
    const key = from + ' ' + text;
    const s = statements.get(key) ?? { where: from, n: 0, ms: 0 };
    s.n += 1;
    s.ms += ms;
    statements.set(key, s);
  };
  const last = rest[rest.length - 1];
  if (typeof last === 'function') {
    rest[rest.length - 1] = function (...args) {
      done();
      return last.apply(this, args);
    };
    return query.call(this, config, ...rest);
  }
  const result = query.call(this, config, ...rest);
  if (result && typeof result.then === 'function') result.then(done, done);
  return result;
};

// mailauth (CommonJS; patched before the server's import reads its exports).
const mailauth = require('mailauth');
const authenticate = mailauth.authenticate;
mailauth.authenticate = async function (...args) {
  const started = performance.now();
  try {
    return await authenticate.apply(this, args);
  } finally {
    if (counting) add('mailauth', performance.now() - started);
  }
};

// Parse worker round trips: a request carries rawPath; the answer is done or failed.
const postMessage = workerThreads.Worker.prototype.postMessage;
const sentAt = new WeakMap();
workerThreads.Worker.prototype.postMessage = function (message, ...rest) {
  if (message && typeof message === 'object' && 'rawPath' in message) {
    sentAt.set(this, performance.now());
    if (!this.__benchTimed) {
      this.__benchTimed = true;
      this.on('message', (reply) => {
        const at = sentAt.get(this);
        if (at === undefined || !reply || (reply.type !== 'done' && reply.type !== 'failed')) return;
        sentAt.delete(this);
        if (counting) add('parse', performance.now() - at);
      });
    }
  }
  return postMessage.call(this, message, ...rest);
};

const tsx = await import(__TSX_API__);
tsx.register();
const { MailProcessor } = await import(__PROCESS_URL__);
const processOne = MailProcessor.prototype.processOne;
MailProcessor.prototype.processOne = function (id) {
  const started = performance.now();
  const store = { kind: 'process', done: false };
  return where.run(store, () => processOne.call(this, id)).finally(() => {
    store.done = true;
    if (counting) add('processOne', performance.now() - started);
  });
};
const { SmtpReceiver } = await import(__SMTP_URL__);
const receive = SmtpReceiver.prototype.receive;
SmtpReceiver.prototype.receive = function (...args) {
  const started = performance.now();
  const store = { kind: 'intake', done: false };
  return where.run(store, () => receive.apply(this, args)).finally(() => {
    store.done = true;
    if (counting) add('intake', performance.now() - started);
  });
};
await import(__MAIN_URL__);
`;

/** Writes the profiling entry into `dir` and returns its path (see PROFILING_ENTRY). */
export function writeProfilingEntry(dir: string): string {
  const server = path.join(REPO_ROOT, 'packages/server/src');
  const url = (p: string) => JSON.stringify(pathToFileURL(path.join(server, p)).href);
  const file = path.join(dir, 'profiled-main.mjs');
  fs.writeFileSync(
    file,
    PROFILING_ENTRY.replace('__MAIN_PATH__', JSON.stringify(path.join(server, 'main.ts')))
      // The ESM build of tsx's API (require.resolve would give the CommonJS one, which cannot register from here).
      .replace('__TSX_API__', JSON.stringify(import.meta.resolve('tsx/esm/api')))
      .replace('__PROCESS_URL__', url('modules/email/process.ts'))
      .replace('__SMTP_URL__', url('modules/email/smtp-receiver.ts'))
      .replace('__MAIN_URL__', url('main.ts')),
  );
  return file;
}

/** What the profiled server counted (see PROFILING_ENTRY). */
export interface ServerStats {
  timing: Record<string, { n: number; ms: number }>;
  statements: { text: string; where: string; n: number; ms: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** What a frame belongs to: an npm package, a part of the server, Node itself, or V8's pseudo frames. */
export function categoryOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.endsWith('/profiled-main.mjs')) return '(profiler)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/packages/server/src/');
  if (src >= 0) {
    const parts = url.slice(src + '/packages/server/src/'.length).split('/');
    return `servus:${parts.slice(0, parts[0] === 'modules' ? 3 : 2).join('/').replace(/\.ts$/, '')}`;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  return url.replace(/^file:\/\//, '').slice(-60);
}

export interface ProfileSummary {
  file: string;
  sampledSeconds: number;
  /** Share of sampled time by category of the frame on top (self time). */
  self: { category: string; seconds: number; share: number }[];
  /**
   * Self time charged to the nearest package or server part on the stack: native code and
   * Node internals (socket writes, fs calls, stream plumbing) count for whoever called them.
   */
  owner: { category: string; seconds: number; share: number }[];
  /** Share of sampled time with the category anywhere on the stack (inclusive; overlaps). */
  inclusive: { category: string; seconds: number; share: number }[];
  topFunctions: { fn: string; category: string; seconds: number; share: number }[];
}

/** Self and inclusive time by category and the hottest functions of a .cpuprofile. */
export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    selfUs.set(p.samples[i]!, (selfUs.get(p.samples[i]!) ?? 0) + dt);
    total += dt;
  }
  const self = new Map<string, number>();
  const owner = new Map<string, number>();
  const incl = new Map<string, number>();
  const isOwner = (c: string) => !c.startsWith('(') && !c.startsWith('node:');
  const fns = new Map<string, { category: string; us: number }>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const cat = categoryOf(n.callFrame.url, n.callFrame.functionName);
    self.set(cat, (self.get(cat) ?? 0) + us);
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${categoryOf(n.callFrame.url, '')}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    const f = fns.get(key) ?? { category: cat, us: 0 };
    f.us += us;
    fns.set(key, f);
    const seen = new Set<string>();
    let charged: string | null = cat === '(idle)' || cat === '(garbage collector)' || cat === '(program)' ? cat : null;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)!;
      const c = categoryOf(node.callFrame.url, node.callFrame.functionName);
      if (c === '(root)') continue;
      if (charged === null && isOwner(c)) charged = c;
      if (!seen.has(c)) {
        seen.add(c);
        incl.set(c, (incl.get(c) ?? 0) + us);
      }
    }
    charged ??= cat;
    owner.set(charged, (owner.get(charged) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([category, us]) => ({ category, seconds: us / 1e6, share: us / Math.max(1, total) }));
  return {
    file,
    sampledSeconds: total / 1e6,
    self: rank(self),
    owner: rank(owner),
    inclusive: rank(incl),
    topFunctions: [...fns]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([fn, f]) => ({ fn, category: f.category, seconds: f.us / 1e6, share: f.us / Math.max(1, total) })),
  };
}

/** A temp dir for this run's scratch files. */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
