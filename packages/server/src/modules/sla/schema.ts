import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
