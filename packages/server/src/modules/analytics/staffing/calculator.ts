import type { ErlangInput, ErlangResult, ErlangRow } from '@servus/shared';
import { erlangTable, figuresAt, requiredAgents, unstableError, type ErlangFigures } from './erlang-c.ts';

function row(f: ErlangFigures, target: number): ErlangRow {
  return { agents: f.agents, stable: f.stable, waitProbability: f.waitProbability, serviceLevel: f.serviceLevel, asaSeconds: f.asaSeconds, occupancy: f.occupancy, meetsTarget: f.stable && f.serviceLevel >= target };
}

/**
 * The Erlang C calculator behind `POST /api/v1/staffing/erlang`: what the staffing algorithm
 * chooses for the inputs, the table by N around it and, when `agents` is given, the figures at
 * that N. An N at or below the traffic intensity is refused with a message naming A, never
 * answered with a number (METRICS §8.5).
 */
export function erlangCalculation(input: ErlangInput): ErlangResult {
  const d = requiredAgents(input);
  let evaluated: ErlangRow | null = null;
  if (input.agents !== undefined) {
    if (input.agents <= d.trafficIntensity) throw unstableError(input.agents, d.trafficIntensity);
    evaluated = row(figuresAt(input.agents, d.trafficIntensity, input.targetSeconds, input.ahtSeconds), input.serviceLevel);
  }
  return {
    trafficIntensity: d.trafficIntensity,
    requiredAgents: d.requiredAgents,
    rawAgents: d.rawAgents,
    occupancyCapped: d.occupancyCapped,
    scheduledAgents: d.scheduledAgents,
    serviceLevel: d.figures.serviceLevel,
    waitProbability: d.figures.waitProbability,
    asaSeconds: d.figures.asaSeconds ?? 0,
    occupancy: d.figures.occupancy,
    evaluated,
    table: erlangTable(d, input).map((f) => row(f, input.serviceLevel)),
  };
}
