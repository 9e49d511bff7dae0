import { Link } from 'react-router';
import { Alert, Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Page, Ticket, TicketSort } from '../api/types';
import { useFormat } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { StatusBadge } from '../tickets/StatusBadge';
import { filtersToTicketQuery, type Filters } from './filters';
import { ListSkeleton } from './ListSkeleton';

/** The first tickets that match filters being edited, so the agent sees what the view will hold. */
export function ViewPreview({ filters, sort }: { filters: Filters; sort: TicketSort }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = filtersToTicketQuery(filters, sort);
  const qs = new URLSearchParams(query).toString();
  const list = useQuery({
    queryKey: keys.ticketQuery(qs),
    queryFn: ({ signal }) => api<Page<Ticket>>('/api/v1/tickets', { query: { ...query, limit: 15 }, signal }),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      {filters.custom && Object.keys(filters.custom).length > 0 && (
        <Alert color="gray" variant="light" mb="xs">{t('viewEditor.customPreviewHint')}</Alert>
      )}
      {list.isPending && <ListSkeleton rows={5} />}
      {list.error && <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.data.length === 0 && <Text size="sm" c="dimmed">{t('list.empty')}</Text>}
      {list.data && list.data.data.length > 0 && (
        <Table aria-label={t('viewEditor.preview')}>
          <Table.Tbody>
            {list.data.data.map((tk) => (
              <Table.Tr key={tk.id}>
                <Table.Td w={70} c="dimmed">#{tk.number}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/tickets/${tk.id}`} size="sm">{tk.subject}</Anchor></Table.Td>
                <Table.Td w={120}><StatusBadge status={tk.status} /></Table.Td>
                <Table.Td w={110} c="dimmed">{format.relative(tk.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
