import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Cursor } from '../../platform/pagination.ts';
import { notFound } from '../../platform/errors.ts';
import { attachments, messages, ticketEvents, ticketFields, tickets } from './schema.ts';
import { contacts } from '../contacts/schema.ts';
import { canSeeTicket, visibleTickets } from './policies.ts';

export type TicketRow = typeof tickets.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;

/** Ticket columns without the search payload, for reads. */
export const ticketColumns = {
  id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, priority: tickets.priority,
  type: tickets.type, channel: tickets.channel, channelId: tickets.channelId, requesterId: tickets.requesterId, organizationId: tickets.organizationId,
  assigneeId: tickets.assigneeId, teamId: tickets.teamId, tags: tickets.tags, custom: tickets.custom, version: tickets.version,
  mergedIntoId: tickets.mergedIntoId, firstReplyAt: tickets.firstReplyAt, solvedAt: tickets.solvedAt, closedAt: tickets.closedAt,
  reopenCount: tickets.reopenCount, agentReplyCount: tickets.agentReplyCount, messageCount: tickets.messageCount,
  lastMessageAt: tickets.lastMessageAt, createdAt: tickets.createdAt, updatedAt: tickets.updatedAt,
  slaPolicyId: tickets.slaPolicyId, slaNextBreachAt: tickets.slaNextBreachAt,
};
export type TicketView = Omit<TicketRow, 'searchText' | 'searchVector'>;

export async function findTicket(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<TicketView | undefined> {
  const q = db.select(ticketColumns).from(tickets).where(eq(tickets.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The ticket if the agent may see it; otherwise the same 404 as a ticket that does not exist. */
export async function findVisibleTicket(db: Executor, actor: AgentActor, id: string, opts: { forUpdate?: boolean } = {}): Promise<TicketView> {
  const row = await findTicket(db, id, opts);
  if (!row || !canSeeTicket(actor, row)) throw notFound('ticket');
  return row;
}

export interface TicketFilter {
  status?: string[];
  priority?: string[];
  type?: string[];
  channel?: string[];
  assigneeId?: string;
  teamId?: string;
  requesterId?: string;
  organizationId?: string;
  tag?: string[];
  createdAfter?: string;
  createdBefore?: string;
  updatedAfter?: string;
  updatedBefore?: string;
  solvedAfter?: string;
  /** Tickets whose next SLA breach is at most this many minutes after `now` (overdue ones included). */
  slaDueWithin?: number;
  /** The time relative filters count from; the server clock when absent. */
  now?: Date;
  custom?: Record<string, string | number | boolean>;
  sort: string;
  cursor: Cursor | null;
  limit: number;
}

const SORT_COLUMNS = { created_at: tickets.createdAt, updated_at: tickets.updatedAt, number: tickets.number, sla_next_breach_at: tickets.slaNextBreachAt } as const;

export function sortOf(sort: string) {
  const desc_ = sort.startsWith('-');
  const key = (desc_ ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  return { key, column: SORT_COLUMNS[key], desc: desc_ };
}

export function filterConditions(actor: AgentActor, f: Omit<TicketFilter, 'sort' | 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  const vis = visibleTickets(actor);
  if (vis) where.push(vis);
  if (f.status?.length) where.push(inArray(tickets.status, f.status as TicketRow['status'][]));
  if (f.priority?.length) where.push(inArray(tickets.priority, f.priority as TicketRow['priority'][]));
  if (f.type?.length) where.push(inArray(tickets.type, f.type as NonNullable<TicketRow['type']>[]));
  if (f.channel?.length) where.push(inArray(tickets.channel, f.channel as TicketRow['channel'][]));
  if (f.assigneeId === 'none') where.push(isNull(tickets.assigneeId));
  else if (f.assigneeId === 'me') where.push(eq(tickets.assigneeId, actor.id));
  else if (f.assigneeId) where.push(eq(tickets.assigneeId, f.assigneeId));
  if (f.teamId === 'none') where.push(isNull(tickets.teamId));
  else if (f.teamId) where.push(eq(tickets.teamId, f.teamId));
  if (f.requesterId) where.push(eq(tickets.requesterId, f.requesterId));
  if (f.organizationId) where.push(eq(tickets.organizationId, f.organizationId));
  if (f.tag?.length) where.push(sql`${tickets.tags} @> ARRAY[${sql.join(f.tag.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  if (f.createdAfter) where.push(gte(tickets.createdAt, new Date(f.createdAfter)));
  if (f.createdBefore) where.push(lt(tickets.createdAt, new Date(f.createdBefore)));
  if (f.updatedAfter) where.push(gte(tickets.updatedAt, new Date(f.updatedAfter)));
  if (f.updatedBefore) where.push(lte(tickets.updatedAt, new Date(f.updatedBefore)));
  if (f.solvedAfter) where.push(gte(tickets.solvedAt, new Date(f.solvedAfter)));
  if (f.slaDueWithin !== undefined) where.push(lte(tickets.slaNextBreachAt, new Date((f.now ?? new Date()).getTime() + f.slaDueWithin * 60_000)));
  if (f.custom && Object.keys(f.custom).length) where.push(sql`${tickets.custom} @> ${JSON.stringify(f.custom)}::jsonb`);
  return where;
}

/** By next SLA breach, tickets without one last in both directions; the cursor's `v` is null among those. */
function listBySlaBreach(db: Executor, where: SQL[], f: TicketFilter, descending: boolean): Promise<TicketView[]> {
  const col = tickets.slaNextBreachAt;
  if (f.cursor) {
    const v = f.cursor.v === null || f.cursor.v === undefined ? null : new Date(String(f.cursor.v));
    const after = descending ? sql`<` : sql`>`;
    where.push(
      v === null
        ? sql`(${col} is null and ${tickets.id} ${after} ${f.cursor.id})`
        : sql`((${col}, ${tickets.id}) ${after} (${v}, ${f.cursor.id}) or ${col} is null)`,
    );
  }
  const order = descending ? sql`${col} desc nulls last, ${tickets.id} desc` : sql`${col} asc nulls last, ${tickets.id} asc`;
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(where.length ? and(...where) : undefined)
    .orderBy(order)
    .limit(f.limit + 1);
}

/** One page of tickets, keyset-paginated on the sort column and id. */
export async function listTickets(db: Executor, actor: AgentActor, f: TicketFilter): Promise<TicketView[]> {
  const where = filterConditions(actor, f);
  const s = sortOf(f.sort);
  if (s.key === 'sla_next_breach_at') return listBySlaBreach(db, where, f, s.desc);
  if (f.cursor) {
    const v = s.key === 'number' ? Number(f.cursor.v) : new Date(String(f.cursor.v));
    // A row comparison lets the next page start inside the index instead of filtering from its start.
    where.push(s.desc ? sql`(${s.column}, ${tickets.id}) < (${v}, ${f.cursor.id})` : sql`(${s.column}, ${tickets.id}) > (${v}, ${f.cursor.id})`);
  }
  const dir = s.desc ? desc : asc;
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(where.length ? and(...where) : undefined)
    .orderBy(dir(s.column), dir(tickets.id))
    .limit(f.limit + 1);
}

export async function messagesOf(db: Executor, ticketId: string, opts: { cursor: Cursor | null; limit: number }): Promise<MessageRow[]> {
  const where: SQL[] = [eq(messages.ticketId, ticketId)];
  if (opts.cursor) {
    const at = new Date(String(opts.cursor.v));
    where.push(or(gt(messages.createdAt, at), and(eq(messages.createdAt, at), gt(messages.id, opts.cursor.id)))!);
  }
  return db.select().from(messages).where(and(...where)).orderBy(asc(messages.createdAt), asc(messages.id)).limit(opts.limit + 1);
}

export async function attachmentsOfMessages(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.createdAt));
}

export async function eventsOf(db: Executor, ticketId: string, opts: { afterId?: number; limit: number }): Promise<TicketEventRow[]> {
  const where: SQL[] = [eq(ticketEvents.ticketId, ticketId)];
  if (opts.afterId) where.push(gt(ticketEvents.id, opts.afterId));
  return db.select().from(ticketEvents).where(and(...where)).orderBy(asc(ticketEvents.id)).limit(opts.limit + 1);
}

/** Requester names and emails for a page of tickets, in one query. */
export async function requestersOf(db: Executor, rows: { requesterId: string }[]) {
  const ids = [...new Set(rows.map((r) => r.requesterId))];
  if (ids.length === 0) return new Map<string, { id: string; name: string; email: string | null }>();
  const found = await db.select({ id: contacts.id, name: contacts.name, email: contacts.email }).from(contacts).where(inArray(contacts.id, ids));
  return new Map(found.map((c) => [c.id, c]));
}

export async function requesterSummary(db: Executor, id: string) {
  const [row] = await db.select({ id: contacts.id, name: contacts.name, email: contacts.email, organizationId: contacts.organizationId }).from(contacts).where(eq(contacts.id, id));
  return row ?? null;
}

export async function activeTicketFields(db: Executor) {
  return db.select().from(ticketFields).where(eq(ticketFields.active, true)).orderBy(asc(ticketFields.position), asc(ticketFields.key));
}
