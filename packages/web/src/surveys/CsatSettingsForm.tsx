import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SURVEY_CHANNELS, type SurveyReason, type SurveySettings } from '@servus/shared';
import { api } from '../api/client';
import { surveyKeys } from '../api/surveys';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

const FIELDS = ['csatEnabled', 'scale', 'delayMinutes', 'channels', 'reasons', 'cesEnabled', 'expiryDays', 'throttleDays', 'npsQuietDays', 'minSample'] as const;

type State = Omit<SurveySettings, 'updatedAt'>;

/** The reason list: a key plus an English and a German label per row. */
function ReasonRows({ reasons, onChange, error }: { reasons: SurveyReason[]; onChange(r: SurveyReason[]): void; error?: string }) {
  const { t } = useTranslation();
  const set = (i: number, p: Partial<SurveyReason>) => onChange(reasons.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>{t('surveys.settings.reasons')}</Text>
      <Text size="xs" c="dimmed">{t('surveys.settings.reasonsHint')}</Text>
      {reasons.map((r, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput aria-label={t('surveys.settings.reasonKey', { n: i + 1 })} placeholder="speed" value={r.key} onChange={(e) => set(i, { key: e.currentTarget.value })} w={130} />
          <TextInput aria-label={t('surveys.settings.reasonEn', { n: i + 1 })} placeholder="English" value={r.labelEn} onChange={(e) => set(i, { labelEn: e.currentTarget.value })} style={{ flex: 1 }} />
          <TextInput aria-label={t('surveys.settings.reasonDe', { n: i + 1 })} placeholder="Deutsch" value={r.labelDe} onChange={(e) => set(i, { labelDe: e.currentTarget.value })} style={{ flex: 1 }} />
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => onChange(reasons.filter((_, j) => j !== i))} aria-label={t('surveys.settings.removeReason', { n: i + 1 })}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && <Text size="xs" c="red">{error}</Text>}
      <Group>
        <Button size="compact-sm" variant="default" leftSection={<IconPlus size={14} />} onClick={() => onChange([...reasons, { key: '', labelEn: '', labelDe: '' }])} disabled={reasons.length >= 20}>
          {t('surveys.settings.addReason')}
        </Button>
      </Group>
    </Stack>
  );
}

/** CSAT and CES settings: on or off, scale, delay after Solved, channels, reasons, link validity, throttle, quiet period, small-sample limit. */
export function CsatSettingsForm({ settings }: { settings: SurveySettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [s, setS] = useState<State>(() => {
    const { updatedAt: _u, ...rest } = settings;
    return rest;
  });
  const patch = (p: Partial<State>) => setS((prev) => ({ ...prev, ...p }));
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || fallback);

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    validate: () => {
      const bad = s.reasons.findIndex((r) => !/^[a-z0-9_-]+$/.test(r.key) || !r.labelEn.trim() || !r.labelDe.trim());
      return bad >= 0 ? { reasons: t('surveys.settings.reasonInvalid', { n: bad + 1 }) } : undefined;
    },
    action: async () => {
      const saved = await api<SurveySettings>('/api/v1/survey-settings', { method: 'PATCH', body: s });
      client.setQueryData(surveyKeys.settings, saved);
      toast.success(t('common.saved'));
    },
  });

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="csat-settings-title">
      <form onSubmit={onSubmit} noValidate aria-label={t('surveys.settings.title')}>
        <Stack gap="md">
          <Title order={4} size="h5" id="csat-settings-title">{t('surveys.settings.title')}</Title>
          <FormAlert message={other} />
          <Switch label={t('surveys.settings.enabled')} description={t('surveys.settings.enabledHint')} checked={s.csatEnabled} onChange={(e) => patch({ csatEnabled: e.currentTarget.checked })} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="csat-scale-label">{t('surveys.settings.scale')}</Text>
            <SegmentedControl
              aria-labelledby="csat-scale-label"
              value={String(s.scale)}
              onChange={(v) => patch({ scale: Number(v) as State['scale'] })}
              data={[2, 3, 5].map((n) => ({ value: String(n), label: t(`surveys.settings.scale${n}`) }))}
            />
            <Text size="xs" c="dimmed">{t(`surveys.settings.scaleHint${s.scale}`)}</Text>
          </Stack>
          <Group grow align="flex-start">
            <NumberInput label={t('surveys.settings.delayHours')} description={t('surveys.settings.delayHint')} min={0} max={336} step={1} decimalScale={2} value={s.delayMinutes / 60} onChange={(v) => patch({ delayMinutes: Math.round(Number(v || 0) * 60) })} error={errors.delayMinutes} />
            <NumberInput label={t('surveys.settings.expiryDays')} min={1} max={90} value={s.expiryDays} onChange={(v) => patch({ expiryDays: num(v, 28) })} error={errors.expiryDays} />
          </Group>
          <Checkbox.Group label={t('surveys.settings.channels')} description={t('surveys.settings.channelsHint')} value={s.channels} onChange={(v) => patch({ channels: v as State['channels'] })} error={errors.channels}>
            <Group gap="md" mt={6}>
              {SURVEY_CHANNELS.map((c) => (
                <Checkbox key={c} value={c} label={t(`surveys.channels.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch label={t('surveys.settings.ces')} description={t('surveys.settings.cesHint')} checked={s.cesEnabled} onChange={(e) => patch({ cesEnabled: e.currentTarget.checked })} />
          <ReasonRows reasons={s.reasons} onChange={(reasons) => patch({ reasons })} error={errors.reasons} />
          <Group grow align="flex-start">
            <NumberInput label={t('surveys.settings.throttleDays')} description={t('surveys.settings.throttleHint')} min={0} max={365} value={s.throttleDays} onChange={(v) => patch({ throttleDays: num(v, 7) })} error={errors.throttleDays} />
            <NumberInput label={t('surveys.settings.quietDays')} description={t('surveys.settings.quietHint')} min={0} max={3650} value={s.npsQuietDays} onChange={(v) => patch({ npsQuietDays: num(v, 90) })} error={errors.npsQuietDays} />
            <NumberInput label={t('surveys.settings.minSample')} description={t('surveys.settings.minSampleHint')} min={1} max={10000} value={s.minSample} onChange={(v) => patch({ minSample: num(v, 30) })} error={errors.minSample} />
          </Group>
          <FormActions submitLabel={t('common.save')} busy={busy} />
        </Stack>
      </form>
    </Paper>
  );
}
