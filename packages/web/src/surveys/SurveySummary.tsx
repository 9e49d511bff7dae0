import { Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyReport } from '@servus/shared';

function Figure({ label, value, details, low, lowText }: { label: string; value: string; details: string[]; low: boolean; lowText: string }) {
  return (
    <Paper p="md" withBorder component="section" aria-label={label} style={low ? { opacity: 0.6 } : undefined}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Group gap="xs" align="baseline">
        <Text fz={28} fw={700}>{value}</Text>
        {low && (
          <Tooltip label={lowText}>
            <Text size="xs" c="orange" tabIndex={0}>{lowText}</Text>
          </Tooltip>
        )}
      </Group>
      {details.map((d) => (
        <Text key={d} size="xs" c="dimmed">{d}</Text>
      ))}
    </Paper>
  );
}

/** CSAT, NPS and CES with n, response rate and (for CSAT) the Wilson interval; small samples greyed out. */
export function SurveySummary({ report }: { report: SurveyReport }) {
  const { t, i18n } = useTranslation();
  const nf = (n: number, digits = 1) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(n);
  const pct = (n: number | null) => (n === null ? '–' : `${nf(n)} %`);
  const low = t('surveys.report.lowSample', { min: report.minSample });
  const { csat, nps, ces } = report;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Figure
        label={t('surveys.report.csat')}
        value={pct(csat.percent)}
        low={csat.lowSample}
        lowText={low}
        details={[
          t('surveys.report.csatCounts', { good: csat.good, bad: csat.bad, responses: csat.responses }),
          t('surveys.report.responseRate', { rate: pct(csat.responseRate), offered: csat.offered }),
          ...(csat.wilson ? [t('surveys.report.wilson', { low: nf(csat.wilson.low), high: nf(csat.wilson.high) })] : []),
        ]}
      />
      <Figure
        label={t('surveys.report.nps')}
        value={nps.score === null ? '–' : nf(nps.score)}
        low={nps.lowSample}
        lowText={low}
        details={[
          t('surveys.report.npsCounts', { promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors }),
          t('surveys.report.responseRate', { rate: pct(nps.responseRate), offered: nps.sent }),
        ]}
      />
      <Figure
        label={t('surveys.report.ces')}
        value={ces.mean === null ? '–' : nf(ces.mean, 2)}
        low={ces.lowSample}
        lowText={low}
        details={[t('surveys.report.cesAgree', { agree: pct(ces.percentAgree), responses: ces.responses })]}
      />
    </SimpleGrid>
  );
}
