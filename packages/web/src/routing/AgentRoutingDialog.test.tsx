import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { AgentRouting } from '../api/routing';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { AgentRoutingCell } from './AgentRoutingCell';

/** The visible input with a label (Mantine renders hidden twins for some inputs). */
const input = (dialog: HTMLElement, label: string) =>
  within(dialog).getAllByLabelText(label).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden') as HTMLInputElement;

const AGENT = { id: 'a-1', name: 'Anna', active: true };
const PROFILE: AgentRouting = { agentId: 'a-1', status: 'online', statusChangedAt: null, capacity: { chat: 2 }, defaultCapacity: 5, skills: ['de'], lastAssignedAt: null, load: { email: 3, chat: 1 } };

/** The open dialog, checked by its title (a role query by name is slow in a large document). */
async function dialogNamed(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toHaveAccessibleName(title);
  return dialog;
}
/** A button by its visible label (cheaper than a role query in a large dialog). */
const button = (el: HTMLElement, label: string) => within(el).getByText(label, { selector: 'button, button *' }).closest('button')!;

describe('agent routing in Admin → Agents', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('shows status, load and skills, and saves status, capacity per channel and skills', async () => {
    let current = PROFILE;
    const calls = mockServer((call) => {
      if (call.method === 'GET' && call.path === '/api/v1/routing/agents') return json(200, { data: [current] });
      if (call.method === 'PATCH' && call.path === '/api/v1/agents/a-1/routing') {
        current = { ...current, ...(call.body as object) };
        return json(200, current);
      }
      return undefined;
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AgentRoutingCell agent={AGENT} />);
    expect(await screen.findByText('Online')).toBeInTheDocument();
    // email 3/5, chat 1/2, web, api, phone, form 0/5 each: 4 of 27
    expect(screen.getByText('4 of 27')).toBeInTheDocument();
    expect(screen.getByText('de')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Routing for Anna'));
    const dialog = await dialogNamed('Routing for Anna');
    expect(input(dialog, 'Capacity for Chat')).toHaveValue('2');
    expect(input(dialog, 'Capacity for Email')).toHaveValue('');
    expect(within(dialog).getByText('3 of 5')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Away'));
    await user.click(input(dialog, 'Capacity for Email'));
    await user.paste('8');
    await user.clear(input(dialog, 'Capacity for Chat'));
    await user.click(input(dialog, 'Skills'));
    await user.paste('Shop');
    await user.keyboard('{Enter}');
    await user.click(button(dialog, 'Save'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ status: 'away', capacity: { email: 8 }, defaultCapacity: 5, skills: ['de', 'shop'] });
    expect(await screen.findByText('Away')).toBeInTheDocument();
  });
});
