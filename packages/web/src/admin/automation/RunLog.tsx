import { Anchor, Badge, Modal, Table, Text } from '@mantine/core';
import type { AutomationRule, AutomationRunStatus } from '@servus/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAutomationRuns } from '../../api/automation';
import { useFormat } from '../../auth/session';
import { ErrorState } from '../../components/ErrorState';
import { ListSkeleton } from '../../views/ListSkeleton';

const STATUS_COLOR: Record<AutomationRunStatus, string> = { applied: 'teal', skipped: 'gray', failed: 'red', depth_exceeded: 'orange' };

/** The latest runs of one rule: when, which ticket and event, what came of it and why. */
export function RunLog({ rule, onClose }: { rule: AutomationRule; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const runs = useAutomationRuns(rule.id);
  const title = t('automation.runs.title', { name: rule.name });
  const eventLabel = (e: string) => (e === 'schedule' ? t('automation.runs.schedule') : t(`automation.events.${e}`, { defaultValue: e }));
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      {runs.isPending && <ListSkeleton rows={4} />}
      {runs.error && <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && runs.data.length === 0 && <Text size="sm" c="dimmed">{t('automation.runs.none')}</Text>}
      {runs.data && runs.data.length > 0 && (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automation.runs.when')}</Table.Th>
              <Table.Th>{t('automation.runs.ticket')}</Table.Th>
              <Table.Th>{t('automation.runs.event')}</Table.Th>
              <Table.Th>{t('automation.runs.result')}</Table.Th>
              <Table.Th>{t('automation.runs.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((r) => {
              const notes = r.actions.filter((a) => a.status !== 'done').map((a) => `${t(`automation.actions.${a.type}`)}: ${t(`automation.reasons.${a.reason ?? 'failed'}`, { defaultValue: a.reason ?? '' })}`);
              return (
                <Table.Tr key={r.id}>
                  <Table.Td><Text size="sm">{format.dateTime(r.createdAt)}</Text></Table.Td>
                  <Table.Td>{r.ticketId ? <Anchor component={Link} to={`/tickets/${r.ticketId}`} size="sm">#{r.ticketNumber}</Anchor> : <Text size="sm" c="dimmed">{r.ticketNumber ? `#${r.ticketNumber}` : '–'}</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{eventLabel(r.event)}{r.depth > 0 && <Text span size="xs" c="dimmed"> · {t('automation.runs.depth', { depth: r.depth })}</Text>}</Text></Table.Td>
                  <Table.Td><Badge variant="light" color={STATUS_COLOR[r.status]} tt="none">{t(`automation.runs.status.${r.status}`)}</Badge></Table.Td>
                  <Table.Td>
                    {r.error && r.status !== 'failed' && <Text size="xs">{r.status === 'depth_exceeded' ? t('automation.runs.depthExceeded', { depth: r.depth }) : r.error}</Text>}
                    {r.status === 'failed' && <Text size="xs" c="red">{r.error}</Text>}
                    {notes.map((n) => <Text key={n} size="xs" c="dimmed">{n}</Text>)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
