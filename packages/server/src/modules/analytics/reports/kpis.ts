import { sql, type SQL } from 'drizzle-orm';
import type { DurationPair, DurationStats, KpiReport, RateFigure, ReportFiltersInput, SlaFigure } from '@servus/shared';
import type { AgentActor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { queryRows, type Executor } from '../../../platform/db.ts';
import { escalationRate } from '../../routing/escalation-report.ts';
import { factScope, filtersOf, presentFilters, within } from './filters.ts';
import { presentPeriod, resolvePeriod, type Period } from './period.ts';

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

/**
 * Runs a query that sorts many values (exact percentiles) with enough sort memory to stay off
 * disk; the setting ends with the query's own transaction.
 */
export async function withSortMemory<T>(db: Executor, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<T>(tx, query);
  });
}

/** Median, mean and P90 of both halves of a duration over the facts matching `where`. */
export async function durationPair(db: Executor, calendar: SQL, business: SQL, where: SQL): Promise<DurationPair> {
  const [r] = await withSortMemory<Record<string, unknown>>(
    db,
    // One sort per column gives both percentiles.
    sql`select count(${calendar})::int as cn, avg(${calendar}) as cmean,
          percentile_cont(array[0.5, 0.9]) within group (order by ${calendar}) as cp,
          count(${business})::int as bn, avg(${business}) as bmean,
          percentile_cont(array[0.5, 0.9]) within group (order by ${business}) as bp
        from report_ticket_facts f where ${where}`,
  );
  const stats = (p: 'c' | 'b'): DurationStats => {
    const n = Number(r?.[`${p}n`] ?? 0);
    const [median, p90] = pgArray(r![`${p}p`]);
    return n === 0 ? { median: null, mean: null, p90: null, n: 0 } : { median: minutes(median), mean: minutes(r![`${p}mean`]), p90: minutes(p90), n };
  };
  return { calendar: stats('c'), business: stats('b') };
}

/** A float array as PGlite (a JS array) or node-postgres (a `{1.5,2}` literal) returns it. */
function pgArray(v: unknown): (number | null)[] {
  if (Array.isArray(v)) return v.map(num);
  if (typeof v === 'string') return v.replace(/[{}]/g, '').split(',').map((x) => (x === 'NULL' ? null : Number(x)));
  return [];
}

const F = {
  frt: [sql`f.frt_calendar`, sql`f.frt_business`],
  first: [sql`f.first_resolution_calendar`, sql`f.first_resolution_business`],
  full: [sql`f.full_resolution_calendar`, sql`f.full_resolution_business`],
} as const;

async function touch(db: Executor, scope: SQL, p: Period) {
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as solved,
          count(*) filter (where f.one_touch)::int as one_touch,
          count(*) filter (where f.no_touch)::int as no_touch,
          count(*) filter (where f.agent_replies >= 1)::int as touched,
          count(*) filter (where f.fcr)::int as fcr
        from report_ticket_facts f where ${scope} and ${within(sql`f.last_solved_at`, p.from, p.to)}`,
  );
  const x = (k: string) => Number(r?.[k] ?? 0);
  return { fcr: rate(x('fcr'), x('touched')), oneTouch: rate(x('one_touch'), x('solved')), noTouch: rate(x('no_touch'), x('solved')) };
}

async function reopenRate(db: Executor, scope: SQL, p: Period): Promise<RateFigure> {
  const [r] = await queryRows<{ n: number; reopened: number }>(
    db,
    sql`select count(*)::int as n, count(*) filter (where f.reopened_within_7d)::int as reopened
        from report_ticket_facts f where ${scope} and ${within(sql`f.first_solved_at`, p.from, p.to)}`,
  );
  return rate(Number(r?.reopened ?? 0), Number(r?.n ?? 0));
}

/**
 * Escalation rate (METRICS §2.7) over the facts: escalated in the period / handled in the
 * period, where handled means first replied, solved or escalated in the period.
 */
async function escalation(db: Executor, scope: SQL, p: Period): Promise<KpiReport['escalation']> {
  const esc = within(sql`f.escalated_at`, p.from, p.to);
  // Each date has its own index: a union of four range scans, not one scan with an OR.
  const handledIn = (column: SQL) => sql`select f.ticket_id from report_ticket_facts f where ${scope} and ${within(column, p.from, p.to)}`;
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*) filter (where ${esc})::int as escalated,
          count(*) filter (where ${esc} and f.escalated_hierarchical)::int as hierarchical,
          count(*) filter (where ${esc} and f.escalated_functional)::int as functional,
          count(*)::int as handled
        from report_ticket_facts f
        where f.ticket_id in (${handledIn(sql`f.first_reply_at`)} union ${handledIn(sql`f.first_solved_at`)}
          union ${handledIn(sql`f.last_solved_at`)} union ${handledIn(sql`f.escalated_at`)})`,
  );
  const escalated = Number(r?.escalated ?? 0);
  const handled = Number(r?.handled ?? 0);
  return { rate: escalationRate(escalated, handled), escalated, handled, hierarchical: Number(r?.hierarchical ?? 0), functional: Number(r?.functional ?? 0) };
}

/** Chat abandonment (METRICS §2.6): offline messages are left out of the denominator. */
async function chat(db: Executor, scope: SQL, p: Period): Promise<KpiReport['chatAbandonment']> {
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as chats,
          count(*) filter (where f.chat_outcome = 'offline')::int as offline,
          count(*) filter (where f.chat_outcome = 'missed')::int as missed,
          count(*) filter (where f.chat_outcome = 'dropped')::int as dropped
        from report_ticket_facts f where ${scope} and f.chat_outcome is not null and ${within(sql`f.created_at`, p.from, p.to)}`,
  );
  const [chats, offline, missed, dropped] = ['chats', 'offline', 'missed', 'dropped'].map((k) => Number(r?.[k] ?? 0)) as [number, number, number, number];
  const base = chats - offline;
  return { missedPercent: percent(missed, base), nonCompletedPercent: percent(missed + dropped, base), chats, offline, missed, dropped };
}

/** SLA achievement (METRICS §2.9): targets dated by fulfilment or breach; a policy instance is achieved only when none of its targets breached. */
async function sla(db: Executor, scope: SQL, p: Period): Promise<KpiReport['sla']> {
  const rows = await queryRows<{ metric: string; policy_id: string; name: string | null; achieved: number; breached: number }>(
    db,
    sql`select f.metric, f.policy_id::text as policy_id, max(sp.name) as name,
          count(*) filter (where f.status = 'achieved')::int as achieved,
          count(*) filter (where f.status = 'breached')::int as breached
        from report_sla_targets f
        left join sla_policies sp on sp.id = f.policy_id
        where ${scope} and ${within(sql`f.at`, p.from, p.to)}
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

async function volume(db: Executor, scope: SQL, p: Period): Promise<KpiReport['volume']> {
  const rows = await queryRows<{ channel: string; count: number }>(
    db,
    sql`select f.channel, count(*)::int as count from report_ticket_facts f where ${scope} and ${within(sql`f.created_at`, p.from, p.to)} group by 1 order by 2 desc, 1`,
  );
  const byChannel = rows.map((r) => ({ channel: r.channel, count: Number(r.count) }));
  return { byChannel, total: byChannel.reduce((s, r) => s + r.count, 0) };
}

/** Tickets unsolved at an instant (METRICS §2.5). */
export async function backlogAt(db: Executor, scope: SQL, at: Date): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from report_ticket_facts f where ${scope} and f.unsolved @> ${at.toISOString()}::timestamptz`);
  return Number(r?.n ?? 0);
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
  const db = ctx.db;
  const until = new Date(Math.min(p.to.getTime(), ctx.clock.now().getTime()));
  // Independent queries: on PostgreSQL they run side by side on the pool.
  const [byReply, byCreation, firstResolution, fullResolution, touches, reopens, escalations, chats, slas, volumes, backlog] = await Promise.all([
    durationPair(db, F.frt[0], F.frt[1], sql`${scope} and ${within(sql`f.first_reply_at`, p.from, p.to)}`),
    durationPair(db, F.frt[0], F.frt[1], sql`${scope} and ${within(sql`f.created_at`, p.from, p.to)}`),
    durationPair(db, F.first[0], F.first[1], sql`${scope} and ${within(sql`f.first_solved_at`, p.from, p.to)}`),
    durationPair(db, F.full[0], F.full[1], sql`${scope} and ${within(sql`f.last_solved_at`, p.from, p.to)}`),
    touch(db, scope, p),
    reopenRate(db, scope, p),
    escalation(db, scope, p),
    chat(db, scope, p),
    sla(db, scope, p),
    volume(db, scope, p),
    backlogAt(db, scope, until),
  ]);
  return {
    period: presentPeriod(p),
    filters: presentFilters(filters),
    frt: { ...byReply, basis: 'reply_date', byCreationDate: byCreation },
    firstResolution,
    fullResolution,
    ...touches,
    reopenRate: reopens,
    escalation: escalations,
    chatAbandonment: chats,
    sla: slas,
    volume: volumes,
    backlog,
  };
}
