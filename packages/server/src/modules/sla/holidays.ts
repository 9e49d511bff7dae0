import Holidays, { type HolidaysTypes } from 'date-holidays';
import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.ts';

/**
 * Where a calendar's public holidays come from, in date-holidays terms: a country (`DE`), an
 * optional state (`BY`) and an optional region inside that state (`KATH`, `A` for Augsburg).
 */
export interface HolidayRegion {
  country: string;
  state?: string;
  region?: string;
}

/** A public holiday on one local date. `fromMinute` is when it starts that day (0 = all day). */
export interface PublicHoliday {
  name: string;
  fromMinute: number;
}

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const instances = new Map<string, Holidays>();
const years = new Map<string, ReadonlyMap<string, PublicHoliday>>();

function regionKey(r: HolidayRegion): string {
  return `${r.country}|${r.state ?? ''}|${r.region ?? ''}`;
}

/** Refuses codes date-holidays does not know; it would otherwise fall back to a wider area silently. */
function assertKnownRegion(r: HolidayRegion): void {
  const hd = new Holidays();
  if (!Object.hasOwn(hd.getCountries(), r.country)) throw new RangeError(`unknown holiday country "${r.country}"`);
  if (r.region !== undefined && r.state === undefined) throw new RangeError('a holiday region needs a state');
  if (r.state !== undefined && !Object.hasOwn(hd.getStates(r.country) ?? {}, r.state)) {
    throw new RangeError(`unknown holiday state "${r.state}" in ${r.country}`);
  }
  if (r.region !== undefined && !Object.hasOwn(hd.getRegions(r.country, r.state!) ?? {}, r.region)) {
    throw new RangeError(`unknown holiday region "${r.region}" in ${r.country}-${r.state}`);
  }
}

function holidaysOf(r: HolidayRegion): Holidays {
  const key = regionKey(r);
  let hd = instances.get(key);
  if (!hd) {
    assertKnownRegion(r);
    hd = new Holidays({ country: r.country, state: r.state, region: r.region });
    instances.set(key, hd);
  }
  return hd;
}

/**
 * Spreads one date-holidays entry over the local dates it covers. Holidays that date-holidays
 * starts on the previous evening (lunar calendars, written as `… 00:00:00 -0600`) are counted
 * from midnight of their own date, so a business day is never closed by an offset alone.
 */
function expand(h: HolidaysTypes.Holiday): Array<[string, PublicHoliday]> {
  const [, date, hh, mm] = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(h.date)!;
  const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
  const first = DateTime.fromISO(date!, { zone: 'utc' });
  return Array.from({ length: days }, (_, i) => [
    first.plus({ days: i }).toISODate()!,
    { name: h.name, fromMinute: i === 0 ? Number(hh) * 60 + Number(mm) : 0 },
  ]);
}

/**
 * The public holidays (`type === 'public'` only; bank, school, optional and observance days are
 * working days) of one region in one year, keyed by local date `YYYY-MM-DD`. Results are cached
 * per (year, country, state, region) because date-holidays is slow to evaluate its rules.
 * Throws a RangeError for a country, state or region date-holidays does not know.
 */
export function publicHolidays(r: HolidayRegion, year: number): ReadonlyMap<string, PublicHoliday> {
  const key = `${year}|${regionKey(r)}`;
  const cached = years.get(key);
  if (cached) return cached;
  const hd = holidaysOf(r);
  const byDate = new Map<string, PublicHoliday>();
  // The previous year is read too: a holiday of several days may run into January.
  for (const h of [...hd.getHolidays(year - 1), ...hd.getHolidays(year)]) {
    if (h.type !== 'public') continue;
    for (const [date, day] of expand(h)) {
      const seen = byDate.get(date);
      if (date.startsWith(`${year}-`) && (!seen || day.fromMinute < seen.fromMinute)) byDate.set(date, day);
    }
  }
  years.set(key, byDate);
  return byDate;
}

/**
 * Whether a local date is a public holiday for a region, or for a calendar's holiday region (a
 * calendar without one has no public holidays). A holiday that starts during the day, such as a
 * half day from 12:00, counts. A tenant's own closures are not public holidays.
 *
 * @example isPublicHoliday('2025-08-15', { country: 'DE', state: 'BY', region: 'KATH' }) // true
 */
export function isPublicHoliday(date: string, source: HolidayRegion | BusinessCalendar): boolean {
  if (!LOCAL_DATE.test(date) || !DateTime.fromISO(date).isValid) throw new RangeError(`expected a date YYYY-MM-DD, got "${date}"`);
  const region = 'country' in source ? source : source.holidays;
  if (!region) return false;
  return publicHolidays(region, Number(date.slice(0, 4))).has(date);
}
