import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { Calendar } from '../api/types';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { CalendarsPage } from './CalendarsPage';
import { TeamsPage } from './TeamsPage';

const OFFICE: Calendar = {
  id: 'cal-1',
  name: 'Munich office',
  timeZone: 'Europe/Berlin',
  weekly: { '1': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], '5': [{ start: '08:00', end: '14:00' }] },
  holidays: { country: 'DE', state: 'BY', region: 'KATH' },
  closures: [{ date: '2026-12-24', from: '14:00', note: 'Christmas Eve' }],
  teamIds: ['t-1'],
  channelIds: ['c-1', 'c-2'],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const COUNTRIES = [{ code: 'AT', name: 'Österreich' }, { code: 'DE', name: 'Deutschland' }];
const STATES = [{ code: 'BW', name: 'Baden-Württemberg' }, { code: 'BY', name: 'Bayern' }];
const REGIONS = [{ code: 'A', name: 'Stadt Augsburg' }, { code: 'KATH', name: 'Überwiegend katholische Gemeinden' }];
const HOLIDAYS = [
  { date: '2026-01-01', name: 'Neujahr', from: null },
  { date: '2026-08-15', name: 'Mariä Himmelfahrt', from: null },
  { date: '2026-12-24', name: 'Heiliger Abend', from: '14:00' },
];

/** The calendar API with its region lookups, and whatever `extra` answers on top. */
function serve(calendars: Calendar[], extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/calendars') return json(200, { data: calendars });
    if (call.method === 'GET' && call.path === '/api/v1/holiday-regions') {
      const country = call.query.get('country');
      const state = call.query.get('state');
      return json(200, { data: !country ? COUNTRIES : country === 'DE' && !state ? STATES : country === 'DE' && state === 'BY' ? REGIONS : [] });
    }
    if (call.method === 'GET' && call.path === '/api/v1/calendars/cal-1/holidays') return json(200, { data: HOLIDAYS });
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, { data: [{ id: 't-1', name: 'Billing', description: null, memberIds: [], calendarId: null, createdAt: '', updatedAt: '' }], nextCursor: null });
    if (call.method === 'GET' && call.path === '/api/v1/agents') return json(200, { data: [], nextCursor: null });
    return undefined;
  });
}

async function openNew(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New business hours' }));
  return screen.findByRole('dialog', { name: 'New business hours' });
}

const day = (dialog: HTMLElement, name: string) => within(dialog).getByRole('group', { name });

async function choose(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, label: string, option: string) {
  await user.click(within(dialog).getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('CalendarsPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists the calendars with time zone, region and usage, or says there are none', async () => {
    serve([OFFICE]);
    const { unmount } = renderWithProviders(<CalendarsPage />);
    const table = await screen.findByRole('table', { name: 'Business hours' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Munich office');
    expect(row).toHaveTextContent('Europe/Berlin');
    expect(row).toHaveTextContent('DE · BY · KATH');
    expect(row).toHaveTextContent('3 teams and channels');
    unmount();
    vi.unstubAllGlobals();
    serve([]);
    renderWithProviders(<CalendarsPage />);
    expect(await screen.findByText('No business hours yet.')).toBeInTheDocument();
  });

  it('starts with Monday to Friday 09:00–17:00 in Berlin, adds a period and copies Monday to the week', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => (call.method === 'POST' ? json(201, { ...OFFICE, id: 'cal-2' }) : undefined));
    renderWithProviders(<CalendarsPage />);
    const dialog = await openNew(user);

    expect(within(dialog).getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Berlin');
    const monday = day(dialog, 'Monday');
    expect(within(monday).getByRole('textbox', { name: 'Monday, period 1: from' })).toHaveValue('09:00');
    expect(within(monday).getByRole('textbox', { name: 'Monday, period 1: until' })).toHaveValue('17:00');
    expect(within(day(dialog, 'Friday')).getByRole('textbox', { name: 'Friday, period 1: until' })).toHaveValue('17:00');
    expect(within(day(dialog, 'Saturday')).getByText('Closed')).toBeInTheDocument();
    expect(within(day(dialog, 'Sunday')).getByRole('checkbox', { name: 'Open on Sunday' })).not.toBeChecked();

    const mondayUntil = within(monday).getByRole('textbox', { name: 'Monday, period 1: until' });
    await user.clear(mondayUntil);
    await user.type(mondayUntil, '12:00');
    await user.click(within(monday).getByRole('button', { name: 'Add period on Monday' }));
    expect(within(monday).getByRole('textbox', { name: 'Monday, period 2: from' })).toHaveValue('13:00');
    expect(within(monday).getByRole('textbox', { name: 'Monday, period 2: until' })).toHaveValue('14:00');
    const until2 = within(monday).getByRole('textbox', { name: 'Monday, period 2: until' });
    await user.clear(until2);
    await user.type(until2, '17:30');
    await user.click(within(dialog).getByRole('button', { name: 'Copy Monday to Monday–Friday' }));
    expect(within(day(dialog, 'Thursday')).getByRole('textbox', { name: 'Thursday, period 2: until' })).toHaveValue('17:30');

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Office');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const split = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }];
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Office',
      timeZone: 'Europe/Berlin',
      weekly: { '0': [], '1': split, '2': split, '3': split, '4': split, '5': split, '6': [] },
      holidays: null,
      closures: [],
    });
  });

  it('shows the server’s field errors on the day and the time they belong to', async () => {
    const user = userEvent.setup({ delay: null });
    serve([], (call) =>
      call.method === 'POST'
        ? json(400, {
            error: {
              code: 'validation_failed',
              message: 'invalid body',
              details: [
                { path: 'body.weekly.1', message: 'intervals of one day must not overlap' },
                { path: 'body.weekly.2.0.end', message: 'start must be before end' },
              ],
            },
          })
        : undefined,
    );
    renderWithProviders(<CalendarsPage />);
    const dialog = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Office');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const monday = day(dialog, 'Monday');
    expect(await within(monday).findByText('intervals of one day must not overlap')).toBeInTheDocument();
    expect(within(monday).getByRole('textbox', { name: 'Monday, period 1: from' })).toHaveAttribute('aria-invalid', 'true');
    const tuesdayUntil = within(day(dialog, 'Tuesday')).getByRole('textbox', { name: 'Tuesday, period 1: until' });
    expect(tuesdayUntil).toHaveAccessibleDescription(expect.stringContaining('start must be before end'));
    expect(within(day(dialog, 'Wednesday')).getByRole('textbox', { name: 'Wednesday, period 1: until' })).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('checks overlapping periods in the browser before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([]);
    renderWithProviders(<CalendarsPage />);
    const dialog = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Office');
    const monday = day(dialog, 'Monday');
    await user.click(within(monday).getByRole('button', { name: 'Add period on Monday' }));
    const from2 = within(monday).getByRole('textbox', { name: 'Monday, period 2: from' });
    await user.clear(from2);
    await user.type(from2, '16:00');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(monday).findByText('The periods of a day must not overlap.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lets the region be chosen country, then state, then region', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => (call.method === 'POST' ? json(201, { ...OFFICE, id: 'cal-2' }) : undefined));
    renderWithProviders(<CalendarsPage />);
    const dialog = await openNew(user);
    expect(within(dialog).getByRole('combobox', { name: 'Country' })).toHaveValue('No public holidays');
    expect(within(dialog).queryByRole('textbox', { name: 'State' })).not.toBeInTheDocument();

    await choose(user, dialog, 'Country', 'Deutschland (DE)');
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'State' })).toHaveValue('Whole country'));
    await choose(user, dialog, 'State', 'Bayern (BY)');
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Region' })).toHaveValue('Whole state'));
    expect(calls.some((c) => c.path === '/api/v1/holiday-regions' && c.query.get('country') === 'DE' && c.query.get('state') === 'BY')).toBe(true);
    await choose(user, dialog, 'Region', 'Überwiegend katholische Gemeinden (KATH)');

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Munich');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ holidays: { country: 'DE', state: 'BY', region: 'KATH' } }));
  });

  it('previews the public holidays of a saved calendar and keeps its closures', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([OFFICE], (call) => (call.method === 'PATCH' ? json(200, OFFICE) : undefined));
    renderWithProviders(<CalendarsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Munich office' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit business hours Munich office' });
    const year = new Date().getFullYear();
    const preview = within(dialog).getByRole('region', { name: `Public holidays ${year}` });
    expect(await within(preview).findByText(/Mariä Himmelfahrt/)).toBeInTheDocument();
    expect(preview).toHaveTextContent('from 14:00');
    expect(calls.some((c) => c.path === '/api/v1/calendars/cal-1/holidays' && c.query.get('year') === String(year))).toBe(true);
    expect(within(dialog).getByRole('textbox', { name: 'Closure 1: from' })).toHaveValue('14:00');

    await user.click(within(dialog).getByRole('button', { name: 'Add closure' }));
    await user.type(within(dialog).getByLabelText('Closure 2: date'), '2026-12-31');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
      closures: [{ date: '2026-12-24', from: '14:00', note: 'Christmas Eve' }, { date: '2026-12-31' }],
      holidays: { country: 'DE', state: 'BY', region: 'KATH' },
    });
  });

  it('deletes after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([OFFICE], (call) => (call.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined));
    renderWithProviders(<CalendarsPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete Munich office' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete' });
    expect(confirm).toHaveTextContent('will have no business hours');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/calendars/cal-1')).toBe(true));
  });

  it('speaks German', async () => {
    const user = userEvent.setup({ delay: null });
    await i18n.changeLanguage('de');
    serve([OFFICE]);
    renderWithProviders(<CalendarsPage />);
    expect(await screen.findByRole('heading', { name: 'Geschäftszeiten' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Geschäftszeiten' })).toHaveTextContent('3 Teams und Kanäle');
    await user.click(screen.getByRole('button', { name: 'Neue Geschäftszeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Geschäftszeiten' });
    expect(within(day(dialog, 'Montag')).getByRole('textbox', { name: 'Montag, Zeitraum 1: von' })).toHaveValue('09:00');
    expect(within(day(dialog, 'Samstag')).getByText('Geschlossen')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Montag auf Montag–Freitag übertragen' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Land' })).toHaveValue('Keine Feiertage');
    expect(within(dialog).getByRole('button', { name: 'Schließtag hinzufügen' })).toBeInTheDocument();
  });
});

describe('TeamsPage business hours', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('saves the chosen calendar as the team’s calendarId', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([OFFICE], (call) => (call.method === 'PATCH' ? json(200, {}) : undefined));
    renderWithProviders(<TeamsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Billing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit team' });
    await choose(user, dialog, 'Business hours', 'Munich office');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH' && c.path === '/api/v1/teams/t-1')?.body).toMatchObject({ calendarId: 'cal-1' }));
  });
});
