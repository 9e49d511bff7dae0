import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from '../channels/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { messages, tickets } from '../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every mail that reached a channel, stored raw before anything parses it. A row is written
 * once per distinct message (Message-ID plus content hash) and per IMAP UID, so a re-fetch or a
 * second delivery can never make a second ticket. Processing moves it from `pending` to
 * `processed`, `ignored` or — after repeated failures or a rule — `quarantined`.
 */
export const inboundMails = pgTable(
  'inbound_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id').notNull().references(() => channels.id),
    source: text('source', { enum: ['imap', 'smtp', 'upload'] }).notNull(),
    status: text('status', { enum: ['pending', 'processed', 'failed', 'quarantined', 'ignored'] }).notNull().default('pending'),
    reason: text('reason'),
    detail: text('detail'),
    attempts: integer('attempts').notNull().default(0),
    /** The raw message; null only when it was too large to download. */
    blobSha256: text('blob_sha256'),
    size: bigint('size', { mode: 'number' }).notNull(),
    headerMessageId: text('header_message_id'),
    dedupeKey: text('dedupe_key').notNull(),
    imapUidValidity: bigint('imap_uid_validity', { mode: 'number' }),
    imapUid: bigint('imap_uid', { mode: 'number' }),
    envelopeFrom: text('envelope_from'),
    envelopeTo: text('envelope_to').array().notNull().default(sql`'{}'::text[]`),
    remoteIp: text('remote_ip'),
    subject: text('subject'),
    fromAddress: text('from_address'),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    messageRowId: uuid('message_row_id').references(() => messages.id, { onDelete: 'set null' }),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
  },
  (t) => [
    uniqueIndex('inbound_mails_dedupe_key').on(t.channelId, t.dedupeKey),
    uniqueIndex('inbound_mails_imap_uid_key').on(t.channelId, t.imapUidValidity, t.imapUid).where(sql`imap_uid is not null`),
    index('inbound_mails_status_idx').on(t.status, t.receivedAt),
    index('inbound_mails_channel_idx').on(t.channelId, t.status, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** Where an IMAP channel's fetch stands: the UID watermark under one UIDVALIDITY, and a lease. */
export const mailboxStates = pgTable('mailbox_states', {
  channelId: uuid('channel_id').primaryKey().references(() => channels.id, { onDelete: 'cascade' }),
  uidValidity: bigint('uid_validity', { mode: 'number' }),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
  lastFetchAt: ts('last_fetch_at'),
  lastError: text('last_error'),
  lastErrorAt: ts('last_error_at'),
  leaseOwner: text('lease_owner'),
  leaseUntil: ts('lease_until'),
});

export interface OutboundPayload {
  text: string;
  html: string;
  attachments: { sha256: string; filename: string; contentType: string; contentId: string | null }[];
  /** Written by an automation rule: sent as auto-generated mail. */
  automated?: boolean;
}

/** Mail we send: composed once when queued, so every retry sends the same bytes and ids. */
export const outboundMails = pgTable(
  'outbound_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id').notNull().references(() => channels.id),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    messageRowId: uuid('message_row_id').references(() => messages.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reply', 'auto_ack'] }).notNull(),
    fromName: text('from_name').notNull(),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    emailMessageId: text('email_message_id').notNull(),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    replyTo: text('reply_to').notNull(),
    payload: jsonb('payload').$type<OutboundPayload>().notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'suppressed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('outbound_mails_message_id_key').on(t.emailMessageId),
    // One mail per agent reply, however often the event that queues it is delivered.
    uniqueIndex('outbound_mails_reply_key').on(t.messageRowId).where(sql`kind = 'reply'`),
    index('outbound_mails_status_idx').on(t.status, t.createdAt),
    index('outbound_mails_recipient_idx').on(t.kind, t.createdAt),
    index('outbound_mails_ticket_idx').on(t.ticketId),
  ],
);

/** Addresses that bounced permanently: nothing automatic is sent to them. */
export const mailSuppressions = pgTable('mail_suppressions', {
  address: text('address').primaryKey(),
  reason: text('reason').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Contacts copied on a ticket's mail besides its requester; they may reply into it. */
export const ticketParticipants = pgTable(
  'ticket_participants',
  {
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['cc'] }).notNull().default('cc'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.contactId] }), index('ticket_participants_contact_idx').on(t.contactId)],
);
