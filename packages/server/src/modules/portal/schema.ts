import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Magic sign-in links of the customer portal. Only a SHA-256 of the token is kept; a link works
 * once and until `expiresAt`.
 */
export const portalLoginTokens = pgTable(
  'portal_login_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Where the customer wanted to go (a portal path), restored after signing in. */
    returnTo: text('return_to').notNull().default('/portal'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('portal_login_tokens_hash_key').on(t.tokenHash), index('portal_login_tokens_contact_idx').on(t.contactId, t.createdAt)],
);

/** Signed-in portal visitors. The cookie holds the id; only its SHA-256 is stored. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: text('id').primaryKey(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('portal_sessions_contact_idx').on(t.contactId), index('portal_sessions_expires_idx').on(t.expiresAt)],
);
