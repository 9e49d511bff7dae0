import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';

/** Contacts per hour of the week (local weekday 0 = Sunday … 6, hour 0–23), summed over the window. */
export type WeekCounts = number[][];

/**
 * Counts contacts created in [from, to) by local hour of the week in `timeZone`: tickets by
 * creation, live chats by chat start. Merged-away tickets are left out (METRICS §0).
 */
export async function contactsByHourOfWeek(db: Executor, q: { from: Date; to: Date; timeZone: string; channel?: string; teamId?: string }): Promise<WeekCounts> {
  const at = sql`coalesce(c.started_at, t.created_at)`;
  const rows = await queryRows<{ dow: number; hour: number; n: number }>(
    db,
    sql`select extract(dow from (${at} at time zone ${q.timeZone}))::int as dow,
               extract(hour from (${at} at time zone ${q.timeZone}))::int as hour,
               count(*)::int as n
        from tickets t left join chat_conversations c on c.ticket_id = t.id
        where ${at} >= ${q.from.toISOString()}::timestamptz and ${at} < ${q.to.toISOString()}::timestamptz
          and t.merged_into_id is null
          ${q.channel ? sql`and t.channel = ${q.channel}` : sql``}
          ${q.teamId ? sql`and t.team_id = ${q.teamId}::uuid` : sql``}
        group by 1, 2`,
  );
  const grid: WeekCounts = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) grid[Number(r.dow)]![Number(r.hour)] = Number(r.n);
  return grid;
}
