import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WebhookAttempt, WebhookDeliverySource, WebhookDeliveryStatusName, WebhookErrorClass, WebhookEventName } from '@servus/shared';
import { tickets } from '../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Outgoing webhooks: a receiver URL, the domain events it subscribes to (trigger actions call
 * it too) and the secret its deliveries are signed with. The secret is kept in clear because
 * every delivery needs it; the API never returns it after create or rotation.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    events: jsonb('events').$type<WebhookEventName[]>().notNull().default([]),
    secret: text('secret').notNull(),
    secretCreatedAt: ts('secret_created_at').notNull().defaultNow(),
    /** The secret before the last rotation, still signing alongside the new one until it expires. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webhooks_name_key').on(sql`lower(${t.name})`)],
);

/**
 * One delivery of one event to one webhook: the exact body sent (signed anew on every attempt),
 * its state and the outcome of each attempt. Written in the transaction that caused it and sent
 * by a job after commit; a sweep sends whatever a crash left due.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    event: text('event').notNull(),
    body: text('body').notNull(),
    source: text('source').$type<WebhookDeliverySource>().notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    ruleId: uuid('rule_id'),
    /** The outbox event that caused an event delivery: one delivery per webhook and event. */
    sourceEventId: bigint('source_event_id', { mode: 'number' }),
    redeliveryOf: uuid('redelivery_of'),
    status: text('status').$type<WebhookDeliveryStatusName>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: ts('next_attempt_at'),
    /** Set while one process sends the delivery, so no other sends it at the same time. */
    lockedUntil: ts('locked_until'),
    lastAttemptAt: ts('last_attempt_at'),
    deliveredAt: ts('delivered_at'),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms'),
    errorClass: text('error_class').$type<WebhookErrorClass>(),
    errorMessage: text('error_message'),
    attemptLog: jsonb('attempt_log').$type<WebhookAttempt[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt, t.id),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_ticket_idx').on(t.ticketId),
    index('webhook_deliveries_created_idx').on(t.createdAt),
    uniqueIndex('webhook_deliveries_source_event_key').on(t.webhookId, t.sourceEventId),
  ],
);

/**
 * Hosts an admin allows to resolve to internal addresses (loopback, private, unique-local), for
 * a receiver inside the company network. Every other check still applies to them.
 */
export const webhookAllowedHosts = pgTable('webhook_allowed_hosts', {
  host: text('host').primaryKey(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
