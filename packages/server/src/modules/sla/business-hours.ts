import { DateTime } from 'luxon';
import { BusinessCalendarSchema, minuteOfDay, type BusinessCalendar } from './calendar.ts';
import { publicHolidays, type HolidayRegion } from './holidays.ts';

export { isPublicHoliday } from './holidays.ts';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** Minutes after local midnight, `[from, to)`. */
type MinuteRange = readonly [from: number, to: number];

/** One local day: the instant it starts, the date after it, and its open windows in epoch milliseconds. */
interface LocalDay {
  startMs: number;
  next: string;
  windows: ReadonlyArray<readonly [from: number, to: number]>;
}

interface CompiledCalendar {
  zone: string;
  weekly: ReadonlyArray<readonly MinuteRange[]>;
  closures: ReadonlyMap<string, MinuteRange[]>;
  holidays?: HolidayRegion;
  hasOpeningHours: boolean;
  /** Days already worked out, by local date: time-zone arithmetic dominates the cost. */
  days: Map<string, LocalDay>;
}

/** Calendars by content, so equal calendars share their worked-out days; the oldest are dropped first. */
const compiled = new Map<string, CompiledCalendar>();
const MAX_CALENDARS = 256;

function compile(input: BusinessCalendar): CompiledCalendar {
  const key = JSON.stringify(input);
  const hit = compiled.get(key);
  if (hit) return hit;
  const cal = BusinessCalendarSchema.parse(input);
  const weekly = [0, 1, 2, 3, 4, 5, 6].map((d) =>
    (cal.weekly[d as keyof typeof cal.weekly] ?? []).map((i): MinuteRange => [minuteOfDay(i.start), minuteOfDay(i.end)]),
  );
  const closures = new Map<string, MinuteRange[]>();
  for (const c of cal.closures ?? []) {
    closures.set(c.date, [...(closures.get(c.date) ?? []), [minuteOfDay(c.from ?? '00:00'), minuteOfDay(c.until ?? '24:00')]]);
  }
  const result: CompiledCalendar = { zone: cal.timeZone, weekly, closures, holidays: cal.holidays, hasOpeningHours: weekly.some((d) => d.length > 0), days: new Map() };
  if (compiled.size >= MAX_CALENDARS) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, result);
  return result;
}

/** Removes the closed ranges from the open ranges of one day. */
function subtract(open: readonly MinuteRange[], closed: readonly MinuteRange[]): MinuteRange[] {
  let result = [...open];
  for (const [cf, ct] of closed) {
    result = result.flatMap(([f, t]) => {
      const kept: MinuteRange[] = [];
      if (f < cf) kept.push([f, Math.min(t, cf)]);
      if (t > ct) kept.push([Math.max(f, ct), t]);
      return kept;
    });
  }
  return result;
}

function closedRanges(cal: CompiledCalendar, day: DateTime): MinuteRange[] {
  const date = day.toISODate()!;
  const ranges = [...(cal.closures.get(date) ?? [])];
  const holiday = cal.holidays && publicHolidays(cal.holidays, day.year).get(date);
  if (holiday) ranges.push([holiday.fromMinute, DAY_MINUTES]);
  return ranges;
}

/** The instant of a wall-clock minute on a local day; opening times inside a DST gap move forward. */
function instantAt(day: DateTime, minute: number): number {
  if (minute === DAY_MINUTES) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
}

/** A local day of the calendar, worked out once and then remembered. */
function localDay(cal: CompiledCalendar, date: string): LocalDay {
  const hit = cal.days.get(date);
  if (hit) return hit;
  const day = DateTime.fromISO(date, { zone: cal.zone }).startOf('day');
  const open = subtract(cal.weekly[day.weekday % 7]!, closedRanges(cal, day));
  const result: LocalDay = {
    startMs: day.toMillis(),
    next: day.plus({ days: 1 }).toISODate()!,
    windows: open.map(([f, t]) => [instantAt(day, f), instantAt(day, t)] as const),
  };
  cal.days.set(date, result);
  return result;
}

/** Open windows `[from, to)` in epoch milliseconds, day by day from the local day of `fromMs`. */
function* openWindows(cal: CompiledCalendar, fromMs: number, untilMs = Infinity): Generator<readonly [number, number]> {
  let day = localDay(cal, DateTime.fromMillis(fromMs, { zone: cal.zone }).toISODate()!);
  while (day.startMs < untilMs) {
    yield* day.windows;
    day = localDay(cal, day.next);
  }
}

/**
 * Business minutes between two instants: the time the calendar is open, measured in its time
 * zone (opening hours follow the wall clock across DST changes; public holidays and closures
 * count nothing). 0 when `end` is not after `start`. Fractional minutes are kept.
 *
 * @example businessMinutesBetween(berlinOffice, new Date('2025-06-06T14:30Z'), new Date('2025-06-10T08:15Z')) // 105
 */
export function businessMinutesBetween(calendar: BusinessCalendar, start: Date, end: Date): number {
  const cal = compile(calendar);
  const s = start.getTime();
  const e = end.getTime();
  if (!(e > s)) return 0;
  let total = 0;
  for (const [from, to] of openWindows(cal, s, e)) total += Math.max(0, Math.min(to, e) - Math.max(from, s));
  return total / MINUTE_MS;
}

/**
 * The deadline `minutes` business minutes after `start`: the first instant at which
 * `businessMinutesBetween(calendar, start, t)` reaches `minutes`. A deadline that uses up an
 * opening exactly ends at its closing time. Throws a RangeError for a negative or non-finite
 * amount, and for a calendar that is never open.
 *
 * @example addBusinessMinutes(berlinOffice, new Date('2025-06-06T14:30Z'), 480) // 2025-06-10T14:30Z
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`business minutes must be a finite number >= 0, got ${minutes}`);
  const cal = compile(calendar);
  if (minutes === 0) return new Date(start.getTime());
  if (!cal.hasOpeningHours) throw new RangeError('the calendar has no opening hours');
  const s = start.getTime();
  let remaining = minutes * MINUTE_MS;
  for (const [from, to] of openWindows(cal, s)) {
    const begin = Math.max(from, s);
    if (to <= begin) continue;
    if (begin + remaining <= to) return new Date(Math.round(begin + remaining));
    remaining -= to - begin;
  }
  throw new RangeError('the calendar has no opening hours');
}

/**
 * Calendar minutes between two instants: the UTC difference, so a night with a DST change is an
 * hour shorter or longer than the wall clock shows. Negative when `end` is before `start`.
 */
export function calendarMinutesBetween(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / MINUTE_MS;
}
