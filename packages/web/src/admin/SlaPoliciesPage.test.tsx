import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { SlaPolicy } from '../api/types';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { SlaPoliciesPage } from './SlaPoliciesPage';

const VIP: SlaPolicy = {
  id: 'sla-1',
  name: 'VIP customers',
  active: true,
  position: 0,
  conditions: { priorities: ['urgent', 'high'], teamIds: ['t-1'], tags: ['vip'] },
  targets: { urgent: { first_reply: { minutes: 60, businessHours: true }, resolution: { minutes: 480, businessHours: false } } },
  warnBeforeMinutes: 15,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const STANDARD: SlaPolicy = { ...VIP, id: 'sla-2', name: 'Standard', position: 1, conditions: {}, targets: { normal: { first_reply: { minutes: 240, businessHours: true } } }, warnBeforeMinutes: 30 };
const FALLBACK: SlaPolicy = { ...STANDARD, id: 'sla-3', name: 'Fallback', position: 2, active: false, targets: {} };

function serve(policies: SlaPolicy[], extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/sla-policies') return json(200, { data: policies });
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, { data: [{ id: 't-1', name: 'Billing', description: null, memberIds: [], calendarId: null, createdAt: '', updatedAt: '' }], nextCursor: null });
    return undefined;
  });
}

/** The visible input of a Mantine MultiSelect or TagsInput (it has a hidden twin with the same label). */
const field = (dialog: HTMLElement, label: string) =>
  within(dialog).getAllByLabelText(label).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;
const cell = (dialog: HTMLElement, name: string) => within(dialog).getByRole('group', { name });

async function openNew(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New SLA policy' }));
  return screen.findByRole('dialog', { name: 'New SLA policy' });
}

describe('SlaPoliciesPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists the policies in order with conditions, targets and state, or says there are none', async () => {
    serve([VIP, STANDARD, FALLBACK]);
    const { unmount } = renderWithProviders(<SlaPoliciesPage />);
    const table = await screen.findByRole('table', { name: 'SLA policies' });
    expect(screen.getByRole('note')).toHaveTextContent('the first active policy in this list whose conditions match applies');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['VIP customers', 'Standard', 'Fallback']);
    await waitFor(() => expect(rows[0]).toHaveTextContent('Priority: Urgent, High · Team: Billing · Tags: vip'));
    expect(rows[0]).toHaveTextContent('Urgent: First reply 1 h, Resolution 8 h (24/7)');
    expect(rows[1]).toHaveTextContent('Every ticket');
    expect(rows[1]).toHaveTextContent('Normal: First reply 4 h');
    expect(rows[2]).toHaveTextContent('Inactive');
    expect(within(rows[0]!).getByRole('button', { name: 'Move VIP customers up' })).toBeDisabled();
    expect(within(rows[2]!).getByRole('button', { name: 'Move Fallback down' })).toBeDisabled();
    unmount();
    vi.unstubAllGlobals();
    serve([]);
    renderWithProviders(<SlaPoliciesPage />);
    expect(await screen.findByText(/No SLA policies yet/)).toBeInTheDocument();
  });

  it('sends the whole new order when a policy moves', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([VIP, STANDARD, FALLBACK], (call) =>
      call.method === 'PUT' && call.path === '/api/v1/sla-policies/order' ? json(200, { data: [VIP, FALLBACK, STANDARD] }) : undefined,
    );
    renderWithProviders(<SlaPoliciesPage />);
    await user.click(await screen.findByRole('button', { name: 'Move Fallback up' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ ids: ['sla-1', 'sla-3', 'sla-2'] }));
    const table = screen.getByRole('table', { name: 'SLA policies' });
    await waitFor(() => expect(within(table).getAllByRole('row')[2]).toHaveTextContent('Fallback'));

    await user.click(screen.getByRole('button', { name: 'Move VIP customers down' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')[1]?.body).toEqual({ ids: ['sla-3', 'sla-1', 'sla-2'] }));
  });

  it('sends the targets grid as minutes per priority and clock, with conditions and the warning time', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => (call.method === 'POST' ? json(201, VIP) : undefined));
    renderWithProviders(<SlaPoliciesPage />);
    const dialog = await openNew(user);
    expect(within(dialog).getByRole('textbox', { name: /^Warn before breach/ })).toHaveValue('30');

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Mail');
    await user.click(field(dialog, 'Priority'));
    await user.click(await screen.findByRole('option', { name: 'Urgent' }));

    const urgentFirst = cell(dialog, 'Urgent, First reply');
    await user.type(within(urgentFirst).getByRole('textbox', { name: 'Urgent, First reply: minutes' }), '30');
    const urgentResolution = cell(dialog, 'Urgent, Resolution');
    await user.type(within(urgentResolution).getByRole('textbox', { name: 'Urgent, Resolution: hours' }), '8');
    await user.click(within(urgentResolution).getByRole('checkbox', { name: 'Urgent, Resolution: business hours' }));
    const lowFirst = cell(dialog, 'Low, First reply');
    await user.type(within(lowFirst).getByRole('textbox', { name: 'Low, First reply: hours' }), '24');
    await user.type(within(lowFirst).getByRole('textbox', { name: 'Low, First reply: minutes' }), '15');
    await user.type(field(dialog, 'Tags'), 'vip,');
    await user.type(field(dialog, 'Customer tiers'), 'Enterprise,');
    const warn = within(dialog).getByRole('textbox', { name: /^Warn before breach/ });
    await user.clear(warn);
    await user.type(warn, '10');

    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/v1/sla-policies',
      body: {
        name: 'Mail',
        active: true,
        conditions: { priorities: ['urgent'], tags: ['vip'], tiers: ['Enterprise'] },
        targets: {
          low: { first_reply: { minutes: 1455, businessHours: true } },
          urgent: { first_reply: { minutes: 30, businessHours: true }, resolution: { minutes: 480, businessHours: false } },
        },
        warnBeforeMinutes: 10,
      },
    });
    expect(Object.keys((calls.find((c) => c.method === 'POST')!.body as { targets: object }).targets)).toEqual(['low', 'urgent']);
  });

  it('puts the server’s field error on the cell it belongs to', async () => {
    const user = userEvent.setup({ delay: null });
    serve([], (call) =>
      call.method === 'POST'
        ? json(400, {
            error: {
              code: 'validation_failed',
              message: 'invalid body',
              details: [{ path: 'body.targets.urgent.first_reply.minutes', message: 'Number must be less than or equal to 525600' }],
            },
          })
        : undefined,
    );
    renderWithProviders(<SlaPoliciesPage />);
    const dialog = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Any');
    await user.type(within(cell(dialog, 'Urgent, First reply')).getByRole('textbox', { name: 'Urgent, First reply: hours' }), '2');
    await user.type(within(cell(dialog, 'High, First reply')).getByRole('textbox', { name: 'High, First reply: hours' }), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const urgent = cell(dialog, 'Urgent, First reply');
    expect(await within(urgent).findByText('Number must be less than or equal to 525600')).toBeInTheDocument();
    expect(within(urgent).getByRole('textbox', { name: 'Urgent, First reply: hours' })).toHaveAttribute('aria-invalid', 'true');
    const high = cell(dialog, 'High, First reply');
    expect(within(high).getByRole('textbox', { name: 'High, First reply: hours' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(high).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks the cells in the browser before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([]);
    renderWithProviders(<SlaPoliciesPage />);
    const dialog = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Any');
    await user.type(within(cell(dialog, 'Normal, Next reply')).getByRole('textbox', { name: 'Normal, Next reply: hours' }), '1.5');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(cell(dialog, 'Normal, Next reply')).findByText('Enter whole hours and minutes.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('edits a policy with its targets filled in and deletes after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([VIP], (call) => (call.method === 'PATCH' ? json(200, VIP) : call.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined));
    renderWithProviders(<SlaPoliciesPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit VIP customers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit SLA policy VIP customers' });
    expect(within(dialog).getByRole('textbox', { name: 'Urgent, Resolution: hours' })).toHaveValue('8');
    expect(within(dialog).getByRole('checkbox', { name: 'Urgent, Resolution: business hours' })).not.toBeChecked();
    const hours = within(dialog).getByRole('textbox', { name: 'Urgent, First reply: hours' });
    await user.clear(hours);
    await user.clear(within(dialog).getByRole('textbox', { name: 'Urgent, First reply: minutes' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.path === '/api/v1/sla-policies/sla-1')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      name: 'VIP customers',
      active: true,
      conditions: { priorities: ['urgent', 'high'], teamIds: ['t-1'], tags: ['vip'] },
      targets: { urgent: { resolution: { minutes: 480, businessHours: false } } },
      warnBeforeMinutes: 15,
    });

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit SLA policy VIP customers' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Delete VIP customers' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/sla-policies/sla-1')).toBe(true));
  });

  it('speaks German', async () => {
    const user = userEvent.setup({ delay: null });
    await i18n.changeLanguage('de');
    serve([VIP]);
    renderWithProviders(<SlaPoliciesPage />);
    expect(await screen.findByRole('heading', { name: 'SLA-Richtlinien' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'SLA-Richtlinien' });
    expect(table).toHaveTextContent('Dringend: Erste Antwort 1 Std., Lösung 8 Std. (24/7)');
    expect(screen.getByRole('note')).toHaveTextContent('gilt die erste aktive Richtlinie');
    expect(screen.getByRole('button', { name: 'VIP customers nach unten verschieben' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Neue SLA-Richtlinie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue SLA-Richtlinie' });
    expect(within(dialog).getByRole('textbox', { name: 'Dringend, Regelmäßige Aktualisierung: Stunden' })).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'Niedrig, Lösung: Geschäftszeiten' })).toBeChecked();
  });
});
