import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MacroActions, MacroLocale } from '@servus/shared';
import { agents } from '../auth/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Macros and canned replies: a text per language with placeholders, and field actions applied
 * to the ticket. Shared macros (no owner) are for every agent; personal ones belong to their
 * owner alone. A shortcut is unique among the shared macros, and among each agent's own.
 */
export const macros = pgTable(
  'macros',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Stored lower-case; compared case-insensitively. */
    shortcut: text('shortcut'),
    scope: text('scope', { enum: ['shared', 'personal'] }).notNull(),
    ownerId: uuid('owner_id').references(() => agents.id, { onDelete: 'cascade' }),
    texts: jsonb('texts').$type<Partial<Record<MacroLocale, string>>>().notNull().default({}),
    actions: jsonb('actions').$type<MacroActions>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('macros_shared_shortcut_key').on(sql`lower(${t.shortcut})`).where(sql`${t.scope} = 'shared'`),
    uniqueIndex('macros_personal_shortcut_key').on(t.ownerId, sql`lower(${t.shortcut})`).where(sql`${t.scope} = 'personal'`),
    index('macros_owner_idx').on(t.ownerId),
    check('macros_owner_matches_scope', sql`(${t.scope} = 'personal') = (${t.ownerId} is not null)`),
  ],
);
