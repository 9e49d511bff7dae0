import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScheduledReport } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { WeeklySummaryPage } from './WeeklySummaryPage';

const OFF: ScheduledReport = { enabled: false, recipientIds: [], extraEmails: [], weekday: 1, hour: 8, timeZone: 'Europe/Berlin', locale: 'en', teamId: null, lastSentAt: null, mailConfigured: true };

describe('WeeklySummaryPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('saves recipients and extra addresses, and refuses a bad address in the browser', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = mockServer((c) => {
      if (c.path === '/api/v1/reports/weekly-summary' && c.method === 'GET') return json(200, OFF);
      if (c.path === '/api/v1/reports/weekly-summary' && c.method === 'PUT') return json(200, { ...OFF, ...(c.body as object) });
      if (c.path === '/api/v1/agents') return json(200, { data: [], nextCursor: null });
      if (c.path === '/api/v1/teams') return json(200, { data: [], nextCursor: null });
      return undefined;
    });
    renderWithProviders(<WeeklySummaryPage />);
    await user.click(await screen.findByRole('switch', { name: 'Send the weekly summary' }));
    const extra = screen.getByRole('textbox', { name: /Other addresses/ });
    await user.click(extra);
    await user.paste('lead@firma.example, not-an-address');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not an email address: not-an-address')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.clear(extra);
    await user.paste('lead@firma.example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ enabled: true, recipientIds: [], extraEmails: ['lead@firma.example'], weekday: 1, hour: 8, timeZone: 'Europe/Berlin', locale: 'en', teamId: null });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');
  });
});
