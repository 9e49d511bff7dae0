import { inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { attachments, messages, tickets } from '../schema.ts';
import { findTicket, findVisibleTicket, type TicketView } from '../repository.ts';
import { appendHistory } from '../history.ts';
import { insertMessage } from '../messages.ts';
import { writeTicket } from '../changes.ts';

/**
 * Merges source tickets into a target: their messages and attachments move to the target,
 * each source is closed with a pointer to the target, and both sides get log entries.
 * Tickets the agent cannot see answer 404 as if they did not exist.
 */
export async function mergeTickets(ctx: Ctx & { actor: AgentActor }, targetId: string, sourceIds: string[]): Promise<TicketView> {
  const ids = [...new Set(sourceIds)];
  if (ids.includes(targetId)) {
    throw new AppError('validation_failed', 'a ticket cannot be merged into itself', [{ path: 'body.sourceIds', message: 'contains the target' }]);
  }
  return inTransaction(ctx, async (tx, emit) => {
    const target = await findVisibleTicket(tx, ctx.actor, targetId, { forUpdate: true });
    if (target.status === 'closed') throw new AppError('conflict', 'cannot merge into a closed ticket');
    const sources: TicketView[] = [];
    for (const id of ids) {
      const s = await findVisibleTicket(tx, ctx.actor, id, { forUpdate: true });
      if (s.mergedIntoId) throw new AppError('conflict', `ticket #${s.number} was already merged`);
      sources.push(s);
    }
    const now = ctx.clock.now();
    const moved = await tx.update(messages).set({ ticketId: target.id }).where(inArray(messages.ticketId, ids)).returning({ id: messages.id });
    await tx.update(attachments).set({ ticketId: target.id }).where(inArray(attachments.ticketId, ids));
    const tagSet = new Set(target.tags);
    for (const s of sources) {
      s.tags.forEach((t) => tagSet.add(t));
      await writeTicket(tx, s.id, { status: 'closed', closedAt: now, solvedAt: s.solvedAt ?? now, mergedIntoId: target.id, messageCount: 0 }, now);
      await insertMessage(tx, ctx, s.id, { kind: 'system', author: { kind: 'system' }, text: `Merged into #${target.number}.` }, now);
      await appendHistory(tx, ctx, s.id, [
        { type: 'merged_into', after: { ticketId: target.id, number: target.number } },
        ...(s.status !== 'closed' ? [{ type: 'status_changed' as const, before: s.status, after: 'closed' }] : []),
      ], now);
    }
    const tagsAfter = [...tagSet].sort();
    await writeTicket(
      tx,
      target.id,
      {
        tags: tagsAfter,
        messageCount: sql`${tickets.messageCount} + ${moved.length}` as unknown as number,
        searchText: sql`left(${tickets.searchText} || ' ' || (select string_agg(search_text, ' ') from tickets where id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})), 200000)` as unknown as string,
      },
      now,
    );
    const sys = await insertMessage(tx, ctx, target.id, { kind: 'system', author: { kind: 'system' }, text: `Merged ${sources.map((s) => `#${s.number}`).join(', ')} into this ticket.` }, now);
    await appendHistory(tx, ctx, target.id, [
      { type: 'merged', messageId: sys.id, after: { sources: sources.map((s) => ({ ticketId: s.id, number: s.number })) } },
      ...(tagsAfter.join() !== [...target.tags].sort().join() ? [{ type: 'tags_changed' as const, before: target.tags, after: tagsAfter }] : []),
    ], now);
    await tx.update(tickets).set({ searchText: '' }).where(inArray(tickets.id, ids));
    emit({ type: 'ticket.merged', payload: { ticketId: target.id, sourceIds: ids }, actor: actorRef(ctx.actor) });
    return (await findTicket(tx, target.id))!;
  });
}
