import { useEffect, useState } from 'react';
import { Badge, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketSla, TicketSlaTarget } from '../api/types';
import { useFormat } from '../auth/session';
import { formatDuration } from '../admin/sla-form';
import { slaBadgeInfo, type SlaBadgeState } from './sla-status';

const COLOR: Record<SlaBadgeState, string> = { ok: 'blue', warning: 'yellow', overdue: 'red', paused: 'gray', met: 'teal' };
const STATUS_COLOR: Record<TicketSlaTarget['status'], string> = { active: 'blue', paused: 'gray', achieved: 'teal', breached: 'red' };

/** The current time, refreshed every `every` milliseconds. */
function useNow(every: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(id);
  }, [every]);
  return now;
}

/**
 * The ticket's SLA as a badge beside its status: the next due target with a countdown that
 * refreshes every 30 seconds, yellow shortly before, red once breached, grey while paused. A
 * click lists every target with its status and due time in the agent's time zone.
 */
export function SlaBadge({ sla }: { sla: TicketSla | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  if (!sla) return null;
  const info = slaBadgeInfo(sla, now);
  const metric = info.target ? t(`sla.metrics.${info.target.metric}`) : '';
  const duration = formatDuration(info.minutes, t, true);
  const label =
    info.state === 'overdue'
      ? t('sla.badge.overdue', { metric, duration })
      : info.state === 'paused'
        ? t('sla.badge.paused', { metric })
        : info.state === 'met'
          ? t('sla.badge.met')
          : t('sla.badge.dueIn', { metric, duration });

  return (
    <Popover position="bottom-start" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton aria-label={t('sla.badge.label', { label })} style={{ flexShrink: 0 }}>
          <Badge color={COLOR[info.state]} variant={info.state === 'overdue' ? 'filled' : 'light'} tt="none" fw={600} leftSection={<IconAlarm size={12} aria-hidden />} data-state={info.state}>
            {label}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="region" aria-label={t('sla.badge.details')}>
          <Text size="sm" fw={600}>{t('sla.badge.policy', { name: sla.policyName })}</Text>
          <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs">
            <Table.Tbody>
              {sla.targets.map((tg) => (
                <Table.Tr key={tg.metric}>
                  <Table.Td><Text size="sm">{t(`sla.metrics.${tg.metric}`)}</Text></Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[tg.status]} tt="none">{t(`sla.targetStatus.${tg.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {tg.status === 'achieved' && tg.fulfilledAt
                        ? t('sla.badge.fulfilledAt', { time: format.dateTime(tg.fulfilledAt) })
                        : tg.dueAt
                          ? t('sla.badge.dueAt', { time: format.dateTime(tg.dueAt) })
                          : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {formatDuration(tg.targetMinutes, t)} · {tg.businessHours ? t('sla.businessHours') : t('sla.calendarTime')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
