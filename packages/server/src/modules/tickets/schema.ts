import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agents, teams } from '../auth/schema.ts';
import { contacts, organizations } from '../contacts/schema.ts';

/** What a mail message records about itself; see MessageEmailInfo in the shared contracts. */
export interface MessageEmailMeta {
  from: { name: string; address: string } | null;
  to: string[];
  cc: string[];
  auth: { spf: string; dkim: string; dmarc: string; aligned: boolean } | null;
  automated: boolean;
  bounce: { recipient: string; status: string; action: string } | null;
  hasRemoteImages: boolean;
  /** Threading headers of an inbound mail, so a reply can continue the customer's thread (METRICS §8.8). */
  inReplyTo?: string[];
  references?: string[];
  relatedTicket: { id: string; number: number } | null;
  warnings?: string[];
  /** Outbound only: where delivery stands. */
  delivery?: { status: 'queued' | 'sent' | 'failed' | 'suppressed'; lastError: string | null } | null;
}

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export const TICKET_CHANNELS = ['email', 'chat', 'web', 'api', 'phone', 'form'] as const;

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: bigserial('number', { mode: 'number' }).notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    priority: text('priority', { enum: TICKET_PRIORITIES }).notNull().default('normal'),
    type: text('type', { enum: TICKET_TYPES }),
    channel: text('channel', { enum: TICKET_CHANNELS }).notNull().default('web'),
    /** The configured channel (e.g. the email address) the ticket came in on and replies go out through. */
    channelId: uuid('channel_id'),
    requesterId: uuid('requester_id').notNull().references(() => contacts.id),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    assigneeId: uuid('assignee_id').references(() => agents.id),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    /** Incremented on every change; clients send it back to detect concurrent edits. */
    version: integer('version').notNull().default(1),
    mergedIntoId: uuid('merged_into_id'),
    firstReplyAt: ts('first_reply_at'),
    solvedAt: ts('solved_at'),
    closedAt: ts('closed_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    agentReplyCount: integer('agent_reply_count').notNull().default(0),
    messageCount: integer('message_count').notNull().default(0),
    lastMessageAt: ts('last_message_at'),
    /** The SLA policy that applies now (recomputed after every change); null when none does. */
    slaPolicyId: uuid('sla_policy_id'),
    /** The earliest due time of an active SLA target, for sorting by urgency. */
    slaNextBreachAt: ts('sla_next_breach_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Concatenated message text, kept for full-text search. */
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, coalesce(subject, '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(subject, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A') || setweight(to_tsvector('german'::regconfig, left(coalesce(search_text, ''), 100000)), 'B') || setweight(to_tsvector('english'::regconfig, left(coalesce(search_text, ''), 100000)), 'B')`,
    ),
  },
  // Indexes are DESC NULLS FIRST, which is what `ORDER BY … DESC` means, so they deliver the
  // list order in both directions instead of only filtering.
  (t) => [
    uniqueIndex('tickets_number_key').on(t.number),
    index('tickets_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_team_unsolved_idx')
      .on(t.teamId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status in ('new', 'open', 'pending', 'on_hold')`),
    index('tickets_assignee_idx').on(t.assigneeId, t.updatedAt.desc().nullsFirst()),
    index('tickets_requester_idx').on(t.requesterId, t.createdAt.desc().nullsFirst()),
    index('tickets_org_idx').on(t.organizationId, t.createdAt.desc().nullsFirst()),
    index('tickets_sla_next_breach_idx').on(t.slaNextBreachAt, t.id),
    index('tickets_status_idx').on(t.status, t.createdAt.desc().nullsFirst()),
    index('tickets_tags_idx').using('gin', t.tags),
    index('tickets_search_idx').using('gin', t.searchVector),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['public', 'note', 'system'] }).notNull(),
    authorKind: text('author_kind', { enum: ['agent', 'contact', 'system', 'automation'] }).notNull(),
    authorAgentId: uuid('author_agent_id').references(() => agents.id),
    authorContactId: uuid('author_contact_id').references(() => contacts.id),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    source: text('source').notNull().default('web'),
    emailMessageId: text('email_message_id'),
    /** Mail details (addresses, authentication, bounce, related ticket) for messages that came by email. */
    email: jsonb('email').$type<MessageEmailMeta | null>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('messages_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    index('messages_email_message_id_idx').on(t.emailMessageId).where(sql`email_message_id is not null`),
  ],
);

/** Content-addressed file contents on disk; one row per distinct SHA-256. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    blobSha256: text('blob_sha256').notNull().references(() => blobs.sha256),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedByAgentId: uuid('uploaded_by_agent_id').references(() => agents.id),
    /** MIME Content-ID of an inline mail part, referenced as cid: from the HTML. */
    contentId: text('content_id'),
    inline: boolean('inline').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId), index('attachments_ticket_idx').on(t.ticketId)],
);

/**
 * The append-only history of every ticket: one row per change, with actor, before and after.
 * Every metric (first reply, resolution, reopens, one-touch, SLA) is computed from these rows.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorKind: text('actor_kind', { enum: ['agent', 'contact', 'automation', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    /** The actor's role when the event happened (agents only). */
    actorRole: text('actor_role'),
    before: jsonb('before'),
    after: jsonb('after'),
    messageId: uuid('message_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id), index('ticket_events_created_idx').on(t.createdAt)],
);

export const tags = pgTable('tags', {
  name: text('name').primaryKey(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Admin-defined custom ticket fields; ticket.custom may only hold these keys. */
export const ticketFields = pgTable('ticket_fields', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  label: text('label').notNull(),
  kind: text('kind', { enum: ['text', 'number', 'checkbox', 'select', 'date'] }).notNull(),
  options: text('options').array().notNull().default(sql`'{}'::text[]`),
  required: boolean('required').notNull().default(false),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});
