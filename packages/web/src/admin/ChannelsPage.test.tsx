import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { ChannelTestResult, EmailChannel } from '../api/types';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { ChannelsPage } from './ChannelsPage';

const MB = 1024 * 1024;
const TEAM_ID = '5f0c1a52-8a43-4a8e-9b7e-2d4f6c1b9a10';
const CHANNEL: EmailChannel = {
  id: 'c-1',
  kind: 'email',
  name: 'Support',
  address: 'support@example.com',
  displayName: 'Example Support',
  active: true,
  teamId: TEAM_ID,
  calendarId: null,
  imap: { host: 'imap.example.com', port: 993, secure: true, user: 'support@example.com', mailbox: 'INBOX', deleteAfterImport: false, hasPassword: true },
  smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'support@example.com', hasPassword: true },
  autoAck: { enabled: false, subject: '[#{{number}}] Received', body: 'Thanks, your number is #{{number}}.' },
  dkim: { domain: 'example.com', selector: 'servus', hasPrivateKey: true },
  maxMessageBytes: 25 * MB,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const TEAMS = { data: [{ id: TEAM_ID, name: 'Billing', description: null, memberIds: [], createdAt: '', updatedAt: '' }], nextCursor: null };

/** The channel API: a list, the teams, and whatever `extra` answers on top. */
function serve(channels: EmailChannel[], extra: (call: Call) => Response | Promise<Response> | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/channels') return json(200, { data: channels });
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, TEAMS);
    return undefined;
  });
}

const input = (name: RegExp) => screen.getByRole('textbox', { name });

describe('ChannelsPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists the channels with their team and what they do', async () => {
    serve([CHANNEL]);
    renderWithProviders(<ChannelsPage />);
    const table = await screen.findByRole('table', { name: 'Email channels' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Support');
    expect(row).toHaveTextContent('support@example.com');
    await waitFor(() => expect(row).toHaveTextContent('Billing'));
    expect(row).toHaveTextContent('IMAP');
    expect(row).toHaveTextContent('DKIM');
  });

  it('checks the form in the browser and says what is missing on each field', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([]);
    renderWithProviders(<ChannelsPage />);
    expect(await screen.findByText('No email channels yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New channel' }));
    const dialog = await screen.findByRole('dialog', { name: 'New channel' });

    await user.type(within(dialog).getByRole('textbox', { name: /^Email address/ }), 'not-an-address');
    await user.type(within(dialog).getByRole('textbox', { name: /^IMAP server/ }), 'https://imap.example.com/');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('Please correct the marked fields.')).toBeInTheDocument();
    expect(input(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(input(/^Name/)).toHaveAccessibleDescription(expect.stringContaining('Required'));
    expect(input(/^Email address/)).toHaveAccessibleDescription(expect.stringContaining('Enter a valid email address.'));
    expect(input(/^IMAP server/)).toHaveAccessibleDescription(expect.stringContaining('without http://'));
    expect(input(/^IMAP user name/)).toHaveAttribute('aria-invalid', 'true');
    expect(input(/^SMTP server/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('sends a new channel and shows the server’s field errors on the right inputs', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) =>
      call.method === 'POST' && call.path === '/api/v1/channels'
        ? json(400, {
            error: {
              code: 'validation_failed',
              message: 'invalid body',
              details: [
                { path: 'body.imap.host', message: 'host does not resolve' },
                { path: 'body.smtp.port', message: 'port is blocked here' },
                { path: 'body.colour', message: 'unknown field' },
              ],
            },
          })
        : undefined,
    );
    renderWithProviders(<ChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'New channel' }));
    const dialog = await screen.findByRole('dialog', { name: 'New channel' });

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Support');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email address/ }), 'support@example.com');
    await user.type(within(dialog).getByRole('textbox', { name: /^IMAP server/ }), 'imap.example.com');
    await user.type(within(dialog).getByRole('textbox', { name: /^IMAP user name/ }), 'support');
    await user.type(within(dialog).getByLabelText(/^IMAP password/), 'imap-secret');
    await user.type(within(dialog).getByRole('textbox', { name: /^SMTP server/ }), 'smtp.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(input(/^IMAP server/)).toHaveAttribute('aria-invalid', 'true'));
    expect(input(/^IMAP server/)).toHaveAccessibleDescription(expect.stringContaining('host does not resolve'));
    expect(screen.getByRole('textbox', { name: /^SMTP port/ })).toHaveAccessibleDescription(expect.stringContaining('port is blocked here'));
    expect(input(/^SMTP server/)).not.toHaveAttribute('aria-invalid', 'true');
    expect(input(/^Name/)).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('colour: unknown field')).toBeInTheDocument();

    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['x-csrf-token']).toBe('csrf-1');
    expect(post?.body).toMatchObject({
      name: 'Support',
      address: 'support@example.com',
      active: true,
      teamId: null,
      imap: { host: 'imap.example.com', port: 993, secure: true, user: 'support', password: 'imap-secret', mailbox: 'INBOX', deleteAfterImport: false },
      smtp: { host: 'smtp.example.com', port: 587, secure: false },
      autoAck: { enabled: false },
      dkim: null,
      maxMessageBytes: 25 * MB,
    });
    expect(post?.body).not.toHaveProperty('smtp.password');
  });

  it('never shows stored secrets and keeps them unless a new one is typed', async () => {
    const user = userEvent.setup();
    const calls = serve([CHANNEL], (call) => (call.method === 'PATCH' ? json(200, CHANNEL) : undefined));
    renderWithProviders(<ChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Support' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit channel Support' });

    const imapPassword = within(dialog).getByLabelText(/^IMAP password/);
    const smtpPassword = within(dialog).getByLabelText(/^SMTP password/);
    const key = within(dialog).getByRole('textbox', { name: /^Private key/ });
    expect(imapPassword).toHaveValue('');
    expect(smtpPassword).toHaveValue('');
    expect(key).toHaveValue('');
    expect(imapPassword).toHaveAccessibleDescription('Stored — leave empty to keep it.');
    expect(key).toHaveAccessibleDescription(expect.stringContaining('A key is stored'));
    expect(within(dialog).getByRole('textbox', { name: /^IMAP server/ })).toHaveValue('imap.example.com');

    await user.type(smtpPassword, 'n3w-secret');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe('/api/v1/channels/c-1');
    expect(patch.body).not.toHaveProperty('imap.password');
    expect(patch.body).not.toHaveProperty('dkim.privateKey');
    expect(patch.body).not.toHaveProperty('maxMessageBytes');
    expect(patch.body).toMatchObject({ smtp: { host: 'smtp.example.com', password: 'n3w-secret' }, dkim: { domain: 'example.com', selector: 'servus' } });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows how mail reaches the channel: the address and the raw-upload URL', async () => {
    const user = userEvent.setup();
    serve([CHANNEL]);
    renderWithProviders(<ChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Support' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit channel Support' });
    expect(within(dialog).getByTestId('channel-upload-url')).toHaveTextContent(`${window.location.origin}/api/v1/channels/c-1/inbound`);
    expect(within(dialog).getByText(/Content-Type: message\/rfc822/, { selector: 'p' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy address' })).toBeInTheDocument();
  });

  it('tests the connection with a loading state and shows both results in the server’s words', async () => {
    const user = userEvent.setup();
    let finish: (r: Response) => void = () => {};
    const result: ChannelTestResult = {
      imap: { ok: true, message: 'Logged in as support@example.com', messages: 12 },
      smtp: { ok: false, message: '535 5.7.8 Authentication failed' },
    };
    const calls = serve([CHANNEL], (call) => (call.method === 'POST' && call.path === '/api/v1/channels/c-1/test' ? new Promise<Response>((resolve) => (finish = resolve)) : undefined));
    renderWithProviders(<ChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'Test connection of Support' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection test: Support' });
    expect(await within(dialog).findByText('Testing — this can take several seconds…')).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith('/test'))).toHaveLength(1);

    finish(json(200, result));
    const results = await within(dialog).findByRole('group', { name: 'Test results' });
    const imap = within(results).getByRole('status');
    expect(imap).toHaveTextContent('IMAP: connection works');
    expect(imap).toHaveTextContent('Logged in as support@example.com');
    expect(imap).toHaveTextContent('12 messages in the mailbox');
    expect(imap).toHaveAttribute('data-result', 'ok');
    const smtp = within(results).getByRole('alert');
    expect(smtp).toHaveTextContent('SMTP: connection failed');
    expect(smtp).toHaveTextContent('535 5.7.8 Authentication failed');
    expect(smtp).toHaveAttribute('data-result', 'failed');
  });

  it('offers to deactivate a channel that cannot be deleted because mail arrived on it', async () => {
    const user = userEvent.setup();
    const calls = serve([CHANNEL], (call) => {
      if (call.method === 'DELETE') return json(409, { error: { code: 'conflict', message: 'mail has arrived on this channel' } });
      if (call.method === 'PATCH') return json(200, { ...CHANNEL, active: false });
      return undefined;
    });
    renderWithProviders(<ChannelsPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete Support' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete' })).getByRole('button', { name: 'Delete' }));

    const conflict = await screen.findByRole('dialog', { name: 'Channel is in use' });
    expect(conflict).toHaveTextContent('cannot be deleted');
    await user.click(within(conflict).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ active: false }));
    expect(calls.find((c) => c.method === 'PATCH')?.path).toBe('/api/v1/channels/c-1');
  });

  it('speaks German', async () => {
    const user = userEvent.setup();
    await i18n.changeLanguage('de');
    serve([CHANNEL]);
    renderWithProviders(<ChannelsPage />);
    expect(await screen.findByRole('heading', { name: 'E-Mail-Kanäle' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Support bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kanal Support bearbeiten' });
    expect(within(dialog).getByLabelText(/^IMAP-Passwort/)).toHaveAccessibleDescription('Gespeichert – leer lassen, um es zu behalten.');
    expect(within(dialog).getByText(/zitiert nie den Text des Kunden/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Verbindung testen' })).toBeInTheDocument();
  });
});
