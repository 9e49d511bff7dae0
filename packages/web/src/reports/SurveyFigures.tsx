import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { useSurveyReport } from '../api/reports';
import { ErrorState } from '../components/ErrorState';
import { DEFINITION_KEYS } from './definition-keys';
import { KpiCard, KpiCardSkeleton } from './KpiCard';
import { KpiGroup } from './KpiSections';
import { useKpiFormat } from './format';

/**
 * CSAT, NPS and CES for the period, each with its number of responses and response rate; a
 * score from fewer responses than the minimum sample is greyed and marked (METRICS §3.2).
 */
export function SurveyFigures({ query, ignoredFilters }: { query: Query; ignoredFilters: boolean }) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const report = useSurveyReport(query);
  const title = t('reports.sections.feedback');
  if (report.isPending) {
    return (
      <KpiGroup title={title} cols={3}>
        <KpiCardSkeleton />
        <KpiCardSkeleton />
        <KpiCardSkeleton />
      </KpiGroup>
    );
  }
  if (report.error) {
    return (
      <KpiGroup title={title} cols={1}>
        <ErrorState compact error={report.error} onRetry={() => void report.refetch()} />
      </KpiGroup>
    );
  }
  const { csat, nps, ces, minSample } = report.data;
  const small = (n: number, low: boolean) => (low && n > 0 ? t('reports.survey.smallSample', { count: n, n: f.number(n, 0), min: f.number(minSample, 0) }) : undefined);
  const more = (
    <Anchor component={Link} to="/reports/surveys" size="xs">{t('reports.survey.details')}</Anchor>
  );
  return (
    <>
      <KpiGroup title={title} cols={3}>
        <KpiCard
          label={t('reports.kpi.csat')}
          definitionKey={DEFINITION_KEYS.csat}
          value={f.percent(csat.percent)}
          smallSample={small(csat.responses, csat.lowSample)}
          details={[
            t('reports.survey.responses', { n: f.number(csat.responses, 0), rate: f.percent(csat.responseRate) }),
            t('reports.survey.goodBad', { good: f.number(csat.good, 0), bad: f.number(csat.bad, 0) }),
            ...(csat.wilson ? [t('reports.survey.wilson', { low: f.percent(csat.wilson.low), high: f.percent(csat.wilson.high) })] : []),
          ]}
          footer={more}
        />
        <KpiCard
          label={t('reports.kpi.nps')}
          definitionKey={DEFINITION_KEYS.nps}
          value={f.points(nps.score)}
          smallSample={small(nps.responses, nps.lowSample)}
          details={[
            t('reports.survey.responses', { n: f.number(nps.responses, 0), rate: f.percent(nps.responseRate) }),
            t('reports.survey.npsParts', { promoters: f.number(nps.promoters, 0), passives: f.number(nps.passives, 0), detractors: f.number(nps.detractors, 0) }),
          ]}
          footer={more}
        />
        <KpiCard
          label={t('reports.kpi.ces')}
          definitionKey={DEFINITION_KEYS.ces}
          value={f.number(ces.mean, 1)}
          smallSample={small(ces.responses, ces.lowSample)}
          details={[t('reports.survey.cesResponses', { n: f.number(ces.responses, 0) }), t('reports.survey.cesAgree', { percent: f.percent(ces.percentAgree) })]}
          footer={more}
        />
      </KpiGroup>
      {ignoredFilters && <Text size="xs" c="dimmed">{t('reports.survey.ignoredFilters')}</Text>}
    </>
  );
}
