import { Link } from 'react-router';
import { Anchor, Button, Center, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTicketPages } from '../api/tickets';
import type { Ticket } from '../api/types';
import { useFormat } from '../auth/session';
import { StatusBadge } from '../tickets/StatusBadge';
import { ListSkeleton } from '../views/ListSkeleton';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';

/** A customer's or organization's tickets, newest first, with "load more". */
export function TicketMiniTable({ queryKey, path, label }: { queryKey: readonly unknown[]; path: string; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useTicketPages<Ticket>(queryKey, path, {}, 25);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending) return <ListSkeleton rows={4} />;
  if (list.error) return <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return <EmptyState title={t('customer.noTickets')} />;
  return (
    <>
      <Table highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('list.number')}</Table.Th>
            <Table.Th>{t('list.subject')}</Table.Th>
            <Table.Th w={90} visibleFrom="sm">{t('ticket.channel')}</Table.Th>
            <Table.Th w={120}>{t('list.status')}</Table.Th>
            <Table.Th w={120}>{t('list.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((tk) => (
            <Table.Tr key={tk.id}>
              <Table.Td c="dimmed">#{tk.number}</Table.Td>
              <Table.Td><Anchor component={Link} to={`/tickets/${tk.id}`} size="sm">{tk.subject}</Anchor></Table.Td>
              <Table.Td visibleFrom="sm">{t(`channel.${tk.channel}`)}</Table.Td>
              <Table.Td><StatusBadge status={tk.status} /></Table.Td>
              <Table.Td c="dimmed" title={format.dateTime(tk.createdAt)}>{format.date(tk.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.hasNextPage && (
        <Center mt="xs">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>
        </Center>
      )}
    </>
  );
}
