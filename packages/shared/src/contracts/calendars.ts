import { z } from 'zod';
import { NonEmptyText, TimeZone, patchBody } from './common.ts';

const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** `HH:mm` from 00:00 to 24:00 (24:00 only as an end). */
export const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm from 00:00 to 24:00');
export const LocalDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

export const OpeningInterval = z
  .strictObject({ start: ClockTime, end: ClockTime })
  .refine((i) => minuteOf(i.start) < minuteOf(i.end), { message: 'start must be before end', path: ['end'] });

/** Opening hours of one weekday; several intervals, not overlapping. */
export const DayHours = z
  .array(OpeningInterval)
  .max(6)
  .refine((list) => {
    const sorted = list.map((i) => [minuteOf(i.start), minuteOf(i.end)] as const).sort((a, b) => a[0] - b[0]);
    return sorted.every((cur, k) => k === 0 || sorted[k - 1]![1] <= cur[0]);
  }, 'intervals of one day must not overlap');

/** A closure on one local date: the whole day, or only from and/or until a time (24 Dec from 14:00). */
export const CalendarClosure = z
  .strictObject({ date: LocalDate, from: ClockTime.optional(), until: ClockTime.optional(), note: z.string().max(200).optional() })
  .refine((c) => minuteOf(c.from ?? '00:00') < minuteOf(c.until ?? '24:00'), { message: 'from must be before until', path: ['until'] });

/** Public holidays from date-holidays: a country (`DE`), a state (`BY`) and a region (`KATH`, `A`). */
export const HolidayRegionBody = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code'),
  state: z.string().regex(/^[A-Z0-9]{1,6}$/, 'a state code such as BY').optional(),
  region: z.string().regex(/^[A-Z0-9]{1,10}$/, 'a region code such as KATH').optional(),
});

/** Weekdays as `Date#getDay` numbers them: "0" = Sunday … "6" = Saturday. */
export const WeeklyHours = z.strictObject({
  '0': DayHours.optional(),
  '1': DayHours.optional(),
  '2': DayHours.optional(),
  '3': DayHours.optional(),
  '4': DayHours.optional(),
  '5': DayHours.optional(),
  '6': DayHours.optional(),
});

export const CreateCalendarBody = z.strictObject({
  name: NonEmptyText(100),
  timeZone: TimeZone,
  weekly: WeeklyHours,
  holidays: HolidayRegionBody.nullable().optional(),
  closures: z.array(CalendarClosure).max(1000).optional(),
});
export const UpdateCalendarBody = patchBody(CreateCalendarBody);
export type CreateCalendarInput = z.infer<typeof CreateCalendarBody>;
export type UpdateCalendarInput = z.infer<typeof UpdateCalendarBody>;

export const HolidayQuery = z.strictObject({ year: z.coerce.number().int().min(1970).max(2100) });
export const HolidayRegionQuery = z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/).optional(), state: z.string().regex(/^[A-Z0-9]{1,6}$/).optional() });

/** Response shapes. */
export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  weekly: Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', { start: string; end: string }[]>>;
  holidays: { country: string; state?: string; region?: string } | null;
  closures: { date: string; from?: string; until?: string; note?: string }[];
  /** Teams and channels that use this calendar. */
  teamIds: string[];
  channelIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** One public holiday of a calendar in a year; `from` is set when it starts during the day. */
export interface CalendarHoliday {
  date: string;
  name: string;
  from: string | null;
}

/** Countries, or the states of a country, or the regions of a state, as date-holidays knows them. */
export interface HolidayRegionOption {
  code: string;
  name: string;
}

