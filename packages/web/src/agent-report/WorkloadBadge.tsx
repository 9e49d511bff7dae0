import { Badge, Stack, Text } from '@mantine/core';
import type { WorkloadSignal } from '@servus/shared';
import { useTranslation } from 'react-i18next';

/** The workload-too-high signal with each reason spelled out, or a calm "OK". */
export function WorkloadBadge({ signals }: { signals: WorkloadSignal[] }) {
  const { t } = useTranslation();
  if (signals.length === 0) return <Badge color="gray" variant="light">{t('staffing.agents.ok')}</Badge>;
  return (
    <Stack gap={2}>
      <Badge color="red" variant="filled">{t('staffing.agents.tooHigh')}</Badge>
      {signals.map((s) => (
        <Text key={s.reason} size="xs" c="red.8">{t(`staffing.agents.reason.${s.reason}`, { days: s.days, outOf: s.outOf })}</Text>
      ))}
    </Stack>
  );
}
