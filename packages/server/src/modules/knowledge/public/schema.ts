import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { kbArticleTranslations } from '../schema.ts';
import { tickets } from '../../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Which visitor has already been counted for which article today. The visitor is a keyed hash
 * of address, browser and day, so nothing here identifies a person and yesterday's rows are
 * worthless; they are pruned after a day.
 */
export const kbViewMarks = pgTable(
  'kb_view_marks',
  {
    day: date('day', { mode: 'string' }).notNull(),
    visitor: text('visitor').notNull(),
    translationId: uuid('translation_id')
      .notNull()
      .references(() => kbArticleTranslations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.day, t.visitor, t.translationId] })],
);

/**
 * One submitted contact form per form visit: makes a form token single-use and carries the
 * per-address and per-sender rate limits across server processes. The address and the sender
 * are stored as keyed hashes only.
 */
export const kbContactSubmissions = pgTable(
  'kb_contact_submissions',
  {
    visit: text('visit').primaryKey(),
    ipHash: text('ip_hash').notNull(),
    emailHash: text('email_hash').notNull(),
    /** Whether the browser solved the proof-of-work (forms sent without JavaScript do not). */
    pow: boolean('pow').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('kb_contact_submissions_ip_idx').on(t.ipHash, t.createdAt), index('kb_contact_submissions_email_idx').on(t.emailHash, t.createdAt)],
);
