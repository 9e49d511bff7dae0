import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChatBotContent, ChatSurveyOffer } from '@servus/shared';
import { agents, teams } from '../auth/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { businessCalendars } from '../sla/schema.ts';
import { attachments, messages, tickets } from '../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface ChatTextsStored {
  en: { greeting: string; offlineMessage: string };
  de: { greeting: string; offlineMessage: string };
}
export interface PreChatFormStored {
  enabled: boolean;
  askName: boolean;
  requireEmail: boolean;
  topics: string[];
}

/**
 * Chat channels: the widget's look and texts, who answers (team), when chat is offered, which
 * websites may embed it, upload limits, and the secret that signs known users' identities.
 */
export const chatChannels = pgTable('chat_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
  availability: text('availability', { enum: ['agents_online', 'business_hours'] }).notNull().default('agents_online'),
  allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
  color: text('color').notNull().default('#1c7ed6'),
  texts: jsonb('texts').$type<ChatTextsStored>().notNull(),
  preChatForm: jsonb('pre_chat_form').$type<PreChatFormStored>().notNull(),
  maxUploadBytes: integer('max_upload_bytes').notNull().default(10_485_760),
  allowedUploadTypes: text('allowed_upload_types').array().notNull(),
  missedAfterSeconds: integer('missed_after_seconds').notNull().default(120),
  /** Key of the HMAC that signs known users' identities; shown to the admin once. */
  identitySecret: text('identity_secret'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * One browser's chat identity on one channel. The widget holds the bearer token (only its hash
 * is stored); the contact is set once the visitor is known (signed identity, email, or the
 * first conversation, which creates an anonymous contact).
 */
export const chatVisitors = pgTable(
  'chat_visitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id').notNull().references(() => chatChannels.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    name: text('name').notNull().default(''),
    email: text('email'),
    /** The customer's own user id from a signed identity. */
    externalUserId: text('external_user_id'),
    verified: boolean('verified').notNull().default(false),
    locale: text('locale'),
    page: jsonb('page').$type<{ url: string; title?: string } | null>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chat_visitors_token_hash_key').on(t.tokenHash), index('chat_visitors_channel_idx').on(t.channelId)],
);

/** `bot`: the answer bot answers first (no ringing, no routing); `waiting`: queued for agents; `active`: taken; `ended`. */
export const CHAT_STATUSES = ['bot', 'waiting', 'active', 'ended'] as const;

/**
 * A live conversation, carried by one ticket of channel `chat`. `last_seq` numbers its
 * messages without gaps (the row is locked while a message is added); `visitor_seen_at`
 * is kept fresh while the visitor is connected, so a visitor who left is noticed.
 */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id').notNull().references(() => chatChannels.id),
    visitorId: uuid('visitor_id').notNull().references(() => chatVisitors.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CHAT_STATUSES }).notNull().default('waiting'),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    topic: text('topic'),
    lastSeq: integer('last_seq').notNull().default(0),
    visitorReadSeq: integer('visitor_read_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    startedAt: ts('started_at').notNull(),
    /** When the chat entered the agents' queue, if later than its start (after the answer bot handed it over). */
    queuedAt: ts('queued_at'),
    acceptedAt: ts('accepted_at'),
    firstAgentMessageAt: ts('first_agent_message_at'),
    lastMessageAt: ts('last_message_at'),
    visitorSeenAt: ts('visitor_seen_at').notNull(),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
    /** The CSAT survey offered in the widget when a served chat ended. */
    surveyOffer: jsonb('survey_offer').$type<ChatSurveyOffer>(),
  },
  (t) => [
    uniqueIndex('chat_conversations_ticket_key').on(t.ticketId),
    index('chat_conversations_visitor_idx').on(t.visitorId, t.startedAt.desc()),
    index('chat_conversations_open_idx').on(t.status, t.startedAt).where(sql`status <> 'ended'`),
    index('chat_conversations_agent_idx').on(t.agentId).where(sql`status = 'active'`),
    index('chat_conversations_channel_idx').on(t.channelId),
  ],
);

/** The order of a conversation's messages: `seq` 1, 2, 3 … and the visitor's own id for dedupe. */
export const chatMessages = pgTable(
  'chat_messages',
  {
    conversationId: uuid('conversation_id').notNull().references(() => chatConversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    messageId: uuid('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id'),
    author: text('author', { enum: ['visitor', 'agent', 'bot', 'system'] }).notNull(),
    /** The answer bot's links and question, beside the message text. */
    bot: jsonb('bot').$type<ChatBotContent>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.seq] }),
    uniqueIndex('chat_messages_message_key').on(t.messageId),
    uniqueIndex('chat_messages_client_key').on(t.conversationId, t.clientId).where(sql`client_id is not null`),
  ],
);

/** Files a visitor uploaded; only that visitor may attach or fetch them before an agent sees them. */
export const chatUploads = pgTable(
  'chat_uploads',
  {
    attachmentId: uuid('attachment_id').primaryKey().references(() => attachments.id, { onDelete: 'cascade' }),
    visitorId: uuid('visitor_id').notNull().references(() => chatVisitors.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('chat_uploads_visitor_idx').on(t.visitorId)],
);
