import { describe, expect, it } from 'vitest';
import { filtersToParams, parseFilters, reportQuery, startOfDay, surveyQuery, todayIn } from './filters';

const TODAY = '2026-03-31';
const TEAM = '11111111-1111-4111-8111-111111111111';

describe('dashboard filters in the URL', () => {
  it('defaults to the last 30 days with nothing narrowed, and leaves defaults out of the link', () => {
    const f = parseFilters(new URLSearchParams(), TODAY);
    expect(f).toMatchObject({ from: '2026-03-02', to: TODAY, teamId: null, channel: [], tags: [], interval: 'day', hours: 'calendar' });
    expect(filtersToParams(f, TODAY).toString()).toBe('');
  });

  it('round-trips a shared view', () => {
    const link = `from=2026-01-01&to=2026-03-31&teamId=${TEAM}&channel=email%2Cchat&priority=urgent&tags=vip%2Cbeta&interval=month&hours=business`;
    const f = parseFilters(new URLSearchParams(link), TODAY);
    expect(f).toMatchObject({ from: '2026-01-01', to: '2026-03-31', teamId: TEAM, channel: ['email', 'chat'], priority: ['urgent'], tags: ['vip', 'beta'], interval: 'month', hours: 'business' });
    expect(filtersToParams(f, TODAY).toString()).toBe(link);
  });

  it('ignores what an edited link gets wrong instead of failing', () => {
    const f = parseFilters(new URLSearchParams('from=yesterday&to=2026-13-45&teamId=1%20OR%201&channel=fax,email&priority=asap&interval=hourly'), TODAY);
    expect(f).toMatchObject({ to: TODAY, teamId: null, channel: ['email'], priority: [], interval: 'day' });
    const swapped = parseFilters(new URLSearchParams('from=2026-03-10&to=2026-03-01'), TODAY);
    expect([swapped.from, swapped.to]).toEqual(['2026-03-01', '2026-03-10']);
  });

  it('picks a coarser bucket for longer periods unless one is chosen', () => {
    expect(parseFilters(new URLSearchParams('from=2026-01-01&to=2026-03-31'), TODAY).interval).toBe('week');
    expect(parseFilters(new URLSearchParams('from=2025-04-01&to=2026-03-31'), TODAY).interval).toBe('month');
  });
});

describe('report periods as instants', () => {
  it('starts each local day at local midnight, across the DST switch', () => {
    expect(startOfDay('2026-03-28', 'Europe/Berlin')).toBe('2026-03-27T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-03-30', 'UTC')).toBe('2026-03-30T00:00:00.000Z');
  });

  it('asks for the whole last day (end exclusive) in the agent’s time zone', () => {
    const q = reportQuery(parseFilters(new URLSearchParams('from=2026-03-01&to=2026-03-31'), TODAY), 'Europe/Berlin');
    expect(q).toMatchObject({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z', tz: 'Europe/Berlin' });
  });

  it('gives survey figures only the filters they understand and says when some are left out', () => {
    const one = surveyQuery(parseFilters(new URLSearchParams(`teamId=${TEAM}&channel=chat`), TODAY), 'UTC');
    expect(one).toMatchObject({ query: { teamId: TEAM, channel: 'chat' }, ignored: false });
    expect(Object.keys(one.query)).not.toContain('tags');
    expect(surveyQuery(parseFilters(new URLSearchParams('channel=chat,email'), TODAY), 'UTC')).toMatchObject({ query: { channel: undefined }, ignored: true });
    expect(surveyQuery(parseFilters(new URLSearchParams('tags=vip'), TODAY), 'UTC').ignored).toBe(true);
  });

  it('knows today in a time zone', () => {
    const late = new Date('2026-03-31T22:30:00Z');
    expect(todayIn('Europe/Berlin', late)).toBe('2026-04-01');
    expect(todayIn('America/New_York', late)).toBe('2026-03-31');
  });
});
