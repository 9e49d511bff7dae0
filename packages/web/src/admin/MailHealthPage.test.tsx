import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { ChannelMailHealth, InboundMail, MailHealth, OutboundMail } from '../api/types';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { MailHealthPage } from './MailHealthPage';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const SUPPORT: ChannelMailHealth = {
  channelId: 'c-1',
  name: 'Support',
  address: 'support@example.com',
  active: true,
  imapConfigured: true,
  lastFetchAt: minutesAgo(42),
  lastError: 'IMAP login failed: AUTHENTICATIONFAILED',
  lastErrorAt: minutesAgo(5),
  stale: true,
  backlog: 4,
  failed: 2,
  quarantined: 3,
  outboundQueued: 1,
  outboundFailed: 5,
  loopWarnings: 2,
  lastLoopAt: minutesAgo(90),
};
const SALES: ChannelMailHealth = { ...SUPPORT, channelId: 'c-2', name: 'Sales', address: 'sales@example.com', lastError: null, lastErrorAt: null, stale: false, lastFetchAt: minutesAgo(1), backlog: 0, failed: 0, quarantined: 0, outboundQueued: 0, outboundFailed: 0, loopWarnings: 0, lastLoopAt: null };

const inbound = (over: Partial<InboundMail>): InboundMail => ({
  id: 'in-1',
  channelId: 'c-1',
  source: 'imap',
  status: 'quarantined',
  reason: 'sender_blocked',
  detail: 'The sender domain is on the block list.',
  attempts: 1,
  messageId: '<abc@example.net>',
  subject: 'Invoice overdue',
  from: 'mallory@example.net',
  size: 2048,
  ticketId: null,
  ticketNumber: null,
  receivedAt: minutesAgo(30),
  processedAt: null,
  ...over,
});

const FAILED_OUT: OutboundMail = {
  id: 'out-1',
  channelId: 'c-1',
  ticketId: 't-7',
  kind: 'reply',
  to: ['anna@example.org'],
  cc: [],
  subject: 'Re: Printer',
  messageId: '<x@servus>',
  status: 'failed',
  attempts: 5,
  lastError: '550 mailbox unavailable',
  createdAt: minutesAgo(60),
  sentAt: null,
};

/** The mail API: health, inbound by status (two pages of quarantine), failed outbound, reprocess and retry. */
function serve(health: MailHealth, opts: { inbound?: Record<string, InboundMail[][]>; outbound?: OutboundMail[] } = {}) {
  return mockServer((call: Call) => {
    if (call.path === '/api/v1/mail/health') return json(200, health);
    if (call.method === 'GET' && call.path === '/api/v1/mail/inbound') {
      const pages = opts.inbound?.[call.query.get('status') ?? ''] ?? [[]];
      const page = Number(call.query.get('cursor') ?? 0);
      return json(200, { data: pages[page] ?? [], nextCursor: page + 1 < pages.length ? String(page + 1) : null });
    }
    if (call.method === 'GET' && call.path === '/api/v1/mail/outbound') return json(200, { data: opts.outbound ?? [], nextCursor: null });
    const reprocess = /^\/api\/v1\/mail\/inbound\/([^/]+)\/reprocess$/.exec(call.path);
    if (call.method === 'POST' && reprocess) return json(200, inbound({ id: reprocess[1], status: 'processed', ticketId: 't-9', ticketNumber: 9, reason: null, detail: null }));
    if (call.method === 'POST' && call.path === '/api/v1/mail/outbound/out-1/retry') return json(200, { ...FAILED_OUT, status: 'queued' });
    return undefined;
  });
}

describe('MailHealthPage', () => {
  beforeEach(() => setCsrfToken('csrf-9'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('shows each channel with the stale badge, its counts, last error and loop warning', async () => {
    serve({ channels: [SUPPORT, SALES] }, { inbound: { quarantined: [[inbound({})]] } });
    renderWithProviders(<MailHealthPage />);

    const support = await screen.findByRole('region', { name: 'Support' });
    expect(within(support).getByText('Stale')).toBeInTheDocument();
    expect(within(support).getByText('Last fetch:').parentElement).toHaveTextContent(/Last fetch: 42 min\. ago/);
    const count = (label: string) => within(support).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(count('Waiting')).toHaveTextContent('4');
    expect(count('Failed')).toHaveTextContent('2');
    expect(count('Quarantined')).toHaveTextContent('3');
    expect(count('Outgoing queued')).toHaveTextContent('1');
    expect(count('Outgoing failed')).toHaveTextContent('5');
    expect(within(support).getByText('IMAP login failed: AUTHENTICATIONFAILED')).toBeInTheDocument();
    expect(within(support).getByText('Own email came back – forwarding loop?')).toBeInTheDocument();

    const sales = screen.getByRole('region', { name: 'Sales' });
    expect(within(sales).queryByText('Stale')).not.toBeInTheDocument();
    expect(within(sales).queryByText(/forwarding loop/)).not.toBeInTheDocument();
  });

  it('lists quarantined mail first, as text, with reason, raw download and more pages', async () => {
    const user = userEvent.setup();
    const calls = serve(
      { channels: [SUPPORT] },
      {
        inbound: {
          quarantined: [
            [inbound({ subject: '<img src=x onerror="alert(1)">Invoice <b>overdue</b>', from: '"Mallory" <mallory@example.net>' })],
            [inbound({ id: 'in-2', subject: 'Second page', ticketId: 't-3', ticketNumber: 3 })],
          ],
        },
      },
    );
    renderWithProviders(<MailHealthPage />);

    const table = await screen.findByRole('table', { name: 'Incoming mail: Quarantine' });
    expect(screen.getByRole('tab', { name: 'Quarantine' })).toHaveAttribute('aria-selected', 'true');
    expect(calls.find((c) => c.path === '/api/v1/mail/inbound')?.query.get('status')).toBe('quarantined');
    expect(within(table).getByText('<img src=x onerror="alert(1)">Invoice <b>overdue</b>')).toBeInTheDocument();
    expect(table.querySelector('img, b')).toBeNull();
    expect(within(table).getByText('"Mallory" <mallory@example.net>')).toBeInTheDocument();
    expect(within(table).getByText('sender_blocked')).toBeInTheDocument();
    expect(within(table).getByText('The sender domain is on the block list.')).toBeInTheDocument();
    expect(within(table).getAllByRole('link', { name: /Download the original message/ })[0]).toHaveAttribute('href', '/api/v1/mail/inbound/in-1/raw');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('Second page')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: '#3' })).toHaveAttribute('href', '/tickets/t-3');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('reprocesses a message after asking', async () => {
    const user = userEvent.setup();
    const calls = serve({ channels: [SUPPORT] }, { inbound: { quarantined: [[inbound({})]] } });
    renderWithProviders(<MailHealthPage />);

    await user.click(await screen.findByRole('button', { name: 'Reprocess “Invoice overdue”' }));
    const confirm = await screen.findByRole('dialog', { name: 'Reprocess' });
    expect(confirm).toHaveTextContent('Process “Invoice overdue” again?');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Reprocess' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/mail/inbound/in-1/reprocess')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.headers['x-csrf-token']).toBe('csrf-9');
    // The lists and counts are fetched again afterwards.
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/mail/health').length).toBeGreaterThan(1));
  });

  it('switches the status and says when nothing is there', async () => {
    const user = userEvent.setup();
    const calls = serve({ channels: [SUPPORT] }, { inbound: { quarantined: [[]], failed: [[inbound({ id: 'in-5', status: 'failed', reason: 'parse_error', detail: 'bad MIME boundary', attempts: 3 })]] } });
    renderWithProviders(<MailHealthPage />);
    expect(await screen.findByText('No messages in quarantine')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Failed' }));
    const table = await screen.findByRole('table', { name: 'Incoming mail: Failed' });
    expect(within(table).getByText('parse_error')).toBeInTheDocument();
    expect(within(table).getByText('bad MIME boundary')).toBeInTheDocument();
    expect(calls.at(-1)?.query.get('status')).toBe('failed');
  });

  it('retries failed outgoing mail', async () => {
    const user = userEvent.setup();
    const calls = serve({ channels: [SUPPORT] }, { outbound: [FAILED_OUT] });
    renderWithProviders(<MailHealthPage />);
    const table = await screen.findByRole('table', { name: 'Failed outgoing mail' });
    expect(within(table).getByText('550 mailbox unavailable')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/mail/outbound')?.query.get('status')).toBe('failed');

    await user.click(within(table).getByRole('button', { name: 'Retry sending “Re: Printer”' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/mail/outbound/out-1/retry')).toBe(true));
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    serve({ channels: [SUPPORT] }, { inbound: { quarantined: [[]] } });
    renderWithProviders(<MailHealthPage />);
    const support = await screen.findByRole('region', { name: 'Support' });
    expect(within(support).getByText('Veraltet')).toBeInTheDocument();
    expect(within(support).getByText('Eigene E-Mail kam zurück – Weiterleitungsschleife?')).toBeInTheDocument();
    expect(within(support).getByText('In Quarantäne', { selector: 'dt' })).toBeInTheDocument();
    expect(await screen.findByText('Keine Nachrichten in Quarantäne')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Mail-Zustand' })).toBeInTheDocument();
  });
});
