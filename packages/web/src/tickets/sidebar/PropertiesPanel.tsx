import { useState } from 'react';
import { Anchor, Group, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { TICKET_PRIORITIES, TICKET_TYPES } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useAgents, useTags, useTeams, useTicketFields } from '../../api/directory';
import { useUpdateTicket, type Changes } from '../../api/ticket-mutations';
import type { Ticket, TicketWithRequester } from '../../api/types';
import { useSession } from '../../auth/session';
import { toast } from '../../lib/toast';
import { CustomFieldInput } from './CustomFieldInput';

const SETTABLE_STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;
const NONE = '__none__';

/** The ticket's properties, each saved as soon as it changes (optimistically). */
export function PropertiesPanel({ ticket, onUpdated }: { ticket: TicketWithRequester; onUpdated(t: Ticket): void }) {
  const { t } = useTranslation();
  const { agent, canWrite } = useSession();
  const agents = useAgents();
  const teams = useTeams();
  const fields = useTicketFields();
  const [tagSearch, setTagSearch] = useState('');
  const tags = useTags(tagSearch);
  const update = useUpdateTicket(ticket.id);
  const readOnly = !canWrite || !!ticket.mergedIntoId;

  const change = (changes: Changes) =>
    update.mutate(changes, {
      onSuccess: onUpdated,
      onError: (err) => toast.error(err, t('ticket.saveFailed')),
    });

  const statusData: { value: string; label: string }[] = SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  if (!SETTABLE_STATUSES.includes(ticket.status as (typeof SETTABLE_STATUSES)[number])) statusData.unshift({ value: ticket.status, label: t(`status.${ticket.status}`) });
  const agentData = [
    { value: NONE, label: t('list.unassigned') },
    ...(agents.data ?? []).filter((a) => a.active || a.id === ticket.assigneeId).map((a) => ({ value: a.id, label: a.id === agent.id ? t('ticket.meName', { name: a.name }) : a.name })),
  ];
  const teamData = [{ value: NONE, label: t('ticket.noTeam') }, ...(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))];

  return (
    <Stack gap={8} p="sm" component="section" aria-labelledby="properties-title">
      <Title order={3} size="h4" id="properties-title">{t('ticket.properties')}</Title>
      <Select label={t('ticket.status')} data={statusData} value={ticket.status} onChange={(v) => v && v !== ticket.status && change({ status: v as Changes['status'] })} disabled={readOnly} />
      <Select
        label={t('ticket.priority')}
        data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={ticket.priority}
        onChange={(v) => v && v !== ticket.priority && change({ priority: v as Changes['priority'] })}
        disabled={readOnly}
      />
      <Select
        label={t('ticket.type')}
        data={[{ value: NONE, label: t('ticket.noType') }, ...TICKET_TYPES.map((ty) => ({ value: ty, label: t(`type.${ty}`) }))]}
        value={ticket.type ?? NONE}
        onChange={(v) => v && change({ type: v === NONE ? null : (v as Changes['type']) })}
        disabled={readOnly}
      />
      <div>
        <Select
          label={t('ticket.assignee')}
          data={agentData}
          value={ticket.assigneeId ?? NONE}
          searchable
          onChange={(v) => v && (v === NONE ? null : v) !== ticket.assigneeId && change({ assigneeId: v === NONE ? null : v })}
          disabled={readOnly}
          nothingFoundMessage={t('common.nothingFound')}
        />
        {!readOnly && ticket.assigneeId !== agent.id && (
          <Anchor component="button" type="button" size="xs" mt={2} onClick={() => change({ assigneeId: agent.id })}>
            {t('ticket.assignToMe')}
          </Anchor>
        )}
      </div>
      <Select label={t('ticket.team')} data={teamData} value={ticket.teamId ?? NONE} onChange={(v) => v && (v === NONE ? null : v) !== ticket.teamId && change({ teamId: v === NONE ? null : v })} disabled={readOnly} />
      <TagsInput
        label={t('ticket.tags')}
        value={ticket.tags}
        data={tags.data ?? []}
        searchValue={tagSearch}
        onSearchChange={setTagSearch}
        onChange={(next) => change({ tags: next.map((x) => x.trim().toLowerCase()).filter(Boolean) })}
        splitChars={[',', ' ']}
        clearable
        disabled={readOnly}
        placeholder={readOnly ? undefined : t('ticket.addTag')}
      />
      {(fields.data ?? []).filter((f) => f.active).map((f) => (
        <CustomFieldInput key={f.id} field={f} value={ticket.custom[f.key]} disabled={readOnly} onCommit={(v) => change({ custom: { [f.key]: v } })} />
      ))}
      <Group gap={4} mt={4}>
        <Text size="xs" c="dimmed">{t('ticket.channelLabel')}</Text>
        <Text size="xs">{t(`channel.${ticket.channel}`)}</Text>
      </Group>
    </Stack>
  );
}
