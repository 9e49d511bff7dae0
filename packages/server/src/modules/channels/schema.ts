import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams } from '../auth/schema.ts';
import { businessCalendars } from '../sla/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface ImapConfig { host: string; port: number; secure: boolean; user: string; password: string | null; mailbox: string; deleteAfterImport: boolean }
export interface SmtpConfig { host: string; port: number; secure: boolean; user: string; password: string | null }
export interface AutoAckConfig { enabled: boolean; subject: string; body: string }
export interface DkimConfig { domain: string; selector: string; privateKey: string | null }

/**
 * Where customers reach us. Email channels hold their mailbox (IMAP), their outbound server
 * (SMTP), the auto-acknowledgement and an optional DKIM key. Secrets never leave the server.
 */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['email'] }).notNull(),
    name: text('name').notNull(),
    /** The public address, lower-case, e.g. hilfe@firma.de. */
    address: text('address').notNull(),
    displayName: text('display_name').notNull().default(''),
    active: boolean('active').notNull().default(true),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** Business hours of tickets from this channel; null: none. */
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
    imap: jsonb('imap').$type<ImapConfig | null>(),
    smtp: jsonb('smtp').$type<SmtpConfig | null>(),
    autoAck: jsonb('auto_ack').$type<AutoAckConfig>().notNull(),
    dkim: jsonb('dkim').$type<DkimConfig | null>(),
    maxMessageBytes: integer('max_message_bytes').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('channels_address_key').on(sql`lower(${t.address})`)],
);
