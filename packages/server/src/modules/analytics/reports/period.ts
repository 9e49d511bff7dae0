import { DateTime } from 'luxon';
import type { ReportPeriod } from '@servus/shared';
import { reportPeriod } from '../../routing/escalation-report.ts';

/** The installation's reporting time zone, used when a request names none. */
export const DEFAULT_REPORT_TZ = 'Europe/Berlin';

/** A report's period: [from, to) in UTC plus the zone its days are counted in. */
export interface Period {
  from: Date;
  to: Date;
  tz: string;
}

/** The period a request asks for: `to` defaults to now, `from` to 30 days before `to`. */
export function resolvePeriod(now: Date, q: { from?: string; to?: string; tz?: string }): Period {
  return { ...reportPeriod(now, q), tz: q.tz ?? DEFAULT_REPORT_TZ };
}

/** The period as the API shows it. */
export function presentPeriod(p: Period): ReportPeriod {
  return { from: p.from.toISOString(), to: p.to.toISOString(), tz: p.tz };
}

export type Interval = 'day' | 'week' | 'month';

/** One bucket of a series: its first local day, and its instants clipped to the period. */
export interface Bucket {
  bucket: string;
  start: Date;
  end: Date;
}

/**
 * The day, ISO week or month buckets that cover the period in its zone, oldest first. The
 * first and last are clipped to the period.
 */
export function bucketsOf(p: Period, interval: Interval): Bucket[] {
  const out: Bucket[] = [];
  let cursor = DateTime.fromJSDate(p.from, { zone: p.tz }).startOf(interval);
  const end = p.to.getTime();
  while (cursor.toMillis() < end && out.length < 5000) {
    const next = cursor.plus({ [`${interval}s`]: 1 });
    out.push({
      bucket: cursor.toISODate()!,
      start: new Date(Math.max(cursor.toMillis(), p.from.getTime())),
      end: new Date(Math.min(next.toMillis(), end)),
    });
    cursor = next;
  }
  return out;
}

/** The bucket of the interval that starts on the given local day, clipped to the period; null when it lies outside. */
export function bucketAt(p: Period, interval: Interval, day: string): Bucket | null {
  const start = DateTime.fromISO(day, { zone: p.tz }).startOf(interval);
  if (!start.isValid || start.toISODate() !== day) return null;
  const from = Math.max(start.toMillis(), p.from.getTime());
  const to = Math.min(start.plus({ [`${interval}s`]: 1 }).toMillis(), p.to.getTime());
  return from < to ? { bucket: day, start: new Date(from), end: new Date(to) } : null;
}

/** 23:59 local on the last day of a bucket, or the bucket's end when that comes first: the backlog snapshot instant (METRICS §2.5). */
export function snapshotInstant(b: Bucket, tz: string): Date {
  const lastDay = DateTime.fromMillis(b.end.getTime() - 1, { zone: tz }).set({ hour: 23, minute: 59, second: 0, millisecond: 0 });
  return new Date(Math.min(lastDay.toMillis(), b.end.getTime()));
}
