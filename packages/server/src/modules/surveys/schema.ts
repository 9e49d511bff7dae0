import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NpsSegment, SurveyKindName, SurveyReason, SurveyStatus } from '@servus/shared';
import { agents, teams } from '../auth/schema.ts';
import { contacts, organizations } from '../contacts/schema.ts';
import { tickets } from '../tickets/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The survey settings of the installation: one row, keyed `default`. */
export const surveySettings = pgTable('survey_settings', {
  id: text('id').primaryKey(),
  csatEnabled: boolean('csat_enabled').notNull().default(true),
  scale: integer('scale').notNull().default(2),
  delayMinutes: integer('delay_minutes').notNull().default(1440),
  channels: jsonb('channels').$type<string[]>().notNull().default(['email', 'chat', 'web', 'api', 'phone', 'form']),
  reasons: jsonb('reasons').$type<SurveyReason[]>().notNull().default([]),
  cesEnabled: boolean('ces_enabled').notNull().default(false),
  expiryDays: integer('expiry_days').notNull().default(28),
  throttleDays: integer('throttle_days').notNull().default(7),
  npsQuietDays: integer('nps_quiet_days').notNull().default(90),
  minSample: integer('min_sample').notNull().default(30),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** NPS relationship campaigns: a segment of contacts, surveyed now or every N days. */
export const npsCampaigns = pgTable('nps_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  segment: jsonb('segment').$type<NpsSegment>().notNull(),
  everyDays: integer('every_days'),
  productName: text('product_name').notNull().default(''),
  expiryDays: integer('expiry_days').notNull().default(28),
  lastRunAt: ts('last_run_at'),
  nextRunAt: ts('next_run_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * One offered survey with a snapshot of who and what it is about (ticket, agent, team,
 * channel, organization), so reports do not move when the ticket changes later. The link's
 * signature covers `nonce`, which is never shown.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<SurveyKindName>().notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    channel: text('channel'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => npsCampaigns.id, { onDelete: 'set null' }),
    /** How it was offered: by email or in the chat widget. */
    delivery: text('delivery').notNull(),
    scale: integer('scale').notNull(),
    locale: text('locale').notNull().default('en'),
    nonce: text('nonce').notNull(),
    status: text('status').$type<SurveyStatus>().notNull().default('offered'),
    sentAt: ts('sent_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('surveys_csat_ticket_key').on(t.ticketId).where(sql`kind = 'csat'`),
    index('surveys_contact_idx').on(t.contactId, t.kind, t.sentAt),
    index('surveys_sent_idx').on(t.sentAt),
    index('surveys_campaign_idx').on(t.campaignId),
  ],
);

/** The answer to a survey; a changed rating updates it (the last rating before closing wins). */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    surveyId: uuid('survey_id')
      .primaryKey()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    scale: integer('scale').notNull(),
    /** CSAT only: whether the score counts as satisfied on its scale. */
    good: boolean('good'),
    comment: text('comment'),
    reason: text('reason'),
    ces: integer('ces'),
    answeredAt: ts('answered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('survey_responses_answered_idx').on(t.answeredAt)],
);

/** Contacts who asked not to be surveyed again. */
export const surveyOptOuts = pgTable('survey_opt_outs', {
  contactId: uuid('contact_id')
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  surveyId: uuid('survey_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
