import { useId, useState, type ReactNode } from 'react';
import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Skeleton, Switch, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReportSeries, SeriesPoint } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { csvHref, useSeries, type DrilldownMetricName, type HoursBasis, type ReportIntervalName, type SeriesMetricName } from '../api/reports';
import { ErrorState } from '../components/ErrorState';
import { useKpiFormat, type KpiFormat } from './format';
import { useBucketLabel } from './bucket-label';
import { KpiInfo } from './KpiInfo';
import { DEFINITION_KEYS } from './definition-keys';

/** Which tickets stand behind a point of each series. */
export const SERIES_DRILLDOWN: Record<SeriesMetricName, DrilldownMetricName> = {
  frt: 'frt',
  first_resolution: 'first_resolution',
  full_resolution: 'full_resolution',
  volume: 'volume',
  solved: 'solved',
  backlog: 'backlog',
  fcr: 'fcr',
  one_touch: 'one_touch',
  reopen_rate: 'reopened',
  sla: 'sla_breached',
};

/** The definition each series shows in its info popover (plain counts of solved tickets need none). */
const SERIES_DEFINITION: Partial<Record<SeriesMetricName, string>> = {
  frt: DEFINITION_KEYS.frt,
  first_resolution: DEFINITION_KEYS.firstResolution,
  full_resolution: DEFINITION_KEYS.fullResolution,
  volume: DEFINITION_KEYS.volume,
  backlog: DEFINITION_KEYS.backlog,
  fcr: DEFINITION_KEYS.fcr,
  one_touch: DEFINITION_KEYS.oneTouch,
  reopen_rate: DEFINITION_KEYS.reopenRate,
  sla: DEFINITION_KEYS.sla,
};

function formatValue(unit: ReportSeries['unit'] | undefined, v: number | null, kpi: KpiFormat): string {
  if (unit === 'minutes') return kpi.duration(v);
  if (unit === 'percent') return kpi.percent(v);
  return kpi.number(v, 0);
}

interface Props {
  title: string;
  query: Query;
  metric: SeriesMetricName;
  interval: ReportIntervalName;
  hours: HoursBasis;
  /** Controls shown in the card's header (e.g. the metric chooser). */
  controls?: ReactNode;
  /** Opens the tickets behind one point. */
  onDrill(point: SeriesPoint, label: string): void;
}

/**
 * A metric over time as bars; a click on a bar, or the "Tickets" button in its table view
 * (for keyboards and screen readers), opens the tickets behind that point.
 */
export function SeriesChart({ title, query, metric, interval, hours, controls, onDrill }: Props) {
  const { t } = useTranslation();
  const kpi = useKpiFormat();
  const bucketLabel = useBucketLabel(interval);
  const series = useSeries(query, metric, interval, hours);
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const unit = series.data?.unit;
  const points = series.data?.points ?? [];
  const data = points.map((p) => ({ ...p, label: bucketLabel(p.bucket), value: p.value }));
  const hasData = points.some((p) => p.value !== null);

  return (
    <Paper component="section" withBorder p="sm" radius="md" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap={4}>
          <Text id={titleId} fw={600} size="sm">{title}</Text>
          {SERIES_DEFINITION[metric] && <KpiInfo definitionKey={SERIES_DEFINITION[metric]} label={title} />}
        </Group>
        <Group gap="xs">
          {controls}
          <Switch size="xs" label={t('reports.chart.asTable')} checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} />
          <Button component="a" href={csvHref('/api/v1/reports/series', { ...query, metric, interval, hours })} download variant="default" size="compact-xs" leftSection={<IconDownload size={12} />} aria-label={t('reports.csv.of', { name: title })}>
            {t('reports.csv.short')}
          </Button>
        </Group>
      </Group>
      {series.isPending && <Skeleton h={220} />}
      {series.error && <ErrorState compact error={series.error} onRetry={() => void series.refetch()} />}
      {series.data && !hasData && <Text size="sm" c="dimmed" py="xl" ta="center">{t('reports.chart.noData')}</Text>}
      {series.data && hasData && !asTable && (
        <BarChart
          h={220}
          data={data}
          dataKey="label"
          series={[{ name: 'value', label: title, color: 'indigo.6' }]}
          valueFormatter={(v) => formatValue(unit, v, kpi)}
          tickLine="y"
          minBarSize={3}
          yAxisProps={{ allowDecimals: unit !== 'count', width: unit === 'minutes' ? 80 : 50 }}
          barProps={{
            cursor: 'pointer',
            onClick: ((bar: { payload?: SeriesPoint & { label: string } }) => bar.payload && onDrill(bar.payload, bar.payload.label)) as never,
          }}
          aria-label={t('reports.chart.label', { name: title })}
        />
      )}
      {series.data && hasData && asTable && (
        <Table.ScrollContainer minWidth={360} mah={300}>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.chart.bucket')}</Table.Th>
                <Table.Th ta="right">{t('reports.chart.value')}</Table.Th>
                <Table.Th ta="right">{t('reports.chart.n')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((p) => (
                <Table.Tr key={p.bucket}>
                  <Table.Td>{p.label}</Table.Td>
                  <Table.Td ta="right">{formatValue(unit, p.value, kpi)}</Table.Td>
                  <Table.Td ta="right">{kpi.number(p.n, 0)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" onClick={() => onDrill(p, p.label)} aria-label={t('reports.drill.openBucket', { name: title, bucket: p.label })}>
                      {t('reports.drill.tickets')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
