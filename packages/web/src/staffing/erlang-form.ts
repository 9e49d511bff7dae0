import type { ErlangRequest } from '../api/staffing';

/** The calculator's fields as typed: times in the units shown, rates in percent. Empty is ''. */
export interface ErlangFormValues {
  volume: number | '';
  intervalMinutes: number | '';
  ahtSeconds: number | '';
  targetSeconds: number | '';
  serviceLevel: number | '';
  maxOccupancy: number | '';
  shrinkage: number | '';
  agents: number | '';
}

/** The METRICS §8.5 example: 100 contacts per 30 minutes, 180 s handle time, 80 % in 20 s. */
export const ERLANG_DEFAULTS: ErlangFormValues = { volume: 100, intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 80, maxOccupancy: 85, shrinkage: 30, agents: '' };

/** A field problem as a translation key with its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, number>;
}

const LIMITS: Record<Exclude<keyof ErlangFormValues, 'agents'>, [number, number, boolean]> = {
  volume: [0, 1_000_000, false],
  intervalMinutes: [1, 10_080, false],
  ahtSeconds: [1, 86_400, false],
  targetSeconds: [0, 604_800, false],
  serviceLevel: [1, 99.9, false],
  maxOccupancy: [1, 100, false],
  shrinkage: [0, 99, false],
};

/**
 * Checks the form in the browser (the server checks again) and builds the request: percent
 * become fractions, minutes become seconds. Returns the problems by field when there are any.
 */
export function parseErlangForm(v: ErlangFormValues): { request: ErlangRequest } | { errors: Partial<Record<keyof ErlangFormValues, FieldProblem>> } {
  const errors: Partial<Record<keyof ErlangFormValues, FieldProblem>> = {};
  for (const [field, [min, max]] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, [number, number, boolean]]>) {
    const x = v[field];
    if (x === '') errors[field] = { key: 'staffing.calculator.required' };
    else if (x < min || x > max) errors[field] = { key: 'staffing.calculator.between', values: { min, max } };
  }
  if (v.agents !== '' && (!Number.isInteger(v.agents) || v.agents < 1)) errors.agents = { key: 'staffing.calculator.whole' };
  if (Object.keys(errors).length) return { errors };
  const n = (x: number | '') => x as number;
  return {
    request: {
      volume: n(v.volume),
      intervalSeconds: n(v.intervalMinutes) * 60,
      ahtSeconds: n(v.ahtSeconds),
      targetSeconds: n(v.targetSeconds),
      serviceLevel: n(v.serviceLevel) / 100,
      maxOccupancy: n(v.maxOccupancy) / 100,
      shrinkage: n(v.shrinkage) / 100,
      ...(v.agents !== '' && { agents: v.agents }),
    },
  };
}
