import { Fragment, useState } from 'react';
import { Anchor, Badge, Button, Center, Code, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { WEBHOOK_DELIVERY_STATUSES, type Webhook, type WebhookDelivery, type WebhookDeliveryStatusName } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useWebhookDeliveries, useWebhookDelivery, webhookKeys } from '../../api/webhooks';
import { useFormat } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { toast } from '../../lib/toast';
import { ListSkeleton } from '../../views/ListSkeleton';

const STATUS_COLOR: Record<WebhookDeliveryStatusName, string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

export function DeliveryStatus({ status }: { status: WebhookDeliveryStatusName }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={STATUS_COLOR[status]} tt="none">{t(`webhooks.status.${status}`)}</Badge>;
}

/** What came back, or why nothing did: "503", "Timeout – no complete answer within 15 s". */
function Outcome({ d }: { d: Pick<WebhookDelivery, 'responseStatus' | 'errorClass' | 'errorMessage'> }) {
  const { t } = useTranslation();
  return (
    <>
      {d.responseStatus !== null && <Code>{d.responseStatus}</Code>}
      {d.errorClass && d.errorClass !== 'http_status' && <Text size="xs" fw={500}>{t(`webhooks.errorClass.${d.errorClass}`)}</Text>}
      {d.errorMessage && d.errorClass !== 'http_status' && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{d.errorMessage}</Text>}
      {d.responseStatus === null && !d.errorClass && <Text size="sm" c="dimmed">—</Text>}
    </>
  );
}

/** The payload sent and every attempt of one delivery. */
function DeliveryDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useWebhookDelivery(id);
  if (detail.isPending) return <ListSkeleton rows={2} />;
  if (detail.error) return <ErrorState compact error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <Stack gap="xs" p="xs">
      <Text size="xs" c="dimmed">{t('webhooks.log.eventId', { id: d.eventId })}</Text>
      {d.attemptLog.length > 0 && (
        <Table aria-label={t('webhooks.log.attempts')} withRowBorders={false} verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.log.attemptAt')}</Table.Th>
              <Table.Th>{t('webhooks.log.result')}</Table.Th>
              <Table.Th>{t('webhooks.log.duration')}</Table.Th>
              <Table.Th>{t('webhooks.log.url')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.attemptLog.map((a, i) => (
              <Table.Tr key={i}>
                <Table.Td><Text size="xs">{format.dateTime(a.at)}</Text></Table.Td>
                <Table.Td><Outcome d={a} /></Table.Td>
                <Table.Td><Text size="xs">{t('webhooks.log.ms', { ms: a.durationMs })}</Text></Table.Td>
                <Table.Td><Text size="xs" style={{ overflowWrap: 'anywhere' }}>{a.url}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" fw={500}>{t('webhooks.log.payload')}</Text>
      <Code block style={{ maxHeight: 300, overflow: 'auto' }} aria-label={t('webhooks.log.payload')}>{JSON.stringify(d.payload, null, 2)}</Code>
    </Stack>
  );
}

/**
 * A webhook's delivery log: newest first, filtered by status, with each attempt's answer code,
 * duration and error class (never the receiver's response body), the payload on request, and
 * "Redeliver" for finished deliveries.
 */
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [status, setStatus] = useState<WebhookDeliveryStatusName | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const list = useWebhookDeliveries(webhook.id, status);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const redeliver = useMutation({
    mutationFn: (d: WebhookDelivery) => api<WebhookDelivery>(`/api/v1/webhook-deliveries/${d.id}/redeliver`, { method: 'POST' }),
    onSuccess: () => {
      toast.success(t('webhooks.log.redelivering'));
      void client.invalidateQueries({ queryKey: webhookKeys.all });
    },
    onError: (err) => toast.error(err),
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('webhooks.log.filter')}
          value={status || 'all'}
          onChange={(v) => setStatus(v === 'all' ? '' : (v as WebhookDeliveryStatusName))}
          data={[{ value: 'all', label: t('webhooks.log.all') }, ...WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.status.${s}`) }))]}
        />
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => void list.refetch()} loading={list.isRefetching}>{t('common.refresh')}</Button>
      </Group>
      {list.isPending && <ListSkeleton rows={3} />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState title={status ? t('webhooks.log.noneWithStatus') : t('webhooks.log.none')} />}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table aria-label={t('webhooks.log.title', { name: webhook.name })} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={28} />
                <Table.Th>{t('webhooks.log.created')}</Table.Th>
                <Table.Th>{t('webhooks.log.event')}</Table.Th>
                <Table.Th>{t('webhooks.log.status')}</Table.Th>
                <Table.Th>{t('webhooks.log.attemptsShort')}</Table.Th>
                <Table.Th>{t('webhooks.log.result')}</Table.Th>
                <Table.Th>{t('webhooks.log.duration')}</Table.Th>
                <Table.Th w={110} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Fragment key={d.id}>
                  <Table.Tr>
                    <Table.Td>
                      <Button variant="subtle" size="compact-xs" px={2} onClick={() => setOpen(open === d.id ? null : d.id)} aria-expanded={open === d.id} aria-label={t('webhooks.log.details', { event: d.event, time: format.dateTime(d.createdAt) })}>
                        {open === d.id ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                      </Button>
                    </Table.Td>
                    <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}><time dateTime={d.createdAt}>{format.dateTime(d.createdAt)}</time></Text></Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">{d.event}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`webhooks.source.${d.source}`)}
                        {d.ticketId && <> · <Anchor component={Link} to={`/tickets/${d.ticketId}`} size="xs">{t('webhooks.log.ticket')}</Anchor></>}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DeliveryStatus status={d.status} />
                      {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && <Text size="xs" c="dimmed">{t('webhooks.log.nextAttempt', { when: format.relative(d.nextAttemptAt) })}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{t('webhooks.log.attemptsOf', { done: d.attempts, max: d.maxAttempts })}</Text></Table.Td>
                    <Table.Td><Outcome d={d} /></Table.Td>
                    <Table.Td><Text size="sm">{d.durationMs === null ? '—' : t('webhooks.log.ms', { ms: d.durationMs })}</Text></Table.Td>
                    <Table.Td>
                      {d.status !== 'pending' && (
                        <Button size="compact-xs" variant="default" onClick={() => redeliver.mutate(d)} loading={redeliver.isPending && redeliver.variables?.id === d.id} aria-label={t('webhooks.log.redeliverNamed', { event: d.event, time: format.dateTime(d.createdAt) })}>
                          {t('webhooks.log.redeliver')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open === d.id && (
                    <Table.Tr>
                      <Table.Td colSpan={8} bg="gray.0"><DeliveryDetail id={d.id} /></Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Center><Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button></Center>
      )}
    </Stack>
  );
}
