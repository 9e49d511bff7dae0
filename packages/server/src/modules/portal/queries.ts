import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import { agents } from '../auth/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { attachments, messages, tickets } from '../tickets/schema.ts';
import { ticketColumns, type AttachmentRow, type TicketView } from '../tickets/repository.ts';
import { MAX_MERGE_HOPS, visibleSql } from './access.ts';
import { PAGE_SIZE } from './constants.ts';
import type { PortalViewer } from './sessions.ts';

export type PortalTab = 'mine' | 'org';
export type PortalFilter = 'all' | 'open' | 'solved';

const FILTER_STATUSES: Record<Exclude<PortalFilter, 'all'>, TicketView['status'][]> = {
  open: ['new', 'open', 'pending', 'on_hold'],
  solved: ['solved', 'closed'],
};

export type PortalListRow = TicketView & { requesterName: string };

/**
 * The ids of the tickets a list shows, as SQL: the tab's tickets, each merged-away one replaced
 * by the ticket it now lives in when the customer may see that one (and listed once).
 */
function shownTickets(viewer: PortalViewer, tab: PortalTab): SQL {
  const scope = tab === 'org' ? sql`t.organization_id = ${viewer.organizationId}::uuid` : sql`t.requester_id = ${viewer.contactId}::uuid`;
  return sql`with recursive chain as (
      select t.id as origin, t.id as id, t.merged_into_id as next, 0 as depth from tickets t where ${scope}
      union all
      select c.origin, n.id, n.merged_into_id, c.depth + 1 from chain c join tickets n on n.id = c.next where c.depth < ${MAX_MERGE_HOPS}
    ),
    last as (select distinct on (origin) origin, id from chain order by origin, depth desc),
    shown as (
      select distinct case when f.id <> l.origin and f.merged_into_id is null and ${visibleSql(viewer, 'f')} then f.id else l.origin end as id
      from last l join tickets f on f.id = l.id
    )`;
}

function statusSql(filter: PortalFilter): SQL {
  if (filter === 'all') return sql`true`;
  return sql`t.status in (${sql.join(FILTER_STATUSES[filter].map((s) => sql`${s}`), sql`, `)})`;
}

/**
 * One page of a portal list (newest first, PAGE_SIZE per page) and how many tickets the list
 * has in all. The org tab needs a viewer whose organization shares its requests.
 */
export async function listPortalTickets(
  db: Executor,
  viewer: PortalViewer,
  opts: { tab: PortalTab; filter: PortalFilter; page: number },
): Promise<{ rows: PortalListRow[]; total: number }> {
  if (opts.tab === 'org' && (!viewer.orgShared || !viewer.organizationId)) return { rows: [], total: 0 };
  const head = shownTickets(viewer, opts.tab);
  const [counted] = await queryRows<{ n: number | string }>(db, sql`${head} select count(*)::int as n from shown s join tickets t on t.id = s.id where ${statusSql(opts.filter)}`);
  const total = Number(counted?.n ?? 0);
  if (total === 0) return { rows: [], total };
  const ids = await queryRows<{ id: string }>(
    db,
    sql`${head} select t.id from shown s join tickets t on t.id = s.id where ${statusSql(opts.filter)}
        order by t.created_at desc, t.id desc limit ${PAGE_SIZE} offset ${(opts.page - 1) * PAGE_SIZE}`,
  );
  if (ids.length === 0) return { rows: [], total };
  const found = await db
    .select({ ...ticketColumns, requesterName: contacts.name })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
    .where(inArray(tickets.id, ids.map((r) => r.id)));
  const byId = new Map(found.map((r) => [r.id, r]));
  return { rows: ids.map((r) => byId.get(r.id)).filter((r): r is PortalListRow => Boolean(r)), total };
}

/** A public message as the portal shows it, with its author's display name parts. */
export interface PortalMessage {
  id: string;
  authorKind: 'agent' | 'contact' | 'system' | 'automation';
  authorContactId: string | null;
  agentName: string | null;
  contactName: string | null;
  text: string;
  createdAt: Date;
}

/** The public messages of a ticket, oldest first. Internal notes and system entries never leave the server. */
export async function publicMessages(db: Executor, ticketId: string): Promise<PortalMessage[]> {
  return db
    .select({
      id: messages.id,
      authorKind: messages.authorKind,
      authorContactId: messages.authorContactId,
      agentName: agents.name,
      contactName: contacts.name,
      text: messages.bodyText,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .leftJoin(contacts, eq(contacts.id, messages.authorContactId))
    .where(and(eq(messages.ticketId, ticketId), eq(messages.kind, 'public')))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/** The attachments of the given (public) messages. */
export async function attachmentsOf(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** An attachment of a public message of this ticket, or undefined (also for files of internal notes). */
export async function publicAttachment(db: Executor, ticketId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select({ a: attachments })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ticketId, ticketId), eq(messages.ticketId, ticketId), eq(messages.kind, 'public')));
  return row?.a;
}
