import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { AgentReport } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import type { Me } from '../api/types';
import { SessionProvider } from '../auth/session';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { AgentReportPage } from './AgentReportPage';

const REPORT: AgentReport = {
  from: '2026-02-16T11:00:00.000Z',
  to: '2026-03-18T11:00:00.000Z',
  teamId: null,
  data: [
    { agentId: 'a-1', name: 'Anna', openTickets: 7, activeChats: 1, replies: 0, frtMedianMinutes: null, csat: null, minutesOutsideHours: 0, workload: [{ reason: 'over_capacity', days: 3, outOf: 5 }] },
    { agentId: 'a-2', name: 'Ben', openTickets: 0, activeChats: 0, replies: 18, frtMedianMinutes: 60, csat: 0.9, minutesOutsideHours: 285, workload: [{ reason: 'after_hours', days: 4, outOf: 10 }] },
    { agentId: 'a-3', name: 'Carl', openTickets: 2, activeChats: 0, replies: 1, frtMedianMinutes: 12.5, csat: null, minutesOutsideHours: null, workload: [] },
  ],
};

function renderPage(report: AgentReport | null, locale: 'en' | 'de' = 'en') {
  mockServer((c) => {
    if (c.path === '/api/v1/reports/agents') return report ? json(200, report) : json(500, { error: { code: 'internal', message: 'boom' } });
    if (c.path === '/api/v1/teams') return json(200, { data: [], nextCursor: null });
    return undefined;
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData<Me>(keys.me, { agent: { id: 'a-1', email: 'anna@example.com', name: 'Anna', role: 'agent', locale, timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' }, teamIds: [], csrfToken: 'csrf-1' });
  return renderWithProviders(<AgentReportPage />, { client, wrap: (children) => <SessionProvider>{children}</SessionProvider> });
}

describe('AgentReportPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists each agent’s figures and shows the workload signal with its reason', async () => {
    renderPage(REPORT);
    const table = await screen.findByRole('table', { name: 'Agents report' });
    const [anna, ben, carl] = within(table).getAllByRole('row').slice(1);
    expect(anna).toHaveTextContent('Too high');
    expect(anna).toHaveTextContent('Over capacity on 3 of the last 5 working days');
    expect(ben).toHaveTextContent('More than 60 minutes after hours on 4 of the last 10 days');
    expect(ben).toHaveTextContent('285 min');
    expect(ben).toHaveTextContent('60 min');
    expect(ben).toHaveTextContent('90%');
    expect(carl).toHaveTextContent('OK');
    expect(carl).toHaveTextContent('no schedule');
    expect(carl).toHaveTextContent('12.5 min');
  });

  it('speaks German, and shows empty and error states', async () => {
    const { unmount } = renderPage(REPORT, 'de');
    const table = await screen.findByRole('table', { name: 'Agentenbericht' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Über der Kapazität an 3 der letzten 5 Arbeitstage');
    unmount();
    vi.unstubAllGlobals();
    const empty = renderPage({ ...REPORT, data: [] }, 'de');
    expect(await screen.findByText('Keine Agenten anzuzeigen.')).toBeInTheDocument();
    empty.unmount();
    vi.unstubAllGlobals();
    renderPage(null);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
