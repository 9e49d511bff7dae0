import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import type { Agent, AgentRole, Me, Organization } from '../api/types';
import { SessionProvider } from '../auth/session';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { PortalSharingSwitch } from './PortalSharingSwitch';

const agent = (role: AgentRole, locale: 'en' | 'de' = 'en'): Agent => ({ id: 'a-1', email: 'anna@example.com', name: 'Anna', role, locale, timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' });
const ORG: Organization = { id: 'o-1', name: 'Bäckerei Brot', domains: [], notes: null, tier: null, portalShared: false, custom: {}, createdAt: '', updatedAt: '' };

/** The switch fed from the organization query, as the organization page feeds it. */
function FromQuery() {
  const org = useQuery({ queryKey: keys.organization('o-1'), queryFn: () => api<Organization>('/api/v1/organizations/o-1') });
  return org.data ? <PortalSharingSwitch organization={org.data} /> : null;
}

function renderSwitch(role: AgentRole, locale: 'en' | 'de' = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData<Me>(keys.me, { agent: agent(role, locale), teamIds: [], csrfToken: 'csrf-1' });
  return renderWithProviders(<FromQuery />, { client, wrap: (children) => <SessionProvider>{children}</SessionProvider> });
}

describe('PortalSharingSwitch', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lets an admin switch sharing on; the change is saved and shown', async () => {
    let current = ORG;
    const calls = mockServer((call) => {
      if (call.path !== '/api/v1/organizations/o-1') return undefined;
      if (call.method === 'PATCH') current = { ...current, ...(call.body as Partial<Organization>) };
      return json(200, current);
    });
    const user = userEvent.setup({ delay: null });
    renderSwitch('admin');
    const sw = await screen.findByRole('switch', { name: /^Members see all of the organization's requests in the portal/ });
    expect(sw).not.toBeChecked();
    expect(screen.getByText(/not only their own/)).toBeInTheDocument();
    await user.click(sw);
    await waitFor(() => expect(sw).toBeChecked());
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ portalShared: true });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('keeps the setting when saving fails', async () => {
    mockServer((call) => {
      if (call.path !== '/api/v1/organizations/o-1') return undefined;
      if (call.method === 'PATCH') return json(403, { error: { code: 'forbidden', message: 'admins only' } });
      return json(200, ORG);
    });
    const user = userEvent.setup({ delay: null });
    renderSwitch('admin');
    const sw = await screen.findByRole('switch');
    await user.click(sw);
    await waitFor(() => expect(sw).not.toBeDisabled());
    expect(sw).not.toBeChecked();
  });

  it('shows the setting to agents but only admins may change it, in German too', async () => {
    const calls = mockServer((call) => (call.path === '/api/v1/organizations/o-1' ? json(200, { ...ORG, portalShared: true }) : undefined));
    renderSwitch('agent', 'de');
    const sw = await screen.findByRole('switch', { name: /^Mitglieder sehen im Portal alle Anfragen der Organisation/ });
    expect(sw).toBeChecked();
    expect(sw).toBeDisabled();
    expect(screen.getByText('Nur Admins können das ändern.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});
