import { AppError } from '../../../platform/errors.ts';

/**
 * Erlang C staffing math (METRICS §5, §2.10): an M/M/N queue with Poisson arrivals, exponential
 * handle times, N identical agents and no abandonment. Pure functions, every time in seconds.
 */

/** The largest traffic the calculator takes on; beyond it the answer would be a planning fiction anyway. */
export const MAX_TRAFFIC_ERLANGS = 20_000;

/** Inputs of the staffing algorithm. */
export interface StaffingTargets {
  /** Contacts arriving per interval. */
  volume: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** The answer-time target t. */
  targetSeconds: number;
  /** Target share answered within t, 0–1. */
  serviceLevel: number;
  /** Highest acceptable A/N, 0–1. */
  maxOccupancy: number;
  /** Share of paid time not available for contacts, 0–1. */
  shrinkage: number;
}

/** The figures of one number of agents. `stable` is false when N ≤ A: the queue grows without end. */
export interface ErlangFigures {
  agents: number;
  stable: boolean;
  waitProbability: number;
  serviceLevel: number;
  /** Null (infinite) when the queue is unstable. */
  asaSeconds: number | null;
  occupancy: number;
}

/** What the staffing algorithm decides. */
export interface StaffingDecision {
  trafficIntensity: number;
  /** Agents that reach the service level, before the occupancy cap. */
  rawAgents: number;
  /** Productive agents after the occupancy cap. */
  requiredAgents: number;
  occupancyCapped: boolean;
  /** Agents to schedule once shrinkage is added. */
  scheduledAgents: number;
  figures: ErlangFigures;
}

/** Rounds up, ignoring binary floating-point dust such as 20.000000000000004. */
function ceilClean(x: number): number {
  return Math.ceil(x - 1e-9);
}

/**
 * Traffic intensity in Erlangs: A = (λ / T) · AHT.
 *
 * @example trafficIntensity(100, 1800, 180) // 10
 */
export function trafficIntensity(volume: number, intervalSeconds: number, ahtSeconds: number): number {
  return (volume * ahtSeconds) / intervalSeconds;
}

/** The clear refusal for N ≤ A, naming A, so nobody reads a number off an unstable queue. */
export function unstableError(agents: number, a: number): AppError {
  return new AppError('validation_failed', `agents must be more than the traffic intensity (A = ${a.toFixed(1)} Erlangs)`, [
    { path: 'body.agents', message: `${agents} agents cannot serve ${a.toFixed(1)} Erlangs` },
  ]);
}

/**
 * Erlang B (blocking probability) by the stable recursion invB_k = 1 + invB_{k−1}·k/A, which
 * never forms A^N or N! and so works for large N.
 */
export function erlangB(agents: number, a: number): number {
  if (a <= 0) return 0;
  let inv = 1;
  for (let k = 1; k <= agents; k++) inv = 1 + (inv * k) / a;
  return 1 / inv;
}

/**
 * Erlang C: the probability that a contact has to wait, C = N·B / (N − A·(1 − B)). Throws for
 * N ≤ A, where no steady state exists.
 */
export function erlangC(agents: number, a: number): number {
  if (agents <= a) throw unstableError(agents, a);
  if (a <= 0) return 0;
  const b = erlangB(agents, a);
  return (agents * b) / (agents - a * (1 - b));
}

/** Share answered within t: SL(t) = 1 − Pw · exp(−(N − A) · t / AHT). */
export function serviceLevel(agents: number, a: number, targetSeconds: number, ahtSeconds: number): number {
  return 1 - erlangC(agents, a) * Math.exp((-(agents - a) * targetSeconds) / ahtSeconds);
}

/** Average speed of answer in seconds: ASA = Pw · AHT / (N − A). */
export function averageSpeedOfAnswer(agents: number, a: number, ahtSeconds: number): number {
  return (erlangC(agents, a) * ahtSeconds) / (agents - a);
}

/** Occupancy ρ = A / N (METRICS §2.10), at most 1: an unstable queue keeps everyone busy. */
export function occupancy(agents: number, a: number): number {
  return Math.min(1, a / agents);
}

/**
 * Scheduled staff for a number of productive agents: ceil(N / (1 − shrinkage)).
 *
 * @example withShrinkage(14, 0.3) // 20
 */
export function withShrinkage(agents: number, shrinkage: number): number {
  return ceilClean(agents / (1 - shrinkage));
}

/** Every figure for N agents; an unstable N gets Pw 1, SL 0, infinite ASA and 100 % occupancy. */
export function figuresAt(agents: number, a: number, targetSeconds: number, ahtSeconds: number): ErlangFigures {
  if (agents <= a) return { agents, stable: false, waitProbability: 1, serviceLevel: 0, asaSeconds: null, occupancy: 1 };
  const pw = erlangC(agents, a);
  return {
    agents,
    stable: true,
    waitProbability: pw,
    serviceLevel: 1 - pw * Math.exp((-(agents - a) * targetSeconds) / ahtSeconds),
    asaSeconds: (pw * ahtSeconds) / (agents - a),
    occupancy: occupancy(agents, a),
  };
}

function assertTraffic(a: number): void {
  if (!Number.isFinite(a) || a > MAX_TRAFFIC_ERLANGS) {
    throw new AppError('validation_failed', `the traffic intensity is too large (at most ${MAX_TRAFFIC_ERLANGS} Erlangs)`, [{ path: 'body.volume', message: 'too much traffic for one plan' }]);
  }
}

/**
 * The staffing algorithm of METRICS §5: start at round(A + 1) and add agents until the service
 * level is met; if A/N is above the occupancy cap, take ceil(A / cap) instead; then add
 * shrinkage. No contacts need no agents.
 *
 * @example requiredAgents({ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 }) // requiredAgents 14, scheduledAgents 20
 */
export function requiredAgents(t: StaffingTargets): StaffingDecision {
  const a = trafficIntensity(t.volume, t.intervalSeconds, t.ahtSeconds);
  assertTraffic(a);
  if (a === 0) {
    return { trafficIntensity: 0, rawAgents: 0, requiredAgents: 0, occupancyCapped: false, scheduledAgents: 0, figures: { agents: 0, stable: true, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 } };
  }
  let n = Math.max(1, Math.round(a + 1));
  while (n <= a || serviceLevel(n, a, t.targetSeconds, t.ahtSeconds) < t.serviceLevel) n++;
  const rawAgents = n;
  const occupancyCapped = a / n > t.maxOccupancy;
  if (occupancyCapped) n = Math.max(n, ceilClean(a / t.maxOccupancy));
  return {
    trafficIntensity: a,
    rawAgents,
    requiredAgents: n,
    occupancyCapped,
    scheduledAgents: withShrinkage(n, t.shrinkage),
    figures: figuresAt(n, a, t.targetSeconds, t.ahtSeconds),
  };
}

/**
 * The table by N around a decision, as METRICS §8.5 prints it: from ⌊A⌋ (the last unstable N)
 * or four below the required number, whichever is higher, to two above it.
 */
export function erlangTable(decision: StaffingDecision, t: Pick<StaffingTargets, 'targetSeconds' | 'ahtSeconds'>): ErlangFigures[] {
  const a = decision.trafficIntensity;
  if (decision.requiredAgents === 0) return [];
  const first = Math.max(1, Math.floor(a), decision.requiredAgents - 4);
  const rows: ErlangFigures[] = [];
  for (let n = first; n <= decision.requiredAgents + 2; n++) rows.push(figuresAt(n, a, t.targetSeconds, t.ahtSeconds));
  return rows;
}
