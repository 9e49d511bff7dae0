import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AgentRole } from '../../../platform/actor.ts';
import { agentRoleHistory, agents } from '../schema.ts';
import { findAgentByEmail, type AgentRow } from '../repository.ts';
import { hashPassword } from '../passwords.ts';
import { recordAudit } from '../../system/audit.ts';

export interface CreateAgentInput {
  email: string;
  name: string;
  role: AgentRole;
  password?: string;
  locale?: string | null;
  timeZone?: string;
}

/** Creates an agent (admin only; enforced by the caller's policy). Emails are unique, case-insensitively. */
export async function createAgent(ctx: Ctx, input: CreateAgentInput): Promise<AgentRow> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx, async (tx, emit) => {
    if (await findAgentByEmail(tx, email)) {
      throw new AppError('conflict', 'an agent with this email exists', [{ path: 'body.email', message: 'already in use' }]);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(agents)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        locale: input.locale ?? null,
        timeZone: input.timeZone ?? 'Europe/Berlin',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(agentRoleHistory).values({ agentId: row!.id, role: input.role, validFrom: now });
    await recordAudit(tx, ctx, 'agent.created', 'agent', row!.id, { role: input.role });
    emit({ type: 'agent.created', payload: { agentId: row!.id }, actor: actorRef(ctx.actor) });
    return row!;
  });
}
