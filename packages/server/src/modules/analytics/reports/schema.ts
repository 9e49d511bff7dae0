import { sql } from 'drizzle-orm';
import { boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from '../../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The stretches of time a ticket was unsolved, as a PostgreSQL `tstzmultirange` literal. */
const tstzmultirange = customType<{ data: string }>({ dataType: () => 'tstzmultirange' });

/** One SLA target instance that finished, dated by its fulfilment or breach (METRICS §2.9). */
export interface FactSlaTarget {
  metric: string;
  policyId: string;
  status: 'achieved' | 'breached';
  at: string;
}

/**
 * One row per ticket with every figure the reports need, derived from the ticket's event log
 * and rebuilt after each change, so reports aggregate these rows instead of replaying events.
 * Durations are minutes with the fraction kept; `*_business` equals `*_calendar` when no
 * business calendar applies (the ticket then runs on calendar time).
 */
export const reportTicketFacts = pgTable(
  'report_ticket_facts',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    teamId: uuid('team_id'),
    assigneeId: uuid('assignee_id'),
    requesterId: uuid('requester_id'),
    organizationId: uuid('organization_id'),
    channel: text('channel').notNull(),
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Merged into another ticket: left out of every report (METRICS §0). */
    merged: boolean('merged').notNull().default(false),
    firstReplyAt: ts('first_reply_at'),
    frtCalendar: doublePrecision('frt_calendar'),
    frtBusiness: doublePrecision('frt_business'),
    firstSolvedAt: ts('first_solved_at'),
    /** The latest solve while the ticket is resolved now; null while unresolved. */
    lastSolvedAt: ts('last_solved_at'),
    firstResolutionCalendar: doublePrecision('first_resolution_calendar'),
    firstResolutionBusiness: doublePrecision('first_resolution_business'),
    fullResolutionCalendar: doublePrecision('full_resolution_calendar'),
    fullResolutionBusiness: doublePrecision('full_resolution_business'),
    agentReplies: integer('agent_replies').notNull().default(0),
    reopens: integer('reopens').notNull().default(0),
    /** Reopened within 7 days of its first solve (METRICS §2.8). */
    reopenedWithin7d: boolean('reopened_within_7d').notNull().default(false),
    oneTouch: boolean('one_touch').notNull().default(false),
    noTouch: boolean('no_touch').notNull().default(false),
    fcr: boolean('fcr').notNull().default(false),
    escalatedAt: ts('escalated_at'),
    escalatedHierarchical: boolean('escalated_hierarchical').notNull().default(false),
    escalatedFunctional: boolean('escalated_functional').notNull().default(false),
    /** Chat outcome (METRICS §2.6): served, missed, dropped, offline, open; null for other tickets. */
    chatOutcome: text('chat_outcome'),
    slaAchieved: integer('sla_achieved').notNull().default(0),
    slaBreached: integer('sla_breached').notNull().default(0),
    slaTargets: jsonb('sla_targets').$type<FactSlaTarget[]>().notNull().default([]),
    /** The earliest and latest date of the finished SLA targets, so a period finds its targets through an index. */
    slaFirstAt: ts('sla_first_at'),
    slaLastAt: ts('sla_last_at'),
    /** When the ticket was unsolved (new, open, pending, on hold): the backlog at any instant. */
    unsolved: tstzmultirange('unsolved').notNull(),
    refreshedAt: ts('refreshed_at').notNull().defaultNow(),
  },
  // The dashboard reads the facts through these indexes alone (index-only scans): each date a
  // figure is dated by leads one, followed by the visibility columns (team, assignee) and the
  // values its figures need, and all of them leave merged-away tickets out as every report does.
  // Filters on organization, channel, priority or tags read the table as well. The table is
  // vacuumed sooner than PostgreSQL's default (storage settings in drizzle/0015_reports_perf_slot.sql)
  // so that the pages those scans skip stay marked all-visible while facts keep changing.
  (t) => [
    index('report_facts_created_idx').on(t.createdAt, t.teamId, t.assigneeId, t.channel, t.chatOutcome, t.frtCalendar, t.frtBusiness).where(sql`not merged`),
    index('report_facts_first_reply_idx').on(t.firstReplyAt, t.teamId, t.assigneeId, t.frtCalendar, t.frtBusiness).where(sql`not merged`),
    index('report_facts_first_solved_idx')
      .on(t.firstSolvedAt, t.teamId, t.assigneeId, t.firstReplyAt, t.reopenedWithin7d, t.firstResolutionCalendar, t.firstResolutionBusiness)
      .where(sql`not merged`),
    index('report_facts_last_solved_idx')
      .on(t.lastSolvedAt, t.teamId, t.assigneeId, t.firstReplyAt, t.firstSolvedAt, t.oneTouch, t.noTouch, t.agentReplies, t.fcr, t.fullResolutionCalendar, t.fullResolutionBusiness)
      .where(sql`not merged`),
    index('report_facts_escalated_idx')
      .on(t.escalatedAt, t.teamId, t.assigneeId, t.firstReplyAt, t.firstSolvedAt, t.lastSolvedAt, t.escalatedHierarchical, t.escalatedFunctional)
      .where(sql`escalated_at is not null and not merged`),
    index('report_facts_sla_last_idx').on(t.slaLastAt).where(sql`sla_last_at is not null`),
    index('report_facts_requester_idx').on(t.requesterId, t.lastSolvedAt),
    index('report_facts_unsolved_idx').using('gist', t.unsolved),
    // The backlog at an instant: tickets unsolved now, and tickets whose last unsolved stretch
    // ended after it (by that end), each with their ranges (see backlog.ts).
    index('report_facts_open_idx').on(t.teamId, t.assigneeId, t.unsolved).where(sql`upper_inf(unsolved) and not merged`),
    index('report_facts_closed_idx').on(sql`upper(unsolved)`, t.teamId, t.assigneeId, t.unsolved).where(sql`not upper_inf(unsolved) and not merged`),
  ],
);

/**
 * One finished SLA target instance per row, dated by its fulfilment or breach and carrying the
 * ticket's report dimensions, so SLA achievement over a period is one index range scan. Rebuilt
 * with the ticket's facts.
 */
export const reportSlaTargets = pgTable(
  'report_sla_targets',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    metric: text('metric').notNull(),
    policyId: uuid('policy_id').notNull(),
    status: text('status', { enum: ['achieved', 'breached'] }).notNull(),
    at: ts('at').notNull(),
    teamId: uuid('team_id'),
    assigneeId: uuid('assignee_id'),
    organizationId: uuid('organization_id'),
    channel: text('channel').notNull(),
    priority: text('priority').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    merged: boolean('merged').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.idx] }),
    // Carries what SLA achievement groups by, so a period is an index-only range scan.
    index('report_sla_targets_at_idx').on(t.at, t.teamId, t.assigneeId, t.status, t.metric, t.policyId).where(sql`not merged`),
  ],
);

/**
 * The installation-wide daily figures in one time zone: tickets created and solved that local
 * day and the backlog at 23:59 local, written by the nightly snapshot job and the recompute.
 */
export const reportDaily = pgTable(
  'report_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    tz: text('tz').notNull(),
    created: integer('created').notNull(),
    solved: integer('solved').notNull(),
    backlog: integer('backlog').notNull(),
    snapshotAt: ts('snapshot_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.tz] })],
);
