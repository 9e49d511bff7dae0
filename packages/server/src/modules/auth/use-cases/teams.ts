import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { agents, teamMembers, teams } from '../schema.ts';
import { findTeam, membersOf } from '../repository.ts';
import { recordAudit } from '../../system/audit.ts';
import { isUniqueViolation } from '../../../platform/db.ts';
import { assertCalendarExists } from '../../sla/calendar-store.ts';

async function assertAgentsExist(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  const found = await ctx.db.select({ id: agents.id }).from(agents).where(inArray(agents.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    throw new AppError('validation_failed', 'unknown agents', missing.map((id) => ({ path: 'body.memberIds', message: `no agent ${id}` })));
  }
}

/** Creates a team with optional members (admin only). */
export async function createTeam(ctx: Ctx, input: { name: string; description?: string; memberIds?: string[]; calendarId?: string | null }) {
  const memberIds = [...new Set(input.memberIds ?? [])];
  await assertAgentsExist(ctx, memberIds);
  await assertCalendarExists(ctx.db, input.calendarId);
  try {
    return await inTransaction(ctx, async (tx) => {
      const now = ctx.clock.now();
      const [row] = await tx
        .insert(teams)
        .values({ name: input.name.trim(), description: input.description ?? '', calendarId: input.calendarId ?? null, createdAt: now, updatedAt: now })
        .returning();
      if (memberIds.length) await tx.insert(teamMembers).values(memberIds.map((agentId) => ({ teamId: row!.id, agentId })));
      await recordAudit(tx, ctx, 'team.created', 'team', row!.id);
      return { ...row!, memberIds };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'a team with this name exists', [{ path: 'body.name', message: 'already in use' }]);
    throw err;
  }
}

/** Renames a team or replaces its members (admin only). */
export async function updateTeam(ctx: Ctx, id: string, input: { name?: string; description?: string; memberIds?: string[]; calendarId?: string | null }) {
  const memberIds = input.memberIds ? [...new Set(input.memberIds)] : undefined;
  if (memberIds) await assertAgentsExist(ctx, memberIds);
  await assertCalendarExists(ctx.db, input.calendarId);
  try {
    return await inTransaction(ctx, async (tx) => {
      if (!(await findTeam(tx, id))) throw notFound('team');
      const [row] = await tx
        .update(teams)
        .set({
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.calendarId !== undefined && { calendarId: input.calendarId }),
          updatedAt: ctx.clock.now(),
        })
        .where(eq(teams.id, id))
        .returning();
      if (memberIds) {
        await tx.delete(teamMembers).where(eq(teamMembers.teamId, id));
        if (memberIds.length) await tx.insert(teamMembers).values(memberIds.map((agentId) => ({ teamId: id, agentId })));
      }
      await recordAudit(tx, ctx, 'team.updated', 'team', id, { fields: Object.keys(input) });
      return { ...row!, memberIds: memberIds ?? (await membersOf(tx, id)) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'a team with this name exists', [{ path: 'body.name', message: 'already in use' }]);
    throw err;
  }
}

/** Deletes a team; its tickets keep their history and lose the team (admin only). */
export async function deleteTeam(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.delete(teams).where(eq(teams.id, id)).returning({ id: teams.id });
    if (rows.length === 0) throw notFound('team');
    await recordAudit(tx, ctx, 'team.deleted', 'team', id);
  });
}
