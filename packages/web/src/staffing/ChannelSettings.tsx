import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, Table, Text, Title } from '@mantine/core';
import { STAFFING_CHANNELS, type StaffingSettings, type StaffingSettingsInput } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useSaveStaffingSettings, useStaffingSettings } from '../api/staffing';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { ListSkeleton } from '../views/ListSkeleton';

type Channel = (typeof STAFFING_CHANNELS)[number];
type Draft = Record<Channel, { aht: number | ''; target: number | '' }>;

const toDraft = (s: StaffingSettings): Draft =>
  Object.fromEntries(STAFFING_CHANNELS.map((c) => [c, { aht: s.channels[c].ahtSeconds, target: s.channels[c].targetSeconds }])) as Draft;

/**
 * Admin settings of the week plan: handle time and answer target per channel. Channels whose
 * values were set or changed are stored; the others keep the built-in defaults.
 */
export function ChannelSettings() {
  const { t } = useTranslation();
  const settings = useStaffingSettings();
  const save = useSaveStaffingSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(toDraft(settings.data));
  }, [settings.data]);

  if (settings.isPending) return <ListSkeleton rows={3} />;
  if (settings.error) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!draft) return null;

  const submit = () => {
    const channels: StaffingSettingsInput['channels'] = {};
    for (const c of STAFFING_CHANNELS) {
      const d = draft[c];
      if (d.aht === '' || d.target === '' || d.aht <= 0) return setProblem(t('staffing.settings.invalid', { channel: t(`staffing.plan.channels.${c}`) }));
      const cur = settings.data.channels[c];
      if (cur.custom || d.aht !== cur.ahtSeconds || d.target !== cur.targetSeconds) channels[c] = { ahtSeconds: d.aht, targetSeconds: d.target };
    }
    setProblem(null);
    save.mutate({ channels });
  };

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="channel-settings-title">
      <Title order={4} size="h5" id="channel-settings-title">{t('staffing.settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staffing.settings.intro')}</Text>
      <Table fz="sm" aria-label={t('staffing.settings.title')} maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffing.plan.channel')}</Table.Th>
            <Table.Th>{t('staffing.calculator.aht')}</Table.Th>
            <Table.Th>{t('staffing.calculator.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {STAFFING_CHANNELS.map((c) => {
            const name = t(`staffing.plan.channels.${c}`);
            const set = (patch: Partial<Draft[Channel]>) => setDraft({ ...draft, [c]: { ...draft[c], ...patch } });
            return (
              <Table.Tr key={c}>
                <Table.Td>{name}</Table.Td>
                <Table.Td><NumberInput size="xs" aria-label={`${name}: ${t('staffing.calculator.aht')}`} value={draft[c].aht} min={1} allowNegative={false} onChange={(v) => set({ aht: v === '' ? '' : Number(v) })} /></Table.Td>
                <Table.Td><NumberInput size="xs" aria-label={`${name}: ${t('staffing.calculator.target')}`} value={draft[c].target} min={0} allowNegative={false} onChange={(v) => set({ target: v === '' ? '' : Number(v) })} /></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <FormAlert message={problem ?? (save.error ? save.error.message : null)} mb="sm" />
      <Group mt="sm">
        <Button onClick={submit} loading={save.isPending}>{t('staffing.summary.save')}</Button>
        {save.isSuccess && <Text size="sm" c="green.8" role="status">{t('staffing.summary.saved')}</Text>}
      </Group>
    </Paper>
  );
}
