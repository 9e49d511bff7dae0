import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPublicHoliday, publicHolidays, type HolidayRegion } from './holidays.ts';

const STATES = ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'];
const de = (state?: string, region?: string): HolidayRegion => ({ country: 'DE', state, region });
const everywhere = [de(), ...STATES.map((s) => de(s))];

function expectIn(date: string, regions: HolidayRegion[], expected: boolean) {
  for (const r of regions) {
    assert.equal(isPublicHoliday(date, r), expected, `${date} in ${r.country}-${r.state ?? ''}-${r.region ?? ''}`);
  }
}

// METRICS.md §8.4, row by row.
describe('German public holidays (METRICS §8.4)', () => {
  it('Karfreitag and Ostermontag 2025 everywhere', () => {
    expectIn('2025-04-18', everywhere, true);
    expectIn('2025-04-21', everywhere, true);
  });

  it('Christi Himmelfahrt and Pfingstmontag everywhere', () => {
    expectIn('2025-05-29', everywhere, true);
    expectIn('2025-06-09', everywhere, true);
  });

  it('Fronleichnam in BY, BW, HE, NW, RP, SL but not at state level in BE, HH, SN', () => {
    expectIn('2025-06-19', ['BY', 'BW', 'HE', 'NW', 'RP', 'SL'].map((s) => de(s)), true);
    expectIn('2025-06-19', ['BE', 'HH', 'SN'].map((s) => de(s)), false);
  });

  it('Heilige Drei Könige in BW, BY, ST, not BE', () => {
    expectIn('2025-01-06', [de('BW'), de('BY'), de('ST')], true);
    expectIn('2025-01-06', [de('BE')], false);
  });

  it('Frauentag in BE and MV, not BY; MV only since 2023', () => {
    expectIn('2025-03-08', [de('BE'), de('MV')], true);
    expectIn('2025-03-08', [de('BY')], false);
    expectIn('2022-03-08', [de('MV')], false);
  });

  it('the Berlin one-off of 2025-05-08 does not repeat in 2026', () => {
    expectIn('2025-05-08', [de('BE')], true);
    expectIn('2026-05-08', [de('BE')], false);
  });

  it('Mariä Himmelfahrt: SL yes; BY only in the Catholic region KATH', () => {
    expectIn('2025-08-15', [de('SL')], true);
    expectIn('2025-08-15', [de('BY')], false);
    expectIn('2025-08-15', [de('BY', 'KATH')], true);
  });

  it('Augsburger Friedensfest only in the city of Augsburg (region A)', () => {
    expectIn('2025-08-08', [de('BY', 'A')], true);
    expectIn('2025-08-08', [de('BY')], false);
  });

  it('Weltkindertag in TH, not BE', () => {
    expectIn('2025-09-20', [de('TH')], true);
    expectIn('2025-09-20', [de('BE')], false);
  });

  it('Reformationstag 2025 in the northern and eastern states, not BY or NW', () => {
    expectIn('2025-10-31', ['NI', 'HB', 'HH', 'SH', 'BB', 'MV', 'SN', 'ST', 'TH'].map((s) => de(s)), true);
    expectIn('2025-10-31', [de('BY'), de('NW')], false);
  });

  it('Reformationstag 2017 nationwide, BY included', () => {
    expectIn('2017-10-31', everywhere, true);
  });

  it('Allerheiligen in BW, BY, NW, RP, SL, not NI', () => {
    expectIn('2025-11-01', ['BW', 'BY', 'NW', 'RP', 'SL'].map((s) => de(s)), true);
    expectIn('2025-11-01', [de('NI')], false);
  });

  it('Buß- und Bettag in SN on the Wednesday before 23 November; a school day off only in BY', () => {
    expectIn('2025-11-19', [de('SN')], true);
    expectIn('2026-11-18', [de('SN')], true);
    expectIn('2025-11-19', [de('BY')], false);
  });

  it('24 December is no public holiday anywhere', () => {
    expectIn('2025-12-24', everywhere, false);
  });

  it('Easter Sunday by the Gregorian computus, with Good Friday and Easter Monday around it', () => {
    const easter: Record<number, [string, string, string]> = {
      2024: ['2024-03-29', '2024-03-31', '2024-04-01'],
      2025: ['2025-04-18', '2025-04-20', '2025-04-21'],
      2026: ['2026-04-03', '2026-04-05', '2026-04-06'],
      2027: ['2027-03-26', '2027-03-28', '2027-03-29'],
      2028: ['2028-04-14', '2028-04-16', '2028-04-17'],
    };
    for (const [year, [friday, sunday, monday]] of Object.entries(easter)) {
      // Brandenburg is the one state where Easter Sunday is itself a public holiday.
      assert.equal(publicHolidays(de('BB'), Number(year)).get(sunday)?.name, 'Ostersonntag', `Easter ${year}`);
      assert.equal(isPublicHoliday(sunday, de('BY')), false, `Easter Sunday ${year} in BY`);
      expectIn(friday, everywhere, true);
      expectIn(monday, everywhere, true);
    }
  });
});

describe('isPublicHoliday', () => {
  it('reads the holiday region of a calendar, and a calendar without one has no holidays', () => {
    const berlin = { timeZone: 'Europe/Berlin', weekly: {}, holidays: de('BE') };
    assert.equal(isPublicHoliday('2025-03-08', berlin), true);
    assert.equal(isPublicHoliday('2025-03-08', { ...berlin, holidays: de('BY') }), false);
    assert.equal(isPublicHoliday('2025-12-25', { timeZone: 'Europe/Berlin', weekly: {} }), false);
  });

  it('rejects malformed dates', () => {
    assert.throws(() => isPublicHoliday('2025-02-30', de()), RangeError);
    assert.throws(() => isPublicHoliday('25-12-2025', de()), RangeError);
  });

  it('rejects codes date-holidays does not know instead of widening to the country', () => {
    assert.throws(() => isPublicHoliday('2025-01-01', { country: 'XX' }), /unknown holiday country "XX"/);
    assert.throws(() => isPublicHoliday('2025-01-01', { country: 'constructor' }), /unknown holiday country/);
    assert.throws(() => isPublicHoliday('2025-01-01', de('ZZ')), /unknown holiday state "ZZ" in DE/);
    assert.throws(() => isPublicHoliday('2025-01-01', de('BY', 'ZZ')), /unknown holiday region "ZZ" in DE-BY/);
    assert.throws(() => isPublicHoliday('2025-01-01', { country: 'DE', region: 'KATH' }), /needs a state/);
  });
});

describe('publicHolidays', () => {
  it('keeps only public holidays: bank, school and observance days stay working days', () => {
    const by2025 = publicHolidays(de('BY'), 2025);
    assert.equal(by2025.get('2025-06-19')?.name, 'Fronleichnam');
    assert.equal(by2025.get('2025-06-19')?.fromMinute, 0);
    for (const notPublic of ['2025-03-03', '2025-08-15', '2025-11-19', '2025-12-24', '2025-12-31']) {
      assert.equal(by2025.has(notPublic), false, notPublic);
    }
    assert.equal(by2025.size, 12);
  });

  it('caches per year and region, so repeated lookups reuse one result', () => {
    assert.equal(publicHolidays(de('BY', 'KATH'), 2025), publicHolidays({ country: 'DE', state: 'BY', region: 'KATH' }, 2025));
    assert.notEqual(publicHolidays(de('BY', 'KATH'), 2025), publicHolidays(de('BY'), 2025));
    assert.notEqual(publicHolidays(de('BY'), 2025), publicHolidays(de('BY'), 2026));
  });

  it('keeps the start time of a public holiday that begins during the day', () => {
    // Iceland's Christmas Eve is a public holiday from 13:00.
    assert.deepEqual(publicHolidays({ country: 'IS' }, 2025).get('2025-12-24')?.fromMinute, 13 * 60);
  });
});
