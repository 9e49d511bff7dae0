import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { actorRef } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tickets } from '../tickets/schema.ts';
import { findTicket, type MessageRow } from '../tickets/repository.ts';
import { appendHistory } from '../tickets/history.ts';
import { insertMessage } from '../tickets/messages.ts';

/**
 * Adds a public reply written by automation (`ctx.actor` is the rule) to a ticket, in the
 * caller's transaction. It counts as neither a first nor a next reply (METRICS §9.7) and does not
 * change the status. The `message.created` event it emits carries author kind `automation`; the
 * mail channel sends public replies of that kind to the requester like an agent's.
 */
export async function postAutomationReply(tx: Tx, ctx: Ctx, emit: Emit, ticketId: string, text: string): Promise<MessageRow> {
  const t = await findTicket(tx, ticketId, { forUpdate: true });
  if (!t) throw notFound('ticket');
  if (t.status === 'closed') throw new AppError('conflict', 'closed tickets take no new messages');
  const now = ctx.clock.now();
  const message = await insertMessage(tx, ctx, t.id, { kind: 'public', author: { kind: 'automation' }, text, source: 'automation' }, now);
  await appendHistory(tx, ctx, t.id, [{ type: 'reply', messageId: message.id, after: { kind: 'public', automated: true } }], now);
  const [row] = await tx
    .update(tickets)
    .set({ messageCount: sql`${tickets.messageCount} + 1`, lastMessageAt: now, updatedAt: now, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, t.id))
    .returning({ version: tickets.version });
  emit({ type: 'message.created', payload: { ticketId: t.id, messageId: message.id, kind: 'public', authorKind: 'automation' }, actor: actorRef(ctx.actor) });
  emit({
    type: 'ticket.updated',
    payload: { ticketId: t.id, number: t.number, teamId: t.teamId, assigneeId: t.assigneeId, changes: ['message'], version: row!.version },
    actor: actorRef(ctx.actor),
  });
  return message;
}
