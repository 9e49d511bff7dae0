import { useState } from 'react';
import { ActionIcon, Badge, Stack, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useTeams } from '../api/directory';
import { keys } from '../api/keys';
import { useSlaPolicies } from '../api/sla';
import type { SlaPolicy, Team } from '../api/types';
import { toast } from '../lib/toast';
import { AdminList, RowActions } from './AdminList';
import { SlaPolicyDialog } from './SlaPolicyDialog';
import { SLA_METRICS, SLA_PRIORITIES, formatDuration } from './sla-form';

/** "Priority: Urgent, High · Channel: Email · Tags: vip", or "Every ticket". */
export function conditionsSummary(c: SlaPolicy['conditions'], teams: Team[], t: TFunction): string {
  const parts: string[] = [];
  if (c.priorities?.length) parts.push(`${t('sla.priorities')}: ${c.priorities.map((p) => t(`priority.${p}`)).join(', ')}`);
  if (c.channels?.length) parts.push(`${t('sla.channels')}: ${c.channels.map((ch) => t(`channel.${ch}`)).join(', ')}`);
  if (c.teamIds?.length) parts.push(`${t('sla.teams')}: ${c.teamIds.map((id) => teams.find((tm) => tm.id === id)?.name ?? t('sla.unknownTeam')).join(', ')}`);
  if (c.organizationIds?.length) parts.push(t('sla.organizationsCount', { count: c.organizationIds.length }));
  if (c.tags?.length) parts.push(`${t('sla.tags')}: ${c.tags.join(', ')}`);
  return parts.length ? parts.join(' · ') : t('sla.everyTicket');
}

/** One line per priority with targets: "Urgent: First reply 1 h, Resolution 8 h (24/7)". */
export function targetsSummary(targets: SlaPolicy['targets'], t: TFunction): string[] {
  const lines: string[] = [];
  for (const p of SLA_PRIORITIES) {
    const row = targets[p];
    if (!row) continue;
    const cells = SLA_METRICS.flatMap((m) => {
      const target = row[m];
      if (!target) return [];
      const clock = target.businessHours === false ? ` (${t('sla.calendarShort')})` : '';
      return [`${t(`sla.metrics.${m}`)} ${formatDuration(target.minutes, t)}${clock}`];
    });
    if (cells.length) lines.push(`${t(`priority.${p}`)}: ${cells.join(', ')}`);
  }
  return lines;
}

/** SLA policies: the ordered list (first match applies), with move up/down, edit and delete. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const policies = useSlaPolicies();
  const teams = useTeams();
  const [editing, setEditing] = useState<SlaPolicy | null | 'new'>(null);

  const remove = useMutation({
    mutationFn: (p: SlaPolicy) => api(`/api/v1/sla-policies/${p.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.slaPolicies });
      toast.success(t('sla.deleted'));
    },
    onError: (err) => toast.error(err),
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api<{ data: SlaPolicy[] }>('/api/v1/sla-policies/order', { method: 'PUT', body: { ids } }),
    onSuccess: (r) => client.setQueryData(keys.slaPolicies, r.data),
    onError: (err) => {
      toast.error(err);
      void client.invalidateQueries({ queryKey: keys.slaPolicies });
    },
  });
  const move = (items: SlaPolicy[], from: number, to: number) => {
    const ids = items.map((p) => p.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    reorder.mutate(ids);
  };

  return (
    <>
      <Text size="sm" c="dimmed">{t('sla.intro')}</Text>
      <AdminList title={t('sla.title')} addLabel={t('sla.new')} onAdd={() => setEditing('new')} query={policies} skeletonRows={3} emptyText={t('sla.none')}>
        {(items) => (
          <Stack gap="xs">
            <Text size="sm" role="note">{t('sla.firstMatch')}</Text>
            <Table aria-label={t('sla.title')} bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t('sla.name')}</Table.Th>
                  <Table.Th>{t('sla.conditions')}</Table.Th>
                  <Table.Th>{t('sla.targets')}</Table.Th>
                  <Table.Th>{t('sla.active')}</Table.Th>
                  <Table.Th w={230} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p, i) => {
                  const lines = targetsSummary(p.targets, t);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Td><Text size="sm" c="dimmed">{i + 1}</Text></Table.Td>
                      <Table.Td><Text size="sm" fw={500}>{p.name}</Text></Table.Td>
                      <Table.Td><Text size="sm">{conditionsSummary(p.conditions, teams.data ?? [], t)}</Text></Table.Td>
                      <Table.Td>
                        {lines.length === 0 ? <Text size="sm" c="dimmed">{t('sla.noTargets')}</Text> : lines.map((l) => <Text key={l} size="sm">{l}</Text>)}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={p.active ? 'teal' : 'gray'} tt="none">{p.active ? t('sla.isActive') : t('sla.isInactive')}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <RowActions name={p.name} onEdit={() => setEditing(p)} deleteQuestion={t('sla.confirmDelete', { name: p.name })} onDelete={() => remove.mutate(p)}>
                          <ActionIcon variant="subtle" color="gray" disabled={i === 0 || reorder.isPending} onClick={() => move(items, i, i - 1)} aria-label={t('sla.moveUp', { name: p.name })}>
                            <IconArrowUp size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="gray" disabled={i === items.length - 1 || reorder.isPending} onClick={() => move(items, i, i + 1)} aria-label={t('sla.moveDown', { name: p.name })}>
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </RowActions>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </AdminList>
      {editing && <SlaPolicyDialog policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
