/**
 * Properties of business-minute arithmetic over random calendars (time zones with and without
 * DST, several intervals a day, German holidays, closures and partial days) and random instants
 * across three years: the deadline and the elapsed time are inverse functions, elapsed time
 * adds up over adjacent spans, and it never exceeds wall-clock time.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addBusinessMinutes, businessMinutesBetween, calendarMinutesBetween } from './business-hours.ts';
import type { BusinessCalendar, TimeInterval, Weekday } from './calendar.ts';

const hhmm = (quarter: number) => (quarter === 96 ? '24:00' : `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`);

/** 0–3 non-overlapping intervals on quarter hours. */
const day = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: TimeInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    return out;
  });

const localDate = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'),
    days: fc.array(day, { minLength: 7, maxLength: 7 }),
    holidays: fc.option(fc.constantFrom({ country: 'DE' }, { country: 'DE', state: 'BY' }, { country: 'DE', state: 'BY', region: 'KATH' }), { nil: undefined }),
    closures: fc.array(
      fc.record({ date: localDate, from: fc.option(fc.constantFrom('09:00', '14:00'), { nil: undefined }) }).map((c) => (c.from ? { date: c.date, from: c.from } : { date: c.date })),
      { maxLength: 5 },
    ),
  })
  // At least one opening somewhere in the week, so a deadline always exists.
  .filter((c) => c.days.some((d) => d.length > 0))
  .map((c) => ({
    timeZone: c.timeZone,
    weekly: Object.fromEntries(c.days.map((d, i) => [i as Weekday, d]).filter(([, d]) => (d as TimeInterval[]).length > 0)),
    ...(c.holidays && { holidays: c.holidays }),
    closures: c.closures,
  }));

const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true });
/** Deadlines are rounded to the millisecond. */
const EPSILON = 1 / 60_000 + 1e-9;

describe('business-minute arithmetic (properties)', () => {
  it('the deadline after m business minutes is exactly m business minutes away, and no earlier instant is', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 20_000 }), (cal, start, minutes) => {
        const due = addBusinessMinutes(cal, start, minutes);
        assert.ok(Math.abs(businessMinutesBetween(cal, start, due) - minutes) <= EPSILON, `elapsed until the deadline ≠ ${minutes}`);
        if (minutes > 0) assert.ok(businessMinutesBetween(cal, start, new Date(due.getTime() - 60_000)) < minutes, 'a minute earlier is already enough');
      }),
      { numRuns: 300 },
    );
  });

  it('elapsed business time adds up over adjacent spans and never exceeds wall-clock time', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ac = businessMinutesBetween(cal, a, c);
        assert.ok(Math.abs(ac - (businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c))) < 1e-6);
        assert.ok(ac >= 0 && ac <= calendarMinutesBetween(a, c) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('measuring up to a deadline and adding it back gives the deadline again', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (cal, x, y) => {
        const [start, end] = x <= y ? [x, y] : [y, x];
        const elapsed = businessMinutesBetween(cal, start, end);
        const back = addBusinessMinutes(cal, start, elapsed);
        // The same business time is reached no later than `end`, and nothing is open in between.
        assert.ok(back.getTime() <= end.getTime() + 1);
        assert.ok(businessMinutesBetween(cal, back, end) <= EPSILON);
      }),
      { numRuns: 200 },
    );
  });
});
