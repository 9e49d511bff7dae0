import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { AgentNotification } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { NotificationBell } from './NotificationBell';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const ASSIGNED: AgentNotification = { id: 'n-1', kind: 'assigned', ticketId: 't-7', title: '#7 assigned to you: Printer on fire', body: 'Assigned by Ben Krause', readAt: null, createdAt: minutesAgo(5) };
const REPLY: AgentNotification = { id: 'n-2', kind: 'customer_reply', ticketId: 't-8', title: 'Customer replied on #8: Invoice', body: 'Thanks, it works again.', readAt: null, createdAt: minutesAgo(30) };
const OLD: AgentNotification = { id: 'n-3', kind: 'rule', ticketId: null, title: 'Weekly check', body: '', readAt: minutesAgo(60), createdAt: minutesAgo(120) };

function serve(items: AgentNotification[], extra: (call: Call) => Response | undefined = () => undefined) {
  let list = items;
  const calls = mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/notifications') return json(200, { data: list, nextCursor: null, unreadCount: list.filter((n) => !n.readAt).length });
    const read = call.path.match(/^\/api\/v1\/notifications\/(.+)\/read$/);
    if (call.method === 'POST' && read && read[1] !== undefined && read[1] !== 'read-all') {
      list = list.map((n) => (n.id === read[1] ? { ...n, readAt: new Date().toISOString() } : n));
      return json(200, list.find((n) => n.id === read[1]));
    }
    if (call.method === 'POST' && call.path === '/api/v1/notifications/read-all') {
      const updated = list.filter((n) => !n.readAt).length;
      list = list.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }));
      return json(200, { updated });
    }
    return undefined;
  });
  return calls;
}

function renderBell() {
  return renderWithProviders(
    <>
      <NotificationBell />
      <Routes>
        <Route path="/" element={<p>Home</p>} />
        <Route path="/tickets/:id" element={<p>Ticket page</p>} />
        <Route path="/settings/notifications" element={<p>Settings page</p>} />
      </Routes>
    </>,
  );
}

describe('NotificationBell', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('shows the unread count, lists the newest first, and opens the ticket of a clicked one as read', async () => {
    const user = userEvent.setup();
    const calls = serve([ASSIGNED, REPLY, OLD]);
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.closest('.mantine-Indicator-root')).toHaveTextContent('2');
    await user.click(bell);
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^Unread:#7 assigned to you: Printer on fireAssigned by Ben Krause5 min\. ago$/),
      expect.stringContaining('Customer replied on #8: Invoice'),
      expect.not.stringContaining('Unread:'),
    ]);
    await user.click(within(items[0]!).getByRole('button'));
    expect(await screen.findByText('Ticket page')).toBeInTheDocument();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/notifications/n-1/read')).toBe(true));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).not.toBeInTheDocument();
  });

  it('marks all read, moves through the list with the arrow keys, and links to the settings', async () => {
    const user = userEvent.setup();
    const calls = serve([ASSIGNED, REPLY, OLD]);
    renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    const buttons = within(panel).getAllByRole('listitem').map((i) => within(i).getByRole('button'));
    buttons[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(buttons[2]).toHaveFocus();
    await user.click(within(panel).getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/notifications/read-all')).toBe(true));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
    await user.click(within(panel).getByRole('link', { name: 'Notification settings' }));
    expect(await screen.findByText('Settings page')).toBeInTheDocument();
  });

  it('says when there is nothing, and what went wrong when loading fails', async () => {
    const user = userEvent.setup();
    serve([]);
    const { unmount } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('You are all caught up.')).toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    serve([], (call) => (call.path === '/api/v1/notifications' ? json(503, { error: { code: 'unavailable', message: 'the database is unavailable' } }) : undefined));
    renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the database is unavailable');
  });

  it('speaks German', async () => {
    const user = userEvent.setup();
    await i18n.changeLanguage('de');
    serve([ASSIGNED]);
    renderBell();
    await user.click(await screen.findByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }));
    const panel = await screen.findByRole('dialog', { name: 'Benachrichtigungen' });
    expect(within(panel).getByRole('button', { name: 'Alle als gelesen markieren' })).toBeEnabled();
    expect(within(panel).getByRole('listitem')).toHaveTextContent('Ungelesen:');
  });
});
