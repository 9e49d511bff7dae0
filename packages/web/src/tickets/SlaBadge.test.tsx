import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me, TicketSla, TicketSlaTarget } from '../api/types';
import { keys } from '../api/keys';
import { SessionProvider } from '../auth/session';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { SlaBadge } from './SlaBadge';

const NOW = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

function target(metric: TicketSlaTarget['metric'], patch: Partial<TicketSlaTarget>): TicketSlaTarget {
  return { metric, targetMinutes: 60, businessHours: true, status: 'active', dueAt: null, elapsedMinutes: 0, fulfilledAt: null, breachedAt: null, ...patch };
}

function sla(targets: TicketSlaTarget[], warnBeforeMinutes = 30): TicketSla {
  const due = targets.filter((tg) => tg.status === 'active' && tg.dueAt).map((tg) => tg.dueAt!).sort();
  return { policyId: 'sla-1', policyName: 'VIP customers', warnBeforeMinutes, targets, nextBreachAt: due[0] ?? null };
}

const ME = (locale: 'en' | 'de'): Me => ({
  agent: { id: 'a-1', email: 'anna@example.com', name: 'Anna', role: 'agent', locale, timeZone: 'America/New_York', active: true, createdAt: '', updatedAt: '' },
  teamIds: [],
  csrfToken: null,
});

/** Renders the badge signed in as an agent in New York, speaking `locale`. */
function renderBadge(data: TicketSla | null, locale: 'en' | 'de' = 'en') {
  mockServer((call) => (call.path === '/api/v1/auth/session' ? json(200, ME(locale)) : undefined));
  const view = renderWithProviders(<SlaBadge sla={data} />, { wrap: (children) => <SessionProvider>{children}</SessionProvider> });
  view.client.setQueryData(keys.me, ME(locale));
  return view;
}

const badge = () => screen.getByRole('button', { name: /^SLA: / });

describe('SlaBadge', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('counts down to the next due target and refreshes every 30 seconds', async () => {
    renderBadge(sla([target('first_reply', { dueAt: at(42) }), target('resolution', { targetMinutes: 480, dueAt: at(300) })]));
    await waitFor(() => expect(badge()).toHaveTextContent('First reply in 42 min'));
    expect(badge().querySelector('[data-state]')).toHaveAttribute('data-state', 'ok');

    act(() => vi.advanceTimersByTime(30_000));
    expect(badge()).toHaveTextContent('First reply in 42 min');
    act(() => vi.advanceTimersByTime(30_000));
    expect(badge()).toHaveTextContent('First reply in 41 min');
  });

  it('turns yellow within the warning time and red with “overdue” once breached', async () => {
    renderBadge(sla([target('next_reply', { dueAt: at(16) })], 15));
    await waitFor(() => expect(badge()).toHaveTextContent('Next reply in 16 min'));
    expect(badge().querySelector('[data-state]')).toHaveAttribute('data-state', 'ok');

    act(() => vi.advanceTimersByTime(60_000));
    expect(badge()).toHaveTextContent('Next reply in 15 min');
    expect(badge().querySelector('[data-state]')).toHaveAttribute('data-state', 'warning');

    act(() => vi.advanceTimersByTime(27 * 60_000));
    expect(badge()).toHaveTextContent('Next reply overdue by 12 min');
    expect(badge().querySelector('[data-state]')).toHaveAttribute('data-state', 'overdue');
  });

  it('shows a target the server reports as breached as overdue, before later running ones', async () => {
    renderBadge(sla([target('first_reply', { status: 'breached', dueAt: at(-75), breachedAt: at(-75) }), target('resolution', { dueAt: at(200) })]));
    await waitFor(() => expect(badge()).toHaveTextContent('First reply overdue by 1 h 15 min'));
  });

  it('shows “paused” in grey while every clock is paused, and nothing without an SLA', async () => {
    const { unmount } = renderBadge(sla([target('resolution', { status: 'paused', dueAt: null, elapsedMinutes: 20 }), target('first_reply', { status: 'achieved', fulfilledAt: at(-30) })]));
    await waitFor(() => expect(badge()).toHaveTextContent('Resolution paused'));
    expect(badge().querySelector('[data-state]')).toHaveAttribute('data-state', 'paused');
    unmount();
    vi.unstubAllGlobals();
    renderBadge(null);
    expect(screen.queryByRole('button', { name: /^SLA: / })).not.toBeInTheDocument();
  });

  it('lists every target with its status and due time in the agent’s time zone', async () => {
    const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });
    renderBadge(
      sla([
        target('first_reply', { status: 'achieved', fulfilledAt: at(-30) }),
        target('next_reply', { dueAt: at(42), targetMinutes: 120, businessHours: false }),
        target('resolution', { status: 'paused', targetMinutes: 480 }),
      ]),
    );
    await waitFor(() => expect(badge()).toHaveTextContent('Next reply in 42 min'));
    await user.click(badge());
    const details = await screen.findByRole('region', { name: 'SLA targets' });
    expect(details).toHaveTextContent('SLA policy: VIP customers');
    const rows = within(details).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('First reply');
    expect(rows[0]).toHaveTextContent('Met');
    expect(rows[0]).toHaveTextContent(/met .*4:30/); // 09:30 UTC = 04:30 in New York
    expect(rows[1]).toHaveTextContent('Running');
    expect(rows[1]).toHaveTextContent(/due .*5:42/); // 10:42 UTC = 05:42 in New York
    expect(rows[1]).toHaveTextContent('2 h · calendar time');
    expect(rows[2]).toHaveTextContent('Paused');
    expect(rows[2]).toHaveTextContent('8 h · business hours');
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    const { unmount } = renderBadge(sla([target('first_reply', { dueAt: at(42) })]), 'de');
    await waitFor(() => expect(badge()).toHaveTextContent('Erste Antwort in 42 Min.'));
    unmount();
    vi.unstubAllGlobals();
    const second = renderBadge(sla([target('resolution', { status: 'breached', dueAt: at(-12), breachedAt: at(-12) })]), 'de');
    await waitFor(() => expect(badge()).toHaveTextContent('Lösung seit 12 Min. überfällig'));
    second.unmount();
    vi.unstubAllGlobals();
    renderBadge(sla([target('periodic_update', { status: 'paused' })]), 'de');
    await waitFor(() => expect(badge()).toHaveTextContent('Regelmäßige Aktualisierung pausiert'));
  });
});
