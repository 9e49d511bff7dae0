import { SimpleGrid, Stack, Title } from '@mantine/core';
import type { DurationPair, KpiReport, RateFigure } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import type { HoursBasis } from '../api/reports';
import { DEFINITION_KEYS } from './definition-keys';
import type { OpenDrilldown } from './DrilldownDrawer';
import { KpiCard, KpiCardSkeleton } from './KpiCard';
import { useKpiFormat } from './format';

/** A titled row of KPI cards. */
export function KpiGroup({ title, children, cols = 4 }: { title: string; children: React.ReactNode; cols?: number }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">{title}</Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: cols }} spacing="sm">{children}</SimpleGrid>
    </Stack>
  );
}

/** Skeleton rows in the shape of the KPI groups. */
export function KpiSectionsSkeleton() {
  return (
    <Stack gap="md">
      {[4, 4, 3].map((n, i) => (
        <SimpleGrid key={i} cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {Array.from({ length: n }, (_, j) => <KpiCardSkeleton key={j} />)}
        </SimpleGrid>
      ))}
    </Stack>
  );
}

/**
 * The ticket KPIs of a period: response and resolution times, rates of quality, chat
 * abandonment and SLA achievement, each with its definition and its tickets.
 */
export function KpiSections({ kpis, hours, onDrill }: { kpis: KpiReport; hours: HoursBasis; onDrill(d: OpenDrilldown): void }) {
  const { t } = useTranslation();
  const f = useKpiFormat();

  const duration = (label: string, pair: DurationPair, definitionKey: string, metric: OpenDrilldown['metric'], extra: string[] = []) => {
    const s = pair[hours];
    return (
      <KpiCard
        label={label}
        definitionKey={definitionKey}
        value={f.duration(s.median)}
        details={[
          t(`reports.stat.median.${hours}`),
          t('reports.stat.spread', { mean: f.duration(s.mean), p90: f.duration(s.p90) }),
          t('reports.stat.tickets', { count: s.n, n: f.number(s.n, 0) }),
          ...extra,
        ]}
        onDrill={() => onDrill({ metric, title: label })}
      />
    );
  };

  const rate = (label: string, r: RateFigure, definitionKey: string, metric: OpenDrilldown['metric'], of: string) => (
    <KpiCard
      label={label}
      definitionKey={definitionKey}
      value={f.percent(r.percent)}
      details={[t('reports.stat.countOf', { count: f.number(r.count, 0), n: f.number(r.n, 0), of })]}
      onDrill={() => onDrill({ metric, title: label })}
    />
  );

  const cohort = kpis.frt.byCreationDate[hours];
  const chat = kpis.chatAbandonment;
  const esc = kpis.escalation;
  const sla = kpis.sla.targets;
  const solvedOf = t('reports.stat.solvedTickets');

  return (
    <Stack gap="md">
      <KpiGroup title={t('reports.sections.response')}>
        {duration(t('reports.kpi.frt'), kpis.frt, DEFINITION_KEYS.frt, 'frt', [t('reports.stat.frtCohort', { median: f.duration(cohort.median), n: f.number(cohort.n, 0) })])}
        {duration(t('reports.kpi.firstResolution'), kpis.firstResolution, DEFINITION_KEYS.firstResolution, 'first_resolution')}
        {duration(t('reports.kpi.fullResolution'), kpis.fullResolution, DEFINITION_KEYS.fullResolution, 'full_resolution')}
        <KpiCard
          label={t('reports.kpi.volume')}
          definitionKey={DEFINITION_KEYS.volume}
          value={f.number(kpis.volume.total, 0)}
          details={[t('reports.stat.backlog', { count: f.number(kpis.backlog, 0) })]}
          onDrill={() => onDrill({ metric: 'volume', title: t('reports.kpi.volume') })}
          moreDrills={[{ label: t('reports.kpi.backlog'), onClick: () => onDrill({ metric: 'backlog', title: t('reports.kpi.backlog') }) }]}
        />
      </KpiGroup>
      <KpiGroup title={t('reports.sections.quality')} cols={5}>
        {rate(t('reports.kpi.fcr'), kpis.fcr, DEFINITION_KEYS.fcr, 'fcr', t('reports.stat.repliedSolved'))}
        {rate(t('reports.kpi.oneTouch'), kpis.oneTouch, DEFINITION_KEYS.oneTouch, 'one_touch', solvedOf)}
        {rate(t('reports.kpi.noTouch'), kpis.noTouch, DEFINITION_KEYS.noTouch, 'no_touch', solvedOf)}
        {rate(t('reports.kpi.reopenRate'), kpis.reopenRate, DEFINITION_KEYS.reopenRate, 'reopened', t('reports.stat.firstSolved'))}
        <KpiCard
          label={t('reports.kpi.escalation')}
          definitionKey={DEFINITION_KEYS.escalation}
          value={f.percent(esc.rate)}
          details={[
            t('reports.stat.countOf', { count: f.number(esc.escalated, 0), n: f.number(esc.handled, 0), of: t('reports.stat.handled') }),
            t('reports.stat.escalationKinds', { hierarchical: f.number(esc.hierarchical, 0), functional: f.number(esc.functional, 0) }),
          ]}
          onDrill={() => onDrill({ metric: 'escalated', title: t('reports.kpi.escalation') })}
        />
      </KpiGroup>
      <KpiGroup title={t('reports.sections.chatAndSla')}>
        <KpiCard
          label={t('reports.kpi.chatMissed')}
          definitionKey={DEFINITION_KEYS.chatMissed}
          value={f.percent(chat.missedPercent)}
          details={[t('reports.stat.chats', { chats: f.number(chat.chats, 0), offline: f.number(chat.offline, 0), missed: f.number(chat.missed, 0) })]}
          onDrill={() => onDrill({ metric: 'chat_missed', title: t('reports.kpi.chatMissed') })}
        />
        <KpiCard
          label={t('reports.kpi.chatNonCompleted')}
          definitionKey={DEFINITION_KEYS.chatNonCompleted}
          value={f.percent(chat.nonCompletedPercent)}
          details={[t('reports.stat.chatsDropped', { missed: f.number(chat.missed, 0), dropped: f.number(chat.dropped, 0) })]}
          moreDrills={[
            { label: t('reports.kpi.chatMissedShort'), onClick: () => onDrill({ metric: 'chat_missed', title: t('reports.kpi.chatMissed') }) },
            { label: t('reports.kpi.chatDropped'), onClick: () => onDrill({ metric: 'chat_dropped', title: t('reports.kpi.chatDropped') }) },
          ]}
        />
        <KpiCard
          label={t('reports.kpi.sla')}
          definitionKey={DEFINITION_KEYS.sla}
          value={f.percent(sla.percent)}
          details={[t('reports.stat.slaCounts', { achieved: f.number(sla.achieved, 0), breached: f.number(sla.breached, 0) })]}
          moreDrills={[
            { label: t('reports.kpi.slaBreached'), onClick: () => onDrill({ metric: 'sla_breached', title: t('reports.kpi.slaBreached') }) },
            { label: t('reports.kpi.slaAchieved'), onClick: () => onDrill({ metric: 'sla_achieved', title: t('reports.kpi.slaAchieved') }) },
          ]}
        />
      </KpiGroup>
    </Stack>
  );
}
