import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One-time invitation links; only a SHA-256 of the token is kept. */
export const agentInvites = pgTable(
  'agent_invites',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: uuid('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('agent_invites_agent_idx').on(t.agentId)],
);
