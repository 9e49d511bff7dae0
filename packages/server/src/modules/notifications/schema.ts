import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS, DIGEST_INTERVALS, type NotificationChannels, type NotificationKindName } from '@servus/shared';
import { agents } from '../auth/schema.ts';
import { tickets } from '../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One notification for one agent, written in the agent's language. `in_app` rows show in the
 * bell; `email` rows also go out in the agent's digest, once (`emailed_at`), unless read first.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    inApp: boolean('in_app').notNull().default(true),
    email: boolean('email').notNull().default(false),
    /** Set for notifications that follow from a domain event, so one event notifies an agent once. */
    dedupeKey: text('dedupe_key'),
    readAt: ts('read_at'),
    emailedAt: ts('emailed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_agent_idx').on(t.agentId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.agentId).where(sql`${t.inApp} and ${t.readAt} is null`),
    index('notifications_digest_idx').on(t.agentId, t.createdAt).where(sql`${t.email} and ${t.emailedAt} is null and ${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_key').on(t.agentId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

/** An agent's choices; an agent without a row gets the defaults from the shared contracts. */
export const notificationPreferences = pgTable('notification_preferences', {
  agentId: uuid('agent_id')
    .primaryKey()
    .references(() => agents.id, { onDelete: 'cascade' }),
  kinds: jsonb('kinds').$type<Partial<Record<NotificationKindName, NotificationChannels>>>().notNull().default({}),
  digest: text('digest', { enum: DIGEST_INTERVALS }).notNull().default('hourly'),
  /** Customer replies on unassigned tickets of the agent's teams. */
  teamReplies: boolean('team_replies').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
