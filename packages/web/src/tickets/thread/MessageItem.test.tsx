import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Attachment, Message, MessageEmailInfo, PersonRef } from '../../api/types';
import i18n from '../../i18n';
import { json, renderWithProviders } from '../../test/render';
import { mockServer } from '../../test/server';
import { MessageItem } from './MessageItem';

const REQUESTER: PersonRef = { id: 'p-1', name: 'Anna Kunde', email: 'anna@example.org' };

const email = (over: Partial<MessageEmailInfo> = {}): MessageEmailInfo => ({
  from: { name: 'Anna Kunde', address: 'anna@example.org' },
  to: ['support@example.com'],
  cc: [],
  messageId: '<m1@example.org>',
  auth: { spf: 'pass', dkim: 'pass', dmarc: 'pass', aligned: true },
  automated: false,
  bounce: null,
  hasRemoteImages: false,
  relatedTicket: null,
  delivery: null,
  ...over,
});

const attachment = (over: Partial<Attachment>): Attachment => ({
  id: 'a-1',
  filename: 'file.pdf',
  contentType: 'application/pdf',
  size: 1000,
  url: '/api/v1/attachments/a-1',
  contentId: null,
  inline: false,
  createdAt: '2026-03-01T10:00:00Z',
  ...over,
});

const message = (over: Partial<Message> = {}): Message => ({
  id: 'm-1',
  ticketId: 't-1',
  kind: 'public',
  author: { kind: 'contact', id: 'p-1' },
  text: 'Hello, my printer is broken.',
  html: '',
  source: 'email',
  attachments: [],
  email: email(),
  createdAt: '2026-03-01T10:00:00Z',
  ...over,
});

function render(msg: Message) {
  mockServer((call) => (call.path === '/api/v1/agents' ? json(200, { data: [], nextCursor: null }) : undefined));
  return renderWithProviders(<MessageItem message={msg} requester={REQUESTER} />);
}

describe('MessageItem mail header', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows sender and recipients, collapsing a long Cc list', async () => {
    const user = userEvent.setup();
    render(message({ email: email({ cc: ['b@x.example', 'c@x.example', 'd@x.example', 'e@x.example', 'f@x.example'] }) }));
    const header = screen.getByTestId('mail-header');
    expect(header).toHaveTextContent('From: Anna Kunde <anna@example.org>');
    expect(header).toHaveTextContent('To: support@example.com');
    expect(header).toHaveTextContent('Cc: b@x.example, c@x.example, d@x.example');
    expect(header).not.toHaveTextContent('f@x.example');

    await user.click(within(header).getByRole('button', { name: '+2 more' }));
    expect(header).toHaveTextContent('f@x.example');
    expect(within(header).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('warns about an unverified sender with the SPF, DKIM and DMARC results', () => {
    render(message({ email: email({ auth: { spf: 'fail', dkim: 'none', dmarc: 'fail', aligned: false } }) }));
    const warning = screen.getByTestId('auth-warning');
    expect(warning).toHaveTextContent('Sender not verified');
    expect(warning).toHaveTextContent('SPF: fail · DKIM: none · DMARC: fail');
  });

  it('marks a verified sender only subtly', () => {
    render(message());
    expect(screen.queryByText('Sender not verified')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Sender verified (SPF: pass · DKIM: pass · DMARC: pass)')).toBeInTheDocument();
  });

  it('explains a mail that referred to a ticket the sender is not part of, with a link to it', () => {
    render(message({ email: email({ relatedTicket: { id: 't-41', number: 41 } }) }));
    expect(screen.getByText(/but the sender is not involved there; it was therefore opened as a new ticket/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '#41' })).toHaveAttribute('href', '/tickets/t-41');
  });

  it('shows automated mail, bounces and the delivery state of outbound mail', () => {
    const { unmount } = render(message({ email: email({ automated: true, bounce: { recipient: 'gone@example.org', status: '5.1.1', action: 'failed' } }) }));
    expect(screen.getByText('Automated')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Undeliverable: gone@example.org (5.1.1)');
    unmount();

    render(message({ author: { kind: 'agent', id: 'ag-1' }, email: email({ auth: null, delivery: { status: 'failed', lastError: '550 mailbox unavailable' } }) }));
    expect(screen.getByText('Delivery failed')).toBeInTheDocument();
    expect(screen.getByText('Delivery error: 550 mailbox unavailable')).toBeInTheDocument();
  });

  it('renders header values as text, never as HTML', () => {
    const { container } = render(message({ email: email({ from: { name: '<img src=x onerror=alert(1)>Eve', address: 'eve@example.net' }, to: ['<b>bold</b>@example.com'] }) }));
    expect(screen.getByTestId('mail-header')).toHaveTextContent('From: <img src=x onerror=alert(1)>Eve <eve@example.net>');
    expect(container.querySelector('[data-testid="mail-header"] img, [data-testid="mail-header"] b')).toBeNull();
  });

  it('does not list inline images the mail shows in its body', () => {
    const logo = attachment({ id: 'a-logo', filename: 'logo.png', contentType: 'image/png', contentId: '<logo@x>', inline: true, url: '/api/v1/attachments/a-logo' });
    const stray = attachment({ id: 'a-stray', filename: 'unused.png', contentType: 'image/png', contentId: '<unused@x>', inline: true });
    const pdf = attachment({ id: 'a-pdf', filename: 'invoice.pdf' });
    render(message({ html: '<p>See <img src="cid:logo@x"></p>', attachments: [logo, stray, pdf] }));
    const list = screen.getByRole('list', { name: 'Attachments' });
    expect(within(list).queryByText('logo.png')).not.toBeInTheDocument();
    expect(within(list).getByText('unused.png')).toBeInTheDocument();
    expect(within(list).getByText('invoice.pdf')).toBeInTheDocument();
  });

  it('leaves messages that did not come by email as they were', () => {
    render(message({ email: null, source: 'web' }));
    expect(screen.queryByTestId('mail-header')).not.toBeInTheDocument();
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    render(message({ email: email({ auth: { spf: 'fail', dkim: 'fail', dmarc: 'fail', aligned: false }, automated: true, relatedTicket: { id: 't-41', number: 41 }, bounce: { recipient: 'weg@example.org', status: '5.1.1', action: 'failed' } }) }));
    expect(screen.getByTestId('auth-warning')).toHaveTextContent('Absender nicht verifiziert');
    expect(screen.getByText('Automatisch')).toBeInTheDocument();
    expect(screen.getByText('Unzustellbar: weg@example.org (5.1.1)')).toBeInTheDocument();
    const related = screen.getByRole('link', { name: '#41' }).closest('p');
    expect(related).toHaveTextContent('Diese E-Mail bezog sich auf Ticket #41, der Absender ist dort aber nicht beteiligt; sie wurde deshalb als neues Ticket angelegt.');
  });
});

describe('MessageItem author', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('names the answer bot on its chat messages, and other automation as such', async () => {
    const bot = render(message({ author: { kind: 'automation', id: null }, source: 'bot', email: null, text: 'Öffnen Sie die Klappe.' }));
    expect(screen.getByText('Answer bot')).toBeInTheDocument();
    await i18n.changeLanguage('de');
    expect(await screen.findByText('Antwort-Bot')).toBeInTheDocument();
    bot.unmount();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
    render(message({ id: 'm-2', author: { kind: 'automation', id: null }, source: 'web', email: null }));
    expect(screen.getByText('Automation')).toBeInTheDocument();
    expect(screen.queryByText('Answer bot')).not.toBeInTheDocument();
  });
});
