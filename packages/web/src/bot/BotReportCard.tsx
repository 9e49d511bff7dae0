import { useMemo, useState } from 'react';
import { Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { BotOutcomeCounts } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { useBotReport } from './api';

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;
const FIGURES = ['sessions', 'answered', 'confirmed', 'handedOver', 'abandoned', 'answering'] as const;

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" component="figure" m={0}>
      <Text component="figcaption" size="sm" fw={600} c="dimmed">{label}</Text>
      <Text fz={24} fw={700} lh={1.2}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}

/**
 * What the bot did in the last 7, 30 or 90 days: conversations, answered, confirmed by the
 * customer (the only bot resolutions), handed over, abandoned, still going on, and the
 * confirmation rate, in all and per channel. Counts the tickets the viewer may see.
 */
export function BotReportCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  // The period is fixed when chosen, so the query key stays the same while it is shown.
  const query = useMemo(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString() };
  }, [days]);
  const report = useBotReport(query);
  const rate = (c: BotOutcomeCounts) => (c.confirmationRate === null ? '–' : `${format.number(c.confirmationRate)} %`);

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="bot-report-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="bot-report-title">{t('bot.report.title')}</Title>
        <SegmentedControl aria-label={t('bot.report.period')} value={String(days)} onChange={(v) => setDays(Number(v) as (typeof PERIODS)[number])} data={PERIODS.map((d) => ({ value: String(d), label: t('bot.report.days', { count: d }) }))} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">{t('bot.report.intro')}</Text>
      {report.isPending && <Skeleton h={120} />}
      {report.error && <ErrorState compact error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <Stack gap="sm">
          {report.data.sessions === 0 && <Text size="sm" c="dimmed">{t('bot.report.empty')}</Text>}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('bot.report.confirmationRate')} value={rate(report.data)} hint={t('bot.report.rateHint')} />
            {FIGURES.map((k) => (
              <Figure key={k} label={t(`bot.report.${k}`)} value={format.number(report.data[k])} />
            ))}
          </SimpleGrid>
          <Table striped withTableBorder aria-label={t('bot.report.byChannel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bot.report.channel')}</Table.Th>
                {FIGURES.map((k) => <Table.Th key={k} ta="right">{t(`bot.report.${k}`)}</Table.Th>)}
                <Table.Th ta="right">{t('bot.report.confirmationRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['chat', 'email'] as const).map((ch) => (
                <Table.Tr key={ch}>
                  <Table.Td>{t(`bot.report.channels.${ch}`)}</Table.Td>
                  {FIGURES.map((k) => <Table.Td key={k} ta="right">{format.number(report.data.byChannel[ch][k])}</Table.Td>)}
                  <Table.Td ta="right">{rate(report.data.byChannel[ch])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">{t('bot.report.emailNote')}</Text>
        </Stack>
      )}
    </Paper>
  );
}
