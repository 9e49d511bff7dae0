import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { tickets } from '../tickets/schema.ts';
import { appendHistory } from '../tickets/history.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { teamRouting } from './schema.ts';
import { ROUTING_ACTOR } from './actor.ts';

/**
 * Puts an agent's new unanswered work back in the queue: tickets assigned to the agent in
 * status new or open, without an agent reply yet, in routed teams that hand work back when
 * their agent goes offline. Each ticket loses its assignee (logged as routing's change) and gets a
 * `requeued` entry naming the agent. Returns the tickets' ids; routing drains the queues
 * once the status change is committed.
 */
export async function requeueOfflineWork(tx: Tx, ctx: Ctx, emit: Emit, agentId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(teamRouting, and(eq(teamRouting.teamId, tickets.teamId), eq(teamRouting.requeueOnOffline, true), ne(teamRouting.mode, 'manual')))
    .where(and(eq(tickets.assigneeId, agentId), inArray(tickets.status, ['new', 'open']), eq(tickets.agentReplyCount, 0), isNull(tickets.mergedIntoId)))
    .orderBy(asc(tickets.createdAt), asc(tickets.id));
  const routing: Ctx = { ...ctx, actor: ROUTING_ACTOR };
  const done: string[] = [];
  for (const { id } of rows) {
    const after = await applyTicketChanges(tx, routing, emit, id, { assigneeId: null });
    if (after.assigneeId !== null) continue;
    await appendHistory(tx, routing, id, [{ type: 'requeued', after: { agentId, reason: 'agent_offline' } }], ctx.clock.now());
    done.push(id);
  }
  return done;
}
