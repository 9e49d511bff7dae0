import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../../api/client';
import i18n from '../../i18n';
import { json, renderWithProviders } from '../../test/render';
import { AGENT_ID, TEAM_ID, VIP, serveAutomation } from './test-data';
import { RulesPage } from './RulesPage';

type User = ReturnType<typeof userEvent.setup>;

async function choose(user: User, scope: HTMLElement, label: string, option: string) {
  await user.click(within(scope).getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}
async function openNew(user: User, name: string) {
  await user.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog', { name });
}
async function addAction(user: User, dialog: HTMLElement, label: string) {
  await user.click(within(dialog).getByRole('button', { name: 'Add action' }));
  await user.click(await screen.findByRole('menuitem', { name: label }));
}
/** The editor renders a whole rule with many selects; jsdom is slow at that. */
const EDITOR_TIMEOUT = 60_000;
const posted = (calls: { method: string; path: string; body: unknown }[], path = '/api/v1/automation-rules') => calls.find((c) => c.method === 'POST' && c.path === path)?.body;

describe('RuleEditor', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('builds a condition with the widget that fits: a list of priorities for “is one of”', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = serveAutomation({ trigger: [] }, (call) => (call.method === 'POST' ? json(201, VIP) : undefined));
    renderWithProviders(<RulesPage kind="trigger" />);
    const dialog = await openNew(user, 'New trigger');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Urgent VIP');
    expect(within(dialog).getByRole('checkbox', { name: 'Ticket created' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Add condition' }));
    const first = within(dialog).getByRole('group', { name: 'Condition 1 (all)' });
    await choose(user, first, 'Condition 1 (all): field', 'Priority');
    await choose(user, first, 'Condition 1 (all): operator', 'is one of');
    await user.click(within(first).getByRole('combobox', { name: 'Condition 1 (all): value' }));
    await user.click(await screen.findByRole('option', { name: 'Urgent' }));
    await user.click(await screen.findByRole('option', { name: 'High' }));
    await addAction(user, dialog, 'Set team');
    await choose(user, dialog, '1. Set team: Team', 'Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted(calls)).toBeDefined());
    expect(posted(calls)).toEqual({
      kind: 'trigger',
      name: 'Urgent VIP',
      description: '',
      active: true,
      events: ['ticket.created'],
      conditions: { all: [{ field: 'ticket.priority', operator: 'in', value: ['urgent', 'high'] }], any: [] },
      actions: [{ type: 'set_team', teamId: TEAM_ID }],
    });
  }, EDITOR_TIMEOUT);

  it('offers “changed to” only once the trigger listens to ticket updates', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = serveAutomation({ trigger: [] }, (call) => (call.method === 'POST' ? json(201, VIP) : undefined));
    renderWithProviders(<RulesPage kind="trigger" />);
    const dialog = await openNew(user, 'New trigger');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Reopened');
    await user.click(within(dialog).getByRole('button', { name: 'Add “any” condition' }));
    const any = within(dialog).getByRole('group', { name: 'Condition 1 (any)' });
    await choose(user, any, 'Condition 1 (any): field', 'Status');
    await user.click(within(any).getByRole('combobox', { name: 'Condition 1 (any): operator' }));
    expect(screen.queryByRole('option', { name: 'changed to' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Ticket updated' }));
    await choose(user, any, 'Condition 1 (any): operator', 'changed to');
    await choose(user, any, 'Condition 1 (any): value', 'Pending');
    await addAction(user, dialog, 'Set priority');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted(calls)).toBeDefined());
    expect(posted(calls)).toMatchObject({
      events: ['ticket.created', 'ticket.updated'],
      conditions: { all: [], any: [{ field: 'ticket.status', operator: 'changed_to', value: 'pending' }] },
      actions: [{ type: 'set_priority', value: 'normal' }],
    });
  }, EDITOR_TIMEOUT);

  it('builds actions: tags, and a notice with placeholders to agents and the assignee', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = serveAutomation({ trigger: [] }, (call) => (call.method === 'POST' ? json(201, VIP) : undefined));
    renderWithProviders(<RulesPage kind="trigger" />);
    const dialog = await openNew(user, 'New trigger');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Tell Xavier');
    await addAction(user, dialog, 'Add tags');
    const tags = within(dialog).getAllByLabelText('1. Add tags: Tags').find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;
    await user.type(tags, 'escalated,');
    await addAction(user, dialog, 'Notify in Servus');
    const notify = within(dialog).getByRole('group', { name: '2. Notify in Servus' });
    expect(within(dialog).getByText(/Placeholders: .*\{\{ticket.number\}\}/)).toBeInTheDocument();
    await user.click(within(notify).getByRole('checkbox', { name: 'The ticket’s assignee' }));
    await user.click(within(notify).getByRole('textbox', { name: '2. Notify in Servus: Title' }));
    await user.paste('VIP: {{ticket.subject}}');
    await choose(user, notify, '2. Notify in Servus: agents', 'Xavier Meier');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted(calls)).toBeDefined());
    expect(posted(calls)).toMatchObject({
      events: ['ticket.created'],
      conditions: { all: [], any: [] },
      actions: [
        { type: 'add_tags', tags: ['escalated'] },
        { type: 'notify', recipients: { agentIds: [AGENT_ID], teamIds: [], assignee: true }, title: 'VIP: {{ticket.subject}}' },
      ],
    });
  }, EDITOR_TIMEOUT);

  it('puts the server’s errors on the condition value and the action field they name', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    serveAutomation({ trigger: [VIP] }, (call) =>
      call.method === 'PATCH'
        ? json(400, {
            error: {
              code: 'validation_failed',
              message: 'the rule refers to things that do not exist',
              details: [
                { path: 'body.conditions.any.0.value', message: 'no such priority' },
                { path: 'body.actions.0.teamId', message: `no team ${TEAM_ID}` },
              ],
            },
          })
        : undefined,
    );
    renderWithProviders(<RulesPage kind="trigger" />);
    await user.click(await screen.findByRole('button', { name: 'Edit VIP to billing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit trigger VIP to billing' });
    // A tag is typed; a list of priorities is picked.
    expect(within(dialog).getByRole('textbox', { name: 'Condition 1 (all): value' })).toHaveValue('vip');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const any = within(dialog).getByRole('group', { name: 'Condition 1 (any)' });
    expect(await within(any).findByText('no such priority')).toBeInTheDocument();
    const action = within(dialog).getByRole('group', { name: '1. Set team' });
    expect(within(action).getByText(`no team ${TEAM_ID}`)).toBeInTheDocument();
    expect(within(action).getByRole('combobox', { name: '1. Set team: Team' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('group', { name: 'Condition 1 (all)' })).not.toHaveTextContent('no such priority');
  }, EDITOR_TIMEOUT);

  it('checks the rule in the browser before sending', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = serveAutomation({ schedule: [] });
    renderWithProviders(<RulesPage kind="schedule" />);
    const dialog = await openNew(user, 'New automation');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Nothing yet');
    await user.click(within(dialog).getByRole('button', { name: 'Add condition' }));
    await choose(user, within(dialog).getByRole('group', { name: 'Condition 1 (all)' }), 'Condition 1 (all): field', 'Subject');
    expect(within(dialog).queryByRole('checkbox', { name: 'Ticket created' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Add a time condition under “all”, e.g. time in current status for at least 3 days.')).toBeInTheDocument();
    expect(within(dialog).getByText('Add at least one action.')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Condition 1 (all): value' })).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, EDITOR_TIMEOUT);

  it('starts a time rule from the “close 4 days after solved” preset', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = serveAutomation({ schedule: [] }, (call) => (call.method === 'POST' ? json(201, { ...VIP, kind: 'schedule' }) : undefined));
    renderWithProviders(<RulesPage kind="schedule" />);
    await user.click(await screen.findByRole('button', { name: 'Start from a preset' }));
    await user.click(await screen.findByRole('menuitem', { name: /Close 4 days after solved/ }));
    const dialog = await screen.findByRole('dialog', { name: 'New automation' });
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveValue('Close 4 days after solved');
    const time = within(dialog).getByRole('group', { name: 'Condition 2 (all)' });
    expect(within(time).getByRole('textbox', { name: 'Condition 2 (all): value: amount' })).toHaveValue('4');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted(calls)).toBeDefined());
    expect(posted(calls)).toMatchObject({
      kind: 'schedule',
      events: [],
      conditions: { all: [{ field: 'ticket.status', operator: 'is', value: 'solved' }, { field: 'time.in_status', operator: 'gt', value: { amount: 4, unit: 'days', businessHours: false } }], any: [] },
      actions: [{ type: 'set_status', value: 'closed' }],
    });
  }, EDITOR_TIMEOUT);

  it('tests the rule as edited against a ticket and shows what holds and what it would do', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = serveAutomation({ trigger: [VIP] }, (call) =>
      call.path === '/api/v1/automation-rules/preview'
        ? json(200, {
            ticket: { id: 't-1', number: 1234, subject: 'Invoice twice' },
            event: 'ticket.updated',
            matched: false,
            conditions: {
              all: [{ field: 'ticket.tags', operator: 'contains', value: 'vip', matched: true, actual: ['vip', 'billing'] }],
              any: [{ field: 'ticket.priority', operator: 'in', value: ['high', 'urgent'], matched: false, actual: 'normal' }],
            },
            actions: [{ type: 'set_team', effect: 'team', detail: { from: null, to: 'Billing' } }],
          })
        : undefined,
    );
    renderWithProviders(<RulesPage kind="trigger" />);
    await user.click(await screen.findByRole('button', { name: 'Edit VIP to billing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit trigger VIP to billing' });
    const panel = within(dialog).getByRole('region', { name: 'Test this rule' });
    await user.type(within(panel).getByRole('textbox', { name: 'Ticket number' }), '1234');
    await choose(user, panel, 'As if this happened', 'Ticket updated');
    await user.click(within(panel).getByRole('button', { name: 'Test' }));
    expect(await within(panel).findByText('Would not run')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/automation-rules/preview')?.body).toEqual({
      rule: { kind: 'trigger', events: VIP.events, conditions: VIP.conditions, actions: VIP.actions },
      ticketNumber: 1234,
      event: 'ticket.updated',
    });
    const all = within(panel).getByRole('list', { name: 'All of these conditions' });
    expect(all).toHaveTextContent('Tags contains vip');
    expect(all).toHaveTextContent('The ticket: vip, billing');
    expect(within(all).getByLabelText('holds')).toBeInTheDocument();
    const any = within(panel).getByRole('list', { name: 'At least one of these conditions' });
    expect(any).toHaveTextContent('Priority is one of High, Urgent');
    expect(any).toHaveTextContent('The ticket: Normal');
    expect(within(any).getByLabelText('does not hold')).toBeInTheDocument();
    expect(within(panel).getByRole('list', { name: 'What it would do' })).toHaveTextContent('Team: (none) → Billing');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  }, EDITOR_TIMEOUT);
});
