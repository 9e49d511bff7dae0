import { sql, type SQL } from 'drizzle-orm';
import type { AppliedReportFilters, ReportFiltersInput } from '@servus/shared';
import type { AgentActor } from '../../../platform/actor.ts';

/** The filters of a report request, after defaults. */
export interface FactFilters {
  teamId?: string;
  agentId?: string;
  channel?: string[];
  priority?: string[];
  organizationId?: string;
  tags?: string[];
}

/** The filters as the API echoes them. */
export function presentFilters(f: FactFilters): AppliedReportFilters {
  return {
    teamId: f.teamId ?? null,
    agentId: f.agentId ?? null,
    channel: f.channel ?? [],
    priority: f.priority ?? [],
    organizationId: f.organizationId ?? null,
    tags: f.tags ?? [],
  };
}

/** Picks the filter fields out of a parsed report query. */
export function filtersOf(q: Partial<ReportFiltersInput>): FactFilters {
  return { teamId: q.teamId, agentId: q.agentId, channel: q.channel, priority: q.priority, organizationId: q.organizationId, tags: q.tags };
}

const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/**
 * The condition on `report_ticket_facts f` for the tickets a report counts: never merged-away
 * ones, only those the caller may see (the ticket list's rule: admins all, others their teams,
 * tickets without a team and their own), then the request's filters. A filter naming a team or
 * agent the caller cannot see simply matches nothing visible.
 */
export function factScope(actor: AgentActor | null, f: FactFilters): SQL {
  const parts: SQL[] = [sql`not f.merged`];
  if (actor && actor.role !== 'admin') {
    const teams = actor.teamIds.length ? sql` or f.team_id in (${sql.join(actor.teamIds.map((t) => sql`${t}::uuid`), sql`, `)})` : sql``;
    parts.push(sql`(f.team_id is null or f.assignee_id = ${actor.id}::uuid${teams})`);
  }
  if (f.teamId) parts.push(sql`f.team_id = ${f.teamId}::uuid`);
  if (f.agentId) parts.push(sql`f.assignee_id = ${f.agentId}::uuid`);
  if (f.organizationId) parts.push(sql`f.organization_id = ${f.organizationId}::uuid`);
  if (f.channel?.length) parts.push(sql`f.channel = any(${textArray(f.channel)})`);
  if (f.priority?.length) parts.push(sql`f.priority = any(${textArray(f.priority)})`);
  if (f.tags?.length) parts.push(sql`f.tags && ${textArray(f.tags)}`);
  return sql.join(parts, sql` and `);
}

/** `col in [from, to)` for a timestamptz column expression. */
export function within(column: SQL, from: Date, to: Date): SQL {
  return sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;
}

/** Whether a request counts every ticket: an admin (or a system job) without filters. */
export function isWholeInstallation(ctx: { actor: AgentActor | null }, q: Partial<ReportFiltersInput>): boolean {
  const f = filtersOf(q);
  const unfiltered = !f.teamId && !f.agentId && !f.organizationId && !f.channel?.length && !f.priority?.length && !f.tags?.length;
  return unfiltered && (ctx.actor === null || ctx.actor.role === 'admin');
}
