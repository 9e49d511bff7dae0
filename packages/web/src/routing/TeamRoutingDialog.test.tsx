import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { TeamRouting } from '../api/routing';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { TeamRoutingCell } from './TeamRoutingCell';

const TEAM = { id: 't-1', name: 'Billing' };
const MANUAL: TeamRouting = { teamId: 't-1', mode: 'manual', skillFields: [], requeueOnOffline: false, escalationTier: null, queued: 3, updatedAt: null };
const FIELDS = [
  { id: 'f-1', key: 'product', label: 'Product', kind: 'select', options: ['shop'], required: false, active: true, position: 0 },
  { id: 'f-2', key: 'legacy', label: 'Legacy', kind: 'text', options: [], required: false, active: false, position: 1 },
];

function serve(routing: TeamRouting, answer: (call: Call) => Response | undefined = () => undefined) {
  let current = routing;
  return mockServer((call) => {
    const a = answer(call);
    if (a) return a;
    if (call.method === 'GET' && call.path === '/api/v1/routing/teams') return json(200, { data: [current] });
    if (call.method === 'GET' && call.path === '/api/v1/ticket-fields') return json(200, { data: FIELDS, nextCursor: null });
    if (call.method === 'PATCH' && call.path === '/api/v1/teams/t-1/routing') {
      current = { ...current, ...(call.body as object) };
      return json(200, current);
    }
    return undefined;
  });
}

/** The visible input of a Mantine MultiSelect or Select (it has a hidden twin with the same label). */
const input = (dialog: HTMLElement, label: string) =>
  within(dialog).getAllByLabelText(label).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;

/** The open dialog, checked by its title (a role query by name is slow in a large document). */
async function dialogNamed(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toHaveAccessibleName(title);
  return dialog;
}
/** A button by its visible label (cheaper than a role query in a large dialog). */
const button = (el: HTMLElement, label: string) => within(el).getByText(label, { selector: 'button, button *' }).closest('button')!;

describe('team routing form', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('shows mode, tier and queue in the list, and saves mode, skill fields and hand-back', async () => {
    const calls = serve(MANUAL);
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<TeamRoutingCell team={TEAM} />);
    expect(await screen.findByText('3 waiting')).toBeInTheDocument();
    expect(screen.getByText('Manual')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Routing for Billing'));
    const dialog = await dialogNamed('Routing for Billing');
    expect(within(dialog).getByLabelText('Manual')).toBeChecked();
    expect(input(dialog, 'Skills from ticket fields')).toBeDisabled();
    expect(within(dialog).getByLabelText(/Return new unanswered tickets/)).toBeDisabled();

    await user.click(within(dialog).getByLabelText('Load-balanced'));
    expect(input(dialog, 'Skills from ticket fields')).toBeEnabled();
    await user.click(input(dialog, 'Skills from ticket fields'));
    const list = (await screen.findByText('Field: Product')).closest('[role="listbox"]')!;
    expect([...list.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual(['Ticket type', 'Priority', 'Channel', 'Customer’s language', 'Field: Product']);
    await user.click(screen.getByText('Customer’s language'));
    await user.click(screen.getByText('Field: Product'));
    await user.click(within(dialog).getByLabelText(/Return new unanswered tickets/));
    await user.click(button(dialog, 'Save'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ mode: 'load_balanced', skillFields: ['language', 'custom.product'], requeueOnOffline: true, escalationTier: null });
    expect(await screen.findByText('Load-balanced')).toBeInTheDocument();
  });

  it('sets the escalation tier; the server’s complaint lands on its field and the dialog stays open', async () => {
    const calls = serve({ ...MANUAL, mode: 'round_robin', skillFields: ['custom.product'], escalationTier: 1 }, (call) =>
      call.method === 'PATCH' ? json(400, { error: { code: 'validation_failed', message: 'unknown custom fields', details: [{ path: 'body.skillFields', message: 'no custom field product' }] } }) : undefined,
    );
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<TeamRoutingCell team={TEAM} />);
    expect(await screen.findByText('Tier 1')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Routing for Billing'));
    const dialog = await dialogNamed('Routing for Billing');
    expect(within(dialog).getByLabelText('Round robin')).toBeChecked();
    expect(input(dialog, 'Escalation tier')).toHaveValue('Tier 1');
    await user.click(input(dialog, 'Escalation tier'));
    await user.click(await screen.findByText('Tier 2'));
    await user.click(button(dialog, 'Save'));
    expect(await within(dialog).findByText('no custom field product')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ mode: 'round_robin', skillFields: ['custom.product'], requeueOnOffline: false, escalationTier: 2 });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
