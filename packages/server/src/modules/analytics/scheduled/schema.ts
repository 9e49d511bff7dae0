import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams } from '../../auth/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Scheduled summary mails: who gets them and when (a local weekday and hour). `last_slot` names
 * the slot last mailed (its local start, ISO), so a slot is mailed once however often the job runs.
 */
export const scheduledReports = pgTable('scheduled_reports', {
  id: text('id').primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  recipientIds: uuid('recipient_ids').array().notNull().default(sql`'{}'::uuid[]`),
  extraEmails: text('extra_emails').array().notNull().default(sql`'{}'::text[]`),
  weekday: integer('weekday').notNull().default(1),
  hour: integer('hour').notNull().default(8),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  locale: text('locale').notNull().default('en'),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  lastSlot: text('last_slot'),
  lastSentAt: ts('last_sent_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
