import { useState } from 'react';
import { Modal, MultiSelect, Radio, Select, Stack, Switch, Text } from '@mantine/core';
import { ROUTING_MODES, SKILL_FIELD_BUILTINS, type RoutingModeName } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useTicketFields } from '../api/directory';
import { useUpdateTeamRouting, type TeamRouting } from '../api/routing';
import type { Team } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

const TIERS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The ticket fields a team can read skills from: the built-in ones and every active custom field. */
export function useSkillFieldOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  const fields = useTicketFields();
  return [
    ...SKILL_FIELD_BUILTINS.map((f) => ({ value: f, label: t(`routing.team.field.${f}`) })),
    ...(fields.data ?? []).filter((f) => f.active).map((f) => ({ value: `custom.${f.key}`, label: t('routing.team.field.custom', { label: f.label }) })),
  ];
}

/** A team's routing: how tickets are handed out, which fields carry skills, hand-back on offline, escalation tier. */
export function TeamRoutingDialog({ team, routing, onClose }: { team: Pick<Team, 'id' | 'name'>; routing: TeamRouting | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const update = useUpdateTeamRouting(team.id);
  const fieldOptions = useSkillFieldOptions();
  const [mode, setMode] = useState<RoutingModeName>(routing?.mode ?? 'manual');
  const [skillFields, setSkillFields] = useState<string[]>(routing?.skillFields ?? []);
  const [requeueOnOffline, setRequeue] = useState(routing?.requeueOnOffline ?? false);
  const [tier, setTier] = useState<string | null>(routing?.escalationTier ? String(routing.escalationTier) : null);
  const routed = mode !== 'manual';
  const form = useFormSubmit({
    fields: ['mode', 'skillFields', 'requeueOnOffline', 'escalationTier'],
    action: async () => {
      await update.mutateAsync({ mode, skillFields, requeueOnOffline, escalationTier: tier ? Number(tier) : null });
      toast.success(t('common.saved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('routing.team.title', { name: team.name })} size="lg">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={form.other} />
          <Radio.Group label={t('routing.mode.label')} value={mode} onChange={(v) => setMode(v as RoutingModeName)} error={form.errors.mode}>
            <Stack gap={6} mt={6}>
              {ROUTING_MODES.map((m) => (
                <Radio key={m} value={m} label={t(`routing.mode.${m}`)} description={t(`routing.mode.${m}Hint`)} data-autofocus={m === mode || undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <MultiSelect
            label={t('routing.team.skillFields')}
            description={routed ? t('routing.team.skillFieldsHint') : t('routing.team.onlyOnRouted')}
            data={fieldOptions}
            value={skillFields}
            onChange={setSkillFields}
            disabled={!routed}
            error={form.errors.skillFields}
            searchable
            clearable
          />
          <Switch
            label={t('routing.team.requeue')}
            description={routed ? undefined : t('routing.team.onlyOnRouted')}
            checked={requeueOnOffline}
            onChange={(e) => setRequeue(e.currentTarget.checked)}
            disabled={!routed}
            error={form.errors.requeueOnOffline}
          />
          <Select
            label={t('routing.team.tier')}
            description={t('routing.team.tierHint')}
            placeholder={t('routing.team.tierNone')}
            data={TIERS.map((n) => ({ value: String(n), label: t('routing.team.tierBadge', { tier: n }) }))}
            value={tier}
            onChange={setTier}
            clearable
            error={form.errors.escalationTier}
          />
          {routing && routing.queued > 0 && <Text size="xs" c="dimmed">{t('routing.team.queued', { count: routing.queued })}</Text>}
          <FormActions submitLabel={t('common.save')} busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
