import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { TicketChangeSet } from '../changes.ts';
import { applyTicketChanges } from './update-ticket.ts';

export type BulkResult = { id: string; ok: true; version: number } | { id: string; ok: false; error: { code: string; message: string } };

/**
 * Applies one change set to up to 100 tickets, each in its own transaction, and reports per
 * ticket. A ticket the agent cannot see is reported as not_found, like one that does not exist.
 */
export async function bulkUpdateTickets(ctx: Ctx & { actor: AgentActor }, ids: string[], changes: TicketChangeSet): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const t = await inTransaction(ctx, (tx, emit) => applyTicketChanges(tx, ctx, emit, id, changes));
      results.push({ id, ok: true, version: t.version });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return results;
}
