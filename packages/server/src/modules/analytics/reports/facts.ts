import { and, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { tickets } from '../../tickets/schema.ts';
import { allTargetInstances } from '../../sla/engine.ts';
import { listSlaPolicyRows, type SlaPolicyRow } from '../../sla/policies.ts';
import { policyForTicket, ticketCalendar, ticketEventLog } from '../../sla/ticket-sla.ts';
import { resolutionHistory, statusSpans } from '../status-timeline.ts';
import { isResolvedStatus, type TicketEvent } from '../ticket-event.ts';
import { ticketMetrics, type MetricMinutes } from '../ticket-metrics.ts';
import { reportSlaTargets, reportTicketFacts, type FactSlaTarget } from './schema.ts';

type FactRow = typeof reportTicketFacts.$inferInsert;
type TicketRow = typeof tickets.$inferSelect;

const DAY_MS = 86_400_000;
/** The window in which a requester's next ticket or a reopen counts against a solve (METRICS §2.3, §2.8). */
export const FOLLOW_UP_DAYS = 7;

const cal = (m: MetricMinutes | null) => (m ? m.calendar : null);
/** Business minutes; calendar minutes when the ticket has no business calendar. */
const biz = (m: MetricMinutes | null) => (m ? (m.business ?? m.calendar) : null);

/** The unsolved stretches of a ticket as a `tstzmultirange` literal; an open stretch runs to infinity. */
function unsolvedRanges(events: readonly TicketEvent[]): string {
  const parts = statusSpans(events)
    .filter((s) => !isResolvedStatus(s.status) && (s.to === null || s.to > s.from))
    .map((s) => `[${s.from.toISOString()},${s.to ? s.to.toISOString() : 'infinity'})`);
  return `{${parts.join(',')}}`;
}

/** The moment the ticket was first reopened after its first solve, if ever. */
function firstReopenAfterFirstSolve(events: readonly TicketEvent[]): { solvedAt: Date; reopenedAt: Date } | null {
  const spans = statusSpans(events);
  const i = spans.findIndex((s) => isResolvedStatus(s.status));
  if (i < 0) return null;
  const reopen = spans.slice(i + 1).find((s) => !isResolvedStatus(s.status));
  return reopen ? { solvedAt: spans[i]!.from, reopenedAt: reopen.from } : null;
}

/** Outcome of the ticket's chat (METRICS §2.6): the last thing that happened to it. */
function chatOutcome(events: readonly TicketEvent[]): string | null {
  let outcome: string | null = null;
  for (const e of events) {
    if (e.type === 'chat_offline_message') outcome = 'offline';
    else if (e.type === 'chat_started' && outcome !== 'offline') outcome = 'open';
    else if (e.type === 'chat_missed') outcome = 'missed';
    else if (e.type === 'chat_dropped') outcome = 'dropped';
    else if (e.type === 'chat_ended' && outcome === 'open') outcome = 'served';
  }
  return outcome;
}

function escalation(events: readonly TicketEvent[]) {
  const escalations = events.filter((e) => e.type === 'escalated');
  const kinds = new Set(escalations.map((e) => (e.after as { kind?: string } | null)?.kind));
  return { at: escalations[0]?.createdAt ?? null, hierarchical: kinds.has('hierarchical'), functional: kinds.has('functional') };
}

function slaTargets(events: readonly TicketEvent[], t: TicketRow, policy: SlaPolicyRow | null, calendar: Parameters<typeof allTargetInstances>[3], now: Date): FactSlaTarget[] {
  if (!policy) return [];
  const out: FactSlaTarget[] = [];
  for (const i of allTargetInstances(events, t, policy, calendar, now)) {
    const r = i.result;
    if (r.status === 'breached' && r.breachedAt) out.push({ metric: i.metric, policyId: policy.id, status: 'breached', at: r.breachedAt });
    else if (r.status === 'achieved' && r.fulfilledAt) out.push({ metric: i.metric, policyId: policy.id, status: 'achieved', at: r.fulfilledAt });
  }
  return out;
}

/** Whether the requester opened another ticket within the FCR window after this one's solve. */
async function hasFollowUp(db: Executor, t: TicketRow, solvedAt: Date | null): Promise<boolean> {
  if (!solvedAt) return false;
  const until = new Date(solvedAt.getTime() + FOLLOW_UP_DAYS * DAY_MS);
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.requesterId, t.requesterId), ne(tickets.id, t.id), gte(tickets.createdAt, solvedAt), lt(tickets.createdAt, until)))
    .limit(1);
  return Boolean(row);
}

/**
 * Computes a ticket's report facts from its event log, its business calendar and the SLA policy
 * that applies to it. Null when the ticket is gone or its log does not start with `created`.
 */
export async function computeTicketFacts(db: Executor, ticketId: string, now: Date, policies?: SlaPolicyRow[]): Promise<FactRow | null> {
  const [t] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!t) return null;
  const events = await ticketEventLog(db, ticketId);
  if (events[0]?.type !== 'created') return null;
  const calendar = await ticketCalendar(db, t);
  const lastSolvedAt = isResolvedStatus(t.status) ? (resolutionHistory(statusSpans(events)).resolvedAt.at(-1) ?? null) : null;
  const m = ticketMetrics(events, { calendar, hasFollowUp: await hasFollowUp(db, t, lastSolvedAt) });
  const policy = await policyForTicket(db, policies ?? (await listSlaPolicyRows(db)), t);
  const sla = slaTargets(events, t, policy, calendar, now);
  const reopen = firstReopenAfterFirstSolve(events);
  const esc = escalation(events);
  return {
    ticketId: t.id,
    createdAt: m.createdAt,
    teamId: t.teamId,
    assigneeId: t.assigneeId,
    requesterId: t.requesterId,
    organizationId: t.organizationId,
    channel: t.channel,
    priority: t.priority,
    status: t.status,
    tags: t.tags,
    merged: m.mergedAway || t.mergedIntoId !== null,
    firstReplyAt: m.firstReplyAt,
    frtCalendar: cal(m.firstReplyTime),
    frtBusiness: biz(m.firstReplyTime),
    firstSolvedAt: m.firstResolvedAt,
    lastSolvedAt: m.lastResolvedAt,
    firstResolutionCalendar: cal(m.firstResolutionTime),
    firstResolutionBusiness: biz(m.firstResolutionTime),
    fullResolutionCalendar: cal(m.fullResolutionTime),
    fullResolutionBusiness: biz(m.fullResolutionTime),
    agentReplies: m.agentReplies,
    reopens: m.reopens,
    reopenedWithin7d: reopen !== null && reopen.reopenedAt.getTime() - reopen.solvedAt.getTime() <= FOLLOW_UP_DAYS * DAY_MS,
    oneTouch: m.oneTouch,
    noTouch: m.noTouch,
    fcr: m.fcr,
    escalatedAt: esc.at,
    escalatedHierarchical: esc.hierarchical,
    escalatedFunctional: esc.functional,
    chatOutcome: chatOutcome(events),
    slaAchieved: sla.filter((s) => s.status === 'achieved').length,
    slaBreached: sla.filter((s) => s.status === 'breached').length,
    slaTargets: sla,
    slaFirstAt: sla.length ? new Date(Math.min(...sla.map((x) => Date.parse(x.at)))) : null,
    slaLastAt: sla.length ? new Date(Math.max(...sla.map((x) => Date.parse(x.at)))) : null,
    unsolved: unsolvedRanges(events),
    refreshedAt: now,
  };
}

/**
 * Rebuilds one ticket's facts (or removes them when the ticket is gone). Idempotent, so the
 * incremental job and the full recompute write exactly the same row.
 */
export async function refreshTicketFacts(ctx: { db: Executor; clock: Clock }, ticketId: string, policies?: SlaPolicyRow[]): Promise<void> {
  const row = await computeTicketFacts(ctx.db, ticketId, ctx.clock.now(), policies);
  if (!row) {
    await ctx.db.delete(reportTicketFacts).where(eq(reportTicketFacts.ticketId, ticketId));
    return;
  }
  const { ticketId: _id, ...rest } = row;
  await ctx.db.insert(reportTicketFacts).values(row).onConflictDoUpdate({ target: reportTicketFacts.ticketId, set: rest });
  await ctx.db.delete(reportSlaTargets).where(eq(reportSlaTargets.ticketId, ticketId));
  const targets = row.slaTargets ?? [];
  if (targets.length) {
    await ctx.db.insert(reportSlaTargets).values(
      targets.map((t, idx) => ({
        ticketId,
        idx,
        metric: t.metric,
        policyId: t.policyId,
        status: t.status,
        at: new Date(t.at),
        teamId: row.teamId,
        assigneeId: row.assigneeId,
        organizationId: row.organizationId,
        channel: row.channel,
        priority: row.priority,
        tags: row.tags,
        merged: row.merged,
      })),
    );
  }
}

/**
 * A new ticket can take FCR away from the requester's tickets solved in the days before it, so
 * their facts are rebuilt as well. Returns the ids it refreshed.
 */
export async function refreshRequesterNeighbours(ctx: { db: Executor; clock: Clock }, ticketId: string): Promise<string[]> {
  const [t] = await ctx.db.select({ requesterId: tickets.requesterId, createdAt: tickets.createdAt }).from(tickets).where(eq(tickets.id, ticketId));
  if (!t) return [];
  const since = new Date(t.createdAt.getTime() - FOLLOW_UP_DAYS * DAY_MS);
  const rows = await ctx.db
    .select({ id: reportTicketFacts.ticketId })
    .from(reportTicketFacts)
    .where(and(eq(reportTicketFacts.requesterId, t.requesterId), ne(reportTicketFacts.ticketId, ticketId), sql`${reportTicketFacts.lastSolvedAt} >= ${since.toISOString()}::timestamptz and ${reportTicketFacts.lastSolvedAt} <= ${t.createdAt.toISOString()}::timestamptz`));
  for (const r of rows) await refreshTicketFacts(ctx, r.id);
  return rows.map((r) => r.id);
}
