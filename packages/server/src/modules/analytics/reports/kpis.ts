import { sql, type SQL } from 'drizzle-orm';
import { TICKET_CHANNELS, type DurationPair, type DurationStats, type KpiReport, type RateFigure, type ReportFiltersInput, type SlaFigure } from '@servus/shared';
import type { AgentActor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { escalationRate } from '../../routing/escalation-report.ts';
import { factScope, filtersOf, presentFilters, within } from './filters.ts';
import { presentPeriod, resolvePeriod, type Period } from './period.ts';
import { backlogAt } from './backlog.ts';
import { reportRows } from './report-query.ts';

/** What a report needs to run: the database, the clock, and the caller (null = everything, for system jobs). */
export interface ReportCtx {
  db: Executor;
  clock: Clock;
  actor: AgentActor | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Minutes rounded to two decimals, which keeps seconds visible. */
const minutes = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.round(n * 100) / 100;
};

/** Percent with one decimal; null when the denominator is 0 (METRICS §0). */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

const rate = (count: number, n: number): RateFigure => ({ percent: percent(count, n), count, n });
const slaFigure = (achieved: number, breached: number): SlaFigure => ({ achieved, breached, percent: percent(achieved, achieved + breached) });

/** A float array as PGlite (a JS array) or node-postgres (a `{1.5,2}` literal) returns it. */
function pgArray(v: unknown): (number | null)[] {
  if (Array.isArray(v)) return v.map(num);
  if (typeof v === 'string') return v.replace(/[{}]/g, '').split(',').map((x) => (x === 'NULL' ? null : Number(x)));
  return [];
}

/**
 * Count, mean, median and P90 of both halves of a duration, as select-list items named
 * `<p>cn`, `<p>cmean`, `<p>cp` (calendar) and `<p>bn`, `<p>bmean`, `<p>bp` (business). One sort per
 * column gives both percentiles.
 */
function durationColumns(p: string, calendar: string, business: string): SQL {
  const one = (col: string, h: 'c' | 'b') =>
    sql.raw(`count(f.${col})::int as ${p}${h}n, avg(f.${col}) as ${p}${h}mean, percentile_cont(array[0.5, 0.9]) within group (order by f.${col}) as ${p}${h}p`);
  return sql`${one(calendar, 'c')}, ${one(business, 'b')}`;
}

function durationPair(r: Record<string, unknown> | undefined, p: string): DurationPair {
  const stats = (h: 'c' | 'b'): DurationStats => {
    const n = Number(r?.[`${p}${h}n`] ?? 0);
    const [median, p90] = pgArray(r?.[`${p}${h}p`]);
    return n === 0 ? { median: null, mean: null, p90: null, n: 0 } : { median: minutes(median), mean: minutes(r![`${p}${h}mean`]), p90: minutes(p90), n };
  };
  return { calendar: stats('c'), business: stats('b') };
}

/*
 * Each query below reads the facts through the one date index that places them in the period,
 * and every such index carries the columns its queries and the visibility rule need (see
 * schema.ts), so the table itself is only read for filters on organization, channel, priority
 * or tags. The queries are independent: on PostgreSQL they run side by side on the pool.
 */

interface Q {
  db: Executor;
  scope: SQL;
  p: Period;
}

const inPeriod = (q: Q, column: string) => within(sql.raw(column), q.p.from, q.p.to);
/** Outside the period, a missing date included (`not (null)` would drop the row). */
const outside = (q: Q, column: string) => sql`not coalesce(${inPeriod(q, column)}, false)`;
const row = async (q: Q, query: SQL) => (await reportRows<Record<string, unknown>>(q.db, query))[0];
const int = (r: Record<string, unknown> | undefined, k: string) => Number(r?.[k] ?? 0);

/** First reply time of the tickets first replied to in the period; they count as handled. */
function byReplyDate(q: Q) {
  return row(q, sql`select count(*)::int as handled, ${durationColumns('r', 'frt_calendar', 'frt_business')}
    from report_ticket_facts f where ${q.scope} and ${inPeriod(q, 'f.first_reply_at')}`);
}

interface Creations {
  durations: Record<string, unknown> | undefined;
  byChannel: { channel: string; count: number }[];
  chat: { chats: number; offline: number; missed: number; dropped: number };
}

const chatCounts = sql`count(f.chat_outcome)::int as chats,
  count(*) filter (where f.chat_outcome = 'offline')::int as offline,
  count(*) filter (where f.chat_outcome = 'missed')::int as missed,
  count(*) filter (where f.chat_outcome = 'dropped')::int as dropped`;

/**
 * First reply time of the tickets created in the period (the cohort view), their count per
 * channel and their chat outcomes, from one pass over the creation index. Channels are counted
 * one by one; should a channel outside the known list turn up, a grouped query counts them all.
 */
async function byCreationDate(q: Q): Promise<Creations> {
  const perChannel = sql.raw(TICKET_CHANNELS.map((c) => `count(*) filter (where f.channel = '${c}')::int as ch_${c}`).join(', '));
  const r = await row(q, sql`select ${durationColumns('c', 'frt_calendar', 'frt_business')}, count(*)::int as total, ${perChannel}, ${chatCounts}
    from report_ticket_facts f where ${q.scope} and ${inPeriod(q, 'f.created_at')}`);
  const chat = { chats: int(r, 'chats'), offline: int(r, 'offline'), missed: int(r, 'missed'), dropped: int(r, 'dropped') };
  const known = TICKET_CHANNELS.map((channel) => ({ channel: channel as string, count: int(r, `ch_${channel}`) }));
  if (known.reduce((s, c) => s + c.count, 0) === int(r, 'total')) {
    // The order of the grouped query: most tickets first, then by name.
    const byChannel = known.filter((c) => c.count > 0).sort((x, y) => y.count - x.count || (x.channel < y.channel ? -1 : 1));
    return { durations: r, byChannel, chat };
  }
  const rows = await reportRows<Record<string, unknown>>(
    q.db,
    sql`select f.channel, count(*)::int as count from report_ticket_facts f where ${q.scope} and ${inPeriod(q, 'f.created_at')} group by 1 order by 2 desc, 1`,
  );
  return { durations: r, byChannel: rows.map((x) => ({ channel: String(x.channel), count: Number(x.count) })), chat };
}

/** First resolution and reopens of the tickets first solved in the period, and those of them not handled by a reply in it. */
function byFirstSolve(q: Q) {
  return row(q, sql`select count(*)::int as n, count(*) filter (where f.reopened_within_7d)::int as reopened,
      count(*) filter (where ${outside(q, 'f.first_reply_at')})::int as handled,
      ${durationColumns('s', 'first_resolution_calendar', 'first_resolution_business')}
    from report_ticket_facts f where ${q.scope} and ${inPeriod(q, 'f.first_solved_at')}`);
}

/** Full resolution and touches of the tickets last solved in the period, and those of them not handled otherwise. */
function byLastSolve(q: Q) {
  return row(q, sql`select count(*)::int as solved,
      count(*) filter (where f.one_touch)::int as one_touch,
      count(*) filter (where f.no_touch)::int as no_touch,
      count(*) filter (where f.agent_replies >= 1)::int as touched,
      count(*) filter (where f.fcr)::int as fcr,
      count(*) filter (where ${outside(q, 'f.first_reply_at')} and ${outside(q, 'f.first_solved_at')})::int as handled,
      ${durationColumns('l', 'full_resolution_calendar', 'full_resolution_business')}
    from report_ticket_facts f where ${q.scope} and ${inPeriod(q, 'f.last_solved_at')}`);
}

/** Escalations in the period, and the escalated tickets not handled otherwise. */
function byEscalation(q: Q) {
  return row(q, sql`select count(*)::int as escalated,
      count(*) filter (where f.escalated_hierarchical)::int as hierarchical,
      count(*) filter (where f.escalated_functional)::int as functional,
      count(*) filter (where ${outside(q, 'f.first_reply_at')} and ${outside(q, 'f.first_solved_at')} and ${outside(q, 'f.last_solved_at')})::int as handled
    from report_ticket_facts f where ${q.scope} and ${inPeriod(q, 'f.escalated_at')}`);
}

/** SLA achievement (METRICS §2.9): targets dated by fulfilment or breach; a policy instance is achieved only when none of its targets breached. */
async function sla(q: Q): Promise<KpiReport['sla']> {
  const rows = await reportRows<{ metric: string; policy_id: string; name: string | null; achieved: number; breached: number }>(
    q.db,
    sql`select f.metric, f.policy_id::text as policy_id, max(sp.name) as name,
          count(*) filter (where f.status = 'achieved')::int as achieved,
          count(*) filter (where f.status = 'breached')::int as breached
        from report_sla_targets f
        left join sla_policies sp on sp.id = f.policy_id
        where ${q.scope} and ${inPeriod(q, 'f.at')}
        group by 1, 2 order by 1, 2`,
  );
  const byTarget = new Map<string, [number, number]>();
  const byPolicy = new Map<string, { name: string; a: number; b: number }>();
  let achieved = 0;
  let breached = 0;
  for (const r of rows) {
    const a = Number(r.achieved);
    const b = Number(r.breached);
    achieved += a;
    breached += b;
    const t = byTarget.get(r.metric) ?? [0, 0];
    byTarget.set(r.metric, [t[0] + a, t[1] + b]);
    const pol = byPolicy.get(r.policy_id) ?? { name: r.name ?? '', a: 0, b: 0 };
    byPolicy.set(r.policy_id, { name: pol.name, a: pol.a + a, b: pol.b + b });
  }
  return {
    targets: slaFigure(achieved, breached),
    byTarget: [...byTarget].map(([metric, [a, b]]) => ({ metric, ...slaFigure(a, b) })),
    byPolicy: [...byPolicy].map(([policyId, v]) => ({ policyId, name: v.name, ...slaFigure(v.a, v.b) })),
  };
}

/**
 * Every headline KPI for a period and filters, from the per-ticket facts (METRICS §2). The
 * dashboard, the CSV export and the scheduled report mails all read this one function.
 *
 * @example kpiSummary({ db, clock, actor: null }, { teamId }).fcr.percent // 50
 */
export async function kpiSummary(ctx: ReportCtx, q: Partial<ReportFiltersInput> = {}): Promise<KpiReport> {
  const p = resolvePeriod(ctx.clock.now(), q);
  const filters = filtersOf(q);
  const scope = factScope(ctx.actor, filters);
  const until = new Date(Math.min(p.to.getTime(), ctx.clock.now().getTime()));
  const x: Q = { db: ctx.db, scope, p };
  const [reply, creation, first, last, esc, slas, backlog] = await Promise.all([
    byReplyDate(x),
    byCreationDate(x),
    byFirstSolve(x),
    byLastSolve(x),
    byEscalation(x),
    sla(x),
    backlogAt(ctx.db, scope, until),
  ]);
  // Handled (METRICS §2.7): first replied, solved or escalated in the period, each ticket once.
  // The four groups are disjoint: each query counts only the tickets the ones before it did not.
  const handled = int(reply, 'handled') + int(first, 'handled') + int(last, 'handled') + int(esc, 'handled');
  const escalated = int(esc, 'escalated');
  const { chats, offline, missed, dropped } = creation.chat;
  const solved = int(last, 'solved');
  return {
    period: presentPeriod(p),
    filters: presentFilters(filters),
    frt: { ...durationPair(reply, 'r'), basis: 'reply_date', byCreationDate: durationPair(creation.durations, 'c') },
    firstResolution: durationPair(first, 's'),
    fullResolution: durationPair(last, 'l'),
    fcr: rate(int(last, 'fcr'), int(last, 'touched')),
    oneTouch: rate(int(last, 'one_touch'), solved),
    noTouch: rate(int(last, 'no_touch'), solved),
    reopenRate: rate(int(first, 'reopened'), int(first, 'n')),
    escalation: { rate: escalationRate(escalated, handled), escalated, handled, hierarchical: int(esc, 'hierarchical'), functional: int(esc, 'functional') },
    chatAbandonment: { missedPercent: percent(missed, chats - offline), nonCompletedPercent: percent(missed + dropped, chats - offline), chats, offline, missed, dropped },
    sla: slas,
    volume: { byChannel: creation.byChannel, total: creation.byChannel.reduce((s, r) => s + r.count, 0) },
    backlog,
  };
}
