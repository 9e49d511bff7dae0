import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NpsCampaign, SurveySettings } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { SurveysAdminPage } from './SurveysAdminPage';

const SETTINGS: SurveySettings = {
  csatEnabled: true,
  scale: 2,
  delayMinutes: 1440,
  channels: ['email', 'chat'],
  reasons: [{ key: 'speed', labelEn: 'Speed', labelDe: 'Schnelligkeit' }],
  cesEnabled: false,
  expiryDays: 28,
  throttleDays: 7,
  npsQuietDays: 90,
  minSample: 30,
  updatedAt: '2026-03-01T09:00:00Z',
};

const QUARTERLY: NpsCampaign = {
  id: 'c-1',
  name: 'Quarterly NPS',
  active: true,
  segment: { organizationIds: [], tags: ['vip'], activeWithinDays: 180 },
  everyDays: 90,
  productName: 'Servus Cloud',
  expiryDays: 28,
  lastRunAt: '2026-02-01T09:00:00Z',
  nextRunAt: '2026-05-02T09:00:00Z',
  sent: 120,
  responses: 37,
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-01-01T09:00:00Z',
};

function serve(campaigns: NpsCampaign[], extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/survey-settings') return json(200, SETTINGS);
    if (call.method === 'GET' && call.path === '/api/v1/survey-campaigns') return json(200, { data: campaigns });
    if (call.method === 'GET' && call.path === '/api/v1/organizations') return json(200, { data: [{ id: 'o-1', name: 'Bäckerei Huber' }], nextCursor: null });
    return undefined;
  });
}

describe('SurveysAdminPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('shows the CSAT settings and saves a new scale, the effort question and a reason', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([QUARTERLY], (call) => (call.method === 'PATCH' && call.path === '/api/v1/survey-settings' ? json(200, { ...SETTINGS, ...(call.body as object), updatedAt: '2026-03-02T09:00:00Z' }) : undefined));
    renderWithProviders(<SurveysAdminPage />);
    const form = await screen.findByRole('form', { name: 'Satisfaction survey (CSAT)' });
    expect(within(form).getByRole('switch', { name: /Send a satisfaction survey/ })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Email' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Phone' })).not.toBeChecked();
    expect(within(form).getByRole('textbox', { name: 'English label of reason 1' })).toHaveValue('Speed');
    await user.click(within(form).getByRole('radio', { name: '5 points' }));
    expect(form).toHaveTextContent('4 and 5 count as satisfied');
    await user.click(within(form).getByRole('switch', { name: /effort question/ }));
    await user.click(within(form).getByRole('checkbox', { name: 'Phone' }));
    await user.click(within(form).getByRole('button', { name: 'Add reason' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText(/Reason 2 needs a key/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.type(within(form).getByRole('textbox', { name: 'Key of reason 2' }), 'price');
    await user.type(within(form).getByRole('textbox', { name: 'English label of reason 2' }), 'Price');
    await user.type(within(form).getByRole('textbox', { name: 'German label of reason 2' }), 'Preis');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const body = calls.find((c) => c.method === 'PATCH')!.body as SurveySettings;
    expect([body.scale, body.cesEnabled, body.channels, body.delayMinutes]).toEqual([5, true, ['email', 'chat', 'phone'], 1440]);
    expect(body.reasons).toEqual([SETTINGS.reasons[0], { key: 'price', labelEn: 'Price', labelDe: 'Preis' }]);
  });

  it('lists NPS campaigns with who gets them, schedule and results, and sends one now after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([QUARTERLY], (call) => (call.method === 'POST' && call.path === '/api/v1/survey-campaigns/c-1/send' ? json(200, { sent: 12, skipped: 3 }) : undefined));
    renderWithProviders(<SurveysAdminPage />);
    const table = await screen.findByRole('table', { name: 'NPS campaigns' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(row).toHaveTextContent('Quarterly NPS');
    expect(row).toHaveTextContent('tickets tagged vip · active in the last 180 days');
    expect(row).toHaveTextContent('Every 90 days');
    expect(row).toHaveTextContent('120 sent, 37 answered');
    await user.click(within(row!).getByRole('button', { name: 'Send Quarterly NPS now' }));
    const confirm = await screen.findByRole('dialog');
    await user.click(within(confirm).getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/survey-campaigns/c-1/send')).toBe(true));
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/survey-campaigns').length).toBeGreaterThan(1));
  });

  it('creates a campaign after counting who it reaches', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => {
      if (call.method === 'POST' && call.path === '/api/v1/survey-campaigns/preview') return json(200, { matching: 40, optedOut: 2, quiet: 5, eligible: 33 });
      if (call.method === 'POST' && call.path === '/api/v1/survey-campaigns') return json(201, { ...QUARTERLY, id: 'c-2' });
      return undefined;
    });
    renderWithProviders(<SurveysAdminPage />);
    expect(await screen.findByText('No NPS campaigns yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Give the campaign a name.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Spring NPS');
    await user.type(within(dialog).getByRole('textbox', { name: /Repeat every/ }), '90');
    await user.type(within(dialog).getByRole('combobox', { name: 'Ticket tags' }), 'vip{enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Count customers' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('40 match, 2 unsubscribed, 5 in the quiet period: 33 would get it now.');
    expect(calls.find((c) => c.path === '/api/v1/survey-campaigns/preview')?.body).toEqual({ segment: { organizationIds: [], tags: ['vip'], activeWithinDays: null } });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/survey-campaigns')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/survey-campaigns')?.body).toEqual({
      name: 'Spring NPS',
      productName: '',
      active: true,
      segment: { organizationIds: [], tags: ['vip'], activeWithinDays: null },
      everyDays: 90,
      expiryDays: 28,
    });
  });

  it('shows an error with a retry when the settings cannot be loaded, and speaks German', async () => {
    await i18n.changeLanguage('de');
    serve([], (call) => (call.path === '/api/v1/survey-settings' ? json(500, { error: { code: 'internal', message: 'boom' } }) : undefined));
    renderWithProviders(<SurveysAdminPage />);
    expect(await screen.findByText('Noch keine NPS-Kampagnen.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Erneut|Nochmal|Wiederholen/i })).toBeInTheDocument();
  });
});
