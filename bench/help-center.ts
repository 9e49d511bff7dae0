/**
 * `npm run bench:help`: server time of the public help center's pages with the demo knowledge
 * base. The demo help center is loaded the way `npm run demo` loads it (seedKnowledgeBase,
 * through the knowledge base's own use cases) into a fresh PGlite data dir (or a throwaway
 * PostgreSQL database with BENCH_HELP_BACKEND=postgres), view counts are spread over the
 * articles so the home page lists popular ones, and then the real server runs as a child
 * process (`NODE_ENV=production`, all roles) on 127.0.0.1.
 *
 * Every page is requested BENCH_HELP_RUNS times one after another over a kept-alive connection
 * after BENCH_HELP_WARMUP warm-up requests; the time from sending to the last byte on loopback
 * is the server time plus well under a millisecond. Then autocannon drives each page with
 * BENCH_HELP_CONNECTIONS connections for BENCH_HELP_SECONDS to show throughput and latency
 * under load. Target: p95 < 50 ms per page, one request at a time.
 *
 * Writes bench/results/help-center-<timestamp>.json and the "## Help center" section of
 * BENCHMARKS.md (BENCH_WRITE=0 to leave it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createServus } from '../packages/server/src/app.ts';
import { makeCtx } from '../packages/server/src/platform/context.ts';
import { openDatabase, queryRows } from '../packages/server/src/platform/db.ts';
import type { AgentActor } from '../packages/server/src/platform/actor.ts';
import { findAgentByEmail } from '../packages/server/src/modules/auth/repository.ts';
import { seedKnowledgeBase } from '../packages/server/src/demo/kb/seed.ts';
import { EVAL_QUERIES } from '../packages/server/src/modules/knowledge/eval/queries.ts';
import { lifecycle } from './lifecycle.ts';
import { percentile } from './measure.ts';
import { ADMIN, REPO_ROOT, codeState, startServer, withDb, type ServerHandle } from './server.ts';
import { spliceSection } from './sections.ts';

const env = process.env;
const BACKEND = (env.BENCH_HELP_BACKEND ?? 'pglite') as 'pglite' | 'postgres';
const PG_ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(env.BENCH_HELP_RUNS ?? 300);
const WARMUP = Number(env.BENCH_HELP_WARMUP ?? 30);
const CONNECTIONS = Number(env.BENCH_HELP_CONNECTIONS ?? 10);
const SECONDS = Number(env.BENCH_HELP_SECONDS ?? 5);
const WRITE = env.BENCH_WRITE !== '0';
const TARGET_MS = 50;
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

const log = (line: string) => console.log(`[bench:help ${new Date().toISOString().slice(11, 19)}] ${line}`);
const life = lifecycle(log);

interface PageResult {
  page: string;
  path: string;
  bytes: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Under load: requests per second and latency percentiles from autocannon. */
  load: { rps: number; p50: number; p99: number; non2xx: number };
}

/** Loads the demo help center into the database and spreads view counts over its articles. */
async function seedDemoKb(dataDir: string, databaseUrl: string | undefined): Promise<{ articles: number; translations: number; seconds: number }> {
  const t0 = performance.now();
  const config = loadConfig({
    ...env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    SERVUS_ROLES: 'http',
    SMTP_PORT: '0',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: crypto.randomBytes(36).toString('base64url').slice(0, 48),
    SERVUS_ADMIN_EMAIL: ADMIN.email,
    SERVUS_ADMIN_PASSWORD: ADMIN.password,
  });
  if (!databaseUrl) delete (config as { DATABASE_URL?: string }).DATABASE_URL;
  const servus = await createServus({ config, logger: false });
  try {
    const { services } = servus;
    const admin = await findAgentByEmail(services.database.db, ADMIN.email);
    if (!admin) throw new Error('the bootstrap admin was not created');
    const actor: AgentActor = { kind: 'agent', id: admin.id, role: 'admin', teamIds: [], via: 'token' };
    await seedKnowledgeBase({ ...makeCtx(services, actor), actor });
    // Real help centers have readers: a long tail of views, so "popular articles" has content.
    await services.database.db.execute(sql`update kb_article_translations set view_count = (abs(hashtext(id::text)) % 5000)`);
    const [n] = await queryRows<{ articles: number; translations: number }>(
      services.database.db,
      sql`select (select count(*)::int from kb_articles where status = 'published') as articles, (select count(*)::int from kb_article_translations t join kb_articles a on a.id = t.article_id where a.status = 'published') as translations`,
    );
    return { ...n!, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await servus.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function fetchPage(url: string, ua: string): Promise<{ status: number; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: { 'user-agent': ua, accept: 'text/html', 'accept-language': 'de-DE,de;q=0.9' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

/**
 * One page: sequential server time, then throughput under load. With several paths (distinct
 * search queries) each is requested once in the timed series, so none is answered from a cache,
 * and the load cycles through them.
 */
async function measurePage(server: ServerHandle, page: string, paths: string[], ua: string): Promise<PageResult> {
  const distinct = paths.length > 1;
  if (!distinct) for (let i = 0; i < WARMUP; i++) await fetchPage(`${server.baseUrl}${paths[0]}`, ua);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < (distinct ? paths.length : RUNS); i++) {
    const pathname = paths[i % paths.length]!;
    const r = await fetchPage(`${server.baseUrl}${pathname}`, ua);
    if (r.status !== 200) throw new Error(`${pathname} answered ${r.status}`);
    bytes = Math.max(bytes, r.bytes);
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  const pathname = paths[0]!;
  const load = await cannon({
    url: server.baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path, headers: { 'user-agent': ua, accept: 'text/html' } })),
  });
  const round = (n: number) => Math.round(n * 10) / 10;
  const result: PageResult = {
    page,
    path: distinct ? `${pathname} (and ${paths.length - 1} more)` : pathname,
    bytes,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1]!),
    load: { rps: Math.round(load.requests.average), p50: load.latency.p50, p99: load.latency.p99, non2xx: load.non2xx },
  };
  log(`${page}: p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms; ${result.load.rps} req/s at ${CONNECTIONS} connections (p99 ${result.load.p99} ms)`);
  return result;
}

/** The pages to measure, found in the seeded help center. */
async function pagesOf(server: ServerHandle): Promise<[string, string[], string][]> {
  const home = await (await fetch(`${server.baseUrl}/help/de`)).text();
  const first = (re: RegExp) => {
    const m = re.exec(home);
    if (!m) throw new Error(`the home page has no link matching ${re}`);
    return m[1]!;
  };
  const category = first(/href="(\/help\/de\/categories\/[^"]+)"/);
  const section = first(/href="(\/help\/de\/sections\/[^"]+)"/);
  const article = first(/href="(\/help\/de\/articles\/[^"]+)"/);
  const articleHtml = await (await fetch(`${server.baseUrl}${article}`)).text();
  const english = /hreflang="en" href="[^"]*?(\/help\/en\/articles\/[^"]+)"/.exec(articleHtml)?.[1];
  const bot = 'servus-bench (autocannon)';
  const searches = EVAL_QUERIES.map((e) => `/help/${e.lang}/search?q=${encodeURIComponent(e.q)}`);
  const suggestions = EVAL_QUERIES.map((e) => `/api/v1/help/search?lang=${e.lang}&q=${encodeURIComponent(e.q)}`);
  return [
    ['home (de)', ['/help/de'], bot],
    ['category', [category], bot],
    ['section', [section], bot],
    ['article (de)', [article], bot],
    ['article (de), counted visitor', [article], BROWSER_UA],
    ...(english ? ([['article (en)', [english], bot]] as [string, string[], string][]) : []),
    ['search, one query repeated', [`/help/de/search?q=${encodeURIComponent('Bondrucker druckt nich')}`], bot],
    [`search, ${searches.length} distinct queries with typos`, searches, bot],
    [`search JSON (suggestions), ${suggestions.length} distinct queries`, suggestions, bot],
    ['contact form', ['/help/de/contact'], bot],
    ['sitemap.xml', ['/help/sitemap.xml'], bot],
  ];
}

function render(run: { when: string; backend: string; node: string; cores: number; load: number[]; head: string | null; seed: { articles: number; translations: number; seconds: number }; pages: PageResult[] }): string {
  const rows = run.pages.map((p) => `| ${p.page} | \`${p.path.length > 60 ? `${p.path.slice(0, 57)}…` : p.path}\` | ${(p.bytes / 1024).toFixed(1)} | ${p.p50} | **${p.p95}** | ${p.p99} | ${p.load.rps} | ${p.load.p99} | ${p.p95 < TARGET_MS ? '✅' : '❌'} |`);
  const worst = run.pages.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const passed = run.pages.every((p) => p.p95 < TARGET_MS);
  return `## Help center

Measured by \`npm run bench:help\` ([bench/help-center.ts](bench/help-center.ts)) on ${run.when}: the demo help center (${run.seed.articles} published articles, ${run.seed.translations} published translations in German and English) loaded by \`seedKnowledgeBase\` as \`npm run demo\` does (${run.seed.seconds.toFixed(1)} s), view counts spread over the articles; one server process (\`NODE_ENV=production\`, all roles) on ${run.backend}, requests over HTTP on 127.0.0.1 with no page cache in front. Server time: ${RUNS} requests per page one after another over a kept-alive connection after ${WARMUP} warm-up requests, from sending to the last byte (loopback adds well under a millisecond); the rows with distinct queries send each of the search evaluation's queries once (German and English, most with typos), so none is answered from the per-process results cache that serves a repeated question. Under load: autocannon, ${CONNECTIONS} connections for ${SECONDS} s per page, cycling through the same paths (so under load the search rows are mostly answered from that cache). The crawler-like User-Agent of the load is not counted as a view; the "counted visitor" row sends a browser's User-Agent, so every request also checks the day's view mark.

Machine: ${run.cores} cores, Node ${run.node}; load average before measuring ${run.load.map((l) => l.toFixed(2)).join(' / ')}. Code: ${run.head ?? 'unknown'} with the working tree's changes.

| page | path | KiB | p50 ms | p95 ms | p99 ms | req/s (${CONNECTIONS} conn.) | p99 ms under load | < ${TARGET_MS} ms |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

**Result: ${passed ? `every page under ${TARGET_MS} ms` : `target missed`}** — the slowest page at p95 is "${worst.page}" with ${worst.p95} ms.
`;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-bench-help-'));
  life.cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  if (BACKEND === 'postgres') {
    const name = `servus_bench_help_${crypto.randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: PG_ADMIN_URL, dataDir });
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    databaseUrl = withDb(PG_ADMIN_URL, name);
    life.cleanups.push(async () => {
      const a = await openDatabase({ databaseUrl: PG_ADMIN_URL, dataDir });
      await a.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await a.close();
    });
  }
  log(`seeding the demo help center on ${BACKEND}`);
  const seeded = await seedDemoKb(dataDir, databaseUrl);
  log(`${seeded.articles} published articles in ${seeded.seconds.toFixed(1)} s`);
  // The public search is rate-limited per address; the load comes from one address.
  process.env.HELP_SEARCH_PER_MINUTE = '100000000';
  const server = await startServer({ dataDir, databaseUrl });
  life.cleanups.push(() => server.stop());
  const load = os.loadavg();
  const results: PageResult[] = [];
  for (const [page, paths, ua] of await pagesOf(server)) {
    if (life.interrupted) break;
    results.push(await measurePage(server, page, paths, ua));
  }
  const run = {
    when: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    backend: BACKEND === 'pglite' ? 'embedded PGlite' : 'PostgreSQL',
    node: process.version,
    cores: os.cpus().length,
    load,
    head: codeState().head,
    seed: seeded,
    pages: results,
  };
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `help-center-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  log(`results in ${path.relative(REPO_ROOT, file)}`);
  const section = render(run);
  if (WRITE) {
    const doc = path.join(REPO_ROOT, 'BENCHMARKS.md');
    fs.writeFileSync(doc, spliceSection(fs.readFileSync(doc, 'utf8'), '## Help center', section));
    log('wrote the "## Help center" section of BENCHMARKS.md');
  } else {
    console.log(section);
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => life.cleanupAll());
