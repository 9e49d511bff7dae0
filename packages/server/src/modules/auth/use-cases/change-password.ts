import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { agents, apiTokens } from '../schema.ts';
import { findAgent } from '../repository.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { endOtherSessions } from '../sessions.ts';
import { recordAudit } from '../../system/audit.ts';

/**
 * Changes the caller's own password after re-checking the current one on the server. Every
 * other session ends and every API token is revoked.
 */
export async function changePassword(ctx: Ctx & { actor: AgentActor }, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const agent = await findAgent(ctx.db, ctx.actor.id);
  if (!agent || !(await verifyPassword(agent.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'current password is wrong', [{ path: 'body.currentPassword', message: 'wrong password' }]);
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    await tx.update(agents).set({ passwordHash: hash, updatedAt: now }).where(eq(agents.id, agent.id));
    await endOtherSessions(tx, agent.id, ctx.actor.sessionId);
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.agentId, agent.id));
    await recordAudit(tx, ctx, 'auth.password_changed', 'agent', agent.id);
  });
}
