/**
 * Survey formulas (METRICS.md §3): exact integer counts in, percentages rounded to two
 * decimals only at the end. A rate with denominator 0 is null, never 0.
 */

const round2 = (x: number) => Math.round(x * 100) / 100 || 0;

/**
 * `part / whole × 100`, two decimals; null when whole is 0.
 *
 * @example percent(45, 50) // 90
 */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 10_000) / whole) / 100 || 0;
}

/**
 * CSAT = good / (good + bad) × 100 (§9 decision 5); unanswered surveys only lower the response rate.
 *
 * @example csatPercent(45, 5) // 90
 */
export function csatPercent(good: number, bad: number): number | null {
  return percent(good, good + bad);
}

/**
 * NPS = %promoters − %detractors in points (−100..100); passives count only in the denominator.
 *
 * @example npsScore(3, 3, 4) // -10
 */
export function npsScore(promoters: number, passives: number, detractors: number): number | null {
  const n = promoters + passives + detractors;
  return percent(promoters - detractors, n);
}

/**
 * CES 2.0 mean (1–7) and % agree (share of answers ≥ 5), from the count per score (index 0 = score 1).
 *
 * @example cesSummary([0, 1, 0, 1, 1, 1, 1]) // { mean: 4.8, percentAgree: 60, responses: 5 }
 */
export function cesSummary(distribution: number[]): { mean: number | null; percentAgree: number | null; responses: number } {
  const n = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, c, i) => a + c * (i + 1), 0);
  const agree = distribution.slice(4).reduce((a, b) => a + b, 0);
  return { mean: n === 0 ? null : Math.round((sum * 100) / n) / 100, percentAgree: percent(agree, n), responses: n };
}

/**
 * Help Scout's happiness score on a 3-point scale: %top − %bottom, the middle in the denominator only.
 *
 * @example happinessScore(41, 34, 35) // 5.45
 */
export function happinessScore(top: number, middle: number, bottom: number): number | null {
  return percent(top - bottom, top + middle + bottom);
}

/**
 * The Wilson 95% score interval of a proportion, in percent; null when n is 0. Shown next to
 * CSAT because small samples swing widely.
 */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: round2(Math.max(0, centre - half) * 100), high: round2(Math.min(1, centre + half) * 100) };
}
