import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import type { AgentRouting } from '../api/routing';
import type { Agent, AgentRole, Me } from '../api/types';
import { SessionProvider } from '../auth/session';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { StatusMenu } from './StatusMenu';

const agent = (role: AgentRole, locale: 'en' | 'de' = 'en'): Agent => ({ id: 'a-1', email: 'anna@example.com', name: 'Anna', role, locale, timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' });
const profile = (status: AgentRouting['status']): AgentRouting => ({ agentId: 'a-1', status, statusChangedAt: null, capacity: {}, defaultCapacity: 5, skills: [], lastAssignedAt: null, load: {} });

function renderMenu(role: AgentRole = 'agent', locale: 'en' | 'de' = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData<Me>(keys.me, { agent: agent(role, locale), teamIds: [], csrfToken: 'csrf-1' });
  return renderWithProviders(<StatusMenu />, { client, wrap: (children) => <SessionProvider>{children}</SessionProvider> });
}

describe('StatusMenu', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('shows the status and changes it from the menu with the keyboard', async () => {
    let current = profile('offline');
    const calls = mockServer((call) => {
      if (call.path !== '/api/v1/me/routing') return undefined;
      if (call.method === 'PATCH') current = profile((call.body as { status: AgentRouting['status'] }).status);
      return json(200, current);
    });
    const user = userEvent.setup({ delay: null });
    renderMenu();
    const button = await screen.findByRole('button', { name: 'Your status: Offline' });
    await waitFor(() => expect(button).toBeEnabled());
    button.focus();
    await user.keyboard('{Enter}');
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'OnlineReceive new tickets',
      'AwayKeep your tickets, receive no new ones',
      'OfflineReceive nothing; new unanswered tickets may go back to the queue',
    ]);
    expect(items.map((i) => i.getAttribute('aria-current'))).toEqual([null, null, 'true']);
    await user.click(items[0]!);
    expect(await screen.findByRole('button', { name: 'Your status: Online' })).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ status: 'online' });
    expect(patch.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('keeps the old status when the server refuses the change', async () => {
    let refused = false;
    mockServer((call) => {
      if (call.path !== '/api/v1/me/routing') return undefined;
      if (call.method !== 'PATCH') return json(200, profile('away'));
      refused = true;
      return json(503, { error: { code: 'unavailable', message: 'database down' } });
    });
    const user = userEvent.setup({ delay: null });
    renderMenu();
    await user.click(await screen.findByRole('button', { name: 'Your status: Away' }));
    await user.click((await screen.findAllByRole('menuitem'))[0]!);
    await waitFor(() => expect(refused).toBe(true));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your status: Away' })).toBeEnabled());
    expect(screen.queryByRole('button', { name: 'Your status: Online' })).toBeNull();
  });

  it('speaks German and is not shown to read-only users', async () => {
    mockServer((call) => (call.path === '/api/v1/me/routing' ? json(200, profile('away')) : undefined));
    const user = userEvent.setup({ delay: null });
    const { unmount } = renderMenu('agent', 'de');
    await user.click(await screen.findByRole('button', { name: 'Ihr Status: Abwesend' }));
    expect((await screen.findAllByRole('menuitem')).map((i) => i.textContent?.split(/(?=[A-Z])/)[0])).toEqual(['Online', 'Abwesend', 'Offline']);
    unmount();
    const calls = mockServer(() => json(200, profile('online')));
    renderMenu('readonly');
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls).toEqual([]);
  });
});
