/**
 * The figures of a search evaluation: for each query, the rank at which the expected article
 * came back (or none), summarised as recall@k and mean reciprocal rank.
 */

/** The search quality the evaluation holds the knowledge base search to. */
export const TARGETS = { recallAt3: 0.9, mrr: 0.75 } as const;

export interface EvalOutcome {
  q: string;
  lang: 'de' | 'en';
  expect: string;
  /** 1-based rank of the expected article, or null when it was not among the results. */
  rank: number | null;
  /** The key (or title) of the article that came first, if any. */
  first: string | null;
  ms: number;
}

export interface Summary {
  queries: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
}

/** recall@1, recall@3 and MRR of a set of outcomes (all 0 for none). */
export function summarize(outcomes: EvalOutcome[]): Summary {
  const n = outcomes.length;
  if (n === 0) return { queries: 0, recallAt1: 0, recallAt3: 0, mrr: 0 };
  const within = (k: number) => outcomes.filter((o) => o.rank !== null && o.rank <= k).length / n;
  const mrr = outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n;
  return { queries: n, recallAt1: within(1), recallAt3: within(3), mrr };
}

/** Whether a summary meets the targets. */
export function meetsTargets(s: Summary): boolean {
  return s.recallAt3 >= TARGETS.recallAt3 && s.mrr >= TARGETS.mrr;
}

/** The p-th percentile (0–100) of a list of numbers, by the nearest-rank method. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
