import { useMemo, useState } from 'react';
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeflectionReport } from '@servus/shared';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';
import { useDeflectionReport } from './api';

const PERIODS = ['7', '30', '90'] as const;
const DAY_MS = 86_400_000;

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper p="sm" withBorder component="section" aria-label={label}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={26} fw={700} data-testid="figure-value">{value}</Text>
      <Text size="xs" c="dimmed">{hint}</Text>
    </Paper>
  );
}

function Figures({ report }: { report: DeflectionReport }) {
  const { t, i18n } = useTranslation();
  const nf = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const share = report.opened > 0 ? new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(report.candidates / report.opened) : '–';
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Figure label={t('helpCenter.deflection.suggested')} value={nf(report.suggested)} hint={t('helpCenter.deflection.suggestedHint', { visits: report.visits })} />
      <Figure label={t('helpCenter.deflection.opened')} value={nf(report.opened)} hint={t('helpCenter.deflection.openedHint')} />
      <Figure label={t('helpCenter.deflection.followed')} value={nf(report.followedByTicket)} hint={t('helpCenter.deflection.followedHint', { tickets: report.tickets })} />
      <Figure label={t('helpCenter.deflection.candidates')} value={nf(report.candidates)} hint={t('helpCenter.deflection.candidatesHint', { share })} />
    </SimpleGrid>
  );
}

/** What the contact form's article suggestions achieved in the last 7, 30 or 90 days, and which articles did it. */
export function DeflectionPanel() {
  const { t } = useTranslation();
  const [days, setDays] = useState<(typeof PERIODS)[number]>('30');
  // The period ends at the current minute, so the query key stays put while the page is open.
  const { from, to } = useMemo(() => {
    const end = Math.ceil(Date.now() / 60_000) * 60_000;
    return { from: new Date(end - Number(days) * DAY_MS).toISOString(), to: new Date(end).toISOString() };
  }, [days]);
  const report = useDeflectionReport(from, to);
  return (
    <Paper p="md" withBorder component="section" aria-labelledby="hc-deflection-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4} size="h5" id="hc-deflection-title">{t('helpCenter.deflection.title')}</Title>
            <Text size="sm" c="dimmed" maw={640}>{t('helpCenter.deflection.intro')}</Text>
          </div>
          <SegmentedControl
            aria-label={t('helpCenter.deflection.period')}
            value={days}
            onChange={(v) => setDays(v as typeof days)}
            data={PERIODS.map((d) => ({ value: d, label: t('helpCenter.deflection.days', { count: Number(d) }) }))}
          />
        </Group>
        {report.isPending && <ListSkeleton rows={2} />}
        {report.error && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && <Figures report={report.data} />}
        {report.data && report.data.suggested === 0 && <Text size="sm" c="dimmed">{t('helpCenter.deflection.empty')}</Text>}
        {report.data && report.data.articles.length > 0 && (
          <Table striped aria-label={t('helpCenter.deflection.articles')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('helpCenter.deflection.article')}</Table.Th>
                <Table.Th ta="right">{t('helpCenter.deflection.opened')}</Table.Th>
                <Table.Th ta="right">{t('helpCenter.deflection.candidates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.articles.map((a) => (
                <Table.Tr key={a.translationId}>
                  <Table.Td>
                    {a.url ? (
                      <Anchor href={a.url} target="_blank" rel="noopener">{a.title}</Anchor>
                    ) : (
                      <Text span>{a.title}</Text>
                    )}{' '}
                    <Text span size="xs" c="dimmed">({a.locale.toUpperCase()})</Text>
                  </Table.Td>
                  <Table.Td ta="right">{a.opened}</Table.Td>
                  <Table.Td ta="right">{a.candidates}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
