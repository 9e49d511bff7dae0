import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isGoodCsat, npsCategory } from '@servus/shared';
import { cesSummary, csatPercent, happinessScore, npsScore, percent, wilsonInterval } from './formulas.ts';
import { commentTopics } from './topics.ts';

const nps = (scores: number[]) => {
  const c = { promoter: 0, passive: 0, detractor: 0 };
  for (const s of scores) c[npsCategory(s)]++;
  return npsScore(c.promoter, c.passive, c.detractor);
};

describe('survey formulas (METRICS §8.1, §8.2)', () => {
  it('NPS vectors N1–N5 and the category boundaries', () => {
    assert.equal(nps([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]), -10);
    assert.equal(npsScore(120, 50, 30), 45);
    assert.equal(nps([7, 8, 7, 8]), 0);
    assert.equal(nps([]), null);
    assert.equal(npsScore(30, 50, 20), 10);
    assert.deepEqual([6, 7, 8, 9].map(npsCategory), ['detractor', 'passive', 'passive', 'promoter']);
  });

  it('CSAT vectors C1–C4 and C7 and the scale mapping (§9 decision 5)', () => {
    assert.equal(csatPercent(45, 5), 90);
    assert.equal(percent(50, 200), 25);
    assert.equal(csatPercent([5, 5, 4, 4, 3, 2, 1, 5].filter((s) => isGoodCsat(5, s)).length, 3), 62.5);
    assert.equal(csatPercent(7, 3), 70);
    assert.equal(happinessScore(41, 34, 35), 5.45);
    assert.deepEqual(cesSummary([0, 1, 0, 1, 1, 1, 1]), { mean: 4.8, percentAgree: 60, responses: 5 });
    assert.deepEqual([isGoodCsat(2, 2), isGoodCsat(2, 1), isGoodCsat(3, 3), isGoodCsat(3, 2), isGoodCsat(5, 4), isGoodCsat(5, 3)], [true, false, true, false, true, false]);
    assert.equal(csatPercent(0, 0), null);
    assert.equal(cesSummary([0, 0, 0, 0, 0, 0, 0]).mean, null);
  });

  it('Wilson 95 % interval brackets the observed share and narrows with more answers', () => {
    const small = wilsonInterval(9, 10)!;
    const large = wilsonInterval(900, 1000)!;
    assert.ok(small.low < 90 && small.high > 90);
    assert.ok(large.high - large.low < small.high - small.low);
    assert.deepEqual(wilsonInterval(0, 0), null);
    assert.equal(wilsonInterval(10, 10)!.high, 100);
  });

  it('groups comments into topics by German and English keywords at word starts', () => {
    assert.deepEqual(commentTopics('Viel zu langsam, ewig Wartezeit'), [{ topic: 'speed', keywords: ['langsam', 'wart'] }]);
    assert.deepEqual(commentTopics('The agent was RUDE'), [{ topic: 'friendliness', keywords: ['rude'] }]);
    assert.deepEqual(commentTopics('Unfreundlich und die Rechnung war zu teuer').map((t) => t.topic), ['friendliness', 'billing']);
    assert.deepEqual(commentTopics('unfriendly'), [{ topic: 'friendliness', keywords: ['unfriendly'] }], '"friendly" does not match inside "unfriendly"');
    assert.deepEqual(commentTopics('Alles bestens'), []);
  });
});
