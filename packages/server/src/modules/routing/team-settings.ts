import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TeamRouting, UpdateTeamRoutingInput } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { actorRef, inTransaction } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { teams } from '../auth/schema.ts';
import { ticketFields, tickets } from '../tickets/schema.ts';
import { teamRouting } from './schema.ts';
import { chatConversations } from '../chat/schema.ts';

export type TeamRoutingRow = typeof teamRouting.$inferSelect;

/** Tickets waiting in a queue: unassigned, new or open, not merged away, and not a chat the answer bot is still answering. */
export const WAITING = and(
  isNull(tickets.assigneeId),
  inArray(tickets.status, ['new', 'open']),
  isNull(tickets.mergedIntoId),
  sql`not exists (select 1 from ${chatConversations} where ${chatConversations.ticketId} = ${tickets.id} and ${chatConversations.status} = 'bot')`,
)!;

function present(teamId: string, row: TeamRoutingRow | undefined, queued: number): TeamRouting {
  return {
    teamId,
    mode: row?.mode ?? 'manual',
    skillFields: row?.skillFields ?? [],
    requeueOnOffline: row?.requeueOnOffline ?? false,
    escalationTier: row?.escalationTier ?? null,
    queued,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

async function queuedCounts(db: Executor, teamIds: string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db
    .select({ teamId: tickets.teamId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(inArray(tickets.teamId, teamIds), WAITING))
    .groupBy(tickets.teamId);
  return new Map(rows.map((r) => [r.teamId!, Number(r.n)]));
}

/** A team's routing settings (manual when never configured); 404 for an unknown team. */
export async function getTeamRouting(db: Executor, teamId: string): Promise<TeamRouting> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('team');
  const [row] = await db.select().from(teamRouting).where(eq(teamRouting.teamId, teamId));
  return present(teamId, row, (await queuedCounts(db, [teamId])).get(teamId) ?? 0);
}

/** Every team's routing settings and queue length, by team name. */
export async function listTeamRouting(db: Executor): Promise<TeamRouting[]> {
  const rows = await db.select({ teamId: teams.id, row: teamRouting }).from(teams).leftJoin(teamRouting, eq(teamRouting.teamId, teams.id)).orderBy(asc(teams.name), asc(teams.id));
  const counts = await queuedCounts(db, rows.map((r) => r.teamId));
  return rows.map((r) => present(r.teamId, r.row ?? undefined, counts.get(r.teamId) ?? 0));
}

/** Custom fields named as skill fields must exist. */
async function assertSkillFields(db: Executor, fields: string[]): Promise<void> {
  const keys = fields.filter((f) => f.startsWith('custom.')).map((f) => f.slice('custom.'.length));
  if (keys.length === 0) return;
  const found = await db.select({ key: ticketFields.key }).from(ticketFields).where(inArray(ticketFields.key, keys));
  const missing = keys.filter((k) => !found.some((f) => f.key === k));
  if (missing.length) {
    throw new AppError('validation_failed', 'unknown custom fields', missing.map((k) => ({ path: 'body.skillFields', message: `no custom field ${k}` })));
  }
}

/** Changes a team's routing (admin); fields left out keep their value. */
export async function updateTeamRouting(ctx: Ctx, teamId: string, input: UpdateTeamRoutingInput): Promise<TeamRouting> {
  if (input.skillFields) await assertSkillFields(ctx.db, input.skillFields);
  await inTransaction(ctx, async (tx, emit) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    if (!team) throw notFound('team');
    const now = ctx.clock.now();
    const set = {
      ...(input.mode !== undefined && { mode: input.mode }),
      ...(input.skillFields !== undefined && { skillFields: [...new Set(input.skillFields)] }),
      ...(input.requeueOnOffline !== undefined && { requeueOnOffline: input.requeueOnOffline }),
      ...(input.escalationTier !== undefined && { escalationTier: input.escalationTier }),
      updatedAt: now,
    };
    await tx.insert(teamRouting).values({ teamId, ...set }).onConflictDoUpdate({ target: teamRouting.teamId, set });
    await recordAudit(tx, ctx, 'team_routing.updated', 'team', teamId, { ...input });
    emit({ type: 'team.routing_updated', payload: { teamId }, actor: actorRef(ctx.actor) });
  });
  return getTeamRouting(ctx.db, teamId);
}
