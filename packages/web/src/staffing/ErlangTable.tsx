import { Badge, Table } from '@mantine/core';
import type { ErlangRow } from '@servus/shared';
import { useTranslation } from 'react-i18next';

/** The figures by number of agents, as METRICS §8.5 prints them; the chosen N is highlighted. */
export function ErlangTable({ rows, chosen }: { rows: ErlangRow[]; chosen: number }) {
  const { t, i18n } = useTranslation();
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const num = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 6, maximumFractionDigits: 6 });
  const sec = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <Table striped withTableBorder aria-label={t('staffing.calculator.table')} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('staffing.calculator.colAgents')}</Table.Th>
          <Table.Th ta="right">{t('staffing.calculator.waitProbability')}</Table.Th>
          <Table.Th ta="right">{t('staffing.calculator.achievedSl')}</Table.Th>
          <Table.Th ta="right">{t('staffing.calculator.asa')}</Table.Th>
          <Table.Th ta="right">{t('staffing.calculator.occupancy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.agents} fw={r.agents === chosen ? 700 : undefined} bg={r.agents === chosen ? 'var(--mantine-color-blue-0)' : undefined} aria-current={r.agents === chosen ? 'true' : undefined}>
            <Table.Td>
              {r.agents}
              {!r.stable && <> <Badge size="xs" color="red" variant="light">{t('staffing.calculator.unstable')}</Badge></>}
            </Table.Td>
            <Table.Td ta="right">{num.format(r.waitProbability)}</Table.Td>
            <Table.Td ta="right">{pct.format(r.serviceLevel)}</Table.Td>
            <Table.Td ta="right">{r.asaSeconds === null ? t('staffing.calculator.infinite') : t('staffing.calculator.seconds', { value: sec.format(r.asaSeconds) })}</Table.Td>
            <Table.Td ta="right">{pct.format(r.occupancy)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
