import { sql, type SQL } from 'drizzle-orm';
import type { ReportFiltersInput, ReportHeatmap } from '@servus/shared';
import { factScope, filtersOf, within } from './filters.ts';
import type { ReportCtx } from './kpis.ts';
import { presentPeriod, resolvePeriod } from './period.ts';
import { reportRows } from './report-query.ts';

type Cell = { dow: number; hour: number; n: number };

/**
 * Tickets per UTC hour, each hour then placed in its local hour of the week. This converts a few
 * thousand hours to local time instead of every ticket, and it is exact wherever a UTC hour lies
 * within one local hour: the zone's offset is whole hours and does not change inside it. Any
 * hour where that fails (zones such as Asia/Kolkata) makes `exact` false.
 */
const byUtcHour = (tz: string, where: SQL) => sql`
  select extract(isodow from h.local)::int as dow, extract(hour from h.local)::int as hour, sum(h.n)::int as n, bool_and(h.exact) as exact
  from (
    select date_trunc('hour', g.h at time zone ${tz}) as local, g.n,
           (g.h at time zone ${tz}) - (g.h at time zone 'UTC') = (g.last at time zone ${tz}) - (g.last at time zone 'UTC')
           and extract(epoch from (g.h at time zone ${tz}) - (g.h at time zone 'UTC'))::bigint % 3600 = 0 as exact
    from (select u.h, u.h + interval '1 hour' - interval '1 microsecond' as last, u.n
            from (select date_bin('1 hour', f.created_at, '2000-01-03 00:00:00+00') as h, count(*) as n
                    from report_ticket_facts f where ${where} group by 1) u) g
  ) h
  group by 1, 2`;

/** Each ticket's own local hour, for zones whose offsets are not whole hours. */
const byLocalHour = (tz: string, where: SQL) => sql`
  select extract(isodow from g.h)::int as dow, extract(hour from g.h)::int as hour, sum(g.n)::int as n
  from (select date_trunc('hour', f.created_at at time zone ${tz}) as h, count(*) as n
          from report_ticket_facts f where ${where} group by 1) g
  group by 1, 2`;

/**
 * Tickets created per hour of the week in the requested zone: 7 rows, Monday first, of 24
 * hours, for staffing and the dashboard's heatmap.
 */
export async function reportHeatmap(ctx: ReportCtx, q: Partial<ReportFiltersInput>): Promise<ReportHeatmap> {
  const p = resolvePeriod(ctx.clock.now(), q);
  const where = sql`${factScope(ctx.actor, filtersOf(q))} and ${within(sql`f.created_at`, p.from, p.to)}`;
  const hours = await reportRows<Cell & { exact: boolean }>(ctx.db, byUtcHour(p.tz, where));
  const rows: Cell[] = hours.every((r) => r.exact) ? hours : await reportRows<Cell>(ctx.db, byLocalHour(p.tz, where));
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) cells[Number(r.dow) - 1]![Number(r.hour)] = Number(r.n);
  const flat = cells.flat();
  return { period: presentPeriod(p), cells, max: Math.max(0, ...flat), total: flat.reduce((a, b) => a + b, 0) };
}
