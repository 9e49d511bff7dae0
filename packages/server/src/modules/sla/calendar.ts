import { z } from 'zod';
import { DateTime, IANAZone } from 'luxon';
import type { HolidayRegion } from './holidays.ts';

/** Wall-clock opening hours on one day, `HH:mm` in the calendar's zone; `end` may be `24:00`. */
export interface TimeInterval {
  start: string;
  end: string;
}

/** A day of the week as `Date#getDay` numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A tenant's own closure on one local date: the whole day, or only `from` and/or `until` a time
 * (`{ date: '2025-12-24', from: '14:00' }` closes Christmas Eve afternoon).
 */
export interface Closure {
  date: string;
  from?: string;
  until?: string;
}

/**
 * A business-hours calendar: an IANA time zone, weekly opening hours, public holidays from
 * date-holidays and the tenant's own closures. SLA clocks and business-time metrics run only
 * while it is open.
 */
export interface BusinessCalendar {
  timeZone: string;
  weekly: Partial<Record<Weekday, readonly TimeInterval[]>>;
  holidays?: HolidayRegion;
  closures?: readonly Closure[];
}

/** `HH:mm` to minutes after local midnight; `24:00` is 1440. */
export function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm from 00:00 to 24:00');
const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'not a calendar date');

const Interval = z
  .strictObject({ start: ClockTime, end: ClockTime })
  .refine((i) => minuteOfDay(i.start) < minuteOfDay(i.end), 'start must be before end');

const DaySchedule = z.array(Interval).refine((intervals) => {
  const sorted = intervals.map((i) => [minuteOfDay(i.start), minuteOfDay(i.end)]).sort((a, b) => a[0]! - b[0]!);
  return sorted.every((cur, k) => k === 0 || sorted[k - 1]![1]! <= cur[0]!);
}, 'intervals of one day must not overlap');

const ClosureSchema = z
  .strictObject({ date: LocalDate, from: ClockTime.optional(), until: ClockTime.optional() })
  .refine((c) => minuteOfDay(c.from ?? '00:00') < minuteOfDay(c.until ?? '24:00'), 'from must be before until');

/**
 * Validates a calendar from configuration or the database. The business-time functions run it
 * on first use of each calendar too, so a broken calendar fails loudly instead of counting 0.
 */
export const BusinessCalendarSchema: z.ZodType<BusinessCalendar> = z.strictObject({
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone'),
  weekly: z.strictObject({
    0: DaySchedule.optional(),
    1: DaySchedule.optional(),
    2: DaySchedule.optional(),
    3: DaySchedule.optional(),
    4: DaySchedule.optional(),
    5: DaySchedule.optional(),
    6: DaySchedule.optional(),
  }),
  holidays: z
    .strictObject({ country: z.string().min(2), state: z.string().min(1).optional(), region: z.string().min(1).optional() })
    .optional(),
  closures: z.array(ClosureSchema).optional(),
});
