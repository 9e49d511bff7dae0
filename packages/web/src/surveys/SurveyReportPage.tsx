import { useMemo, useState } from 'react';
import { LineChart } from '@mantine/charts';
import { Group, Paper, ScrollArea, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSurveyReport, type SurveyReportFilters } from '../api/surveys';
import { ErrorState } from '../components/ErrorState';
import { ReportLinks } from '../reports/ReportLinks';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';
import { SurveyComments } from './SurveyComments';
import { SurveySummary } from './SurveySummary';
import { SurveyTopics } from './SurveyTopics';

const DAY = 86_400_000;
const PERIODS = [30, 90, 365] as const;

/**
 * The survey report: CSAT, NPS and CES for a period with sample sizes and response rates, their
 * trend, the comment topics (keyword groups) and the comments by score.
 */
export function SurveyReportPage() {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(90);
  const [interval, setInterval] = useState<'day' | 'week' | 'month'>('week');
  const [topic, setTopic] = useState<string | null>(null);
  const filters = useMemo<SurveyReportFilters>(() => {
    const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    return { from: new Date(to.getTime() - days * DAY).toISOString(), to: to.toISOString(), interval };
  }, [days, interval]);
  const report = useSurveyReport(filters);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { day: '2-digit', month: 'short', ...(interval === 'month' ? { year: '2-digit' } : {}) });
  const trend = (report.data?.trend ?? []).map((p) => ({ period: dateFormat.format(new Date(p.period)), CSAT: p.csat, NPS: p.nps, CES: p.ces }));

  return (
    <>
      <ListHeader title={t('surveys.report.title')} />
      <ScrollArea style={{ flex: 1 }}>
        <Stack p="md" gap="md" maw={1400}>
          <ReportLinks />
          <Group gap="md">
            <Group gap={6}>
              <Text size="sm" id="survey-period">{t('surveys.report.period')}</Text>
              <SegmentedControl size="xs" aria-labelledby="survey-period" value={String(days)} onChange={(v) => setDays(Number(v) as typeof days)} data={PERIODS.map((d) => ({ value: String(d), label: t('surveys.report.lastDays', { days: d }) }))} />
            </Group>
            <Group gap={6}>
              <Text size="sm" id="survey-interval">{t('surveys.report.interval')}</Text>
              <SegmentedControl size="xs" aria-labelledby="survey-interval" value={interval} onChange={(v) => setInterval(v as typeof interval)} data={(['day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`surveys.report.intervals.${i}`) }))} />
            </Group>
          </Group>
          {report.isPending && <ListSkeleton rows={4} />}
          {report.error && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
          {report.data && (
            <>
              <SurveySummary report={report.data} />
              <Paper p="md" withBorder component="section" aria-labelledby="survey-trend-title">
                <Title order={4} size="h5" id="survey-trend-title" mb="sm">{t('surveys.report.trend')}</Title>
                {trend.length === 0 ? (
                  <Text size="sm" c="dimmed">{t('surveys.report.noData')}</Text>
                ) : (
                  <LineChart
                    h={260}
                    data={trend}
                    dataKey="period"
                    connectNulls
                    withLegend
                    series={[
                      { name: 'CSAT', label: t('surveys.report.csat'), color: 'teal.6' },
                      { name: 'NPS', label: t('surveys.report.nps'), color: 'blue.6' },
                      { name: 'CES', label: t('surveys.report.ces'), color: 'orange.6', yAxisId: 'right' },
                    ]}
                    withRightYAxis
                    rightYAxisProps={{ domain: [1, 7] }}
                    yAxisProps={{ domain: [-100, 100] }}
                  />
                )}
              </Paper>
            </>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <SurveyTopics filters={filters} selected={topic} onSelect={setTopic} />
            <SurveyComments filters={filters} topic={topic} />
          </SimpleGrid>
        </Stack>
      </ScrollArea>
    </>
  );
}
