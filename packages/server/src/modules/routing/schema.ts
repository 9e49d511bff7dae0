import { sql } from 'drizzle-orm';
import { index, integer, jsonb, boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents, teams } from '../auth/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ROUTING_MODES = ['manual', 'round_robin', 'load_balanced'] as const;
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;

/** Capacity per ticket channel; channels not listed use the profile's default capacity. */
export type ChannelCapacity = Partial<Record<'email' | 'chat' | 'web' | 'api' | 'phone' | 'form', number>>;

/** How each team hands out its tickets. A team without a row routes manually. */
export const teamRouting = pgTable(
  'team_routing',
  {
    teamId: uuid('team_id').primaryKey().references(() => teams.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ROUTING_MODES }).notNull().default('manual'),
    /** Ticket fields whose values the assigned agent must have as skills (`type`, `language`, `custom.product`…). */
    skillFields: text('skill_fields').array().notNull().default(sql`'{}'::text[]`),
    /** Hand an agent's new unanswered tickets back to the queue when the agent goes offline. */
    requeueOnOffline: boolean('requeue_on_offline').notNull().default(false),
    /** Escalation tier (1, 2, 3…); null: the team is not an escalation tier. */
    escalationTier: integer('escalation_tier'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('team_routing_tier_idx').on(t.escalationTier).where(sql`escalation_tier is not null`)],
);

/** Each agent's availability, capacity and skills. An agent without a row is offline. */
export const agentRouting = pgTable(
  'agent_routing',
  {
    agentId: uuid('agent_id').primaryKey().references(() => agents.id, { onDelete: 'cascade' }),
    status: text('status', { enum: AGENT_STATUSES }).notNull().default('offline'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    capacity: jsonb('capacity').$type<ChannelCapacity>().notNull().default({}),
    defaultCapacity: integer('default_capacity').notNull().default(5),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** When routing last gave this agent a ticket; strictly increasing, for round-robin order. */
    lastAssignedAt: ts('last_assigned_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('agent_routing_status_idx').on(t.status)],
);
