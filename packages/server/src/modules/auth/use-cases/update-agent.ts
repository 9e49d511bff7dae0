import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { AgentRole } from '../../../platform/actor.ts';
import { agentRoleHistory, agents, apiTokens } from '../schema.ts';
import { countActiveAdmins, findAgent, findAgentByEmail, type AgentRow } from '../repository.ts';
import { endOtherSessions } from '../sessions.ts';
import { recordAudit } from '../../system/audit.ts';

export interface UpdateAgentInput {
  name?: string;
  email?: string;
  role?: AgentRole;
  active?: boolean;
  locale?: string | null;
  timeZone?: string;
  signature?: string;
  kbEditor?: boolean;
}

/**
 * Changes an agent. Deactivating ends all sessions and revokes API tokens; the last active
 * admin can be neither demoted nor deactivated.
 */
export async function updateAgent(ctx: Ctx, id: string, input: UpdateAgentInput): Promise<AgentRow> {
  return inTransaction(ctx, async (tx, emit) => {
    const current = await findAgent(tx, id);
    if (!current) throw notFound('agent');
    const now = ctx.clock.now();
    const losesAdmin =
      current.role === 'admin' && current.active && ((input.role && input.role !== 'admin') || input.active === false);
    if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
      throw new AppError('conflict', 'the last active admin cannot be demoted or deactivated');
    }
    if (input.email && input.email.toLowerCase() !== current.email.toLowerCase()) {
      const other = await findAgentByEmail(tx, input.email);
      if (other) throw new AppError('conflict', 'an agent with this email exists', [{ path: 'body.email', message: 'already in use' }]);
    }
    const [row] = await tx
      .update(agents)
      .set({
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.email !== undefined && { email: input.email.trim().toLowerCase() }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
        ...(input.signature !== undefined && { signature: input.signature }),
        ...(input.kbEditor !== undefined && { kbEditor: input.kbEditor }),
        updatedAt: now,
      })
      .where(eq(agents.id, id))
      .returning();
    if (input.role && input.role !== current.role) {
      await tx.insert(agentRoleHistory).values({ agentId: id, role: input.role, validFrom: now });
    }
    if (input.active === false && current.active) {
      await endOtherSessions(tx, id);
      await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.agentId, id));
    }
    await recordAudit(tx, ctx, 'agent.updated', 'agent', id, { fields: Object.keys(input) });
    emit({ type: 'agent.updated', payload: { agentId: id }, actor: actorRef(ctx.actor) });
    return row!;
  });
}
