import { Group, MultiSelect, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useAgents, useTeams, useTicketFields } from '../api/directory';
import type { CustomValue } from '../api/types';
import { EntityPicker } from '../components/EntityPicker';
import { CustomFieldInput } from '../tickets/sidebar/CustomFieldInput';
import type { Filters } from './filters';

const ANY = '__any__';
/** "Next SLA breach within" choices, in minutes (0 = already due). */
const SLA_DUE_OPTIONS = [0, 60, 240, 1440] as const;

function dateOf(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function isoOf(date: string, endOfDay: boolean): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Every filter a view can have, as form controls. */
export function FilterFields({ value, onChange }: { value: Filters; onChange(f: Filters): void }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const teams = useTeams();
  const fields = useTicketFields();
  const set = <K extends keyof Filters>(key: K, v: Filters[K] | undefined) => {
    const next = { ...value, [key]: v } as Filters;
    if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') delete next[key];
    onChange(next);
  };
  const setCustom = (key: string, v: CustomValue) => {
    const custom = { ...(value.custom ?? {}) };
    if (v === null || v === '') delete custom[key];
    else custom[key] = v;
    set('custom', Object.keys(custom).length ? custom : undefined);
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
      <MultiSelect label={t('ticket.status')} data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={value.status ?? []} onChange={(v) => set('status', v as Filters['status'])} clearable />
      <MultiSelect label={t('ticket.priority')} data={TICKET_PRIORITIES.map((s) => ({ value: s, label: t(`priority.${s}`) }))} value={value.priority ?? []} onChange={(v) => set('priority', v as Filters['priority'])} clearable />
      <MultiSelect label={t('ticket.type')} data={TICKET_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))} value={value.type ?? []} onChange={(v) => set('type', v as Filters['type'])} clearable />
      <MultiSelect label={t('ticket.channel')} data={TICKET_CHANNELS.map((s) => ({ value: s, label: t(`channel.${s}`) }))} value={value.channel ?? []} onChange={(v) => set('channel', v as Filters['channel'])} clearable />
      <Select
        label={t('ticket.assignee')}
        data={[
          { value: ANY, label: t('viewEditor.any') },
          { value: 'me', label: t('viewEditor.me') },
          { value: 'none', label: t('list.unassigned') },
          ...(agents.data ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
        value={value.assigneeId ?? ANY}
        onChange={(v) => set('assigneeId', v === ANY || !v ? undefined : v)}
        searchable
      />
      <Select
        label={t('ticket.team')}
        data={[{ value: ANY, label: t('viewEditor.any') }, { value: 'none', label: t('ticket.noTeam') }, ...(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))]}
        value={value.teamId ?? ANY}
        onChange={(v) => set('teamId', v === ANY || !v ? undefined : v)}
      />
      <Select
        label={t('viewEditor.slaDue')}
        data={[{ value: ANY, label: t('viewEditor.any') }, ...SLA_DUE_OPTIONS.map((m) => ({ value: String(m), label: t(`viewEditor.slaDueWithin.${m}`) }))]}
        value={value.slaDueWithin === undefined ? ANY : String(value.slaDueWithin)}
        onChange={(v) => set('slaDueWithin', v === ANY || !v ? undefined : Number(v))}
      />
      <TagsInput label={t('ticket.tags')} description={t('viewEditor.tagsHint')} value={value.tag ?? []} onChange={(v) => set('tag', v.map((x) => x.toLowerCase()))} clearable />
      <EntityPicker kind="contacts" label={t('viewEditor.requester')} value={value.requesterId ?? null} onChange={(v) => set('requesterId', v ?? undefined)} placeholder={t('viewEditor.any')} />
      <EntityPicker kind="organizations" label={t('viewEditor.organization')} value={value.organizationId ?? null} onChange={(v) => set('organizationId', v ?? undefined)} placeholder={t('viewEditor.any')} />
      <Group grow gap="xs">
        <TextInput type="date" label={t('viewEditor.createdAfter')} value={dateOf(value.createdAfter)} onChange={(e) => set('createdAfter', isoOf(e.currentTarget.value, false))} />
        <TextInput type="date" label={t('viewEditor.createdBefore')} value={dateOf(value.createdBefore)} onChange={(e) => set('createdBefore', isoOf(e.currentTarget.value, true))} />
      </Group>
      <Group grow gap="xs">
        <TextInput type="date" label={t('viewEditor.updatedAfter')} value={dateOf(value.updatedAfter)} onChange={(e) => set('updatedAfter', isoOf(e.currentTarget.value, false))} />
        <TextInput type="date" label={t('viewEditor.updatedBefore')} value={dateOf(value.updatedBefore)} onChange={(e) => set('updatedBefore', isoOf(e.currentTarget.value, true))} />
      </Group>
      {(fields.data ?? []).filter((f) => f.active).map((f) => (
        <CustomFieldInput key={f.id} field={f} value={value.custom?.[f.key]} onCommit={(v) => setCustom(f.key, v)} />
      ))}
    </SimpleGrid>
  );
}
