import { useId } from 'react';
import { Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { KpiReport, SlaFigure } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useKpiFormat } from './format';

function FigureTable({ title, label, rows }: { title: string; label: string; rows: Array<SlaFigure & { key: string; name: string }> }) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  return (
    <Table aria-label={label} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('reports.sla.achieved')}</Table.Th>
          <Table.Th ta="right">{t('reports.sla.breached')}</Table.Th>
          <Table.Th ta="right">{t('reports.sla.percent')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={4}><Text size="sm" c="dimmed">{t('reports.sla.none')}</Text></Table.Td>
          </Table.Tr>
        )}
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ta="right">{f.number(r.achieved, 0)}</Table.Td>
            <Table.Td ta="right">{f.number(r.breached, 0)}</Table.Td>
            <Table.Td ta="right" fw={600}>{f.percent(r.percent)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** SLA achievement per target metric and per policy (active targets are not counted yet). */
export function SlaBreakdown({ sla }: { sla: KpiReport['sla'] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const metricName = (m: string) => t(`reports.sla.metric.${m}`, { defaultValue: m.replace(/_/g, ' ') });
  return (
    <Paper component="section" withBorder p="sm" radius="md" aria-labelledby={titleId}>
      <Text id={titleId} fw={600} size="sm" mb="xs">{t('reports.sections.sla')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <FigureTable title={t('reports.sla.byTarget')} label={t('reports.sla.tableByTarget')} rows={sla.byTarget.map((r) => ({ ...r, key: r.metric, name: metricName(r.metric) }))} />
        <FigureTable title={t('reports.sla.byPolicy')} label={t('reports.sla.tableByPolicy')} rows={sla.byPolicy.map((r) => ({ ...r, key: r.policyId, name: r.name }))} />
      </SimpleGrid>
    </Paper>
  );
}
