import { memo, useCallback, useState } from 'react';
import { Checkbox, Divider, Fieldset, Group, Modal, MultiSelect, SimpleGrid, Stack, Switch, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { TICKET_CHANNELS, type SlaMetricName } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useTeams } from '../api/directory';
import { keys } from '../api/keys';
import type { SlaPolicy, TicketChannel, TicketPriority } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { SLA_METRICS, SLA_PRIORITIES, cellField, initialSlaState, slaBody, slaFields, validateSla, type SlaFormState, type TargetCellState } from './sla-form';

/** One cell of the targets grid: hours, minutes and whether the clock runs in business hours. */
const TargetCell = memo(function TargetCell({ priority, metric, cell, error, onCell }: { priority: TicketPriority; metric: SlaMetricName; cell: TargetCellState; error?: string; onCell(p: TicketPriority, m: SlaMetricName, patch: Partial<TargetCellState>): void }) {
  const { t } = useTranslation();
  const onChange = (patch: Partial<TargetCellState>) => onCell(priority, metric, patch);
  const label = t('sla.cellLabel', { priority: t(`priority.${priority}`), metric: t(`sla.metrics.${metric}`) });
  return (
    <Stack role="group" aria-label={label} gap={2}>
      <Group gap={4} wrap="nowrap" align="center">
        <TextInput
          size="xs"
          w={48}
          inputMode="numeric"
          placeholder="0"
          aria-label={t('sla.cellHours', { cell: label })}
          value={cell.hours}
          onChange={(e) => onChange({ hours: e.currentTarget.value })}
          error={!!error}
        />
        <Text size="xs" c="dimmed">{t('sla.hoursShort')}</Text>
        <TextInput
          size="xs"
          w={48}
          inputMode="numeric"
          placeholder="0"
          aria-label={t('sla.cellMinutes', { cell: label })}
          value={cell.minutes}
          onChange={(e) => onChange({ minutes: e.currentTarget.value })}
          error={!!error}
        />
        <Text size="xs" c="dimmed">{t('sla.minutesShort')}</Text>
      </Group>
      <Checkbox
        size="xs"
        label={t('sla.businessHoursShort')}
        aria-label={t('sla.cellBusinessHours', { cell: label })}
        checked={cell.businessHours}
        onChange={(e) => onChange({ businessHours: e.currentTarget.checked })}
      />
      {error && <Text size="xs" c="red" role="alert">{error}</Text>}
    </Stack>
  );
});

/** Rows: the clocks; columns: the priorities. Empty cells set no target. */
function TargetsGrid({ s, errors, onCell }: { s: SlaFormState; errors: Record<string, string>; onCell(p: TicketPriority, m: SlaMetricName, patch: Partial<TargetCellState>): void }) {
  const { t } = useTranslation();
  const general = errors.targets ?? SLA_PRIORITIES.map((p) => errors[`targets.${p}`]).find(Boolean);
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">{t('sla.targetsHint')}</Text>
      <Table aria-label={t('sla.targets')} withRowBorders verticalSpacing={6} horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {SLA_PRIORITIES.map((p) => <Table.Th key={p}>{t(`priority.${p}`)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SLA_METRICS.map((m) => (
            <Table.Tr key={m}>
              <Table.Th scope="row"><Text size="sm" fw={500}>{t(`sla.metrics.${m}`)}</Text></Table.Th>
              {SLA_PRIORITIES.map((p) => (
                <Table.Td key={p} style={{ verticalAlign: 'top' }}>
                  <TargetCell priority={p} metric={m} cell={s.targets[p][m]} error={errors[cellField(p, m)]} onCell={onCell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {general && <Text size="xs" c="red" role="alert">{general}</Text>}
    </Stack>
  );
}

/** Create or edit an SLA policy: name, conditions, the targets grid and the warning time. */
export function SlaPolicyDialog({ policy, onClose }: { policy: SlaPolicy | null; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const [s, setS] = useState<SlaFormState>(() => initialSlaState(policy));
  const patch = (p: Partial<SlaFormState>) => setS((prev) => ({ ...prev, ...p }));
  const setCell = useCallback(
    (p: TicketPriority, m: SlaMetricName, c: Partial<TargetCellState>) =>
      setS((prev) => ({ ...prev, targets: { ...prev.targets, [p]: { ...prev.targets[p], [m]: { ...prev.targets[p][m], ...c } } } })),
    [],
  );

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: slaFields(),
    validate: () => validateSla(s, t),
    action: async () => {
      const body = slaBody(s);
      await (policy ? api<SlaPolicy>(`/api/v1/sla-policies/${policy.id}`, { method: 'PATCH', body }) : api<SlaPolicy>('/api/v1/sla-policies', { body }));
      void client.invalidateQueries({ queryKey: keys.slaPolicies });
      toast.success(t('common.saved'));
      onClose();
    },
  });

  const title = policy ? t('sla.editTitle', { name: policy.name }) : t('sla.new');
  const teamOptions = (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
  for (const id of s.teamIds) if (!teamOptions.some((o) => o.value === id)) teamOptions.push({ value: id, label: t('sla.unknownTeam') });

  return (
    <Modal opened onClose={onClose} title={title} size={900}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          {Object.keys(errors).length > 0 && <Text size="sm" c="red" role="alert">{t('channels.fixErrors')}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('sla.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
            <TextInput
              label={t('sla.warnBefore')}
              description={t('sla.warnBeforeHint')}
              inputMode="numeric"
              value={s.warnBeforeMinutes}
              onChange={(e) => patch({ warnBeforeMinutes: e.currentTarget.value })}
              error={errors.warnBeforeMinutes}
            />
          </SimpleGrid>
          <Switch label={t('sla.active')} checked={s.active} onChange={(e) => patch({ active: e.currentTarget.checked })} />

          <Fieldset legend={t('sla.conditions')}>
            <Stack gap="xs">
              <Text size="xs" c="dimmed">{t('sla.conditionsHint')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MultiSelect
                  label={t('sla.priorities')}
                  placeholder={t('sla.any')}
                  data={SLA_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                  value={s.priorities}
                  onChange={(v) => patch({ priorities: v as TicketPriority[] })}
                  error={errors['conditions.priorities']}
                />
                <MultiSelect
                  label={t('sla.channels')}
                  placeholder={t('sla.any')}
                  data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  value={s.channels}
                  onChange={(v) => patch({ channels: v as TicketChannel[] })}
                  error={errors['conditions.channels']}
                />
                <MultiSelect
                  label={t('sla.teams')}
                  placeholder={t('sla.any')}
                  data={teamOptions}
                  value={s.teamIds}
                  onChange={(v) => patch({ teamIds: v })}
                  searchable
                  error={errors['conditions.teamIds']}
                />
                <TagsInput
                  label={t('sla.tags')}
                  description={t('sla.tagsHint')}
                  value={s.tags}
                  onChange={(v) => patch({ tags: v })}
                  splitChars={[',', ' ']}
                  error={errors['conditions.tags']}
                />
                <TagsInput
                  label={t('sla.tiers')}
                  description={t('sla.tiersHint')}
                  value={s.tiers}
                  onChange={(v) => patch({ tiers: v })}
                  splitChars={[',']}
                  error={errors['conditions.tiers']}
                />
              </SimpleGrid>
              {(errors.conditions || errors['conditions.organizationIds']) && <Text size="xs" c="red" role="alert">{errors.conditions ?? errors['conditions.organizationIds']}</Text>}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('sla.targets')}>
            <TargetsGrid s={s} errors={errors} onCell={setCell} />
          </Fieldset>

          <Divider />
          <FormActions submitLabel={policy ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
