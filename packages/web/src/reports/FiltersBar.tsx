import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useAgents, useTeams } from '../api/directory';
import { EntityPicker } from '../components/EntityPicker';
import { addDays, defaultInterval, hasNarrowing, RANGE_PRESETS, type DashboardFilters } from './filters';

const ANY = '__any__';

/**
 * The dashboard's filters as ordinary form controls (all reachable by keyboard): the period with
 * quick ranges, then team, agent, channel, priority, organization and tags.
 */
export function FiltersBar({ value, today, onChange }: { value: DashboardFilters; today: string; onChange(f: DashboardFilters): void }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const teams = useTeams();
  const set = (patch: Partial<DashboardFilters>) => onChange({ ...value, ...patch });
  const setPeriod = (from: string, to: string) => {
    const [a, b] = from <= to ? [from, to] : [to, from];
    onChange({ ...value, from: a, to: b, interval: defaultInterval(a, b) });
  };
  const preset = (days: number) => setPeriod(addDays(today, -(days - 1)), today);
  const isPreset = (days: number) => value.to === today && value.from === addDays(today, -(days - 1));
  const reset = () => onChange({ ...value, teamId: null, agentId: null, channel: [], priority: [], organizationId: null, tags: [] });

  return (
    <Paper withBorder p="sm" radius="md" component="form" role="search" aria-label={t('reports.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <Group gap="xs" mb="xs" wrap="wrap" role="group" aria-label={t('reports.filters.range')}>
        {RANGE_PRESETS.map((days) => (
          <Button key={days} size="compact-sm" variant={isPreset(days) ? 'filled' : 'default'} aria-pressed={isPreset(days)} onClick={() => preset(days)}>
            {t('reports.filters.lastDays', { count: days })}
          </Button>
        ))}
        <TextInput
          type="date"
          size="xs"
          label={t('reports.filters.from')}
          value={value.from}
          max={value.to}
          onChange={(e) => e.currentTarget.value && setPeriod(e.currentTarget.value, value.to)}
          style={{ display: 'flex', alignItems: 'center', gap: 6 }}
        />
        <TextInput
          type="date"
          size="xs"
          label={t('reports.filters.to')}
          value={value.to}
          min={value.from}
          onChange={(e) => e.currentTarget.value && setPeriod(value.from, e.currentTarget.value)}
          style={{ display: 'flex', alignItems: 'center', gap: 6 }}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="xs" verticalSpacing="xs">
        <Select
          size="xs"
          label={t('reports.filters.team')}
          data={[{ value: ANY, label: t('reports.filters.any') }, ...(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))]}
          value={value.teamId ?? ANY}
          onChange={(v) => set({ teamId: !v || v === ANY ? null : v })}
          allowDeselect={false}
          searchable
        />
        <Select
          size="xs"
          label={t('reports.filters.agent')}
          data={[{ value: ANY, label: t('reports.filters.any') }, ...(agents.data ?? []).filter((a) => a.active !== false).map((a) => ({ value: a.id, label: a.name }))]}
          value={value.agentId ?? ANY}
          onChange={(v) => set({ agentId: !v || v === ANY ? null : v })}
          allowDeselect={false}
          searchable
        />
        <MultiSelect
          size="xs"
          label={t('reports.filters.channel')}
          data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={value.channel}
          onChange={(v) => set({ channel: v })}
          placeholder={value.channel.length ? undefined : t('reports.filters.any')}
          clearable
        />
        <MultiSelect
          size="xs"
          label={t('reports.filters.priority')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={value.priority}
          onChange={(v) => set({ priority: v })}
          placeholder={value.priority.length ? undefined : t('reports.filters.any')}
          clearable
        />
        <EntityPicker kind="organizations" label={t('reports.filters.organization')} value={value.organizationId} onChange={(v) => set({ organizationId: v })} placeholder={t('reports.filters.any')} />
        <TagsInput
          size="xs"
          label={t('reports.filters.tags')}
          value={value.tags}
          onChange={(v) => set({ tags: [...new Set(v.map((x) => x.trim().toLowerCase()).filter(Boolean))].slice(0, 20) })}
          placeholder={value.tags.length ? undefined : t('reports.filters.any')}
          clearable
        />
      </SimpleGrid>
      {hasNarrowing(value) && (
        <Group justify="flex-end" mt="xs">
          <Button size="compact-sm" variant="subtle" onClick={reset}>{t('reports.filters.reset')}</Button>
        </Group>
      )}
    </Paper>
  );
}
