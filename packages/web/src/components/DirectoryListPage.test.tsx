import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Table } from '@mantine/core';
import { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys';
import type { Agent, AgentRole, Me } from '../api/types';
import { SessionProvider } from '../auth/session';
import { json, renderWithProviders } from '../test/render';
import { DirectoryListPage } from './DirectoryListPage';

interface Firm {
  id: string;
  name: string;
}

const agent = (role: AgentRole): Agent => ({ id: 'a-1', email: 'anna@example.com', name: 'Anna', role, locale: 'en', timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' });

/** Answers the list endpoint like the API: `q` filters by name, `cursor` pages by two. */
function mockFirms(all: Firm[]) {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      requests.push(url);
      const q = url.searchParams.get('q') ?? '';
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const hits = all.filter((f) => f.name.toLowerCase().includes(q.toLowerCase()));
      const next = start + 2 < hits.length ? String(start + 2) : null;
      return json(200, { data: hits.slice(start, start + 2), nextCursor: next });
    }),
  );
  return requests;
}

function renderPage(role: AgentRole) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData<Me>(keys.me, { agent: agent(role), teamIds: [], csrfToken: 'csrf' });
  return renderWithProviders(
    <DirectoryListPage<Firm>
      title="Firms"
      filterLabel="Filter firms"
      queryKey={(q) => ['firms', q]}
      path="/api/v1/firms"
      emptyIcon={null}
      emptyTitle="No firms yet"
      head={<Table.Th>Name</Table.Th>}
      row={(f) => <Table.Td>{f.name}</Table.Td>}
      newLabel="New firm"
      createForm={(close) => <Button onClick={close}>Close the form</Button>}
    />,
    { client, wrap: (children) => <SessionProvider>{children}</SessionProvider> },
  );
}

const FIRMS = [
  { id: 'f-1', name: 'Acme' },
  { id: 'f-2', name: 'Bäckerei Huber' },
  { id: 'f-3', name: 'Contoso' },
];

describe('DirectoryListPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the first page under the title and loads more on demand', async () => {
    const user = userEvent.setup();
    mockFirms(FIRMS);
    renderPage('agent');

    const table = await screen.findByRole('table', { name: 'Firms' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['Name', 'Acme', 'Bäckerei Huber']);
    expect(document.title).toBe('Firms · Servus');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await within(table).findByText('Contoso');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('filters as you type and says when nothing matches', async () => {
    const user = userEvent.setup();
    const requests = mockFirms(FIRMS);
    renderPage('agent');
    await screen.findByText('Acme');

    await user.type(screen.getByRole('textbox', { name: 'Filter firms' }), ' cont ');
    await screen.findByText('Contoso');
    expect(screen.queryByText('Acme')).not.toBeInTheDocument();
    expect(requests.at(-1)?.searchParams.get('q')).toBe('cont');

    await user.clear(screen.getByRole('textbox', { name: 'Filter firms' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter firms' }), 'zzz');
    expect(await screen.findByText('No firms yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('opens the create dialog for agents who may write, and hides the button from read-only ones', async () => {
    const user = userEvent.setup();
    mockFirms(FIRMS);
    const { unmount } = renderPage('agent');
    await user.click(await screen.findByRole('button', { name: 'New firm' }));
    const dialog = await screen.findByRole('dialog', { name: 'New firm' });
    await user.click(within(dialog).getByRole('button', { name: 'Close the form' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    unmount();

    renderPage('readonly');
    await screen.findByText('Acme');
    expect(screen.queryByRole('button', { name: 'New firm' })).not.toBeInTheDocument();
  });
});
