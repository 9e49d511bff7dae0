import { useState } from 'react';
import { Button, Group, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import type { KpiReport } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { csvHref, useKpis, type SeriesMetricName } from '../api/reports';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { ListHeader } from '../views/ListHeader';
import { ChannelVolume } from './ChannelVolume';
import { DrilldownDrawer, type OpenDrilldown } from './DrilldownDrawer';
import { FiltersBar } from './FiltersBar';
import { KpiSections, KpiSectionsSkeleton } from './KpiSections';
import { ReportLinks } from './ReportLinks';
import { SERIES_DRILLDOWN, SeriesChart } from './SeriesChart';
import { SlaBreakdown } from './SlaBreakdown';
import { SurveyFigures } from './SurveyFigures';
import { VolumeHeatmap } from './VolumeHeatmap';
import { reportQuery, surveyQuery } from './filters';
import { useDashboardFilters } from './useDashboardFilters';

/** Series a team lead can put on the trend chart. */
const TREND_METRICS: SeriesMetricName[] = ['frt', 'first_resolution', 'full_resolution', 'volume', 'solved', 'fcr', 'one_touch', 'reopen_rate', 'sla'];

/** True when nothing at all happened in the period under the filters. */
function isEmpty(k: KpiReport): boolean {
  return k.volume.total === 0 && k.backlog === 0 && k.frt.calendar.n === 0 && k.oneTouch.n === 0 && k.sla.targets.achieved + k.sla.targets.breached === 0;
}

/**
 * The KPI dashboard for team leads: filters kept in the URL, the headline KPIs with their
 * definitions, SLA and survey figures, trends, volume by channel and by hour of week, and a
 * drill-down from every figure and chart to the tickets behind it; downloadable as CSV.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { filters, setFilters, today, tz } = useDashboardFilters();
  const query = reportQuery(filters, tz);
  const survey = surveyQuery(filters, tz);
  const kpis = useKpis(query);
  const [trend, setTrend] = useState<SeriesMetricName>('frt');
  const [drill, setDrill] = useState<OpenDrilldown | null>(null);
  const metricLabel = (m: SeriesMetricName) => t(`reports.series.${m}`);
  const durationTrend = trend === 'frt' || trend === 'first_resolution' || trend === 'full_resolution';

  return (
    <>
      <ListHeader title={t('reports.title')}>
        <Button component="a" href={csvHref('/api/v1/reports/kpis', query)} download variant="default" size="compact-sm" leftSection={<IconDownload size={14} />}>
          {t('reports.csv.download')}
        </Button>
      </ListHeader>
      <ScrollArea style={{ flex: 1 }}>
        <Stack p="md" gap="md" maw={1400}>
          <ReportLinks />
          <FiltersBar value={filters} today={today} onChange={setFilters} />
          <Group gap="md" wrap="wrap">
            <Group gap={6}>
              <Text size="sm" id="reports-interval">{t('reports.filters.interval')}</Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="reports-interval"
                value={filters.interval}
                onChange={(v) => setFilters({ ...filters, interval: v as typeof filters.interval })}
                data={(['day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`reports.interval.${i}`) }))}
              />
            </Group>
            <Group gap={6}>
              <Text size="sm" id="reports-hours">{t('reports.filters.hours')}</Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="reports-hours"
                value={filters.hours}
                onChange={(v) => setFilters({ ...filters, hours: v === 'business' ? 'business' : 'calendar' })}
                data={[
                  { value: 'calendar', label: t('reports.hours.calendar') },
                  { value: 'business', label: t('reports.hours.business') },
                ]}
              />
            </Group>
            {kpis.data && <Text size="xs" c="dimmed">{t('reports.timeZone', { tz: kpis.data.period.tz })}</Text>}
          </Group>

          {kpis.isPending && <KpiSectionsSkeleton />}
          {kpis.error && !kpis.data && <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />}
          {kpis.data && isEmpty(kpis.data) && (
            <EmptyState
              icon={<IconChartBar size={32} stroke={1.5} />}
              title={t('reports.empty.title')}
              hint={t('reports.empty.hint')}
            />
          )}
          {kpis.data && !isEmpty(kpis.data) && (
            <Stack gap="md" aria-busy={kpis.isPlaceholderData} style={{ opacity: kpis.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              {kpis.error && <ErrorState compact error={kpis.error} onRetry={() => void kpis.refetch()} />}
              <KpiSections kpis={kpis.data} hours={filters.hours} onDrill={setDrill} />
              <SlaBreakdown sla={kpis.data.sla} />
              <SurveyFigures query={survey.query} ignoredFilters={survey.ignored} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                <SeriesChart
                  title={t('reports.chart.trendOf', { name: metricLabel(trend) })}
                  query={query}
                  metric={trend}
                  interval={filters.interval}
                  hours={durationTrend ? filters.hours : 'calendar'}
                  controls={
                    <Select
                      size="xs"
                      w={200}
                      aria-label={t('reports.chart.metric')}
                      data={TREND_METRICS.map((m) => ({ value: m, label: metricLabel(m) }))}
                      value={trend}
                      onChange={(v) => v && setTrend(v as SeriesMetricName)}
                      allowDeselect={false}
                    />
                  }
                  onDrill={(p, label) => setDrill({ metric: SERIES_DRILLDOWN[trend], bucket: p.bucket, interval: filters.interval, title: `${metricLabel(trend)} · ${label}` })}
                />
                <SeriesChart
                  title={t('reports.chart.trendOf', { name: metricLabel('backlog') })}
                  query={query}
                  metric="backlog"
                  interval={filters.interval}
                  hours="calendar"
                  onDrill={(p, label) => setDrill({ metric: 'backlog', bucket: p.bucket, interval: filters.interval, title: `${metricLabel('backlog')} · ${label}` })}
                />
                <ChannelVolume volume={kpis.data.volume} onDrill={(channel, label) => setDrill({ metric: 'volume', extra: { channel: [channel] }, title: `${t('reports.kpi.volume')} · ${label}` })} />
                <VolumeHeatmap query={query} onDrill={(bucket, label) => setDrill({ metric: 'volume', bucket, title: `${t('reports.kpi.volume')} · ${label}` })} />
              </SimpleGrid>
            </Stack>
          )}
        </Stack>
      </ScrollArea>
      <DrilldownDrawer query={query} open={drill} onClose={() => setDrill(null)} />
    </>
  );
}
