import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeflectionReport, HelpCenterSettings } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { HelpCenterAdminPage } from './HelpCenterAdminPage';
import { contrastWithWhite } from './contrast';

const SETTINGS: HelpCenterSettings = {
  enabled: true,
  theme: { name: 'Kassenprofi Hilfe', logoUrl: '', primaryColor: '#1c5fd4', accentColor: '#0f8a5f' },
  defaultLocale: 'de',
  contactFormEnabled: true,
  portalEnabled: true,
  updatedAt: '2026-03-01T09:00:00Z',
};

const REPORT: DeflectionReport = {
  from: '2026-02-01T00:00:00Z',
  to: '2026-03-02T00:00:00Z',
  visits: 40,
  tickets: 25,
  suggested: 96,
  opened: 30,
  followedByTicket: 12,
  candidates: 18,
  articles: [
    { translationId: 't-1', locale: 'de', title: 'Bondrucker druckt nicht', url: '/help/de/articles/bondrucker-druckt-nicht', opened: 14, candidates: 10 },
    { translationId: 't-2', locale: 'en', title: 'Refund override (internal)', url: null, opened: 2, candidates: 1 },
  ],
};

function serve(report: DeflectionReport, extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/help-center/settings') return json(200, SETTINGS);
    if (call.method === 'GET' && call.path === '/api/v1/reports/deflection') return json(200, report);
    return undefined;
  });
}

describe('HelpCenterAdminPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('saves a new name and colour, previews the colour live and warns about poor contrast', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve(REPORT, (call) => (call.method === 'PATCH' ? json(200, { ...SETTINGS, ...(call.body as object), updatedAt: '2026-03-02T09:00:00Z' }) : undefined));
    renderWithProviders(<HelpCenterAdminPage />);
    const form = await screen.findByRole('form', { name: 'Help center settings' });
    expect(screen.getByRole('link', { name: /Open help center/ })).toHaveAttribute('href', '/help');
    const name = within(form).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Hilfe & Service');
    const primary = within(form).getByRole('textbox', { name: 'Primary colour' });
    await user.clear(primary);
    await user.type(primary, '#ffd43b');
    expect(within(form).getByTestId('preview-header')).toHaveStyle({ background: 'rgb(255, 212, 59)' });
    expect(within(form).getByTestId('preview-header')).toHaveTextContent('Hilfe & Service');
    expect(within(form).getByText(/White text on this primary colour is hard to read/)).toBeInTheDocument();
    await user.click(within(form).getByRole('switch', { name: /Contact form/ }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const sent = calls.find((c) => c.method === 'PATCH')!.body as HelpCenterSettings;
    expect(sent.theme).toEqual({ name: 'Hilfe & Service', logoUrl: '', primaryColor: '#ffd43b', accentColor: '#0f8a5f' });
    expect(sent.contactFormEnabled).toBe(false);
    expect(sent).not.toHaveProperty('updatedAt');
  });

  it('checks colours and the logo address before saving, and shows the server’s field errors', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve(REPORT, (call) =>
      call.method === 'PATCH' ? json(400, { error: { code: 'validation_failed', message: 'invalid body', details: [{ path: 'body.theme.logoUrl', message: 'must be an https URL or a /help/files/ address' }] } }) : undefined,
    );
    renderWithProviders(<HelpCenterAdminPage />);
    const form = await screen.findByRole('form', { name: 'Help center settings' });
    const logo = within(form).getByRole('textbox', { name: /Logo address/ });
    await user.type(logo, 'http://insecure.example/logo.png');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Use an https address or a /help/files/ address.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.clear(logo);
    await user.type(logo, 'https://cdn.example/logo.png');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('must be an https URL or a /help/files/ address')).toBeInTheDocument();
  });

  it('shows the deflection figures and the articles that deflected, in German', async () => {
    await i18n.changeLanguage('de');
    serve(REPORT);
    renderWithProviders(<HelpCenterAdminPage />);
    const panel = await screen.findByRole('region', { name: 'Vermiedene Anfragen über das Kontaktformular' });
    const figure = async (label: string) => within(await within(panel).findByRole('region', { name: label })).getByTestId('figure-value');
    expect(await figure('Vorgeschlagen')).toHaveTextContent('96');
    expect(await figure('Geöffnet')).toHaveTextContent('30');
    expect(await figure('Trotzdem Ticket')).toHaveTextContent('12');
    expect(await figure('Vermutlich vermieden')).toHaveTextContent('18');
    expect(panel).toHaveTextContent('60 % der geöffneten');
    const table = within(panel).getByRole('table', { name: 'Aus dem Kontaktformular geöffnete Artikel' });
    expect(within(table).getByRole('link', { name: 'Bondrucker druckt nicht' })).toHaveAttribute('href', '/help/de/articles/bondrucker-druckt-nicht');
    expect(within(table).queryByRole('link', { name: /Refund override/ })).toBeNull();
  });

  it('asks the report for another period', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve({ ...REPORT, suggested: 0, opened: 0, followedByTicket: 0, candidates: 0, visits: 0, articles: [] });
    renderWithProviders(<HelpCenterAdminPage />);
    expect(await screen.findByText(/No suggestions in this period yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await waitFor(() => {
      const asked = calls.filter((c) => c.path === '/api/v1/reports/deflection').map((c) => c.query);
      const last = asked[asked.length - 1]!;
      expect(new Date(last.get('to')!).getTime() - new Date(last.get('from')!).getTime()).toBe(7 * 86_400_000);
    });
  });
});

describe('contrastWithWhite', () => {
  it('follows WCAG: white on black is 21:1, on white 1:1, on the default blue above 4.5:1', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#1c5fd4')).toBeGreaterThan(4.5);
    expect(contrastWithWhite('#ffd43b')).toBeLessThan(2);
  });
});
