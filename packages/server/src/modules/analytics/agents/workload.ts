import { DateTime } from 'luxon';
import type { WorkloadSignal } from '@servus/shared';
import { scheduledMinutes, type AgentSchedule } from '../staffing/agent-calendars.ts';

/** Over capacity on at least this many of the last working days… */
export const CAPACITY_DAYS = { min: 3, of: 5 } as const;
/** …or more than this many minutes after hours on at least 3 of the last 10 days. */
export const AFTER_HOURS = { minutes: 60, min: 3, of: 10 } as const;
/** The zone used for an agent without a calendar. */
export const FALLBACK_ZONE = 'Europe/Berlin';

/**
 * The agent's last `count` working days up to and including the day of `end`, newest first: days
 * on which one of their calendars opens, or Monday to Friday for an agent without a calendar.
 * Looks back at most five weeks.
 */
export function lastWorkingDays(schedule: AgentSchedule, end: Date, count: number): string[] {
  const zone = schedule.calendars[0]?.timeZone ?? FALLBACK_ZONE;
  const days: string[] = [];
  let day = DateTime.fromJSDate(end, { zone }).startOf('day');
  for (let i = 0; i < 35 && days.length < count; i++, day = day.minus({ days: 1 })) {
    const works = schedule.calendars.length
      ? scheduledMinutes(schedule, day.toJSDate(), day.plus({ days: 1 }).toJSDate()) > 0
      : day.weekday <= 5;
    if (works) days.push(day.toISODate()!);
  }
  return days;
}

/** The last `count` local days up to and including the day of `end`, newest first. */
export function lastDays(zone: string, end: Date, count: number): string[] {
  const first = DateTime.fromJSDate(end, { zone }).startOf('day');
  return Array.from({ length: count }, (_, i) => first.minus({ days: i }).toISODate()!);
}

/**
 * The workload-too-high signal: over capacity on ≥ 3 of the last 5 working days, or more than
 * 60 minutes of activity after hours on ≥ 3 of the last 10 days. Each rule that holds is
 * returned with how often it held, so the reason can be shown.
 */
export function workloadSignals(input: { overCapacityDays: ReadonlySet<string>; workingDays: readonly string[]; afterHoursByDay: ReadonlyMap<string, number> | null; recentDays: readonly string[] }): WorkloadSignal[] {
  const signals: WorkloadSignal[] = [];
  const over = input.workingDays.filter((d) => input.overCapacityDays.has(d)).length;
  if (over >= CAPACITY_DAYS.min) signals.push({ reason: 'over_capacity', days: over, outOf: input.workingDays.length });
  if (input.afterHoursByDay) {
    const late = input.recentDays.filter((d) => (input.afterHoursByDay!.get(d) ?? 0) > AFTER_HOURS.minutes).length;
    if (late >= AFTER_HOURS.min) signals.push({ reason: 'after_hours', days: late, outOf: input.recentDays.length });
  }
  return signals;
}
