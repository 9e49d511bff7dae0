import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../src/platform/errors.ts';
import {
  averageSpeedOfAnswer,
  erlangC,
  erlangTable,
  figuresAt,
  occupancy,
  requiredAgents,
  serviceLevel,
  trafficIntensity,
  withShrinkage,
} from '../src/modules/analytics/staffing/erlang-c.ts';

/** METRICS §8.5: 100 calls per 30 min, AHT 180 s, 80 % in 20 s, max occupancy 85 %, shrinkage 30 %. */
const example = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 };
const A = 10;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

describe('Erlang C vector (METRICS §8.5)', () => {
  it('traffic intensity A = (100 / 1800 s) × 180 s = 10.0 Erlangs', () => {
    assert.equal(trafficIntensity(100, 1800, 180), 10);
  });

  it('reproduces the whole N = 11..16 table: Pw, SL(20 s), ASA and occupancy', () => {
    const table: [number, number, number, number, number][] = [
      [11, 0.682118, 0.389614, 122.78, 0.9091],
      [12, 0.449388, 0.640158, 40.44, 0.8333],
      [13, 0.28527, 0.795595, 17.12, 0.7692],
      [14, 0.174132, 0.88835, 7.84, 0.7143],
      [15, 0.102042, 0.941453, 3.67, 0.6667],
      [16, 0.05734, 0.97056, 1.72, 0.625],
    ];
    for (const [n, pw, sl, asa, occ] of table) {
      assert.equal(round(erlangC(n, A), 6), pw, `Pw at N=${n}`);
      assert.equal(round(serviceLevel(n, A, 20, 180), 6), sl, `SL at N=${n}`);
      assert.equal(round(averageSpeedOfAnswer(n, A, 180), 2), asa, `ASA at N=${n}`);
      assert.equal(round(occupancy(n, A), 4), occ, `occupancy at N=${n}`);
    }
  });

  it('N = 10 = A is unstable: Pw 1, SL 0, infinite ASA, 100 % occupancy, and no number from erlangC', () => {
    assert.deepEqual(figuresAt(10, A, 20, 180), { agents: 10, stable: false, waitProbability: 1, serviceLevel: 0, asaSeconds: null, occupancy: 1 });
    assert.throws(
      () => erlangC(10, A),
      (e: unknown) => e instanceof AppError && e.code === 'validation_failed' && e.message === 'agents must be more than the traffic intensity (A = 10.0 Erlangs)',
    );
    assert.throws(() => serviceLevel(9, A, 20, 180), AppError);
  });

  it('requires 14 agents (13 gives 79.56 %), schedules ceil(14 / 0.7) = 20, with the exact SL, Pw and occupancy', () => {
    const d = requiredAgents(example);
    assert.equal(d.requiredAgents, 14);
    assert.equal(d.rawAgents, 14);
    assert.equal(d.occupancyCapped, false);
    assert.equal(d.scheduledAgents, 20);
    assert.equal(d.figures.serviceLevel, 0.8883500191794669);
    assert.equal(d.figures.waitProbability, 0.1741319335950498);
    assert.equal(d.figures.occupancy, 0.7142857142857143);
    assert.equal(round(serviceLevel(13, A, 20, 180), 4), 0.7956);
  });

  it('with a 70 % occupancy cap takes ceil(10 / 0.7) = 15 agents and schedules 22: SL 0.941, occupancy 0.667, Pw 0.102', () => {
    const d = requiredAgents({ ...example, maxOccupancy: 0.7 });
    assert.equal(d.rawAgents, 14);
    assert.equal(d.requiredAgents, 15);
    assert.equal(d.occupancyCapped, true);
    assert.equal(d.scheduledAgents, 22);
    assert.equal(round(d.figures.serviceLevel, 3), 0.941);
    assert.equal(round(d.figures.occupancy, 3), 0.667);
    assert.equal(round(d.figures.waitProbability, 3), 0.102);
  });

  it('prints the table from N = 10 (unstable) to 16 like §8.5', () => {
    const rows = erlangTable(requiredAgents(example), example);
    assert.deepEqual(rows.map((r) => r.agents), [10, 11, 12, 13, 14, 15, 16]);
    assert.equal(rows[0]!.stable, false);
    assert.ok(rows.slice(1).every((r) => r.stable));
  });

  it('shrinkage: ceil(N / (1 − s)), e.g. 100 / (1 − 0.4) = 167', () => {
    assert.equal(withShrinkage(100, 0.4), 167);
    assert.equal(withShrinkage(14, 0), 14);
  });

  it('needs no agents when no contacts arrive', () => {
    const d = requiredAgents({ ...example, volume: 0 });
    assert.equal(d.requiredAgents, 0);
    assert.equal(d.scheduledAgents, 0);
  });

  it('refuses absurd traffic with a clear message', () => {
    assert.throws(() => requiredAgents({ ...example, volume: 1e9 }), /traffic intensity is too large/);
  });
});

describe('Erlang C properties', () => {
  const traffic = fc.double({ min: 0.05, max: 200, noNaN: true });
  const extra = fc.integer({ min: 1, max: 30 });

  it('service level rises and waiting, ASA and occupancy fall as agents are added', () => {
    fc.assert(
      fc.property(traffic, extra, fc.double({ min: 1, max: 600, noNaN: true }), (a, k, t) => {
        const n = Math.floor(a) + k;
        const now = figuresAt(n, a, t, 180);
        const more = figuresAt(n + 1, a, t, 180);
        return more.serviceLevel >= now.serviceLevel - 1e-12 && more.waitProbability <= now.waitProbability + 1e-12 && more.asaSeconds! <= now.asaSeconds! + 1e-9 && more.occupancy < now.occupancy;
      }),
    );
  });

  it('every figure stays a probability, and SL grows with the target time', () => {
    fc.assert(
      fc.property(traffic, extra, fc.double({ min: 0, max: 300, noNaN: true }), (a, k, t) => {
        const n = Math.floor(a) + k;
        const f = figuresAt(n, a, t, 120);
        const later = figuresAt(n, a, t + 10, 120);
        return f.waitProbability >= 0 && f.waitProbability <= 1 && f.serviceLevel >= 0 && f.serviceLevel <= 1 && later.serviceLevel >= f.serviceLevel - 1e-12;
      }),
    );
  });

  it('the chosen N meets the service level and the occupancy cap, and one agent fewer misses one of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (volume, sl, occ) => {
          const t = { ...example, volume, serviceLevel: sl, maxOccupancy: occ };
          const d = requiredAgents(t);
          const a = d.trafficIntensity;
          const meets = (n: number) => n > a && serviceLevel(n, a, t.targetSeconds, t.ahtSeconds) >= sl && a / n <= occ + 1e-12;
          return meets(d.requiredAgents) && (d.requiredAgents - 1 <= a || !meets(d.requiredAgents - 1) || d.requiredAgents === Math.round(a + 1));
        },
      ),
    );
  });

  it('survives large N without overflow (the recursion never forms A^N / N!)', () => {
    const d = requiredAgents({ ...example, volume: 100_000 });
    assert.ok(Number.isFinite(d.figures.waitProbability));
    assert.ok(d.requiredAgents > d.trafficIntensity);
    assert.ok(d.figures.serviceLevel >= 0.8);
  });
});
