import { sql } from 'drizzle-orm';
import type { ReportFiltersInput, ReportHeatmap } from '@servus/shared';
import { queryRows } from '../../../platform/db.ts';
import { factScope, filtersOf, within } from './filters.ts';
import type { ReportCtx } from './kpis.ts';
import { presentPeriod, resolvePeriod } from './period.ts';

/**
 * Tickets created per hour of the week in the requested zone: 7 rows, Monday first, of 24
 * hours, for staffing and the dashboard's heatmap.
 */
export async function reportHeatmap(ctx: ReportCtx, q: Partial<ReportFiltersInput>): Promise<ReportHeatmap> {
  const p = resolvePeriod(ctx.clock.now(), q);
  // Hours first (one zone conversion per ticket), then hours of the week over the few thousand hours.
  const rows = await queryRows<{ dow: number; hour: number; n: number }>(
    ctx.db,
    sql`select extract(isodow from g.h)::int as dow, extract(hour from g.h)::int as hour, sum(g.n)::int as n
        from (select date_trunc('hour', f.created_at at time zone ${p.tz}) as h, count(*) as n
                from report_ticket_facts f where ${factScope(ctx.actor, filtersOf(q))} and ${within(sql`f.created_at`, p.from, p.to)}
               group by 1) g
        group by 1, 2`,
  );
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) cells[Number(r.dow) - 1]![Number(r.hour)] = Number(r.n);
  const flat = cells.flat();
  return { period: presentPeriod(p), cells, max: Math.max(0, ...flat), total: flat.reduce((a, b) => a + b, 0) };
}
