import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Clock } from '../../../platform/clock.ts';
import { queryRows, type Executor } from '../../../platform/db.ts';
import { backlogAtInstants } from './backlog.ts';

/**
 * Writes the daily rows (created, solved, backlog at 23:59 local) for every local day in
 * [from, until] whose 23:59 has passed, from the per-ticket facts. Rewriting a day gives the same
 * row, so the job may run as often as it likes. Returns the days written.
 */
export async function snapshotDays(ctx: { db: Executor; clock: Clock }, tz: string, from: Date, until: Date): Promise<number> {
  const days: DateTime[] = [];
  for (let day = DateTime.fromJSDate(from, { zone: tz }).startOf('day'); day.toMillis() < until.getTime(); day = day.plus({ days: 1 })) {
    if (day.set({ hour: 23, minute: 59 }).toMillis() > until.getTime()) break;
    days.push(day);
  }
  // The backlog of every day in one sweep over the unsolved ranges, not one count per day.
  const backlogs = await backlogAtInstants(ctx.db, sql`not f.merged`, days.map((d) => d.set({ hour: 23, minute: 59 }).toJSDate()));
  for (const [i, day] of days.entries()) {
    const start = day.toJSDate().toISOString();
    const end = day.plus({ days: 1 }).toJSDate().toISOString();
    const at = day.set({ hour: 23, minute: 59 }).toJSDate().toISOString();
    await ctx.db.execute(sql`
      insert into report_daily (day, tz, created, solved, backlog, snapshot_at)
      select ${day.toISODate()}::date, ${tz},
        (select count(*) from report_ticket_facts f where not f.merged and f.created_at >= ${start}::timestamptz and f.created_at < ${end}::timestamptz)::int,
        (select count(*) from report_ticket_facts f where not f.merged and f.last_solved_at >= ${start}::timestamptz and f.last_solved_at < ${end}::timestamptz)::int,
        ${backlogs[i]!}::int,
        ${at}::timestamptz
      on conflict (day, tz) do update set created = excluded.created, solved = excluded.solved, backlog = excluded.backlog, snapshot_at = excluded.snapshot_at`);
  }
  return days.length;
}

/** The stored daily rows of a zone between two local days (inclusive). */
export async function dailyRows(db: Executor, tz: string, fromDay: string, toDay: string) {
  return queryRows<{ day: string; created: number; solved: number; backlog: number }>(
    db,
    sql`select day::text as day, created, solved, backlog from report_daily where tz = ${tz} and day between ${fromDay}::date and ${toDay}::date order by day`,
  );
}
