import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_NOTIFICATION_CHANNELS, type NotificationPreferences } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { NotificationSettings } from './NotificationSettings';

const PREFS: NotificationPreferences = { kinds: structuredClone(DEFAULT_NOTIFICATION_CHANNELS), digest: 'hourly', teamReplies: true, emailAvailable: true };

function serve(prefs: NotificationPreferences, extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.path !== '/api/v1/notifications/preferences') return undefined;
    if (call.method === 'GET') return json(200, prefs);
    if (call.method === 'PUT') return json(200, { ...(call.body as object), emailAvailable: prefs.emailAvailable });
    return undefined;
  });
}

describe('NotificationSettings', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('shows each kind with in-app and e-mail, and saves the changed choices with the digest interval', async () => {
    const user = userEvent.setup();
    const calls = serve(PREFS);
    renderWithProviders(<NotificationSettings />);
    const teamInApp = await screen.findByRole('checkbox', { name: 'New tickets in my teams: in Servus' });
    expect(teamInApp).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Assigned to me: by e-mail' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Hourly' })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(teamInApp);
    await user.click(screen.getByRole('checkbox', { name: 'Customer replies: by e-mail' }));
    await user.click(screen.getByRole('radio', { name: 'Daily' }));
    await user.click(screen.getByRole('switch', { name: /Customer replies on unassigned tickets of my teams/ }));
    await user.click(screen.getByRole('button', { name: 'Save notification settings' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const body = calls.find((c) => c.method === 'PUT')!.body as NotificationPreferences;
    expect(body).toEqual({
      kinds: { ...DEFAULT_NOTIFICATION_CHANNELS, team_ticket: { inApp: true, email: false }, customer_reply: { inApp: true, email: false } },
      digest: 'daily',
      teamReplies: false,
    });
    expect(calls.find((c) => c.method === 'PUT')?.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('says when this installation cannot send e-mail, and shows a failed save', async () => {
    const user = userEvent.setup();
    serve({ ...PREFS, emailAvailable: false }, (call) => (call.method === 'PUT' ? json(503, { error: { code: 'unavailable', message: 'the database is unavailable' } }) : undefined));
    renderWithProviders(<NotificationSettings />);
    expect(await screen.findByText(/cannot send e-mail yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save notification settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the database is unavailable');
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    serve(PREFS);
    renderWithProviders(<NotificationSettings />);
    expect(await screen.findByRole('checkbox', { name: 'Mir zugewiesen: per E-Mail' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Alle 15 Minuten' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Benachrichtigungseinstellungen speichern' })).toBeInTheDocument();
  });
});
