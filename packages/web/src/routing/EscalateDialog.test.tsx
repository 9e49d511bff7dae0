import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import type { TeamRouting } from '../api/routing';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { EscalateDialog, escalationTargets } from './EscalateDialog';

const team = (id: string, name: string) => ({ id, name, description: null, memberIds: [], calendarId: null, createdAt: '', updatedAt: '' });
const routing = (teamId: string, escalationTier: number | null): TeamRouting => ({ teamId, mode: 'manual', skillFields: [], requeueOnOffline: false, escalationTier, queued: 0, updatedAt: null });
const TEAMS = [team('inbox', 'Inbox'), team('bill', 'Billing L1'), team('tech', 'Tech L1'), team('l2', 'Second level')];
const names = new Map(TEAMS.map((x) => [x.id, x.name]));

function serve(routings: TeamRouting[], answer: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const a = answer(call);
    if (a) return a;
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, { data: TEAMS, nextCursor: null });
    if (call.method === 'GET' && call.path === '/api/v1/routing/teams') return json(200, { data: routings });
    return undefined;
  });
}

const input = (dialog: HTMLElement, label: string) =>
  within(dialog).getAllByLabelText(label, { exact: false }).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;

/** The open dialog, checked by its title (a role query by name is slow in a large document). */
async function dialogNamed(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toHaveAccessibleName(title);
  return dialog;
}
/** A button by its visible label (cheaper than a role query in a large dialog). */
const button = (el: HTMLElement, label: string) => within(el).getByText(label, { selector: 'button, button *' }).closest('button')!;

describe('escalation targets', () => {
  it('offers tiers at or above the ticket’s, lowest first, and presets the only team of the next tier', () => {
    const r = [routing('l2', 2), routing('bill', 1), routing('inbox', null), routing('tech', 1)];
    const fromInbox = escalationTargets('inbox', r, names);
    expect(fromInbox.options.map((o) => o.name)).toEqual(['Billing L1', 'Tech L1', 'Second level']);
    expect(fromInbox.defaultTarget).toBeNull();
    const fromBilling = escalationTargets('bill', r, names);
    expect(fromBilling.options.map((o) => o.name)).toEqual(['Tech L1', 'Second level']);
    expect(fromBilling.defaultTarget?.name).toBe('Second level');
    expect(escalationTargets('l2', r, names)).toEqual({ from: 2, options: [], defaultTarget: null });
  });
});

describe('EscalateDialog', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('needs a reason, presets the next tier and sends the escalation', async () => {
    const calls = serve([routing('bill', 1), routing('l2', 2)], (call) =>
      call.method === 'POST' ? json(200, { ticket: { id: 'tk-1' }, escalation: { fromTeamId: 'bill', toTeamId: 'l2', tier: 2, kind: 'hierarchical', reason: 'Refund' } }) : undefined,
    );
    const onClose = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<EscalateDialog ticket={{ id: 'tk-1', number: 42, teamId: 'bill' }} onClose={onClose} />);
    const dialog = await dialogNamed('Escalate ticket #42');
    await waitFor(() => expect(input(dialog, 'Escalate to')).toHaveValue('Next tier (Second level)'));
    await user.click(button(dialog, 'Escalate'));
    expect(await within(dialog).findByText('Please give a reason')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(within(dialog).getByRole('textbox', { name: /Reason/ }));
    await user.paste('  Refund over 500 €  ');
    await user.click(button(dialog, 'Escalate'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/tickets/tk-1/escalate');
    expect(post.body).toEqual({ reason: 'Refund over 500 €', targetTeamId: 'l2' });
  });

  it('asks for a team when several share the next tier, and shows the server’s refusal', async () => {
    const calls = serve([routing('bill', 1), routing('tech', 1)], (call) =>
      call.method === 'POST' ? json(409, { error: { code: 'conflict', message: 'solved tickets cannot be escalated' } }) : undefined,
    );
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<EscalateDialog ticket={{ id: 'tk-2', number: 7, teamId: 'inbox' }} onClose={() => {}} />);
    const dialog = await dialogNamed('Escalate ticket #7');
    await user.click(within(dialog).getByRole('textbox', { name: /Reason/ }));
    await user.paste('Needs a specialist');
    await user.click(button(dialog, 'Escalate'));
    expect(await within(dialog).findByText('Choose a team')).toBeInTheDocument();
    await user.click(input(dialog, 'Escalate to'));
    await user.click(await screen.findByRole('option', { name: 'Tech L1 · tier 1' }));
    await user.click(button(dialog, 'Escalate'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('solved tickets cannot be escalated');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'Needs a specialist', targetTeamId: 'tech' });
  });

  it('says so when no team is an escalation tier', async () => {
    serve([routing('inbox', null)]);
    renderWithProviders(<EscalateDialog ticket={{ id: 'tk-3', number: 8, teamId: 'inbox' }} onClose={() => {}} />);
    const dialog = await dialogNamed('Escalate ticket #8');
    expect(await within(dialog).findByText(/No team is an escalation tier yet/)).toBeInTheDocument();
    expect(input(dialog, 'Escalate to')).toBeDisabled();
  });
});
