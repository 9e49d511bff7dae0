import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChatChannel } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { ChatChannelsPage } from './ChatChannelsPage';
import { normalizeOrigin } from './chat-channel-form';

const SHOP: ChatChannel = {
  id: 'cc-1',
  name: 'Shop chat',
  active: true,
  teamId: 't-1',
  calendarId: null,
  availability: 'agents_online',
  allowedOrigins: ['https://shop.example.com', 'https://www.example.com'],
  color: '#2b8a3e',
  texts: { en: { greeting: 'Hi!', offlineMessage: '' }, de: { greeting: 'Hallo!', offlineMessage: '' } },
  preChatForm: { enabled: false, askName: true, requireEmail: false, topics: [] },
  maxUploadBytes: 10_485_760,
  allowedUploadTypes: ['image/png', 'application/pdf'],
  missedAfterSeconds: 120,
  hasIdentitySecret: true,
  snippet: '<script src="https://help.example.com/widget.js" data-channel="cc-1" async></script>',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const DRAFT: ChatChannel = { ...SHOP, id: 'cc-2', name: 'Draft', active: false, teamId: null, allowedOrigins: [], availability: 'business_hours', calendarId: 'cal-1' };

function serve(channels: ChatChannel[], extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/chat-channels') return json(200, { data: channels });
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, { data: [{ id: 't-1', name: 'Sales', description: null, memberIds: [], calendarId: null, createdAt: '', updatedAt: '' }], nextCursor: null });
    if (call.method === 'GET' && call.path === '/api/v1/calendars') return json(200, { data: [{ id: 'cal-1', name: 'Office hours' }] });
    return undefined;
  });
}

/** The visible input of a Mantine TagsInput or Select (it may have a hidden twin with the same label). */
const field = (dialog: HTMLElement, label: RegExp | string) =>
  within(dialog).getAllByLabelText(label).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;

/** The channel dialog is large; driving it key by key takes a while on a busy machine. */
const DIALOG_TIMEOUT = 60_000;

/** Puts text into a field in one go (typing key by key re-renders the large dialog for every key). */
async function fill(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

describe('ChatChannelsPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists the channels with their websites, availability, team and state, or says there are none', async () => {
    serve([SHOP, DRAFT]);
    const { unmount } = renderWithProviders(<ChatChannelsPage />);
    const table = await screen.findByRole('table', { name: 'Chat channels' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Shop chat');
    expect(rows[0]).toHaveTextContent('https://shop.example.com');
    expect(rows[0]).toHaveTextContent('When agents are online');
    await waitFor(() => expect(rows[0]).toHaveTextContent('Sales'));
    expect(rows[1]).toHaveTextContent('None yet: the widget shows nowhere');
    expect(rows[1]).toHaveTextContent('Within business hours');
    expect(rows[1]).toHaveTextContent('Off');
    unmount();
    vi.unstubAllGlobals();
    serve([]);
    renderWithProviders(<ChatChannelsPage />);
    expect(await screen.findByText(/No chat channels yet/)).toBeInTheDocument();
  });

  it('creates a channel from the form and shows the snippet and the identity secret once', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => (call.method === 'POST' && call.path === '/api/v1/chat-channels' ? json(201, { ...SHOP, id: 'cc-9', name: 'Support', secret: 'sec_0123456789abcdef' }) : undefined));
    renderWithProviders(<ChatChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'New chat channel' }));
    const dialog = await screen.findByRole('dialog', { name: 'New chat channel' });

    await fill(user, within(dialog).getByRole('textbox', { name: /^Name/ }), 'Support');
    // A pasted page URL or a bare host becomes the origin.
    await user.type(field(dialog, /^Allowed websites/), 'www.example.com/a?b{Enter}');
    await user.type(field(dialog, /^Allowed websites/), 'http://shop.test{Enter}');
    await user.click(within(dialog).getByRole('switch', { name: /Ask visitors a few questions/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Email address required' }));
    await user.type(field(dialog, /^Topics/), 'Bills{Enter}Other{Enter}');
    await fill(user, within(dialog).getByRole('textbox', { name: /^Greeting/ }), 'Welcome to Example!');
    await user.click(within(dialog).getByRole('tab', { name: 'Deutsch' }));
    await fill(user, within(dialog).getByRole('textbox', { name: /^Greeting/ }), 'Willkommen!');
    const max = within(dialog).getByRole('textbox', { name: /^Largest file/ });
    await user.clear(max);
    await fill(user, max, '2.5');

    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Support',
      active: true,
      color: '#1c7ed6',
      teamId: null,
      calendarId: null,
      availability: 'agents_online',
      allowedOrigins: ['https://www.example.com', 'http://shop.test'],
      texts: { en: { greeting: 'Welcome to Example!', offlineMessage: '' }, de: { greeting: 'Willkommen!', offlineMessage: '' } },
      preChatForm: { enabled: true, askName: true, requireEmail: true, topics: ['Bills', 'Other'] },
      maxUploadBytes: 2_621_440,
      allowedUploadTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
      missedAfterSeconds: 120,
    });

    const ready = await screen.findByRole('dialog', { name: 'Chat channel Support' });
    expect(within(ready).getByTestId('chat-secret')).toHaveTextContent('sec_0123456789abcdef');
    expect(within(ready).getByTestId('chat-snippet')).toHaveTextContent('data-channel="cc-1"');
    expect(within(ready).getByRole('button', { name: 'Copy snippet' })).toBeInTheDocument();
    expect(within(ready).getByRole('button', { name: 'Copy identity secret' })).toBeInTheDocument();
  }, DIALOG_TIMEOUT);

  it('checks the form in the browser: a wrong website, business hours without a calendar, bad limits', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([]);
    renderWithProviders(<ChatChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'New chat channel' }));
    const dialog = await screen.findByRole('dialog', { name: 'New chat channel' });
    await user.type(field(dialog, /^Allowed websites/), 'ftp://a.de{Enter}');
    expect(await within(dialog).findByText('“ftp://a.de” is not a website origin such as https://www.example.com.')).toBeInTheDocument();

    await user.click(field(dialog, /^Offer live chat/));
    await user.click(await screen.findByRole('option', { name: 'Within business hours' }));
    const missed = within(dialog).getByRole('textbox', { name: /^Missed after/ });
    await user.clear(missed);
    await fill(user, missed, '5');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the business hours.')).toBeInTheDocument();
    expect(within(dialog).getByText('Whole seconds between 10 and 3600.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, DIALOG_TIMEOUT);

  it('edits with the settings filled in, and a new secret is shown once after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([SHOP], (call) => {
      if (call.method === 'PATCH') return json(200, SHOP);
      if (call.method === 'POST' && call.path === '/api/v1/chat-channels/cc-1/rotate-secret') return json(200, { secret: 'sec_rotated_9876' });
      return undefined;
    });
    renderWithProviders(<ChatChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Shop chat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit chat channel Shop chat' });
    expect(within(dialog).getByRole('textbox', { name: /^Greeting/ })).toHaveValue('Hi!');
    expect(within(dialog).getByText('https://shop.example.com')).toBeInTheDocument();
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await fill(user, name, 'Shop');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.path === '/api/v1/chat-channels/cc-1')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ name: 'Shop', allowedOrigins: SHOP.allowedOrigins, teamId: 't-1', maxUploadBytes: 10_485_760 });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /Edit chat channel/ })).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Create a new identity secret for Shop chat' }));
    const confirm = await screen.findByRole('dialog', { name: 'New secret' });
    await user.click(within(confirm).getByRole('button', { name: 'New secret' }));
    const shown = await screen.findByRole('dialog', { name: 'Chat channel Shop chat' });
    expect(within(shown).getByTestId('chat-secret')).toHaveTextContent('sec_rotated_9876');
  }, DIALOG_TIMEOUT);

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    serve([SHOP]);
    renderWithProviders(<ChatChannelsPage />);
    expect(await screen.findByRole('heading', { name: 'Chat-Kanäle' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Chat-Kanäle' });
    expect(table).toHaveTextContent('Wenn Mitarbeiter online sind');
    expect(screen.getByRole('button', { name: 'Snippet von Shop chat anzeigen' })).toBeInTheDocument();
  });
});

describe('normalizeOrigin', () => {
  it('keeps scheme, host and port of what an admin pastes', () => {
    expect(normalizeOrigin('HTTPS://Shop.Example.com/path?q=1')).toBe('https://shop.example.com');
    expect(normalizeOrigin('localhost:8080')).toBe('https://localhost:8080');
    expect(normalizeOrigin('http://127.0.0.1:5000/')).toBe('http://127.0.0.1:5000');
    expect(normalizeOrigin('ftp://example.com')).toBeNull();
    expect(normalizeOrigin('')).toBeNull();
  });
});
