import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Clock } from '../../../platform/clock.ts';
import { queryRows, type Executor } from '../../../platform/db.ts';

/**
 * Writes the daily rows (created, solved, backlog at 23:59 local) for every local day in
 * [from, until] whose 23:59 has passed, from the per-ticket facts. Rewriting a day gives the same
 * row, so the job may run as often as it likes. Returns the days written.
 */
export async function snapshotDays(ctx: { db: Executor; clock: Clock }, tz: string, from: Date, until: Date): Promise<number> {
  let day = DateTime.fromJSDate(from, { zone: tz }).startOf('day');
  let written = 0;
  while (day.toMillis() < until.getTime()) {
    const snapshot = day.set({ hour: 23, minute: 59 });
    if (snapshot.toMillis() > until.getTime()) break;
    const start = day.toJSDate().toISOString();
    const end = day.plus({ days: 1 }).toJSDate().toISOString();
    const at = snapshot.toJSDate().toISOString();
    await ctx.db.execute(sql`
      insert into report_daily (day, tz, created, solved, backlog, snapshot_at)
      select ${day.toISODate()}::date, ${tz},
        (select count(*) from report_ticket_facts where not merged and created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz)::int,
        (select count(*) from report_ticket_facts where not merged and last_solved_at >= ${start}::timestamptz and last_solved_at < ${end}::timestamptz)::int,
        (select count(*) from report_ticket_facts where not merged and unsolved @> ${at}::timestamptz)::int,
        ${at}::timestamptz
      on conflict (day, tz) do update set created = excluded.created, solved = excluded.solved, backlog = excluded.backlog, snapshot_at = excluded.snapshot_at`);
    written++;
    day = day.plus({ days: 1 });
  }
  return written;
}

/** The stored daily rows of a zone between two local days (inclusive). */
export async function dailyRows(db: Executor, tz: string, fromDay: string, toDay: string) {
  return queryRows<{ day: string; created: number; solved: number; backlog: number }>(
    db,
    sql`select day::text as day, created, solved, backlog from report_daily where tz = ${tz} and day between ${fromDay}::date and ${toDay}::date order by day`,
  );
}
