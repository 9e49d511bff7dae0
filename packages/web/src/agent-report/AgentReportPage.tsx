import { useMemo, useState } from 'react';
import { Button, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useTeams } from '../api/directory';
import { useAgentReport } from '../api/staffing';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { ReportLinks } from '../reports/ReportLinks';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';
import { WorkloadBadge } from './WorkloadBadge';

const DAY = 86_400_000;
const PERIODS = [7, 30, 90] as const;
const PAGE = 50;

/**
 * The agents report under `/reports/agents`: per agent open tickets, active chats, replies,
 * first-reply median, CSAT, minutes outside scheduled hours and the workload signal with its
 * reason. Agents see the members of their own teams; admins see everyone.
 */
export function AgentReportPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const teams = useTeams();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const query = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    return { from: new Date(to.getTime() - days * DAY).toISOString(), to: to.toISOString(), teamId: teamId ?? undefined };
  }, [days, teamId]);
  const report = useAgentReport(query);
  const myTeams = (teams.data ?? []).filter((tm) => session.isAdmin || session.teamIds.includes(tm.id));
  const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const rows = report.data?.data ?? [];

  return (
    <>
      <ListHeader title={t('staffing.agents.title')} />
      <ScrollArea style={{ flex: 1 }}>
        <Stack p="md" gap="md" maw={1400}>
          <ReportLinks />
          <Group gap="md" align="end">
            <Group gap={6}>
              <Text size="sm" id="agents-period">{t('staffing.agents.period')}</Text>
              <SegmentedControl size="xs" aria-labelledby="agents-period" value={String(days)} onChange={(v) => setDays(Number(v) as typeof days)} data={PERIODS.map((d) => ({ value: String(d), label: t('staffing.agents.lastDays', { days: d }) }))} />
            </Group>
            <Select label={t('staffing.agents.team')} value={teamId} onChange={setTeamId} clearable placeholder={t('staffing.agents.allTeams')} data={myTeams.map((tm) => ({ value: tm.id, label: tm.name }))} w={220} size="xs" />
          </Group>
          {report.isPending && <ListSkeleton rows={6} />}
          {report.error && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
          {report.data && rows.length === 0 && <EmptyState title={t('staffing.agents.empty')} />}
          {rows.length > 0 && (
            <Paper withBorder>
              <Table striped aria-label={t('staffing.agents.table')} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('staffing.agents.name')}</Table.Th>
                    <Table.Th ta="right">{t('staffing.agents.openTickets')}</Table.Th>
                    <Table.Th ta="right">{t('staffing.agents.activeChats')}</Table.Th>
                    <Table.Th ta="right">{t('staffing.agents.replies')}</Table.Th>
                    <Table.Th ta="right">{t('staffing.agents.frt')}</Table.Th>
                    <Table.Th ta="right">{t('staffing.agents.csat')}</Table.Th>
                    <Table.Th ta="right">{t('staffing.agents.outside')}</Table.Th>
                    <Table.Th>{t('staffing.agents.workload')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, shown).map((r) => (
                    <Table.Tr key={r.agentId}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td ta="right">{r.openTickets}</Table.Td>
                      <Table.Td ta="right">{r.activeChats}</Table.Td>
                      <Table.Td ta="right">{r.replies}</Table.Td>
                      <Table.Td ta="right">{r.frtMedianMinutes === null ? '—' : t('staffing.agents.minutes', { value: num.format(r.frtMedianMinutes) })}</Table.Td>
                      <Table.Td ta="right">{r.csat === null ? '—' : pct.format(r.csat)}</Table.Td>
                      <Table.Td ta="right">{r.minutesOutsideHours === null ? <Text span size="xs" c="dimmed">{t('staffing.agents.noSchedule')}</Text> : t('staffing.agents.minutes', { value: num.format(r.minutesOutsideHours) })}</Table.Td>
                      <Table.Td><WorkloadBadge signals={r.workload} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {rows.length > shown && (
                <Group justify="center" p="sm">
                  <Button variant="subtle" onClick={() => setShown((n) => n + PAGE)}>{t('staffing.agents.more')}</Button>
                </Group>
              )}
            </Paper>
          )}
        </Stack>
      </ScrollArea>
    </>
  );
}
