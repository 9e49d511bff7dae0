import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SlaConditions, SlaTargets } from '@servus/shared';
import type { z } from 'zod';
import type { HolidayRegion } from './holidays.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Opening hours as stored: weekday keys '0' (Sunday) … '6' (Saturday), `HH:mm` intervals. */
export type StoredWeekly = Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', { start: string; end: string }[]>>;
export interface StoredClosure {
  date: string;
  from?: string;
  until?: string;
  note?: string;
}

/**
 * Business-hours calendars: a time zone, weekly opening hours, an optional public-holiday region
 * (date-holidays codes) and the tenant's own closures. Teams and channels point at one.
 */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<StoredWeekly>().notNull(),
    holidays: jsonb('holidays').$type<HolidayRegion | null>(),
    closures: jsonb('closures').$type<StoredClosure[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('business_calendars_name_key').on(sql`lower(${t.name})`)],
);

/**
 * SLA policies: conditions that pick tickets and targets per priority. The first active policy
 * in `position` order whose conditions match a ticket applies to it.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    conditions: jsonb('conditions').$type<z.infer<typeof SlaConditions>>().notNull().default({}),
    targets: jsonb('targets').$type<z.infer<typeof SlaTargets>>().notNull(),
    warnBeforeMinutes: integer('warn_before_minutes').notNull().default(30),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sla_policies_name_key').on(sql`lower(${t.name})`), index('sla_policies_position_idx').on(t.position, t.id)],
);
