import type { Services } from '../platform/context.ts';
import type { ManualClock } from '../platform/clock.ts';
import { createTicket } from '../modules/tickets/use-cases/create-ticket.ts';
import { addMessage } from '../modules/tickets/use-cases/add-message.ts';
import { updateTicket } from '../modules/tickets/use-cases/update-ticket.ts';
import { mergeTickets } from '../modules/tickets/use-cases/merge-tickets.ts';
import { agentCtxAt } from './demo-context.ts';
import type { Action, DemoPlan } from './plan-demo.ts';

/** Thrown when the caller aborts between two steps. */
export class DemoAbortedError extends Error {
  constructor(readonly ticketsCreated: number) {
    super(`stopped after ${ticketsCreated} tickets`);
    this.name = 'DemoAbortedError';
  }
}

/**
 * Carries out the plan step by step through the ticket use cases, with the clock set to each
 * step's time, so the event log, counters and search text are what real use would leave.
 * Returns the database id of every planned ticket.
 */
export async function applyPlan(
  services: Services,
  clock: ManualClock,
  plan: DemoPlan,
  opts: { onTicket?: (created: number) => void; signal?: AbortSignal } = {},
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const action of plan.actions) {
    await nextTurn();
    if (opts.signal?.aborted) throw new DemoAbortedError(ids.size);
    clock.set(action.at);
    try {
      await apply(services, clock, action, ids);
    } catch (err) {
      const step = action.step.kind;
      throw new Error(`demo: ${step} of planned ticket ${action.ticket} at ${action.at.toISOString()} failed: ${(err as Error).message}`, { cause: err });
    }
    if (action.step.kind === 'create') opts.onTicket?.(ids.size);
  }
  return ids;
}

async function apply(services: Services, clock: ManualClock, { step, ticket }: Action, ids: Map<number, string>): Promise<void> {
  const ctx = agentCtxAt(services, step.by.actor, clock);
  switch (step.kind) {
    case 'create': {
      const created = await createTicket(ctx, step.input);
      ids.set(ticket, created.id);
      return;
    }
    case 'message':
      await addMessage(ctx, idOf(ids, ticket), step.input);
      return;
    case 'update':
      await updateTicket(ctx, idOf(ids, ticket), step.changes);
      return;
    case 'merge':
      await mergeTickets(ctx, idOf(ids, step.into), [idOf(ids, ticket)]);
      return;
  }
}

/**
 * Gives the event loop a turn. PGlite answers from memory without I/O, so a chain of awaits on it
 * alone never reaches the loop's poll phase, and signals such as Ctrl-C would wait until the end.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function idOf(ids: Map<number, string>, ticket: number): string {
  const id = ids.get(ticket);
  if (!id) throw new Error(`planned ticket ${ticket} was not created before its later steps`);
  return id;
}
