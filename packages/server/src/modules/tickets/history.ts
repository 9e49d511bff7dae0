import type { Tx } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { ticketEvents } from './schema.ts';

/** The kinds of entries in the ticket event log. */
export type TicketEventType =
  | 'created'
  | 'status_changed'
  | 'reopened'
  | 'assignee_changed'
  | 'team_changed'
  | 'priority_changed'
  | 'type_changed'
  | 'subject_changed'
  | 'tags_changed'
  | 'custom_changed'
  | 'requester_changed'
  | 'reply'
  | 'note'
  | 'merged'
  | 'merged_into'
  /** An SLA target is about to breach (once per target instance; written by the sla.check job). */
  | 'sla_warning'
  /** An SLA target breached (once per target instance). */
  | 'sla_breached';

export interface HistoryEntry {
  type: TicketEventType;
  before?: unknown;
  after?: unknown;
  messageId?: string | null;
  /** Who did this, when not the context's actor (e.g. the customer's opening message). */
  actor?: { kind: 'contact'; id: string };
}

/** Appends entries to the ticket event log with the acting party and its role at this moment. */
export async function appendHistory(tx: Tx, ctx: Ctx, ticketId: string, entries: HistoryEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(ticketEvents).values(
    entries.map((e) => ({
      ticketId,
      type: e.type,
      actorKind: (e.actor ?? ctx.actor).kind,
      actorId: (e.actor ?? ctx.actor).id,
      actorRole: !e.actor && ctx.actor.kind === 'agent' ? ctx.actor.role : null,
      before: e.before === undefined ? null : (e.before as object),
      after: e.after === undefined ? null : (e.after as object),
      messageId: e.messageId ?? null,
      createdAt: at,
    })),
  );
}
