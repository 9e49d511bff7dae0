import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { tickets } from '../tickets/schema.ts';
import { findTicket, ticketColumns, type TicketView } from '../tickets/repository.ts';
import type { PortalViewer } from './sessions.ts';

/**
 * The one rule of what a customer sees in the portal: tickets they requested, and, when their
 * organization shares its requests, every ticket of that organization. Membership is read
 * from the contact at each request, so leaving an organization ends access to its tickets
 * at once. Everything else is the same 404 as a ticket that does not exist.
 */
export function canSeeTicket(viewer: PortalViewer, t: { requesterId: string; organizationId: string | null }): boolean {
  if (t.requesterId === viewer.contactId) return true;
  return viewer.orgShared && viewer.organizationId !== null && t.organizationId === viewer.organizationId;
}

/** `canSeeTicket` as SQL over a tickets row reached under the table alias `alias`. */
export function visibleSql(viewer: PortalViewer, alias: string): SQL {
  const a = sql.raw(alias);
  const own = sql`${a}.requester_id = ${viewer.contactId}::uuid`;
  if (!viewer.orgShared || !viewer.organizationId) return own;
  return sql`(${own} or ${a}.organization_id = ${viewer.organizationId}::uuid)`;
}

/** How many merges the portal follows from a ticket to the one it now lives in. */
export const MAX_MERGE_HOPS = 10;

/** The ticket a merged ticket now lives in (a bounded walk, in case of a cycle). */
export async function mergeTarget(db: Executor, t: TicketView): Promise<TicketView> {
  let current = t;
  for (let i = 0; i < MAX_MERGE_HOPS && current.mergedIntoId; i++) {
    const next = await findTicket(db, current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}

export type PortalTicketLookup =
  | { kind: 'ticket'; ticket: TicketView; mergedAway: boolean }
  | { kind: 'moved'; number: number }
  | { kind: 'none' };

/**
 * A ticket by its number as the customer may see it. A merged-away ticket shows as the ticket
 * it was merged into when the customer may see that one (`moved`); otherwise it stays itself,
 * closed, and reveals nothing of the other ticket.
 */
export async function findPortalTicket(db: Executor, viewer: PortalViewer, number: number): Promise<PortalTicketLookup> {
  if (!Number.isSafeInteger(number) || number <= 0) return { kind: 'none' };
  const [t] = await db.select(ticketColumns).from(tickets).where(eq(tickets.number, number));
  if (!t || !canSeeTicket(viewer, t)) return { kind: 'none' };
  if (!t.mergedIntoId) return { kind: 'ticket', ticket: t, mergedAway: false };
  const target = await mergeTarget(db, t);
  if (target.id !== t.id && !target.mergedIntoId && canSeeTicket(viewer, target)) return { kind: 'moved', number: target.number };
  return { kind: 'ticket', ticket: t, mergedAway: true };
}
