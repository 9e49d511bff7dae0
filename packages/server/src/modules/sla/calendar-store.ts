import Holidays from 'date-holidays';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Calendar, CalendarHoliday, CreateCalendarInput, HolidayRegionOption, UpdateCalendarInput } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { teams } from '../auth/schema.ts';
import { channels } from '../channels/schema.ts';
import { BusinessCalendarSchema, type BusinessCalendar, type Weekday } from './calendar.ts';
import { publicHolidays, type HolidayRegion } from './holidays.ts';
import { businessCalendars, type StoredWeekly } from './schema.ts';

export type CalendarRow = typeof businessCalendars.$inferSelect;

/** A stored calendar as the SLA engine reads it: weekday keys become numbers, notes are dropped. */
export function toBusinessCalendar(row: Pick<CalendarRow, 'timeZone' | 'weekly' | 'holidays' | 'closures'>): BusinessCalendar {
  const weekly: BusinessCalendar['weekly'] = {};
  for (const [day, intervals] of Object.entries(row.weekly)) {
    if (intervals) weekly[Number(day) as Weekday] = intervals.map((i) => ({ start: i.start, end: i.end }));
  }
  return {
    timeZone: row.timeZone,
    weekly,
    ...(row.holidays && { holidays: row.holidays }),
    closures: row.closures.map((c) => ({ date: c.date, ...(c.from !== undefined && { from: c.from }), ...(c.until !== undefined && { until: c.until }) })),
  };
}

/** The calendar the engine would use, by id; undefined when there is none. */
export async function loadBusinessCalendar(db: Executor, id: string): Promise<BusinessCalendar | undefined> {
  const row = await findCalendar(db, id);
  return row ? BusinessCalendarSchema.parse(toBusinessCalendar(row)) : undefined;
}

export async function findCalendar(db: Executor, id: string): Promise<CalendarRow | undefined> {
  const [row] = await db.select().from(businessCalendars).where(eq(businessCalendars.id, id));
  return row;
}

const hd = new Holidays();

/** 400 naming the field when date-holidays does not know a country, state or region. */
function assertHolidayRegion(r: HolidayRegion | null | undefined): void {
  if (!r) return;
  const fail = (field: string, message: string) => new AppError('validation_failed', `unknown holiday ${field}`, [{ path: `body.holidays.${field}`, message }]);
  if (!Object.hasOwn(hd.getCountries() ?? {}, r.country)) throw fail('country', `date-holidays does not know the country ${r.country}`);
  if (r.region !== undefined && r.state === undefined) throw fail('state', 'a region needs a state');
  if (r.state !== undefined && !Object.hasOwn(hd.getStates(r.country) ?? {}, r.state)) throw fail('state', `${r.country} has no state ${r.state}`);
  if (r.region !== undefined && !Object.hasOwn(hd.getRegions(r.country, r.state!) ?? {}, r.region)) {
    throw fail('region', `${r.country}-${r.state} has no region ${r.region}`);
  }
}

/** Runs the engine's own validation on the calendar as it would be stored; 400 with body paths. */
function assertEngineAccepts(row: Pick<CalendarRow, 'timeZone' | 'weekly' | 'holidays' | 'closures'>): void {
  const engine = toBusinessCalendar(row);
  const parsed = BusinessCalendarSchema.safeParse(engine);
  if (parsed.success) return;
  const details = parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map((p) => (p === 'timeZone' ? 'timeZone' : String(p)))].join('.'), message: i.message }));
  throw new AppError('validation_failed', `invalid calendar: ${details.map((d) => d.path).join(', ')}`, details);
}

const nameTaken = () => new AppError('conflict', 'a calendar with this name exists', [{ path: 'body.name', message: 'already in use' }]);

async function usersOf(db: Executor, id?: string): Promise<{ teams: Map<string, string[]>; channels: Map<string, string[]> }> {
  const teamRows = await db
    .select({ id: teams.id, calendarId: teams.calendarId })
    .from(teams)
    .where(id ? eq(teams.calendarId, id) : isNotNull(teams.calendarId))
    .orderBy(asc(teams.name), asc(teams.id));
  const channelRows = await db
    .select({ id: channels.id, calendarId: channels.calendarId })
    .from(channels)
    .where(id ? eq(channels.calendarId, id) : isNotNull(channels.calendarId))
    .orderBy(asc(channels.name), asc(channels.id));
  const group = (rows: { id: string; calendarId: string | null }[]) => {
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.calendarId!, [...(out.get(r.calendarId!) ?? []), r.id]);
    return out;
  };
  return { teams: group(teamRows), channels: group(channelRows) };
}

export function presentCalendar(row: CalendarRow, teamIds: string[] = [], channelIds: string[] = []): Calendar {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    weekly: row.weekly,
    holidays: row.holidays ?? null,
    closures: row.closures,
    teamIds,
    channelIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCalendars(db: Executor): Promise<Calendar[]> {
  const rows = await db.select().from(businessCalendars).orderBy(asc(businessCalendars.name), asc(businessCalendars.id));
  const users = await usersOf(db);
  return rows.map((r) => presentCalendar(r, users.teams.get(r.id), users.channels.get(r.id)));
}

export async function getCalendar(db: Executor, id: string): Promise<Calendar> {
  const row = await findCalendar(db, id);
  if (!row) throw notFound('calendar');
  const users = await usersOf(db, id);
  return presentCalendar(row, users.teams.get(id), users.channels.get(id));
}

export async function createCalendar(ctx: Ctx, input: CreateCalendarInput): Promise<Calendar> {
  const data = { name: input.name.trim(), timeZone: input.timeZone, weekly: input.weekly as StoredWeekly, holidays: input.holidays ?? null, closures: input.closures ?? [] };
  assertHolidayRegion(data.holidays);
  assertEngineAccepts(data);
  try {
    const row = await inTransaction(ctx, async (tx) => {
      const now = ctx.clock.now();
      const [created] = await tx.insert(businessCalendars).values({ ...data, createdAt: now, updatedAt: now }).returning();
      await recordAudit(tx, ctx, 'calendar.created', 'calendar', created!.id, { name: created!.name });
      return created!;
    });
    return presentCalendar(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateCalendar(ctx: Ctx, id: string, input: UpdateCalendarInput): Promise<Calendar> {
  try {
    await inTransaction(ctx, async (tx) => {
      const current = await findCalendar(tx, id);
      if (!current) throw notFound('calendar');
      const next = {
        timeZone: input.timeZone ?? current.timeZone,
        weekly: (input.weekly as StoredWeekly | undefined) ?? current.weekly,
        holidays: input.holidays === undefined ? current.holidays : input.holidays,
        closures: input.closures ?? current.closures,
      };
      if (input.holidays !== undefined) assertHolidayRegion(next.holidays);
      assertEngineAccepts(next);
      await tx
        .update(businessCalendars)
        .set({ ...next, ...(input.name !== undefined && { name: input.name.trim() }), updatedAt: ctx.clock.now() })
        .where(eq(businessCalendars.id, id));
      await recordAudit(tx, ctx, 'calendar.updated', 'calendar', id, { fields: Object.keys(input) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  return getCalendar(ctx.db, id);
}

/** Deletes a calendar; teams and channels that used it fall back to none (the foreign keys set null). */
export async function deleteCalendar(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const users = await usersOf(tx, id);
    const rows = await tx.delete(businessCalendars).where(eq(businessCalendars.id, id)).returning({ id: businessCalendars.id, name: businessCalendars.name });
    if (rows.length === 0) throw notFound('calendar');
    await recordAudit(tx, ctx, 'calendar.deleted', 'calendar', id, {
      name: rows[0]!.name,
      teamIds: users.teams.get(id) ?? [],
      channelIds: users.channels.get(id) ?? [],
    });
  });
}

/** 400 naming `path` when a calendar id given for a team or channel does not exist. */
export async function assertCalendarExists(db: Executor, id: string | null | undefined, path = 'body.calendarId'): Promise<void> {
  if (!id) return;
  if (!(await findCalendar(db, id))) throw new AppError('validation_failed', 'unknown calendar', [{ path, message: 'no such calendar' }]);
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The public holidays of a calendar's region in one year, by date; none without a region. Closures are not included. */
export async function calendarHolidays(db: Executor, id: string, year: number): Promise<CalendarHoliday[]> {
  const row = await findCalendar(db, id);
  if (!row) throw notFound('calendar');
  if (!row.holidays) return [];
  return [...publicHolidays(row.holidays, year)]
    .map(([date, h]) => ({ date, name: h.name, from: h.fromMinute > 0 ? hhmm(h.fromMinute) : null }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Countries; with a country its states; with a state too, its regions. English names, sorted by name. */
export function holidayRegions(country?: string, state?: string): HolidayRegionOption[] {
  let options: Record<string, string> | undefined;
  if (!country) {
    if (state) throw new AppError('validation_failed', 'a state needs a country', [{ path: 'querystring.country', message: 'required with state' }]);
    options = hd.getCountries('en');
  } else if (!state) {
    options = hd.getStates(country, 'en');
  } else {
    options = hd.getRegions(country, state, 'en');
  }
  return Object.entries(options ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.code.localeCompare(b.code));
}
