import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addBusinessMinutes, businessMinutesBetween, calendarMinutesBetween, isPublicHoliday } from './business-hours.ts';
import type { BusinessCalendar } from './calendar.ts';

const nineToFive = [{ start: '09:00', end: '17:00' }];

/** METRICS §8.3: Mon–Fri 09:00–17:00 Europe/Berlin with German public holidays. */
function berlinOffice(state?: string, extra: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return {
    timeZone: 'Europe/Berlin',
    weekly: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
    holidays: { country: 'DE', ...(state && { state }) },
    ...extra,
  };
}

const at = (iso: string) => new Date(iso);

function expectSpan(cal: BusinessCalendar, start: string, end: string, calendar: number, business: number) {
  assert.equal(calendarMinutesBetween(at(start), at(end)), calendar, 'calendar minutes');
  assert.equal(businessMinutesBetween(cal, at(start), at(end)), business, 'business minutes');
}

describe('first reply time vectors (METRICS §8.3)', () => {
  it('F-A: Friday 16:30 to Tuesday 10:15 over a weekend and Pfingstmontag is 105 business minutes', () => {
    for (const state of [undefined, 'BY', 'BE', 'NI']) {
      expectSpan(berlinOffice(state), '2025-06-06T16:30:00+02:00', '2025-06-10T10:15:00+02:00', 5385, 105);
    }
  });

  it('F-B: Fronleichnam stops the clock in BY (90) ...', () => {
    expectSpan(berlinOffice('BY'), '2025-06-18T16:00:00+02:00', '2025-06-20T09:30:00+02:00', 2490, 90);
  });

  it("F-B': ... but not in BE, where 19 June is a working day (570)", () => {
    expectSpan(berlinOffice('BE'), '2025-06-18T16:00:00+02:00', '2025-06-20T09:30:00+02:00', 2490, 570);
  });

  it('F-D: Christmas Eve 16:00 to 29 December 09:45 is 105; 45 when the tenant closes 24 December from 14:00', () => {
    const start = '2025-12-24T16:00:00+01:00';
    const end = '2025-12-29T09:45:00+01:00';
    for (const state of [undefined, 'BY', 'BE', 'SN']) expectSpan(berlinOffice(state), start, end, 6825, 105);
    const closedAfternoon = berlinOffice(undefined, { closures: [{ date: '2025-12-24', from: '14:00' }] });
    expectSpan(closedAfternoon, start, end, 6825, 45);
  });

  it('F-E: a span entirely on a Saturday is 0 business minutes', () => {
    expectSpan(berlinOffice(), '2025-06-07T10:00:00+02:00', '2025-06-07T11:00:00+02:00', 60, 0);
  });

  it('F-F: a ticket created before opening counts from 09:00 (20)', () => {
    expectSpan(berlinOffice(), '2025-06-06T07:00:00+02:00', '2025-06-06T09:20:00+02:00', 140, 20);
  });
});

describe('SLA deadline vectors (METRICS §8.3, target 480 business minutes)', () => {
  it('D-1: Friday 16:30 breaches on Tuesday 16:30 (30 min Friday + 450 min Tuesday)', () => {
    const due = addBusinessMinutes(berlinOffice(), at('2025-06-06T16:30:00+02:00'), 480);
    assert.equal(due.toISOString(), at('2025-06-10T16:30:00+02:00').toISOString());
  });

  it('D-2: Wednesday 16:00 in BY breaches on Friday 16:00, skipping Fronleichnam', () => {
    const due = addBusinessMinutes(berlinOffice('BY'), at('2025-06-18T16:00:00+02:00'), 480);
    assert.equal(due.toISOString(), at('2025-06-20T16:00:00+02:00').toISOString());
  });
});

describe('businessMinutesBetween', () => {
  const cal = berlinOffice();

  it('is 0 when the end is not after the start', () => {
    assert.equal(businessMinutesBetween(cal, at('2025-06-04T10:00:00+02:00'), at('2025-06-04T10:00:00+02:00')), 0);
    assert.equal(businessMinutesBetween(cal, at('2025-06-04T12:00:00+02:00'), at('2025-06-04T10:00:00+02:00')), 0);
  });

  it('keeps fractional minutes', () => {
    assert.equal(businessMinutesBetween(cal, at('2025-06-04T10:00:00+02:00'), at('2025-06-04T10:00:30+02:00')), 0.5);
  });

  it('adds up several intervals a day, and a long span day by day', () => {
    const lunchBreak = { ...cal, weekly: { 3: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }] } };
    assert.equal(businessMinutesBetween(lunchBreak, at('2025-06-04T11:00:00+02:00'), at('2025-06-04T14:00:00+02:00')), 120);
    // June 2025 in Germany: 21 weekdays minus Pfingstmontag = 20 working days of 8 hours.
    assert.equal(businessMinutesBetween(cal, at('2025-06-01T00:00:00+02:00'), at('2025-07-01T00:00:00+02:00')), 20 * 480);
  });

  it('follows the wall clock across DST: a 09:00–17:00 day stays 480 minutes, a 24-hour Sunday is 23 or 25 hours', () => {
    const allWeek = { timeZone: 'Europe/Berlin', weekly: { 0: [{ start: '00:00', end: '24:00' }], 1: nineToFive } };
    assert.equal(businessMinutesBetween(allWeek, at('2025-03-29T00:00:00Z'), at('2025-04-01T00:00:00Z')), 23 * 60 + 480);
    assert.equal(businessMinutesBetween(allWeek, at('2025-10-25T00:00:00Z'), at('2025-10-28T00:00:00Z')), 25 * 60 + 480);
    const night = { timeZone: 'Europe/Berlin', weekly: { 0: [{ start: '01:00', end: '04:00' }] } };
    assert.equal(businessMinutesBetween(night, at('2025-03-30T00:00:00+01:00'), at('2025-03-31T00:00:00+02:00')), 120);
  });

  it('measures in the calendar zone, not the host zone', () => {
    const tokyo = { timeZone: 'Asia/Tokyo', weekly: { 1: nineToFive } };
    // Monday 09:00–17:00 in Tokyo is 00:00–08:00 UTC.
    assert.equal(businessMinutesBetween(tokyo, at('2025-06-01T23:00:00Z'), at('2025-06-02T09:00:00Z')), 480);
    assert.equal(businessMinutesBetween(tokyo, at('2025-06-02T08:00:00Z'), at('2025-06-02T16:00:00Z')), 0);
  });

  it('closes whole days, mornings and afternoons from custom closures', () => {
    const closures = [
      { date: '2025-06-02' },
      { date: '2025-06-03', until: '12:00' },
      { date: '2025-06-04', from: '10:00', until: '11:00' },
      { date: '2025-06-05', from: '16:00' },
    ];
    const closed = berlinOffice(undefined, { closures });
    assert.equal(businessMinutesBetween(closed, at('2025-06-02T00:00:00+02:00'), at('2025-06-06T00:00:00+02:00')), 0 + 300 + 420 + 420);
  });

  it('sees a calendar edited after use, despite remembering worked-out days', () => {
    const edited = berlinOffice();
    const [start, end] = [at('2025-06-04T09:00:00+02:00'), at('2025-06-05T09:00:00+02:00')];
    assert.equal(businessMinutesBetween(edited, start, end), 480);
    edited.closures = [{ date: '2025-06-04', from: '12:00' }];
    assert.equal(businessMinutesBetween(edited, start, end), 180);
  });

  it('uses the holiday start time of a public holiday that begins during the day', () => {
    const reykjavik = { timeZone: 'Atlantic/Reykjavik', weekly: { 3: nineToFive }, holidays: { country: 'IS' } };
    assert.equal(businessMinutesBetween(reykjavik, at('2025-12-24T00:00:00Z'), at('2025-12-25T00:00:00Z')), 240);
  });
});

describe('addBusinessMinutes', () => {
  const cal = berlinOffice('BY');

  it('is the inverse of businessMinutesBetween', () => {
    const start = at('2025-06-18T16:00:00+02:00');
    for (const minutes of [0.5, 1, 59, 60, 61, 479, 480, 481, 2400, 10_000]) {
      const due = addBusinessMinutes(cal, start, minutes);
      assert.equal(businessMinutesBetween(cal, start, due), minutes, `${minutes} minutes`);
    }
  });

  it('ends a deadline that uses up an opening at closing time, not at the next opening', () => {
    const due = addBusinessMinutes(cal, at('2025-06-18T16:00:00+02:00'), 60);
    assert.equal(due.toISOString(), at('2025-06-18T17:00:00+02:00').toISOString());
  });

  it('starts counting at the next opening when started outside business hours', () => {
    const due = addBusinessMinutes(cal, at('2025-06-21T10:00:00+02:00'), 15);
    assert.equal(due.toISOString(), at('2025-06-23T09:15:00+02:00').toISOString());
  });

  it('returns the start for 0 minutes, even when closed', () => {
    assert.equal(addBusinessMinutes(cal, at('2025-06-21T10:00:00+02:00'), 0).toISOString(), '2025-06-21T08:00:00.000Z');
  });

  it('crosses a DST change on the wall clock', () => {
    const due = addBusinessMinutes(berlinOffice(), at('2025-03-28T16:00:00+01:00'), 120);
    assert.equal(due.toISOString(), at('2025-03-31T10:00:00+02:00').toISOString());
  });

  it('refuses negative or non-finite amounts and calendars that never open', () => {
    assert.throws(() => addBusinessMinutes(cal, at('2025-06-18T16:00:00Z'), -1), RangeError);
    assert.throws(() => addBusinessMinutes(cal, at('2025-06-18T16:00:00Z'), Number.NaN), RangeError);
    assert.throws(() => addBusinessMinutes({ timeZone: 'UTC', weekly: {} }, at('2025-06-18T16:00:00Z'), 10), /no opening hours/);
  });
});

describe('calendarMinutesBetween', () => {
  it('is the UTC difference, so the DST weekend is an hour short of the wall clock', () => {
    assert.equal(calendarMinutesBetween(at('2025-03-28T12:00:00+01:00'), at('2025-03-31T12:00:00+02:00')), 71 * 60);
    assert.equal(calendarMinutesBetween(at('2025-06-04T12:00:00Z'), at('2025-06-04T11:59:30Z')), -0.5);
  });
});

describe('calendar validation', () => {
  const span = [at('2025-06-02T00:00:00Z'), at('2025-06-03T00:00:00Z')] as const;

  it('fails loudly on a broken calendar instead of counting 0', () => {
    const broken: BusinessCalendar[] = [
      { timeZone: 'Europe/Berlinn', weekly: { 1: nineToFive } },
      { timeZone: 'UTC', weekly: { 1: [{ start: '17:00', end: '09:00' }] } },
      { timeZone: 'UTC', weekly: { 1: [{ start: '9:00', end: '17:00' }] } },
      { timeZone: 'UTC', weekly: { 1: [{ start: '24:00', end: '24:00' }] } },
      { timeZone: 'UTC', weekly: { 1: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] } },
      { timeZone: 'UTC', weekly: { 1: nineToFive }, closures: [{ date: '2025-02-30' }] },
      { timeZone: 'UTC', weekly: { 1: nineToFive }, closures: [{ date: '2025-06-02', from: '14:00', until: '12:00' }] },
    ];
    for (const cal of broken) assert.throws(() => businessMinutesBetween(cal, ...span), JSON.stringify(cal));
  });

  it('accepts an interval that runs to 24:00', () => {
    const lateShift = { timeZone: 'UTC', weekly: { 1: [{ start: '20:00', end: '24:00' }] } };
    assert.equal(businessMinutesBetween(lateShift, ...span), 240);
  });

  it('rejects an unknown holiday state on first use', () => {
    assert.throws(() => businessMinutesBetween(berlinOffice('XY'), ...span), /unknown holiday state "XY"/);
  });
});

describe('isPublicHoliday (re-exported beside the business-time functions)', () => {
  it('takes a calendar or a region', () => {
    assert.equal(isPublicHoliday('2025-06-19', berlinOffice('BY')), true);
    assert.equal(isPublicHoliday('2025-06-19', { country: 'DE', state: 'BE' }), false);
  });
});
