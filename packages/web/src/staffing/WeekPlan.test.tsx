import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { StaffingPlan } from '@servus/shared';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { WeekPlan } from './WeekPlan';

function plan(asyncTarget: boolean): StaffingPlan {
  const intervals = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const busy = weekday === 1 && hour === 9;
      const open = weekday >= 1 && weekday <= 5 && hour >= 9 && hour < 17;
      const needed = busy ? 4 : 0;
      const scheduled = open ? 2 : 0;
      intervals.push({ weekday, hour, volume: busy ? 12 : 0, trafficIntensity: busy ? 2 : 0, needed, scheduled, gap: scheduled - needed });
    }
  }
  return { channel: asyncTarget ? 'email' : 'chat', teamId: null, timeZone: 'Europe/Berlin', weeks: 8, from: '', to: '', ahtSeconds: 600, targetSeconds: 60, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3, asyncTarget, intervals, totals: { volume: 12, shortfallHours: 1, peakNeeded: 4 } };
}

describe('WeekPlan', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows scheduled / needed per hour, marks the short hour red, and explains the async target for email', async () => {
    const calls = mockServer((c) => {
      if (c.path === '/api/v1/staffing/plan') return json(200, plan(c.query.get('channel') === 'email'));
      if (c.path === '/api/v1/teams') return json(200, { data: [], nextCursor: null });
      return undefined;
    });
    renderWithProviders(<WeekPlan />);
    const short = await screen.findByLabelText('Monday 9:00 — 12 contacts, 4 needed, 2 scheduled');
    expect(short).toHaveTextContent('2/4');
    expect(short).toHaveAttribute('data-short', 'true');
    expect(screen.getByLabelText('Tuesday 10:00 — 0 contacts, 0 needed, 2 scheduled')).not.toHaveAttribute('data-short');
    expect(screen.getByText('12 contacts per week, peak 4 agents, 1 hours short')).toBeInTheDocument();
    expect(screen.getByText(/the target is a reply time/)).toBeInTheDocument();
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/staffing/plan')!.query.get('weeks')).toBe('8'));
    expect(calls.find((c) => c.path === '/api/v1/staffing/plan')!.query.get('serviceLevel')).toBe('0.8');
  });
});
