import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Webhook, WebhookDelivery, WebhookDeliveryDetail } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { WebhooksPage } from './WebhooksPage';

const CRM: Webhook = {
  id: 'wh-1',
  name: 'CRM sync',
  url: 'https://crm.example.com/hooks/servus',
  description: 'Pushes new tickets to the CRM',
  active: true,
  events: ['ticket.created', 'message.created'],
  hasSecret: true,
  secretCreatedAt: '2026-03-01T09:00:00Z',
  previousSecretExpiresAt: null,
  lastDelivery: { id: 'd-2', status: 'failed', createdAt: '2026-03-02T08:00:00Z', responseStatus: 503, errorClass: 'http_status' },
  createdAt: '2026-03-01T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
};
const SILENT: Webhook = { ...CRM, id: 'wh-2', name: 'Billing', url: 'https://billing.example.com/in', description: '', active: false, events: [], lastDelivery: null };

const DELIVERED: WebhookDelivery = {
  id: 'd-1',
  webhookId: 'wh-1',
  eventId: 'ev-1',
  event: 'ticket.created',
  source: 'event',
  ticketId: 't-1',
  ruleId: null,
  redeliveryOf: null,
  status: 'delivered',
  attempts: 1,
  maxAttempts: 6,
  nextAttemptAt: null,
  lastAttemptAt: '2026-03-02T07:00:00Z',
  deliveredAt: '2026-03-02T07:00:00Z',
  responseStatus: 200,
  durationMs: 87,
  errorClass: null,
  errorMessage: null,
  createdAt: '2026-03-02T07:00:00Z',
};
const RETRYING: WebhookDelivery = {
  ...DELIVERED,
  id: 'd-2',
  eventId: 'ev-2',
  event: 'ticket.escalated',
  source: 'trigger',
  status: 'pending',
  attempts: 2,
  nextAttemptAt: '2099-01-01T00:00:00Z',
  deliveredAt: null,
  responseStatus: null,
  durationMs: 15000,
  errorClass: 'timeout',
  errorMessage: 'no complete answer within 15 s',
  createdAt: '2026-03-02T08:00:00Z',
};
const FAILED: WebhookDelivery = { ...RETRYING, id: 'd-3', status: 'failed', attempts: 1, maxAttempts: 1, responseStatus: 404, errorClass: 'http_status', errorMessage: 'the receiver answered 404', durationMs: 40, nextAttemptAt: null, createdAt: '2026-03-02T09:00:00Z' };

/** Replaces a field's text in one paste instead of key by key. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

function serve(webhooks: Webhook[], extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/webhooks') return json(200, { data: webhooks });
    if (call.method === 'GET' && call.path === '/api/v1/webhook-settings') return json(200, { allowedHosts: ['hooks.intranet.example'] });
    return undefined;
  });
}

describe('WebhooksPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists webhooks with what calls them, their state and last delivery, or says there are none', async () => {
    serve([CRM, SILENT]);
    const { unmount } = renderWithProviders(<WebhooksPage />);
    const table = await screen.findByRole('table', { name: 'Webhooks' });
    const [crm, billing] = within(table).getAllByRole('row').slice(1);
    expect(crm).toHaveTextContent('CRM sync');
    expect(crm).toHaveTextContent('https://crm.example.com/hooks/servus');
    expect(crm).toHaveTextContent('Ticket created');
    expect(crm).toHaveTextContent('Message added');
    expect(crm).toHaveTextContent('Trigger actions');
    expect(crm).toHaveTextContent('Active');
    expect(crm).toHaveTextContent('Failed');
    expect(billing).toHaveTextContent('Off');
    expect(billing).toHaveTextContent('Nothing sent yet');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Internal receivers' })).toHaveTextContent('hooks.intranet.example'));
    unmount();
    vi.unstubAllGlobals();
    serve([]);
    renderWithProviders(<WebhooksPage />);
    expect(await screen.findByText(/No webhooks yet/)).toBeInTheDocument();
  });

  it('creates a webhook and shows its signing secret once', async () => {
    const user = userEvent.setup({ delay: null });
    const created: Webhook = { ...SILENT, id: 'wh-9', name: 'Data lake', url: 'https://lake.example.com/in', active: true, events: ['ticket.updated'] };
    const calls = serve([], (call) => (call.method === 'POST' && call.path === '/api/v1/webhooks' ? json(201, { webhook: created, secret: 'whsec_shown_only_once_123' }) : undefined));
    renderWithProviders(<WebhooksPage />);
    await user.click(await screen.findByRole('button', { name: 'New webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'New webhook' });
    await fill(user, within(dialog).getByRole('textbox', { name: /^Name/ }), 'Data lake');
    await fill(user, within(dialog).getByRole('textbox', { name: /^URL/ }), 'https://lake.example.com/in');
    await user.click(within(dialog).getByRole('checkbox', { name: /Ticket changed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Data lake', url: 'https://lake.example.com/in', description: '', active: true, events: ['ticket.updated'] });
    const secret = await screen.findByTestId('webhook-secret');
    expect(secret).toHaveTextContent('whsec_shown_only_once_123');
    const alert = secret.closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Signing secret of “Data lake”');
    expect(alert).toHaveTextContent('shown only this once');
    expect(within(alert).getByRole('button', { name: 'Copy signing secret' })).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByText('whsec_shown_only_once_123')).not.toBeInTheDocument();
  });

  it('checks the URL in the browser and shows the server’s reason on the field', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) =>
      call.method === 'POST' && call.path === '/api/v1/webhooks'
        ? json(400, { error: { code: 'validation_failed', message: 'this URL cannot be called', details: [{ path: 'body.url', message: 'intranet.example.com resolves to 10.0.0.5, a private address' }] } })
        : undefined,
    );
    renderWithProviders(<WebhooksPage />);
    await user.click(await screen.findByRole('button', { name: 'New webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'New webhook' });
    await fill(user, within(dialog).getByRole('textbox', { name: /^Name/ }), 'Intranet');
    const url = within(dialog).getByRole('textbox', { name: /^URL/ });
    await fill(user, url, 'ftp://files.example.com/');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Only http and https URLs can be called.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await fill(user, url, 'https://intranet.example.com/hook');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('intranet.example.com resolves to 10.0.0.5, a private address')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the delivery log with attempts, results and durations, its payload, and redelivers', async () => {
    const user = userEvent.setup({ delay: null });
    const detail: WebhookDeliveryDetail = {
      ...FAILED,
      payload: { id: 'ev-2', event: 'ticket.escalated', createdAt: '2026-03-02T09:00:00Z', data: { ticketNumber: 4711 } },
      attemptLog: [{ at: '2026-03-02T09:00:00Z', url: CRM.url, responseStatus: 404, durationMs: 40, errorClass: 'http_status', errorMessage: 'the receiver answered 404' }],
    };
    const calls = serve([CRM], (call) => {
      if (call.method === 'GET' && call.path === '/api/v1/webhooks/wh-1/deliveries') {
        const all = [FAILED, RETRYING, DELIVERED];
        const status = call.query.get('status');
        return json(200, { data: status ? all.filter((d) => d.status === status) : all, nextCursor: null });
      }
      if (call.method === 'GET' && call.path === '/api/v1/webhook-deliveries/d-3') return json(200, detail);
      if (call.method === 'POST' && call.path === '/api/v1/webhook-deliveries/d-3/redeliver') return json(202, { ...FAILED, id: 'd-4', status: 'pending', source: 'redelivery', redeliveryOf: 'd-3', attempts: 0 });
      return undefined;
    });
    renderWithProviders(<WebhooksPage />);
    await user.click(await screen.findByRole('button', { name: 'Deliveries of CRM sync' }));
    const log = await screen.findByRole('table', { name: 'Deliveries of “CRM sync”' });
    const [failed, retrying, delivered] = within(log).getAllByRole('row').slice(1);
    expect(failed).toHaveTextContent('ticket.escalated');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('404');
    expect(failed).toHaveTextContent('1 of 1');
    expect(retrying).toHaveTextContent('Pending');
    expect(retrying).toHaveTextContent('2 of 6');
    expect(retrying).toHaveTextContent('Timeout');
    expect(retrying).toHaveTextContent('no complete answer within 15 s');
    expect(retrying).toHaveTextContent(/next attempt/);
    expect(within(retrying).queryByRole('button', { name: /^Redeliver/ })).not.toBeInTheDocument();
    expect(delivered).toHaveTextContent('Delivered');
    expect(delivered).toHaveTextContent('200');
    expect(delivered).toHaveTextContent('87 ms');
    expect(delivered).toHaveTextContent('Event');
    expect(retrying).toHaveTextContent('Trigger');

    await user.click(within(failed).getByRole('button', { name: /^Details of ticket.escalated/ }));
    const payload = await screen.findByLabelText('Payload');
    expect(payload).toHaveTextContent('"ticketNumber": 4711');
    const attempts = screen.getByRole('table', { name: 'Attempts' });
    expect(attempts).toHaveTextContent('404');
    expect(attempts).toHaveTextContent('40 ms');
    expect(attempts).toHaveTextContent(CRM.url);

    await user.click(within(failed).getByRole('button', { name: /^Redeliver ticket.escalated/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/webhook-deliveries/d-3/redeliver')).toBe(true));

    const filter = screen.getByRole('radiogroup', { name: 'Show deliveries' });
    await user.click(within(filter).getByRole('radio', { name: 'Delivered' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/webhooks/wh-1/deliveries' && c.query.get('status') === 'delivered')).toBe(true));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Deliveries of “CRM sync”' })).getAllByRole('row')).toHaveLength(2));
  });

  it('sends a test event and rotates the secret after asking, showing the new one once', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([CRM], (call) => {
      if (call.method === 'POST' && call.path === '/api/v1/webhooks/wh-1/test') return json(202, { ...DELIVERED, id: 'd-9', event: 'webhook.test', source: 'test', status: 'pending', attempts: 0, maxAttempts: 1 });
      if (call.method === 'GET' && call.path === '/api/v1/webhooks/wh-1/deliveries') return json(200, { data: [], nextCursor: null });
      if (call.method === 'POST' && call.path === '/api/v1/webhooks/wh-1/rotate-secret') return json(200, { webhook: { ...CRM, previousSecretExpiresAt: '2026-03-03T09:00:00Z' }, secret: 'whsec_rotated_456' });
      return undefined;
    });
    renderWithProviders(<WebhooksPage />);
    await user.click(await screen.findByRole('button', { name: 'Send a test event to CRM sync' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/webhooks/wh-1/test')).toBe(true));
    expect(await screen.findByRole('dialog', { name: 'Deliveries of “CRM sync”' })).toHaveTextContent('Nothing has been sent to this webhook yet.');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Deliveries of “CRM sync”' })).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Rotate the signing secret of CRM sync' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rotate secret' });
    expect(confirm).toHaveTextContent('keeps signing alongside it for 24 hours');
    await user.click(within(confirm).getByRole('button', { name: 'Rotate secret' }));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/webhooks/wh-1/rotate-secret')?.body).toEqual({ keepPreviousForHours: 24 }));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('whsec_rotated_456');
    expect(screen.getByText('New signing secret of “CRM sync”')).toBeInTheDocument();
  });

  it('saves the allowed internal hosts', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => (call.method === 'PUT' ? json(200, { allowedHosts: ['hooks.intranet.example', '10.0.0.5'] }) : undefined));
    renderWithProviders(<WebhooksPage />);
    const section = await screen.findByRole('region', { name: 'Internal receivers' });
    await waitFor(() => expect(section).toHaveTextContent('hooks.intranet.example'));
    const input = within(section).getAllByLabelText(/Allowed hosts/).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;
    await user.type(input, '10.0.0.5{enter}');
    await user.click(screen.getByRole('button', { name: 'Save hosts' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ allowedHosts: ['hooks.intranet.example', '10.0.0.5'] }));
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    serve([CRM]);
    renderWithProviders(<WebhooksPage />);
    const table = await screen.findByRole('table', { name: 'Webhooks' });
    expect(table).toHaveTextContent('Ticket erstellt');
    expect(table).toHaveTextContent('Fehlgeschlagen');
    expect(screen.getByRole('button', { name: 'Neuer Webhook' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Signaturschlüssel von CRM sync erneuern' })).toBeInTheDocument();
    expect(screen.getByText('Interne Empfänger')).toBeInTheDocument();
  });
});
