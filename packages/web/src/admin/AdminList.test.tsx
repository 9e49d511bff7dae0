import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery } from '@tanstack/react-query';
import { renderWithProviders } from '../test/render';
import { AdminList } from './AdminList';

function Teams({ load, emptyText, onAdd = () => {} }: { load(): Promise<string[]>; emptyText?: string; onAdd?(): void }) {
  const query = useQuery({ queryKey: ['teams'], queryFn: load });
  return (
    <AdminList title="Teams" addLabel="New team" onAdd={onAdd} query={query} skeletonRows={3} emptyText={emptyText}>
      {(items) => <ul aria-label="team list">{items.map((name) => <li key={name}>{name}</li>)}</ul>}
    </AdminList>
  );
}

describe('AdminList', () => {
  it('shows a placeholder while loading, then the items, and offers to add one', async () => {
    const user = userEvent.setup();
    const onAdd = vi.fn();
    renderWithProviders(<Teams load={async () => ['Support', 'Billing']} emptyText="No teams yet" onAdd={onAdd} />);
    expect(screen.getByRole('heading', { name: 'Teams' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading' })).toBeInTheDocument();

    expect(await screen.findByRole('list', { name: 'team list' })).toHaveTextContent('SupportBilling');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New team' }));
    expect(onAdd).toHaveBeenCalledOnce();
  });

  it('says the list is empty instead of showing an empty table', async () => {
    renderWithProviders(<Teams load={async () => []} emptyText="No teams yet" />);
    expect(await screen.findByText('No teams yet')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows the table even when empty where there is no empty note', async () => {
    renderWithProviders(<Teams load={async () => []} />);
    expect(await screen.findByRole('list', { name: 'team list' })).toBeEmptyDOMElement();
  });

  it('shows what went wrong with a retry', async () => {
    const user = userEvent.setup();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(['Support']);
    renderWithProviders(<Teams load={load} emptyText="No teams yet" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('offline');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Support')).toBeInTheDocument();
  });
});
