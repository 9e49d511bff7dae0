import type { Executor } from '../../../platform/db.ts';
import { searchArticles } from '../search.ts';
import type { EvalQuery } from './queries.ts';
import type { EvalOutcome } from './metrics.ts';

/** How many results each query looks at, as the help center's search page shows them. */
export const EVAL_LIMIT = 10;

/**
 * Runs every query through the public search once and records where the expected article
 * came. `articleIds` maps demo article keys to ids; a query expecting an unknown key fails.
 */
export async function evaluate(db: Executor, queries: EvalQuery[], articleIds: Map<string, string>): Promise<EvalOutcome[]> {
  const keyOf = new Map([...articleIds].map(([key, id]) => [id, key]));
  // The first search of each language reads its vocabulary; that is not what a visitor waits for.
  for (const locale of ['de', 'en'] as const) await searchArticles(db, { q: 'warm', locale, audience: 'public', limit: 1 });
  const out: EvalOutcome[] = [];
  for (const query of queries) {
    const expected = articleIds.get(query.expect);
    const started = performance.now();
    const hits = await searchArticles(db, { q: query.q, locale: query.lang, audience: 'public', limit: EVAL_LIMIT });
    const ms = performance.now() - started;
    const index = expected ? hits.findIndex((h) => h.articleId === expected) : -1;
    const first = hits[0] ? (keyOf.get(hits[0].articleId) ?? hits[0].title) : null;
    out.push({ q: query.q, lang: query.lang, expect: query.expect, rank: index >= 0 ? index + 1 : null, first, ms });
  }
  return out;
}

/** Latencies of `rounds` further passes over the queries, for steadier percentiles. */
export async function timeQueries(db: Executor, queries: EvalQuery[], rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const started = performance.now();
      await searchArticles(db, { q: query.q, locale: query.lang, audience: 'public', limit: EVAL_LIMIT });
      times.push(performance.now() - started);
    }
  }
  return times;
}
