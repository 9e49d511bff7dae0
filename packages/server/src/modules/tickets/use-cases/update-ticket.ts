import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import type { Emit } from '../../../platform/events.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { findTicket, findVisibleTicket, type TicketView } from '../repository.ts';
import { planChanges, writeTicket, type TicketChangeSet } from '../changes.ts';
import { appendHistory } from '../history.ts';

/** 409 when the client edited an older version than the one stored. */
export function assertVersion(t: TicketView, expected: number | undefined): void {
  if (expected !== undefined && expected !== t.version) {
    throw new AppError('version_conflict', 'the ticket changed since you loaded it; review the changes and try again', {
      currentVersion: t.version,
    });
  }
}

/**
 * Applies a change set inside an open transaction; returns the ticket as stored afterwards.
 * An agent only reaches tickets it may see; automation, routing and the system reach every
 * ticket (404 when it does not exist).
 */
export async function applyTicketChanges(
  tx: Tx,
  ctx: Ctx,
  emit: Emit,
  id: string,
  changes: TicketChangeSet,
  expectedVersion?: number,
): Promise<TicketView> {
  const t =
    ctx.actor.kind === 'agent'
      ? await findVisibleTicket(tx, ctx.actor, id, { forUpdate: true })
      : await findTicket(tx, id, { forUpdate: true });
  if (!t) throw notFound('ticket');
  assertVersion(t, expectedVersion);
  const now = ctx.clock.now();
  const plan = await planChanges(tx, ctx, t, changes, now);
  if (plan.history.length === 0) return t;
  const version = await writeTicket(tx, id, plan.set, now);
  await appendHistory(tx, ctx, id, plan.history, now);
  const after = (await findTicket(tx, id))!;
  emit({
    type: 'ticket.updated',
    payload: { ticketId: id, number: t.number, teamId: after.teamId, assigneeId: after.assigneeId, changes: plan.history.map((h) => h.type), version },
    actor: actorRef(ctx.actor),
  });
  return after;
}

/** Changes a ticket's fields; every change lands in the event log. */
export async function updateTicket(
  ctx: Ctx & { actor: AgentActor },
  id: string,
  input: TicketChangeSet & { version?: number },
): Promise<TicketView> {
  const { version, ...changes } = input;
  return inTransaction(ctx, (tx, emit) => applyTicketChanges(tx, ctx, emit, id, changes, version));
}
