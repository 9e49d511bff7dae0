/**
 * `npm run eval:search [-- --pg] [-- --verbose]`: measures the knowledge base search against the
 * demo help center. Creates a throwaway database (in-memory PGlite, or with `--pg` a new
 * database on TEST_DATABASE_URL / postgres://postgres@127.0.0.1:5432/postgres), loads the demo
 * articles, runs every evaluation query through the public search and prints recall@1,
 * recall@3 and MRR (overall and per language), the queries whose article did not come first,
 * and query latency. Exits 1 when below the targets.
 */
import os from 'node:os';
import { planSearch } from '../search.ts';
import { openDemoKb } from './demo-kb.ts';
import { evaluate, timeQueries } from './evaluate.ts';
import { meetsTargets, percentile, summarize, TARGETS, type EvalOutcome, type Summary } from './metrics.ts';
import { EVAL_QUERIES } from './queries.ts';

const args = new Set(process.argv.slice(2));
const pgUrl = args.has('--pg') ? (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined;
const verbose = args.has('--verbose');
const TIMING_ROUNDS = 5;

const f2 = (x: number) => x.toFixed(2);
const f1 = (x: number) => x.toFixed(1);

function row(label: string, s: Summary): string {
  return `${label.padEnd(10)} ${String(s.queries).padStart(7)} ${f2(s.recallAt1).padStart(9)} ${f2(s.recallAt3).padStart(9)} ${f2(s.mrr).padStart(6)}`;
}

async function main(): Promise<number> {
  const load = os.loadavg();
  const kb = await openDemoKb({ pgUrl });
  try {
    const db = kb.database.db;
    const backend = kb.database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
    const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
    console.log(`Knowledge base search: ${EVAL_QUERIES.length} queries against ${kb.articleIds.size} demo articles on ${backend}`);
    console.log(`machine: ${os.cpus().length} cores (${cpu}), Node ${process.version}, load average ${load.map(f2).join(' / ')}; setup ${f1(kb.setupSeconds)} s`);

    const outcomes = await evaluate(db, EVAL_QUERIES, kb.articleIds);
    const overall = summarize(outcomes);
    console.log(`\n${'language'.padEnd(10)} ${'queries'.padStart(7)} ${'recall@1'.padStart(9)} ${'recall@3'.padStart(9)} ${'MRR'.padStart(6)}`);
    console.log(row('all', overall));
    for (const lang of ['de', 'en'] as const) console.log(row(lang, summarize(outcomes.filter((o) => o.lang === lang))));

    const times = [...outcomes.map((o) => o.ms), ...(await timeQueries(db, EVAL_QUERIES, TIMING_ROUNDS))];
    console.log(`\nlatency per query (${times.length} searches, limit 10): p50 ${f1(percentile(times, 50))} ms, p95 ${f1(percentile(times, 95))} ms, max ${f1(Math.max(...times))} ms`);

    await printMisses(db, outcomes);
    const ok = meetsTargets(overall);
    if (!ok) console.log(`\nbelow target: recall@3 ≥ ${TARGETS.recallAt3} and MRR ≥ ${TARGETS.mrr}`);
    console.log(`\nrecall@1 ${f2(overall.recallAt1)} recall@3 ${f2(overall.recallAt3)} MRR ${f2(overall.mrr)}`);
    return ok ? 0 : 1;
  } finally {
    await kb.close();
  }
}

async function printMisses(db: Parameters<typeof planSearch>[0], outcomes: EvalOutcome[]): Promise<void> {
  const misses = outcomes.filter((o) => o.rank !== 1);
  console.log(`\nnot first (${misses.length}; rank, query, expected article, what came first):`);
  for (const o of misses.sort((a, b) => (b.rank ?? 99) - (a.rank ?? 99))) {
    console.log(`  ${(o.rank ? `#${o.rank}` : 'none').padEnd(5)} [${o.lang}] "${o.q}" expected ${o.expect}, first ${o.first ?? 'nothing'}`);
    if (verbose) {
      const plan = await planSearch(db, o.q, o.lang, 'public');
      const words = plan.groups.map((g) => `${g.token}→${g.exact.join('|')}${g.partial.length ? `(+${g.partial.join('|')})` : ''} ${g.via} ${g.weight}`);
      console.log(`          ${words.join('; ') || '(no words)'}`);
    }
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
