import { useId } from 'react';
import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { KpiReport } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useKpiFormat } from './format';
import { KpiInfo } from './KpiInfo';
import { DEFINITION_KEYS } from './definition-keys';

/**
 * New tickets per channel: a bar chart with one button per channel underneath, each opening the
 * tickets that came in through it.
 */
export function ChannelVolume({ volume, onDrill }: { volume: KpiReport['volume']; onDrill(channel: string, label: string): void }) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const titleId = useId();
  const title = t('reports.sections.channels');
  const rows = volume.byChannel.filter((r) => r.count > 0).map((r) => ({ ...r, label: t(`channel.${r.channel}`, { defaultValue: r.channel }) }));
  return (
    <Paper component="section" withBorder p="sm" radius="md" aria-labelledby={titleId}>
      <Group gap={4} mb="xs">
        <Text id={titleId} fw={600} size="sm">{title}</Text>
        <KpiInfo definitionKey={DEFINITION_KEYS.volume} label={title} />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">{t('reports.chart.noData')}</Text>
      ) : (
        <Stack gap="xs">
          <BarChart
            h={180}
            data={rows}
            dataKey="label"
            series={[{ name: 'count', label: t('reports.kpi.volume'), color: 'teal.6' }]}
            valueFormatter={(v) => f.number(v, 0)}
            yAxisProps={{ allowDecimals: false }}
            barProps={{ cursor: 'pointer', onClick: ((bar: { payload?: (typeof rows)[number] }) => bar.payload && onDrill(bar.payload.channel, bar.payload.label)) as never }}
            aria-label={t('reports.chart.label', { name: title })}
          />
          <Group gap={4}>
            {rows.map((r) => (
              <Button key={r.channel} size="compact-xs" variant="default" onClick={() => onDrill(r.channel, r.label)} aria-label={t('reports.drill.openBucket', { name: title, bucket: r.label })}>
                {r.label}: {f.number(r.count, 0)}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
