import { Link } from 'react-router';
import { Anchor, Button, Center, Drawer, Group, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { csvHref, drilldownQuery, useDrilldown, type DrilldownTarget } from '../api/reports';
import { useFormat } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PriorityLabel, StatusBadge } from '../tickets/StatusBadge';
import { ListSkeleton } from '../views/ListSkeleton';
import { useKpiFormat } from './format';

/** Drill-down metrics whose per-ticket value is a duration in minutes. */
const DURATION_METRICS = new Set(['frt', 'first_resolution', 'full_resolution']);

/** A drill-down that is open: what to list and how to title it. */
export interface OpenDrilldown extends DrilldownTarget {
  title: string;
}

/**
 * The tickets behind a figure, in a side panel: each links to its ticket and shows its own value
 * for the metric; more load on request, and the list downloads as CSV.
 */
export function DrilldownDrawer({ query, open, onClose }: { query: Query; open: OpenDrilldown | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kpi = useKpiFormat();
  const list = useDrilldown(query, open);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const durations = !!open && DURATION_METRICS.has(open.metric);
  const title = open ? t('reports.drill.title', { name: open.title }) : '';

  return (
    <Drawer opened={!!open} onClose={onClose} position="right" size="xl" title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {open && (
        <>
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed">{t('reports.drill.hint')}</Text>
            <Button component="a" href={csvHref('/api/v1/reports/drilldown', drilldownQuery(query, open))} download variant="default" size="compact-sm" leftSection={<IconDownload size={14} />}>
              {t('reports.csv.short')}
            </Button>
          </Group>
          {list.isPending && <ListSkeleton rows={6} />}
          {list.error && <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && rows.length === 0 && <EmptyState title={t('reports.drill.none')} />}
          {rows.length > 0 && (
            <Table highlightOnHover aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('list.number')}</Table.Th>
                  <Table.Th>{t('list.subject')}</Table.Th>
                  <Table.Th w={110}>{t('list.status')}</Table.Th>
                  <Table.Th w={90} visibleFrom="sm">{t('ticket.priority')}</Table.Th>
                  <Table.Th w={80} visibleFrom="sm">{t('ticket.channel')}</Table.Th>
                  <Table.Th w={110}>{t('list.created')}</Table.Th>
                  {durations && <Table.Th w={110}>{t('reports.drill.value')}</Table.Th>}
                  {durations && <Table.Th w={110}>{t('reports.drill.businessValue')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((tk) => (
                  <Table.Tr key={tk.id}>
                    <Table.Td c="dimmed">#{tk.number}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/tickets/${tk.id}`} size="sm">{tk.subject || t('reports.drill.noSubject')}</Anchor>
                    </Table.Td>
                    <Table.Td><StatusBadge status={tk.status} /></Table.Td>
                    <Table.Td visibleFrom="sm"><PriorityLabel priority={tk.priority} /></Table.Td>
                    <Table.Td visibleFrom="sm">{t(`channel.${tk.channel}`)}</Table.Td>
                    <Table.Td c="dimmed" title={format.dateTime(tk.createdAt)}>{format.date(tk.createdAt)}</Table.Td>
                    {durations && <Table.Td>{kpi.duration(tk.value)}</Table.Td>}
                    {durations && <Table.Td>{kpi.duration(tk.businessValue)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {list.hasNextPage && (
            <Center mt="xs">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>
            </Center>
          )}
        </>
      )}
    </Drawer>
  );
}
