import { sql, type SQL } from 'drizzle-orm';
import type { ReportSeries, ReportSeriesQueryInput, SeriesPoint } from '@servus/shared';
import { DateTime } from 'luxon';
import { dailyRows } from './daily.ts';
import { factScope, filtersOf, isWholeInstallation } from './filters.ts';
import type { ReportCtx } from './kpis.ts';
import { percent } from './kpis.ts';
import { backlogAtInstants } from './backlog.ts';
import { bucketsOf, presentPeriod, resolvePeriod, snapshotInstant, type Bucket, type Period } from './period.ts';
import { instantArray, reportRows } from './report-query.ts';

type Metric = ReportSeriesQueryInput['metric'];

/** Per metric: the date column that places a ticket in a bucket, and what is aggregated. */
interface SeriesSpec {
  date: SQL;
  unit: ReportSeries['unit'];
  /** Aggregate expressions: `value` (or `part` over `whole` for rates) and `n`. */
  select: (business: boolean) => SQL;
  extra?: SQL;
}

const median = (col: SQL) => sql`percentile_cont(0.5) within group (order by ${col}) as value, count(${col})::int as n`;
const durations = (cal: string, biz: string) => (business: boolean) => median(sql.raw(`f.${business ? biz : cal}`));
const counted = () => sql`count(*)::int as value, count(*)::int as n`;
const ratio = (part: string, whole = 'true') => () => sql`count(*) filter (where ${sql.raw(part)})::int as part, count(*) filter (where ${sql.raw(whole)})::int as n`;

const SPECS: Record<Exclude<Metric, 'backlog' | 'sla'>, SeriesSpec> = {
  frt: { date: sql`f.first_reply_at`, unit: 'minutes', select: durations('frt_calendar', 'frt_business') },
  first_resolution: { date: sql`f.first_solved_at`, unit: 'minutes', select: durations('first_resolution_calendar', 'first_resolution_business') },
  full_resolution: { date: sql`f.last_solved_at`, unit: 'minutes', select: durations('full_resolution_calendar', 'full_resolution_business') },
  volume: { date: sql`f.created_at`, unit: 'count', select: counted },
  solved: { date: sql`f.last_solved_at`, unit: 'count', select: counted },
  fcr: { date: sql`f.last_solved_at`, unit: 'percent', select: ratio('f.fcr', 'f.agent_replies >= 1') },
  one_touch: { date: sql`f.last_solved_at`, unit: 'percent', select: ratio('f.one_touch') },
  reopen_rate: { date: sql`f.first_solved_at`, unit: 'percent', select: ratio('f.reopened_within_7d') },
};

/**
 * One aggregate per bucket: the buckets' instants come from the zone's calendar (`bucketsOf`),
 * and each bucket reads its own range of the metric's date index, so no row is converted to
 * local time and no period-wide sort groups the rows.
 */
function perBucket(buckets: Bucket[], select: SQL, from: SQL, date: SQL, where: SQL): SQL {
  return sql`select b.i::int as i, x.*
    from unnest(${instantArray(buckets.map((k) => k.start))}, ${instantArray(buckets.map((k) => k.end))}) with ordinality as b(s, e, i)
    cross join lateral (select ${select} from ${from} where ${where} and ${date} >= b.s and ${date} < b.e) x`;
}

function points(buckets: Bucket[], values: Map<number, { value: number | null; n: number }>, empty: number | null): SeriesPoint[] {
  return buckets.map((b, i) => {
    const v = values.get(i);
    return { bucket: b.bucket, start: b.start.toISOString(), value: v ? v.value : empty, n: v?.n ?? 0 };
  });
}

/**
 * Backlog at each bucket's snapshot instant. Unfiltered views of the whole installation read the
 * nightly daily rows where they exist; everything else (filters, visibility, today) is counted
 * from the facts' unsolved ranges in one sweep, which gives the same number.
 */
async function backlogSeries(ctx: ReportCtx, scope: SQL, p: Period, buckets: Bucket[], whole: boolean): Promise<Map<number, { value: number; n: number }>> {
  const now = ctx.clock.now().getTime();
  const out = new Map<number, { value: number; n: number }>();
  let open = buckets.map((b, i) => ({ i, at: snapshotInstant(b, p.tz) }));
  if (whole && open.length) {
    const days = open.filter((x) => x.at.getTime() <= now).map((x) => DateTime.fromJSDate(x.at, { zone: p.tz }).toISODate()!);
    const stored = new Map((days.length ? await dailyRows(ctx.db, p.tz, days[0]!, days[days.length - 1]!) : []).map((r) => [r.day, Number(r.backlog)]));
    open = open.filter((x) => {
      const v = x.at.getTime() <= now ? stored.get(DateTime.fromJSDate(x.at, { zone: p.tz }).toISODate()!) : undefined;
      if (v !== undefined && x.at.getTime() === DateTime.fromJSDate(x.at, { zone: p.tz }).set({ hour: 23, minute: 59, second: 0, millisecond: 0 }).toMillis()) {
        out.set(x.i, { value: v, n: v });
        return false;
      }
      return true;
    });
  }
  const counts = await backlogAtInstants(ctx.db, scope, open.map((x) => new Date(Math.min(x.at.getTime(), now))));
  open.forEach((x, k) => out.set(x.i, { value: counts[k]!, n: counts[k]! }));
  return out;
}

async function slaSeries(ctx: ReportCtx, scope: SQL, buckets: Bucket[]) {
  const rows = await reportRows<{ i: number; achieved: number; n: number }>(
    ctx.db,
    perBucket(buckets, sql`count(*) filter (where f.status = 'achieved')::int as achieved, count(*)::int as n`, sql`report_sla_targets f`, sql`f.at`, scope),
  );
  return new Map(rows.map((r) => [Number(r.i) - 1, { value: percent(Number(r.achieved), Number(r.n)), n: Number(r.n) }]));
}

/**
 * A KPI over time in day, ISO-week or month buckets of the requested zone. Every bucket of the
 * period is present; a duration or rate without data is null, a count is 0.
 */
export async function reportSeries(ctx: ReportCtx, q: ReportSeriesQueryInput): Promise<ReportSeries> {
  const p = resolvePeriod(ctx.clock.now(), q);
  const scope = factScope(ctx.actor, filtersOf(q));
  const buckets = bucketsOf(p, q.interval);
  const head = { metric: q.metric, interval: q.interval, period: presentPeriod(p) };
  if (q.metric === 'backlog') return { ...head, unit: 'count', points: points(buckets, await backlogSeries(ctx, scope, p, buckets, isWholeInstallation(ctx, q)), 0) };
  if (q.metric === 'sla') return { ...head, unit: 'percent', points: points(buckets, await slaSeries(ctx, scope, buckets), null) };
  const spec = SPECS[q.metric];
  const rows = await reportRows<{ i: number; value?: number | null; part?: number; n: number }>(
    ctx.db,
    perBucket(buckets, spec.select(q.hours === 'business'), sql`report_ticket_facts f`, spec.date, scope),
  );
  const values = new Map(
    rows.map((r) => {
      const n = Number(r.n);
      const i = Number(r.i) - 1;
      if (spec.unit === 'percent') return [i, { value: percent(Number(r.part), n), n }];
      const v = r.value === null || r.value === undefined ? null : Number(r.value);
      return [i, { value: v === null ? null : spec.unit === 'minutes' ? Math.round(v * 100) / 100 : v, n }];
    }),
  );
  return { ...head, unit: spec.unit, points: points(buckets, values, spec.unit === 'count' ? 0 : null) };
}
