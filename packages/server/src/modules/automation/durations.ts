import { DateTime } from 'luxon';
import type { DurationValue } from '@servus/shared';
import { businessMinutesBetween, type BusinessCalendar } from '../sla/index.ts';

const MINUTES_PER = { minutes: 1, hours: 60, days: 1440 } as const;
/** How far ahead to look for the next business day before giving up (a calendar that never opens). */
const MAX_CLOSED_DAYS = 400;

/** Whether the calendar is open at some time on the local day of `day`. */
function isBusinessDay(cal: BusinessCalendar, day: DateTime<boolean>): boolean {
  const start = day.startOf('day');
  return businessMinutesBetween(cal, start.toJSDate(), start.plus({ days: 1 }).toJSDate()) > 0;
}

/** The next local day after `day` on which the calendar is open, at the same wall-clock time. */
function nextBusinessDay(cal: BusinessCalendar, day: DateTime<boolean>): DateTime<boolean> | null {
  let d = day;
  for (let i = 0; i < MAX_CLOSED_DAYS; i++) {
    d = d.plus({ days: 1 });
    if (isBusinessDay(cal, d)) return d;
  }
  return null;
}

/**
 * Whole business days from `anchor` to `now`, counting at most `cap`. A business day is a local
 * day on which the calendar is open at all (weekends, public holidays and full-day closures are
 * skipped); each one ends at the anchor's wall-clock time. An anchor on a closed day counts from
 * the start of the next open day: pending since Friday 10:00 makes 3 business days on
 * Wednesday 10:00; since Saturday 11:00, 1 business day on Tuesday 00:00.
 */
export function businessDaysBetween(cal: BusinessCalendar, anchor: Date, now: Date, cap: number): number {
  let from: DateTime<boolean> = DateTime.fromJSDate(anchor, { zone: cal.timeZone });
  if (!isBusinessDay(cal, from)) {
    const next = nextBusinessDay(cal, from);
    if (!next) return 0;
    from = next.startOf('day');
  }
  let count = 0;
  let cursor: DateTime<boolean> = from;
  while (count < cap) {
    const next = nextBusinessDay(cal, cursor);
    if (!next || next.toMillis() > now.getTime()) break;
    count++;
    cursor = next;
  }
  return count;
}

/**
 * Time elapsed since `anchor`, in the duration's unit: calendar time, or business time through
 * the ticket's calendar (business days as above). Without a calendar, business time is calendar
 * time, as for SLA targets. Business days are counted only up to `amount + 1`, enough to decide.
 */
export function elapsedIn(value: DurationValue, anchor: Date, now: Date, calendar: BusinessCalendar | undefined): number {
  if (value.businessHours && calendar) {
    if (value.unit === 'days') return businessDaysBetween(calendar, anchor, now, value.amount + 1);
    return businessMinutesBetween(calendar, anchor, now) / MINUTES_PER[value.unit];
  }
  return Math.max(0, now.getTime() - anchor.getTime()) / 60_000 / MINUTES_PER[value.unit];
}

/** Whether at least `amount` has elapsed (`gt`) or less than it (`lt`), and the elapsed amount, rounded down. */
export function compareDuration(op: 'gt' | 'lt', value: DurationValue, anchor: Date, now: Date, calendar: BusinessCalendar | undefined): { matched: boolean; elapsed: number } {
  const elapsed = elapsedIn(value, anchor, now, calendar);
  return { matched: op === 'gt' ? elapsed >= value.amount : elapsed < value.amount, elapsed: Math.floor(elapsed * 100) / 100 };
}

/**
 * The shortest calendar time a duration can take: business time is never shorter than
 * calendar time, except business days, which are at least 24 hours minus a DST hour each.
 * Used to skip tickets that cannot qualify yet.
 */
export function minimumCalendarMinutes(value: DurationValue): number {
  if (value.unit === 'days' && value.businessHours) return Math.max(0, value.amount * 1440 - value.amount * 60);
  return value.amount * MINUTES_PER[value.unit];
}
