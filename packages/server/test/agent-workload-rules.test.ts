import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minutesOutsideHoursByDay, splitByLocalDay, workSessions } from '../src/modules/analytics/agents/activity.ts';
import { overCapacityDays } from '../src/modules/analytics/agents/load-history.ts';
import { lastWorkingDays, workloadSignals } from '../src/modules/analytics/agents/workload.ts';
import type { AgentSchedule } from '../src/modules/analytics/staffing/agent-calendars.ts';

const at = (iso: string) => new Date(iso);
const nineToFive = [{ start: '09:00', end: '17:00' }];
const office: AgentSchedule = {
  agentId: 'a',
  name: 'A',
  calendars: [{ timeZone: 'Europe/Berlin', weekly: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive }, holidays: { country: 'DE' } }],
};

describe('work sessions', () => {
  it('counts five minutes before each action and joins actions up to 30 minutes apart', () => {
    const s = workSessions([at('2026-03-16T18:30:00Z'), at('2026-03-16T18:00:00Z'), at('2026-03-16T19:01:00Z')]);
    assert.deepEqual(s.map((x) => [x.start.toISOString(), x.end.toISOString()]), [
      ['2026-03-16T17:55:00.000Z', '2026-03-16T18:30:00.000Z'],
      ['2026-03-16T18:56:00.000Z', '2026-03-16T19:01:00.000Z'],
    ]);
    assert.deepEqual(workSessions([]), []);
  });

  it('cuts a session at local midnight', () => {
    const parts = splitByLocalDay([{ start: at('2026-03-16T22:50:00Z'), end: at('2026-03-16T23:20:00Z') }], 'Europe/Berlin');
    // 23:50–00:20 Berlin: 10 minutes on the 16th, 20 on the 17th.
    assert.deepEqual(parts.map((p) => [p.day, (p.end.getTime() - p.start.getTime()) / 60_000]), [['2026-03-16', 10], ['2026-03-17', 20]]);
  });

  it('counts only the minutes outside the calendar, per local day; none without a calendar', () => {
    // 16:50–17:20 Berlin on a Monday: 10 minutes inside, 20 outside.
    const byDay = minutesOutsideHoursByDay(office, [at('2026-03-16T15:55:00Z'), at('2026-03-16T16:20:00Z')]);
    assert.deepEqual([...byDay!], [['2026-03-16', 20]]);
    // A Monday that is a public holiday (Pfingstmontag 2026-05-25) is all outside.
    assert.deepEqual([...minutesOutsideHoursByDay(office, [at('2026-05-25T08:00:00Z')])!], [['2026-05-25', 5]]);
    assert.equal(minutesOutsideHoursByDay({ ...office, calendars: [] }, [at('2026-03-16T20:00:00Z')]), null);
  });
});

describe('workload rules', () => {
  it('finds the last working days by the calendar, skipping weekends and holidays', () => {
    assert.deepEqual(lastWorkingDays(office, at('2026-05-26T10:00:00Z'), 5), ['2026-05-26', '2026-05-22', '2026-05-21', '2026-05-20', '2026-05-19']);
    assert.deepEqual(lastWorkingDays({ ...office, calendars: [] }, at('2026-03-16T10:00:00Z'), 3), ['2026-03-16', '2026-03-13', '2026-03-12']);
  });

  it('marks a day over capacity only when the load went above it on one channel', () => {
    const span = (channel: string, from: string, to: string) => ({ agentId: 'a', channel, from: at(from).getTime(), to: at(to).getTime() });
    const spans = [
      span('email', '2026-03-16T08:00:00Z', '2026-03-16T12:00:00Z'),
      span('email', '2026-03-16T11:00:00Z', '2026-03-17T09:00:00Z'),
      span('chat', '2026-03-18T08:00:00Z', '2026-03-18T09:00:00Z'),
      // Back to back is not at once.
      span('email', '2026-03-19T08:00:00Z', '2026-03-19T09:00:00Z'),
      span('email', '2026-03-19T09:00:00Z', '2026-03-19T10:00:00Z'),
    ];
    assert.deepEqual([...overCapacityDays(spans, () => 1, 'Europe/Berlin')], ['2026-03-16']);
    assert.deepEqual([...overCapacityDays(spans, (c) => (c === 'email' ? 2 : 1), 'Europe/Berlin')], []);
  });

  it('signals at 3 of 5 days over capacity or 3 of 10 days with more than 60 minutes after hours, not below', () => {
    const working = ['d5', 'd4', 'd3', 'd2', 'd1'];
    const recent = Array.from({ length: 10 }, (_, i) => `r${i}`);
    assert.deepEqual(workloadSignals({ overCapacityDays: new Set(['d5', 'd3', 'd1', 'x']), workingDays: working, afterHoursByDay: null, recentDays: recent }), [{ reason: 'over_capacity', days: 3, outOf: 5 }]);
    assert.deepEqual(workloadSignals({ overCapacityDays: new Set(['d5', 'd3']), workingDays: working, afterHoursByDay: new Map([['r0', 61], ['r4', 90], ['r9', 60]]), recentDays: recent }), []);
    assert.deepEqual(workloadSignals({ overCapacityDays: new Set(), workingDays: working, afterHoursByDay: new Map([['r0', 61], ['r4', 90], ['r9', 60.5]]), recentDays: recent }), [{ reason: 'after_hours', days: 3, outOf: 10 }]);
  });
});
