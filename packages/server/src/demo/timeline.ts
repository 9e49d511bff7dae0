import { DateTime } from 'luxon';
import type { Random } from './random.ts';

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Support is staffed Monday to Friday, 8:00 to 18:00 Berlin time. */
export function isBusinessTime(at: Date): boolean {
  const t = DateTime.fromJSDate(at, { zone: ZONE });
  return t.weekday <= 5 && t.hour >= 8 && t.hour < 18;
}

/** The next moment support is staffed (now, if it is), plus a little while to get through the queue. */
export function nextBusinessTime(rng: Random, at: Date): Date {
  if (isBusinessTime(at)) return at;
  let t = DateTime.fromJSDate(at, { zone: ZONE });
  if (t.hour >= 18) t = t.plus({ days: 1 });
  t = t.set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
  while (t.weekday > 5) t = t.plus({ days: 1 });
  return new Date(t.toMillis() + rng.between(5, 90) * MINUTE);
}

const DAY_WEIGHT = [0, 1.15, 1.05, 1, 1, 0.9, 0.25, 0.15]; // by ISO weekday, Monday busiest

/**
 * When tickets arrive: spread over the last `days` days, mostly on weekdays and during the
 * working day, slightly more in recent weeks. Sorted oldest first; all before `now`.
 */
export function arrivalTimes(rng: Random, now: Date, days: number, count: number): Date[] {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const candidates = Array.from({ length: days }, (_, back) => {
    const day = today.minus({ days: back });
    return { item: day, weight: DAY_WEIGHT[day.weekday]! * (1 + 0.3 * (1 - back / days)) };
  });
  const out: Date[] = [];
  while (out.length < count) {
    const day = rng.weightedOf(candidates);
    const minuteOfDay = arrivalMinute(rng);
    const at = new Date(day.toMillis() + minuteOfDay * MINUTE + rng.int(0, 59) * 1000);
    if (at.getTime() < now.getTime()) out.push(at);
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

/** Minute of the day a ticket comes in: peaks mid-morning and early afternoon, a few at night. */
function arrivalMinute(rng: Random): number {
  const hour = rng.weighted({ 0: 0.2, 6: 0.6, 7: 2, 8: 6, 9: 9, 10: 10, 11: 9, 12: 6, 13: 7, 14: 9, 15: 8, 16: 7, 17: 5, 18: 3, 19: 2, 20: 1.5, 21: 1, 22: 0.6 });
  return Number(hour) * 60 + rng.int(0, 59);
}

/** How long agents take to answer, by priority. */
const PRIORITY_PACE = { urgent: 0.25, high: 0.55, normal: 1, low: 1.6 } as const;

/**
 * When an agent acts on a ticket last touched at `after`: minutes in chat during office hours,
 * otherwise minutes to a day or so, faster for urgent tickets, and mostly within office hours.
 */
export function agentTime(rng: Random, after: Date, opts: { chat: boolean; priority: keyof typeof PRIORITY_PACE }): Date {
  if (opts.chat && isBusinessTime(after)) return new Date(after.getTime() + rng.between(1, 12) * MINUTE);
  const wait = rng.logBetween(15 * MINUTE, 36 * HOUR) * PRIORITY_PACE[opts.priority];
  const at = new Date(after.getTime() + Math.max(wait, 3 * MINUTE));
  // Now and then someone answers early in the morning or in the evening, never at night.
  const hour = DateTime.fromJSDate(at, { zone: ZONE }).hour;
  return rng.chance(0.1) && hour >= 7 && hour < 21 ? at : nextBusinessTime(rng, at);
}

/** A short pause between two things one agent does in a row (a note, then the reply). */
export function shortly(rng: Random, after: Date, maxMinutes = 20): Date {
  return new Date(after.getTime() + rng.between(1, maxMinutes) * MINUTE);
}

/** When a customer answers: within minutes in chat, otherwise minutes to a few days, rarely at night. */
export function customerTime(rng: Random, after: Date, opts: { chat: boolean }): Date {
  const wait = opts.chat ? rng.between(1, 8) * MINUTE : rng.logBetween(20 * MINUTE, 4 * DAY);
  let at = DateTime.fromJSDate(new Date(after.getTime() + wait), { zone: ZONE });
  if ((at.hour >= 22 || at.hour < 7) && rng.chance(0.8)) {
    if (at.hour >= 22) at = at.plus({ days: 1 });
    at = at.set({ hour: 7, minute: 0 }).plus({ minutes: rng.int(0, 150) });
  }
  return new Date(at.toMillis());
}

/** A time `days` later, at a random hour of office time (auto-solve and auto-close rules). */
export function daysLater(rng: Random, after: Date, days: number): Date {
  return nextBusinessTime(rng, new Date(after.getTime() + days * DAY + rng.between(0, 8) * HOUR));
}

export { MINUTE, HOUR, DAY };
