import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessCalendar } from '../sla/index.ts';
import { businessDaysBetween, compareDuration, minimumCalendarMinutes } from './durations.ts';

const day = [{ start: '09:00', end: '17:00' }];
/** Mon–Fri 09:00–17:00 in Munich, with Bavarian public holidays. */
const bavaria: BusinessCalendar = { timeZone: 'Europe/Berlin', weekly: { 1: day, 2: day, 3: day, 4: day, 5: day }, holidays: { country: 'DE', state: 'BY' } };
const d = (iso: string) => new Date(iso);

describe('business-day durations', () => {
  it('counts whole business days at the anchor’s wall-clock time, skipping the weekend', () => {
    const friday10 = d('2026-03-06T09:00:00Z');
    assert.equal(businessDaysBetween(bavaria, friday10, d('2026-03-09T08:59:00Z'), 10), 0);
    assert.equal(businessDaysBetween(bavaria, friday10, d('2026-03-09T09:00:00Z'), 10), 1);
    assert.equal(businessDaysBetween(bavaria, friday10, d('2026-03-11T09:00:00Z'), 10), 3);
    assert.equal(businessDaysBetween(bavaria, friday10, d('2026-03-11T09:00:00Z'), 2), 2, 'stops counting at the cap');
  });

  it('skips public holidays: Good Friday and Easter Monday 2026 in Bavaria', () => {
    const thursday10 = d('2026-04-02T08:00:00Z'); // CEST
    assert.equal(businessDaysBetween(bavaria, thursday10, d('2026-04-06T23:00:00Z'), 10), 0);
    assert.equal(businessDaysBetween(bavaria, thursday10, d('2026-04-07T08:00:00Z'), 10), 1);
  });

  it('starts an anchor on a closed day at the beginning of the next open day', () => {
    const saturday = d('2026-03-07T10:00:00Z');
    assert.equal(businessDaysBetween(bavaria, saturday, d('2026-03-09T22:59:00Z'), 10), 0);
    assert.equal(businessDaysBetween(bavaria, saturday, d('2026-03-09T23:00:00Z'), 10), 1); // Tuesday 00:00
  });

  it('compares business hours through the calendar and calendar time without one', () => {
    const friday16 = d('2026-03-06T15:00:00Z');
    const monday11 = d('2026-03-09T10:00:00Z');
    const threeHours = { amount: 3, unit: 'hours' as const, businessHours: true };
    assert.deepEqual(compareDuration('gt', threeHours, friday16, monday11, bavaria), { matched: true, elapsed: 3 });
    assert.deepEqual(compareDuration('lt', threeHours, friday16, d('2026-03-09T09:30:00Z'), bavaria), { matched: true, elapsed: 2.5 });
    assert.deepEqual(compareDuration('gt', { amount: 60, unit: 'hours', businessHours: true }, friday16, monday11, undefined), { matched: true, elapsed: 67 });
    assert.deepEqual(compareDuration('gt', { amount: 3, unit: 'days', businessHours: false }, friday16, monday11, bavaria), { matched: false, elapsed: 2.79 });
  });

  it('never asks for less calendar time than a duration can take', () => {
    assert.equal(minimumCalendarMinutes({ amount: 2, unit: 'hours', businessHours: true }), 120);
    assert.equal(minimumCalendarMinutes({ amount: 3, unit: 'days', businessHours: true }), 3 * 1380);
  });
});
