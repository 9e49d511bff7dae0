/**
 * The search quality gate: the evaluation queries (realistic German and English questions with
 * typos) against the demo help center must find their article as `npm run eval:search` requires.
 * A ranking change that makes customers' searches worse fails here.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoKb, type DemoKb } from '../src/modules/knowledge/eval/demo-kb.ts';
import { evaluate } from '../src/modules/knowledge/eval/evaluate.ts';
import { summarize, TARGETS, type EvalOutcome } from '../src/modules/knowledge/eval/metrics.ts';
import { EVAL_QUERIES } from '../src/modules/knowledge/eval/queries.ts';

describe('knowledge base search evaluation', () => {
  let kb: DemoKb;
  let outcomes: EvalOutcome[];

  before(async () => {
    kb = await openDemoKb({ pgUrl: process.env.TEST_DATABASE_URL });
    outcomes = await evaluate(kb.database.db, EVAL_QUERIES, kb.articleIds);
  });
  after(() => kb?.close());

  it('knows the article of every query', () => {
    const unknown = EVAL_QUERIES.filter((q) => !kb.articleIds.has(q.expect)).map((q) => q.expect);
    assert.deepEqual(unknown, [], 'every expected article is in the demo knowledge base');
    assert.ok(EVAL_QUERIES.length >= 60);
    for (const lang of ['de', 'en']) assert.ok(EVAL_QUERIES.some((q) => q.lang === lang), lang);
  });

  it(`finds the right article in the top 3 for ≥ ${TARGETS.recallAt3 * 100} % of queries, with MRR ≥ ${TARGETS.mrr}`, () => {
    const s = summarize(outcomes);
    const misses = outcomes.filter((o) => !o.rank || o.rank > 3).map((o) => `[${o.lang}] "${o.q}" → ${o.expect} (rank ${o.rank ?? 'none'}, first ${o.first})`);
    const perLanguage = (['de', 'en'] as const).map((lang) => {
      const l = summarize(outcomes.filter((o) => o.lang === lang));
      return `${lang}: recall@3 ${l.recallAt3.toFixed(3)}, MRR ${l.mrr.toFixed(3)}`;
    });
    const report = `recall@3 ${s.recallAt3.toFixed(3)}, MRR ${s.mrr.toFixed(3)} (${perLanguage.join('; ')}); outside the top 3:\n${misses.join('\n')}`;
    assert.ok(s.recallAt3 >= TARGETS.recallAt3, report);
    assert.ok(s.mrr >= TARGETS.mrr, report);
  });
});
