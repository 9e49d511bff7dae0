import { TicketStatus as TicketStatusSchema } from '@servus/shared';

/** A ticket status as the event log records it (`new`, `open`, `pending`, `on_hold`, `solved`, `closed`). */
export type TicketStatus = (typeof TicketStatusSchema.options)[number];

/**
 * One row of the ticket event log (`ticket_events`), as the metrics read it. Rows from the
 * database fit as they are; `actorRole` is the agent's role when the event happened.
 */
export interface TicketEvent {
  type: string;
  actorKind: 'agent' | 'contact' | 'automation' | 'system';
  actorId: string | null;
  actorRole: string | null;
  before: unknown;
  after: unknown;
  messageId: string | null;
  createdAt: Date;
}

/** Reads a status from an event payload; a log with anything else in it is corrupt. */
export function statusOf(value: unknown): TicketStatus {
  const parsed = TicketStatusSchema.safeParse(value);
  if (!parsed.success) throw new TypeError(`not a ticket status: ${JSON.stringify(value)}`);
  return parsed.data;
}

/** Solved and closed tickets count as resolved. */
export function isResolvedStatus(status: TicketStatus): boolean {
  return status === 'solved' || status === 'closed';
}
