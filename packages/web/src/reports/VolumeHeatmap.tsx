import { useId, useMemo, useState } from 'react';
import { MatrixChart } from '@mantine/charts';
import { Button, Group, Paper, ScrollArea, Skeleton, Switch, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { csvHref, useHeatmap } from '../api/reports';
import { ErrorState } from '../components/ErrorState';
import { intlLocale } from '../lib/format';
import { useKpiFormat } from './format';
import { KpiInfo } from './KpiInfo';
import { DEFINITION_KEYS } from './definition-keys';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Weekday names Monday first in the UI language (1 Jan 2024 was a Monday). */
function useWeekdays(): string[] {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(intlLocale(lang?.startsWith('de') ? 'de' : 'en'), { weekday: 'short', timeZone: 'UTC' });
    return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
  }, [lang]);
}

/**
 * New tickets per hour of the week in the report's time zone. A click on a cell (or its button
 * in the table view) lists the tickets created in that hour slot across the period.
 */
export function VolumeHeatmap({ query, onDrill }: { query: Query; onDrill(bucket: string, label: string): void }) {
  const { t } = useTranslation();
  const kpi = useKpiFormat();
  const heatmap = useHeatmap(query);
  const weekdays = useWeekdays();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const title = t('reports.sections.heatmap');
  const cells = heatmap.data?.cells ?? [];
  const slot = (day: number, hour: number) => t('reports.heatmap.slot', { day: weekdays[day], hour: String(hour).padStart(2, '0') });
  const data = cells.flatMap((row, day) => row.map((value, hour) => ({ x: String(hour), y: weekdays[day]!, value })));

  return (
    <Paper component="section" withBorder p="sm" radius="md" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap={4}>
          <Text id={titleId} fw={600} size="sm">{title}</Text>
          <KpiInfo definitionKey={DEFINITION_KEYS.heatmap} label={title} />
        </Group>
        <Group gap="xs">
          <Switch size="xs" label={t('reports.chart.asTable')} checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} />
          <Button component="a" href={csvHref('/api/v1/reports/heatmap', query)} download variant="default" size="compact-xs" leftSection={<IconDownload size={12} />} aria-label={t('reports.csv.of', { name: title })}>
            {t('reports.csv.short')}
          </Button>
        </Group>
      </Group>
      {heatmap.isPending && <Skeleton h={200} />}
      {heatmap.error && <ErrorState compact error={heatmap.error} onRetry={() => void heatmap.refetch()} />}
      {heatmap.data && heatmap.data.total === 0 && <Text size="sm" c="dimmed" py="xl" ta="center">{t('reports.chart.noData')}</Text>}
      {heatmap.data && heatmap.data.total > 0 && !asTable && (
        <ScrollArea type="auto">
          <MatrixChart
            data={data}
            xLabels={HOURS.map(String)}
            yLabels={weekdays}
            withXLabels
            withYLabels
            xLabelsRotation={0}
            xLabelsHeight={20}
            yLabelsWidth={36}
            cellSize={16}
            gap={2}
            domain={[0, Math.max(1, heatmap.data.max)]}
            colors={['indigo.1', 'indigo.3', 'indigo.5', 'indigo.7', 'indigo.9']}
            withTooltip
            getTooltipLabel={(c) => t('reports.heatmap.tooltip', { slot: slot(weekdays.indexOf(c.y), Number(c.x)), count: c.value ?? 0 })}
            getCellProps={(c) => ({
              style: { cursor: (c.value ?? 0) > 0 ? 'pointer' : 'default' },
              onClick: () => {
                const day = weekdays.indexOf(c.y);
                if ((c.value ?? 0) > 0) onDrill(`how:${day + 1}:${c.x}`, slot(day, Number(c.x)));
              },
            })}
            withLegend
            legendLabels={[t('reports.heatmap.less'), t('reports.heatmap.more')]}
            aria-label={t('reports.chart.label', { name: title })}
          />
        </ScrollArea>
      )}
      {heatmap.data && heatmap.data.total > 0 && asTable && (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder withColumnBorders aria-label={title} fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {HOURS.map((h) => <Table.Th key={h} ta="center">{h}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cells.map((row, day) => (
                <Table.Tr key={day}>
                  <Table.Th scope="row">{weekdays[day]}</Table.Th>
                  {row.map((count, hour) => (
                    <Table.Td key={hour} ta="center" p={0}>
                      {count > 0 ? (
                        <Button size="compact-xs" variant="subtle" px={4} onClick={() => onDrill(`how:${day + 1}:${hour}`, slot(day, hour))} aria-label={t('reports.heatmap.tooltip', { slot: slot(day, hour), count })}>
                          {kpi.number(count, 0)}
                        </Button>
                      ) : (
                        <Text span size="xs" c="dimmed">0</Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
