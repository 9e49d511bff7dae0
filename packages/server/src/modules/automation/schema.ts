import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ActionOutcome, AutomationRuleWarning, RuleActionValue, RuleConditions, TriggerEventName } from '@servus/shared';
import { tickets } from '../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Triggers (`kind = trigger`: react to events) and time-based automations (`kind = schedule`:
 * checked against open tickets by a cron job). Each kind has its own order: rules run in
 * `position` order, and a later rule sees what an earlier one changed.
 */
export const automationRules = pgTable(
  'automation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['trigger', 'schedule'] }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    events: text('events').array().$type<TriggerEventName[]>().notNull().default(sql`'{}'::text[]`),
    conditions: jsonb('conditions').$type<RuleConditions>().notNull(),
    actions: jsonb('actions').$type<RuleActionValue[]>().notNull(),
    runCount: integer('run_count').notNull().default(0),
    lastRunAt: ts('last_run_at'),
    /** Set when a chain of rules stopped at this rule; cleared when the rule is saved. */
    warning: jsonb('warning').$type<AutomationRuleWarning | null>(),
    /** Time rules: the last ticket id the previous batch reached, so long lists are checked in turns. */
    scanCursor: uuid('scan_cursor'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('automation_rules_kind_name_key').on(t.kind, sql`lower(${t.name})`), index('automation_rules_position_idx').on(t.kind, t.position, t.id)],
);

/**
 * One row per time a rule acted on a ticket (or was stopped). The unique key makes a rule act
 * at most once per event (`event_key` = the event's outbox id) and, for time rules, once per
 * qualifying period (`event_key` = the ticket and the moments its time conditions count from).
 */
export const automationRuns = pgTable(
  'automation_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ruleId: uuid('rule_id').notNull().references(() => automationRules.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    ticketNumber: integer('ticket_number'),
    eventKey: text('event_key').notNull(),
    event: text('event').notNull(),
    status: text('status', { enum: ['applied', 'skipped', 'failed', 'depth_exceeded'] }).notNull(),
    error: text('error'),
    actions: jsonb('actions').$type<ActionOutcome[]>().notNull().default([]),
    depth: integer('depth').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('automation_runs_rule_event_key').on(t.ruleId, t.eventKey), index('automation_runs_rule_idx').on(t.ruleId, t.id)],
);
