import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { teamMembers } from '../auth/schema.ts';
import { findTicket } from '../tickets/repository.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';

/**
 * Makes `agentId` the assignee of a chat's ticket. An agent outside the ticket's team (an admin
 * helping out) takes the ticket out of the team, since an assignee must belong to it.
 */
export async function assignChatTicket(tx: Tx, ctx: Ctx, emit: Emit, ticketId: string, agentId: string): Promise<void> {
  const t = await findTicket(tx, ticketId);
  if (!t || t.assigneeId === agentId) return;
  let member = t.teamId === null;
  if (t.teamId) {
    const [m] = await tx.select({ a: teamMembers.agentId }).from(teamMembers).where(and(eq(teamMembers.teamId, t.teamId), eq(teamMembers.agentId, agentId)));
    member = Boolean(m);
  }
  await applyTicketChanges(tx, ctx, emit, ticketId, member ? { assigneeId: agentId } : { assigneeId: agentId, teamId: null });
}
