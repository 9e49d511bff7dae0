import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../../api/client';
import i18n from '../../i18n';
import { json, renderWithProviders } from '../../test/render';
import { LOOPY, OFF, VIP, serveAutomation } from './test-data';
import { RulesPage } from './RulesPage';

describe('RulesPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists triggers in order with events, conditions, runs, state and a chain warning, or says there are none', async () => {
    serveAutomation({ trigger: [VIP, LOOPY, OFF] });
    const { unmount } = renderWithProviders(<RulesPage kind="trigger" />);
    const table = await screen.findByRole('table', { name: 'Triggers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['1', '2', '3']);
    expect(rows[0]).toHaveTextContent('VIP to billing');
    expect(rows[0]).toHaveTextContent('Big customers first');
    expect(rows[0]).toHaveTextContent('Ticket created, Ticket updated');
    expect(rows[0]).toHaveTextContent('Tags contains vip · any of: Priority is one of High, Urgent');
    expect(rows[0]).toHaveTextContent('12 runs');
    expect(rows[1]).toHaveTextContent('Every ticket');
    expect(rows[1]).toHaveTextContent('never ran');
    expect(rows[1]).toHaveTextContent('Chain stopped');
    expect(rows[1]).toHaveTextContent('Stopped in a chain of rules on ticket #4711.');
    expect(rows[0]).not.toHaveTextContent('Chain stopped');
    expect(within(rows[2]!).getByRole('switch', { name: 'Old rule active' })).not.toBeChecked();
    expect(within(rows[0]!).getByRole('button', { name: 'Move VIP to billing up' })).toBeDisabled();
    unmount();
    vi.unstubAllGlobals();
    serveAutomation({ trigger: [] });
    renderWithProviders(<RulesPage kind="trigger" />);
    expect(await screen.findByText(/No triggers yet/)).toBeInTheDocument();
  });

  it('moves a rule by sending the whole new order, and switches a rule off', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serveAutomation({ trigger: [VIP, LOOPY, OFF] }, (call) => {
      if (call.method === 'PUT') return json(200, { data: [VIP, OFF, LOOPY] });
      if (call.method === 'PATCH') return json(200, { ...VIP, active: false });
      return undefined;
    });
    renderWithProviders(<RulesPage kind="trigger" />);
    await user.click(await screen.findByRole('button', { name: 'Move Old rule up' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ path: '/api/v1/automation-rules/order', body: { kind: 'trigger', ids: ['rule-1', 'rule-3', 'rule-2'] } }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Triggers' })).getAllByRole('row')[2]).toHaveTextContent('Old rule'));

    await user.click(screen.getByRole('switch', { name: 'VIP to billing active' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/v1/automation-rules/rule-1', body: { active: false } }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'VIP to billing active' })).not.toBeChecked());
  });

  it('shows a rule’s run log with tickets, results and why actions were skipped', async () => {
    const user = userEvent.setup({ delay: null });
    serveAutomation({ trigger: [VIP] }, (call) =>
      call.path === '/api/v1/automation-rules/rule-1/runs'
        ? json(200, {
            data: [
              { id: 2, ruleId: 'rule-1', ticketId: 't-2', ticketNumber: 1002, event: 'ticket.updated', status: 'depth_exceeded', error: 'stopped', actions: [], depth: 5, createdAt: '2026-03-01T10:05:00Z' },
              { id: 1, ruleId: 'rule-1', ticketId: 't-1', ticketNumber: 1001, event: 'ticket.created', status: 'applied', error: null, actions: [{ type: 'set_team', status: 'skipped', reason: 'team_gone' }], depth: 0, createdAt: '2026-03-01T10:00:00Z' },
            ],
          })
        : undefined,
    );
    renderWithProviders(<RulesPage kind="trigger" />);
    await user.click(await screen.findByRole('button', { name: 'Run log of VIP to billing' }));
    const log = await screen.findByRole('table', { name: 'Run log: VIP to billing' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('#1002');
    expect(rows[0]).toHaveTextContent('Chain stopped');
    expect(rows[0]).toHaveTextContent('Stopped: 5 rules in a row acted on this ticket.');
    expect(rows[1]).toHaveTextContent('Ticket created');
    expect(rows[1]).toHaveTextContent('Applied');
    expect(rows[1]).toHaveTextContent('Set team: the team no longer exists');
    expect(within(rows[1]!).getByRole('link', { name: '#1001' })).toHaveAttribute('href', '/tickets/t-1');
  });

  it('offers the documented presets for time rules', async () => {
    const user = userEvent.setup({ delay: null });
    serveAutomation({ schedule: [] });
    renderWithProviders(<RulesPage kind="schedule" />);
    expect(await screen.findByText(/No automations yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start from a preset' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('Remind after 3 business days pending'),
      expect.stringContaining('Close 4 days after solved'),
      expect.stringContaining('Escalate when unassigned for 2 hours'),
    ]);
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    serveAutomation({ trigger: [VIP, LOOPY] });
    renderWithProviders(<RulesPage kind="trigger" />);
    const table = await screen.findByRole('table', { name: 'Trigger' });
    expect(table).toHaveTextContent('Ticket erstellt, Ticket geändert');
    expect(table).toHaveTextContent('Tags enthält vip · mindestens eine von: Priorität ist eines von Hoch, Dringend');
    expect(table).toHaveTextContent('12 Ausführungen');
    expect(table).toHaveTextContent('Kette gestoppt');
    expect(screen.getByRole('button', { name: 'Neuer Trigger' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'VIP to billing nach unten verschieben' })).toBeInTheDocument();
  });
});
