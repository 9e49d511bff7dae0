import { DateTime } from 'luxon';

/**
 * The latest weekly slot at or before `now`: the local `weekday` (0 = Sunday … 6) at `hour:00`
 * in `timeZone`. A slot hour that does not exist on a DST night moves forward, as Luxon does.
 *
 * @example latestSlot(new Date('2026-03-18T11:00:00Z'), 1, 8, 'Europe/Berlin').toISO() // 2026-03-16T08:00:00.000+01:00
 */
export function latestSlot(now: Date, weekday: number, hour: number, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const isoWeekday = weekday === 0 ? 7 : weekday;
  const at = (week: DateTime) => week.startOf('week').plus({ days: isoWeekday - 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  const candidate = at(local);
  return candidate <= local ? candidate : at(local.minus({ weeks: 1 }));
}
