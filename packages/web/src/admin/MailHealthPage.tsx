import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Center, Code, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconRefresh, IconRepeat } from '@tabler/icons-react';
import { INBOUND_STATUSES } from '@servus/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import { rawMailUrl, useInboundMail, useMailHealth, useOutboundMail } from '../api/mail';
import type { ChannelMailHealth, InboundMail, OutboundMail } from '../api/types';
import { useFormat } from '../auth/session';
import { ConfirmButton } from '../components/ConfirmButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { toast } from '../lib/toast';
import { ListSkeleton } from '../views/ListSkeleton';

/** The channel filter's "all channels" choice. */
const ALL = 'all';
type InboundStatus = (typeof INBOUND_STATUSES)[number];
/** The tabs of the inbound table: what needs attention first. */
const INBOUND_TABS: readonly InboundStatus[] = ['quarantined', 'failed', 'pending', 'ignored', 'processed'];

function When({ iso }: { iso: string | null }) {
  const format = useFormat();
  if (!iso) return null;
  return <time dateTime={iso} title={format.dateTime(iso)}>{format.relative(iso)}</time>;
}

function Count({ label, value, alarm }: { label: string; value: number; alarm?: 'red' | 'orange' }) {
  const format = useFormat();
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">{label}</Text>
      <Text component="dd" m={0} size="lg" fw={600} c={value > 0 && alarm ? alarm : undefined}>{format.number(value)}</Text>
    </div>
  );
}

/** One channel's fetch state, queues, last error and loop warning. */
function HealthCard({ h }: { h: ChannelMailHealth }) {
  const { t } = useTranslation();
  return (
    <Paper component="section" withBorder p="sm" aria-label={h.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} truncate>{h.name}</Text>
            <Text size="xs" c="dimmed" truncate>{h.address}</Text>
          </div>
          <Group gap={4} wrap="nowrap">
            {!h.active && <Badge color="gray">{t('admin.inactive')}</Badge>}
            {h.stale && <Badge color="red" variant="filled">{t('mailHealth.stale')}</Badge>}
          </Group>
        </Group>
        <Text size="sm">
          {!h.imapConfigured ? (
            t('mailHealth.noImap')
          ) : h.lastFetchAt ? (
            <>{t('mailHealth.lastFetch')} <When iso={h.lastFetchAt} /></>
          ) : (
            t('mailHealth.neverFetched')
          )}
        </Text>
        {h.stale && <Text size="xs" c="red">{t('mailHealth.staleHint')}</Text>}
        <SimpleGrid component="dl" cols={{ base: 2, xs: 3 }} spacing="xs" verticalSpacing={4} m={0}>
          <Count label={t('mailHealth.backlog')} value={h.backlog} />
          <Count label={t('mailHealth.failed')} value={h.failed} alarm="red" />
          <Count label={t('mailHealth.quarantined')} value={h.quarantined} alarm="orange" />
          <Count label={t('mailHealth.outboundQueued')} value={h.outboundQueued} />
          <Count label={t('mailHealth.outboundFailed')} value={h.outboundFailed} alarm="red" />
        </SimpleGrid>
        {h.lastError && (
          <Alert color="red" variant="light" p="xs" title={<>{t('mailHealth.lastError')} {h.lastErrorAt && <Text span size="xs" c="dimmed"><When iso={h.lastErrorAt} /></Text>}</>}>
            <Text size="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{h.lastError}</Text>
          </Alert>
        )}
        {h.loopWarnings > 0 && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title={t('mailHealth.loopWarning')}>
            <Text size="xs">
              {t('mailHealth.loopDetail', { count: h.loopWarnings })} {h.lastLoopAt && <When iso={h.lastLoopAt} />}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function TicketLink({ id, number }: { id: string | null; number?: number | null }) {
  const { t } = useTranslation();
  if (!id) return <Text size="sm" c="dimmed">—</Text>;
  return <Anchor component={Link} to={`/tickets/${id}`} size="sm">{number ? `#${number}` : t('mailHealth.openTicket')}</Anchor>;
}

function useMailInvalidation() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: keys.mail });
}

/** Stored inbound mail of one status with reprocess and raw download. */
function InboundTable({ channelId, channelNames }: { channelId: string; channelNames: Map<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<InboundStatus>('quarantined');
  const list = useInboundMail(channelId, status);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const invalidate = useMailInvalidation();
  const reprocess = useMutation({
    mutationFn: (m: InboundMail) => api<InboundMail>(`/api/v1/mail/inbound/${m.id}/reprocess`, { method: 'POST' }),
    onSuccess: (m) => {
      invalidate();
      if (m.status === 'processed') toast.success(m.ticketNumber ? t('mailHealth.reprocessedInto', { number: m.ticketNumber }) : t('mailHealth.reprocessed'));
      else toast.info(t('mailHealth.reprocessedStatus', { status: t(`mailHealth.status.${m.status}`) }));
    },
    onError: (err) => toast.error(err),
  });
  const canReprocess = (m: InboundMail) => m.status === 'failed' || m.status === 'quarantined' || m.status === 'ignored';

  return (
    <Stack gap="xs">
      <Tabs value={status} onChange={(v) => v && setStatus(v as InboundStatus)}>
        <Tabs.List aria-label={t('mailHealth.inboundStatus')}>
          {INBOUND_TABS.map((s) => <Tabs.Tab key={s} value={s}>{t(`mailHealth.status.${s}`)}</Tabs.Tab>)}
        </Tabs.List>
      </Tabs>
      {list.isPending && <ListSkeleton rows={3} />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState title={t(`mailHealth.emptyInbound.${status}`)} />}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('mailHealth.inboundTable', { status: t(`mailHealth.status.${status}`) })} bg="white" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mailHealth.received')}</Table.Th>
                <Table.Th>{t('mailHealth.from')}</Table.Th>
                <Table.Th>{t('mailHealth.subject')}</Table.Th>
                <Table.Th>{t('mailHealth.reason')}</Table.Th>
                <Table.Th>{t('mailHealth.attempts')}</Table.Th>
                <Table.Th>{t('mailHealth.ticket')}</Table.Th>
                <Table.Th w={170} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}><time dateTime={m.receivedAt} title={format.relative(m.receivedAt)}>{format.dateTime(m.receivedAt)}</time></Text>
                    {!channelId && <Text size="xs" c="dimmed">{channelNames.get(m.channelId) ?? ''}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{m.from ?? '—'}</Text></Table.Td>
                  <Table.Td>
                    {m.subject ? <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{m.subject}</Text> : <Text size="sm" c="dimmed">{t('mailHealth.noSubject')}</Text>}
                    <Text size="xs" c="dimmed">{format.bytes(m.size)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {m.reason ? <Code>{m.reason}</Code> : !m.detail && <Text size="sm" c="dimmed">—</Text>}
                    {m.detail && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{m.detail}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{m.attempts}</Text></Table.Td>
                  <Table.Td><TicketLink id={m.ticketId} number={m.ticketNumber} /></Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {canReprocess(m) && (
                        <ConfirmButton
                          size="compact-xs"
                          variant="default"
                          leftSection={<IconRepeat size={12} />}
                          question={t('mailHealth.confirmReprocess', { subject: m.subject ?? t('mailHealth.noSubject') })}
                          confirmLabel={t('mailHealth.reprocess')}
                          onConfirm={() => reprocess.mutate(m)}
                          aria-label={t('mailHealth.reprocessNamed', { subject: m.subject ?? t('mailHealth.noSubject') })}
                          loading={reprocess.isPending && reprocess.variables?.id === m.id}
                        >
                          {t('mailHealth.reprocess')}
                        </ConfirmButton>
                      )}
                      <Anchor href={rawMailUrl(m.id)} download size="xs" aria-label={t('mailHealth.downloadRaw', { subject: m.subject ?? t('mailHealth.noSubject') })} style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
                        <IconDownload size={14} aria-hidden /> .eml
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
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

/** Outbound mail that could not be delivered, with a retry. */
function OutboundTable({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useOutboundMail(channelId, 'failed');
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const invalidate = useMailInvalidation();
  const retry = useMutation({
    mutationFn: (m: OutboundMail) => api<OutboundMail>(`/api/v1/mail/outbound/${m.id}/retry`, { method: 'POST' }),
    onSuccess: (m) => {
      invalidate();
      if (m.status === 'failed') toast.error(new Error(m.lastError ?? t('mailHealth.retryFailed')));
      else toast.success(m.status === 'sent' ? t('mailHealth.retrySent') : t('mailHealth.retryQueued'));
    },
    onError: (err) => toast.error(err),
  });
  return (
    <Stack gap="xs">
      {list.isPending && <ListSkeleton rows={2} />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState title={t('mailHealth.noFailedOutbound')} />}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t('mailHealth.outboundTitle')} bg="white" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mailHealth.created')}</Table.Th>
                <Table.Th>{t('mailHealth.to')}</Table.Th>
                <Table.Th>{t('mailHealth.subject')}</Table.Th>
                <Table.Th>{t('mailHealth.lastErrorColumn')}</Table.Th>
                <Table.Th>{t('mailHealth.attempts')}</Table.Th>
                <Table.Th>{t('mailHealth.ticket')}</Table.Th>
                <Table.Th w={100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}><time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time></Text></Table.Td>
                  <Table.Td><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{[...m.to, ...m.cc].join(', ')}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{m.subject}</Text>
                    <Text size="xs" c="dimmed">{m.kind === 'auto_ack' ? t('mailHealth.kindAutoAck') : t('mailHealth.kindReply')}</Text>
                  </Table.Td>
                  <Table.Td><Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>{m.lastError ?? '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{m.attempts}</Text></Table.Td>
                  <Table.Td><TicketLink id={m.ticketId} /></Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="default" leftSection={<IconRefresh size={12} />} onClick={() => retry.mutate(m)} loading={retry.isPending && retry.variables?.id === m.id} aria-label={t('mailHealth.retryNamed', { subject: m.subject })}>
                      {t('mailHealth.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
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

/** How mail is doing: per-channel fetch state and queues, stuck inbound mail and failed outbound mail. */
export function MailHealthPage() {
  const { t } = useTranslation();
  const health = useMailHealth();
  const invalidate = useMailInvalidation();
  const [channelId, setChannelId] = useState('');
  const channels = useMemo(() => health.data?.channels ?? [], [health.data]);
  const names = useMemo(() => new Map(channels.map((c) => [c.channelId, c.name])), [channels]);

  return (
    <>
      <Group justify="space-between">
        <Title order={3} size="h4">{t('mailHealth.title')}</Title>
        <Button variant="default" leftSection={<IconRefresh size={14} />} onClick={invalidate} loading={health.isFetching && !health.isPending}>{t('common.refresh')}</Button>
      </Group>
      {health.isPending && <ListSkeleton rows={3} />}
      {health.error && <ErrorState error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && channels.length === 0 && (
        <EmptyState title={t('mailHealth.noChannels')} action={<Anchor component={Link} to="/admin/channels" size="sm">{t('mailHealth.setUpChannel')}</Anchor>} />
      )}
      {channels.length > 0 && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {channels.map((h) => <HealthCard key={h.channelId} h={h} />)}
          </SimpleGrid>
          <Group justify="space-between" align="flex-end" mt="sm">
            <Title order={4} size="h5">{t('mailHealth.inboundTitle')}</Title>
            <Select
              label={t('mailHealth.channel')}
              data={[{ value: ALL, label: t('mailHealth.allChannels') }, ...channels.map((c) => ({ value: c.channelId, label: c.name }))]}
              value={channelId || ALL}
              onChange={(v) => setChannelId(!v || v === ALL ? '' : v)}
              allowDeselect={false}
              w={240}
            />
          </Group>
          <InboundTable channelId={channelId} channelNames={names} />
          <Title order={4} size="h5" mt="sm">{t('mailHealth.outboundTitle')}</Title>
          <OutboundTable channelId={channelId} />
        </>
      )}
    </>
  );
}
