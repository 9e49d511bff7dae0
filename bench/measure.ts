/**
 * The measurements driven over HTTP: the REST create load (autocannon), sequential latency
 * series for the read endpoints, and CPU accounting of the processes that share the machine.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { SEARCH_WORDS, SUBJECTS, COMMON_WORDS } from './vocabulary.ts';
import { contactEmail } from './seed.ts';

/** Latency percentiles of a series, in milliseconds. */
export interface Series {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

function summarize(samples: number[], errors: number): Series {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, errors, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** One GET over a kept-alive connection; resolves with status, body and elapsed milliseconds. */
export function get(url: string, token: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The id the seeder gave ticket `i` (1-based): md5('t' || i) shaped as a version-4 uuid. */
export function seededTicketId(i: number): string {
  const hex = crypto.createHash('md5').update(`t${i}`).digest('hex').split('');
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Inbox: first page and the page after it (via nextCursor), alternating over the teams. */
export async function measureInbox(baseUrl: string, token: string, teamIds: string[], rounds: number) {
  const first: number[] = [];
  const second: number[] = [];
  let errors = 0;
  let rows = 0;
  for (let r = 0; r < rounds + 10; r++) {
    const team = teamIds[r % teamIds.length]!;
    const url = `${baseUrl}/api/v1/tickets?teamId=${team}&status=new,open&sort=-created_at&limit=25`;
    const a = await get(url, token);
    if (a.status !== 200) {
      errors++;
      continue;
    }
    const page = JSON.parse(a.body) as { data: unknown[]; nextCursor: string | null };
    if (r >= 10) first.push(a.ms);
    rows += page.data.length;
    if (!page.nextCursor) continue;
    const b = await get(`${url}&cursor=${encodeURIComponent(page.nextCursor)}`, token);
    if (b.status !== 200) errors++;
    else if (r >= 10) second.push(b.ms);
  }
  return { first: summarize(first, errors), second: summarize(second, 0), avgRows: rows / (rounds + 10) };
}

/** Ticket page with thread and requester, on random seeded tickets. */
export async function measureTicketPage(baseUrl: string, token: string, tickets: number, requests: number) {
  const samples: number[] = [];
  let errors = 0;
  let messages = 0;
  for (let r = 0; r < requests + 10; r++) {
    const i = 1 + Math.floor(Math.random() * tickets);
    const res = await get(`${baseUrl}/api/v1/tickets/${seededTicketId(i)}?include=messages,requester`, token);
    if (res.status !== 200) {
      errors++;
      continue;
    }
    messages += (JSON.parse(res.body) as { messages: unknown[] }).messages.length;
    if (r >= 10) samples.push(res.ms);
  }
  return { ...summarize(samples, errors), avgMessages: messages / (requests + 10) };
}

/** Full-text search over the common and rare German and English words, several rounds each (at most `budgetMs` per word after two). */
export async function measureSearch(baseUrl: string, token: string, rounds: number, budgetMs = 10_000) {
  const all: number[] = [];
  const byKind: Record<'common' | 'rare', number[]> = { common: [], rare: [] };
  const perWord: { word: string; kind: string; p50: number; hits: number }[] = [];
  let errors = 0;
  for (const w of SEARCH_WORDS) await get(`${baseUrl}/api/v1/search?q=${encodeURIComponent(w.word)}`, token);
  for (const w of SEARCH_WORDS) {
    const own: number[] = [];
    let hits = 0;
    const started = performance.now();
    // At least two rounds per word; past that, stop a slow word after its time budget.
    for (let r = 0; r < rounds && (r < 2 || performance.now() - started < budgetMs); r++) {
      const res = await get(`${baseUrl}/api/v1/search?q=${encodeURIComponent(w.word)}`, token);
      if (res.status !== 200) {
        errors++;
        continue;
      }
      hits = (JSON.parse(res.body) as { data: unknown[] }).data.length;
      own.push(res.ms);
      all.push(res.ms);
      byKind[w.kind].push(res.ms);
    }
    perWord.push({ word: w.word, kind: w.kind, p50: summarize(own, 0).p50, hits });
  }
  return { all: summarize(all, errors), common: summarize(byKind.common, 0), rare: summarize(byKind.rare, 0), perWord };
}

/** CPU seconds (user + system) of a process from /proc/<pid>/stat, or 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** PostgreSQL processes serving `dbName` plus the cluster's background writers, by pid. */
export function postgresPids(dbName: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmd.startsWith('postgres:')) continue;
      if (cmd.includes(` ${dbName} `) || /postgres: (\S+ )?(walwriter|checkpointer|background writer|walsender|autovacuum worker)/.test(cmd)) out.push(Number(d));
    } catch {
      // process ended
    }
  }
  return out;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** CPU used during a stretch of time by the server, PostgreSQL, this process (load generator) and the machine. */
export interface CpuShare {
  seconds: number;
  serverCpu: number;
  postgresCpu: number;
  loadGenCpu: number;
  /** Busy fraction of all cores, including other users of the machine. */
  machineBusy: number;
}

/** Starts CPU accounting; call the returned function at the end of the stretch. */
export function cpuMeter(serverPid: number, dbName: string | null): () => CpuShare {
  const t0 = performance.now();
  const s0 = cpuSeconds(serverPid);
  const pg0 = new Map<number, number>();
  if (dbName) for (const p of postgresPids(dbName)) pg0.set(p, cpuSeconds(p));
  const self0 = process.cpuUsage();
  const m0 = machineJiffies();
  return () => {
    let pg = 0;
    if (dbName) {
      for (const p of postgresPids(dbName)) pg += cpuSeconds(p) - (pg0.get(p) ?? 0);
    }
    const self = process.cpuUsage(self0);
    const m1 = machineJiffies();
    return {
      seconds: (performance.now() - t0) / 1000,
      serverCpu: cpuSeconds(serverPid) - s0,
      postgresCpu: pg,
      loadGenCpu: (self.user + self.system) / 1e6,
      machineBusy: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total),
    };
  };
}

/** Result of the create load. */
export interface CreateResult {
  durationSeconds: number;
  connections: number;
  created: number;
  ticketsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpu: CpuShare;
}

function createBody(contacts: number): string {
  const k = Math.floor(Math.random() * contacts);
  const s = SUBJECTS[Math.floor(Math.random() * SUBJECTS.length)]!;
  const words: string[] = [];
  for (let i = 0; i < 24; i++) words.push(COMMON_WORDS[Math.floor(Math.pow(Math.random(), 2.2) * COMMON_WORDS.length)]!);
  return JSON.stringify({ subject: `${s} ${k}`, requester: { email: contactEmail(k) }, message: { text: words.join(' ') + '.' }, tags: ['bench'] });
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * `POST /api/v1/tickets` at `connections` concurrency: a warm-up, then the measured stretch.
 * Requesters are drawn from the seeded contacts, so contacts are reused as in real use.
 */
export async function measureCreate(opts: {
  baseUrl: string;
  token: string;
  contacts: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  serverPid: number;
  dbName: string | null;
}): Promise<CreateResult> {
  const base: autocannon.Options = {
    url: `${opts.baseUrl}/api/v1/tickets`,
    connections: opts.connections,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/tickets',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
        setupRequest: (req: any) => ({ ...req, body: createBody(opts.contacts) }),
      },
    ],
  };
  await cannon({ ...base, duration: opts.warmupSeconds });
  const meter = cpuMeter(opts.serverPid, opts.dbName);
  const r = await cannon({ ...base, duration: opts.durationSeconds });
  const cpu = meter();
  const created = r['2xx'];
  return {
    durationSeconds: r.duration,
    connections: opts.connections,
    created,
    ticketsPerSecond: created / r.duration,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpu,
  };
}
