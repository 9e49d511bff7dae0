import { and, desc, eq, inArray, isNull, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { contacts, organizations } from '../contacts/schema.ts';
import { attachments, messages, ticketEvents } from '../tickets/schema.ts';
import type { TicketView } from '../tickets/repository.ts';
import type { BusinessCalendar } from '../sla/index.ts';
import { ticketCalendar } from '../sla/ticket-sla.ts';

/** The moments duration conditions count from. */
export const DURATION_FIELDS = ['time.since_created', 'time.since_updated', 'time.in_status', 'time.unassigned_for', 'time.since_customer_message', 'time.since_agent_reply'] as const;
export type DurationField = (typeof DURATION_FIELDS)[number];
export type Anchors = Record<DurationField, Date | null>;

/** The message an event is about. */
export interface MessageFacts {
  id: string;
  kind: 'public' | 'note' | 'system';
  authorKind: 'agent' | 'contact' | 'automation' | 'system';
  text: string;
  hasAttachments: boolean;
  /** An inbound auto-reply or bounce (RFC 3834): nothing answers it automatically. */
  automated: boolean;
}

/** One changed field of a ticket update: `ticket.status`, `ticket.custom.plan`… */
export type Changes = Map<string, { before: unknown; after: unknown }>;

/** Everything conditions read about one ticket at one moment. */
export interface TicketFacts {
  ticket: TicketView;
  contact: { name: string; email: string | null; locale: string | null } | null;
  organization: { id: string; name: string; tier: string | null } | null;
  message: MessageFacts | null;
  /** Only for a ticket update; null otherwise. */
  changes: Changes | null;
  /** Only for a survey rating; null or absent otherwise. */
  survey?: { good: boolean | null } | null;
  anchors: Anchors;
  calendar: BusinessCalendar | undefined;
}

/** When the ticket entered its status, lost its assignee, and heard last from customer and agents, for many tickets at once. */
export async function anchorsOf(db: Executor, list: readonly TicketView[]): Promise<Map<string, Anchors>> {
  const ids = list.map((t) => t.id);
  const out = new Map<string, Anchors>();
  if (ids.length === 0) return out;
  const events = await db
    .select({ ticketId: ticketEvents.ticketId, type: ticketEvents.type, at: max(ticketEvents.createdAt) })
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, ids), inArray(ticketEvents.type, ['status_changed', 'assignee_changed'])))
    .groupBy(ticketEvents.ticketId, ticketEvents.type);
  const posts = await db
    .select({ ticketId: messages.ticketId, authorKind: messages.authorKind, at: max(messages.createdAt) })
    .from(messages)
    .where(and(inArray(messages.ticketId, ids), eq(messages.kind, 'public'), inArray(messages.authorKind, ['contact', 'agent'])))
    .groupBy(messages.ticketId, messages.authorKind);
  const at = (v: Date | string | null | undefined) => (v ? new Date(v) : null);
  for (const t of list) {
    const ev = (type: string) => at(events.find((e) => e.ticketId === t.id && e.type === type)?.at);
    const post = (kind: string) => at(posts.find((p) => p.ticketId === t.id && p.authorKind === kind)?.at);
    out.set(t.id, {
      'time.since_created': t.createdAt,
      'time.since_updated': t.updatedAt,
      'time.in_status': ev('status_changed') ?? t.createdAt,
      'time.unassigned_for': t.assigneeId ? null : (ev('assignee_changed') ?? t.createdAt),
      'time.since_customer_message': post('contact') ?? t.createdAt,
      'time.since_agent_reply': post('agent') ?? t.createdAt,
    });
  }
  return out;
}

/** The requester's and the organization's fields conditions read. */
async function peopleOf(db: Executor, t: TicketView): Promise<Pick<TicketFacts, 'contact' | 'organization'>> {
  const [contact] = await db.select({ name: contacts.name, email: contacts.email, locale: contacts.locale }).from(contacts).where(eq(contacts.id, t.requesterId));
  const [organization] = t.organizationId
    ? await db.select({ id: organizations.id, name: organizations.name, tier: organizations.tier }).from(organizations).where(eq(organizations.id, t.organizationId))
    : [];
  return { contact: contact ?? null, organization: organization ?? null };
}

/** A message with what conditions ask about it. */
export async function messageFacts(db: Executor, messageId: string): Promise<MessageFacts | null> {
  const [m] = await db
    .select({ id: messages.id, kind: messages.kind, authorKind: messages.authorKind, text: messages.bodyText, email: messages.email, files: sql<number>`(select count(*)::int from ${attachments} where ${attachments.messageId} = ${messages.id})` })
    .from(messages)
    .where(eq(messages.id, messageId));
  if (!m) return null;
  const automated = Boolean(m.email?.automated || m.email?.bounce);
  return { id: m.id, kind: m.kind, authorKind: m.authorKind, text: m.text, hasAttachments: Number(m.files) > 0, automated };
}

/** The latest public message of the customer or of an agent (for a preview of a message event). */
export async function latestMessageFacts(db: Executor, ticketId: string, authorKind: 'contact' | 'agent'): Promise<MessageFacts | null> {
  const [m] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.ticketId, ticketId), eq(messages.kind, 'public'), eq(messages.authorKind, authorKind)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return m ? messageFacts(db, m.id) : null;
}

/** Whether a message opened its ticket (its event is covered by "ticket created"). */
export async function isOpeningMessage(db: Executor, messageId: string): Promise<boolean> {
  const [row] = await db.select({ after: ticketEvents.after }).from(ticketEvents).where(eq(ticketEvents.messageId, messageId)).limit(1);
  return (row?.after as { opening?: boolean } | null)?.opening === true;
}

const CHANGE_FIELDS: Record<string, string> = {
  status_changed: 'ticket.status',
  priority_changed: 'ticket.priority',
  type_changed: 'ticket.type',
  team_changed: 'ticket.team',
  assignee_changed: 'ticket.assignee',
  tags_changed: 'ticket.tags',
  subject_changed: 'ticket.subject',
  custom_changed: 'ticket.custom',
};

/**
 * What one ticket update changed, from the event log: for each change type the update names,
 * the latest entry by the same actor written no later than the update's event. Entries of a
 * later update are written after this update committed (the ticket row is locked meanwhile), so
 * they are later; the actor tells apart updates within the same millisecond (rule chains).
 */
export async function changesOf(db: Executor, ticketId: string, types: readonly string[], until: Date, actor?: { kind: string; id: string | null }): Promise<Changes> {
  const wanted = types.filter((t) => t in CHANGE_FIELDS);
  const out: Changes = new Map();
  if (wanted.length === 0) return out;
  const byActor = actor
    ? [eq(ticketEvents.actorKind, actor.kind as 'agent'), actor.id ? eq(ticketEvents.actorId, actor.id) : isNull(ticketEvents.actorId)]
    : [];
  const rows = await db
    .select({ type: ticketEvents.type, before: ticketEvents.before, after: ticketEvents.after })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), inArray(ticketEvents.type, wanted), lte(ticketEvents.createdAt, until), ...byActor))
    .orderBy(desc(ticketEvents.id))
    .limit(50);
  for (const type of wanted) {
    const row = rows.find((r) => r.type === type);
    if (row) addChange(out, type, row.before, row.after);
  }
  return out;
}

/** The changes of the ticket's latest update (for a preview of "ticket updated"). */
export async function latestChanges(db: Executor, ticketId: string): Promise<Changes> {
  const [last] = await db
    .select({ at: ticketEvents.createdAt })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), inArray(ticketEvents.type, Object.keys(CHANGE_FIELDS))))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  if (!last) return new Map();
  const rows = await db
    .select({ type: ticketEvents.type })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.createdAt, last.at), inArray(ticketEvents.type, Object.keys(CHANGE_FIELDS))));
  return changesOf(db, ticketId, [...new Set(rows.map((r) => r.type))], last.at);
}

function addChange(out: Changes, type: string, before: unknown, after: unknown): void {
  if (type !== 'custom_changed') {
    out.set(CHANGE_FIELDS[type]!, { before, after });
    return;
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) out.set(`ticket.custom.${key}`, { before: b[key] ?? null, after: a[key] ?? null });
  }
}

/** Everything the conditions of a rule read about a ticket, loaded in one go. */
export async function loadFacts(db: Executor, t: TicketView, extra: { message?: MessageFacts | null; changes?: Changes | null; survey?: { good: boolean | null } | null } = {}): Promise<TicketFacts> {
  const [people, anchors, calendar] = await Promise.all([peopleOf(db, t), anchorsOf(db, [t]), ticketCalendar(db, t)]);
  return { ticket: t, ...people, message: extra.message ?? null, changes: extra.changes ?? null, survey: extra.survey ?? null, anchors: anchors.get(t.id)!, calendar };
}
