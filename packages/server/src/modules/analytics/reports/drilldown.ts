import { sql, type SQL } from 'drizzle-orm';
import type { DrilldownTicket, ReportDrilldown, ReportDrilldownQueryInput } from '@servus/shared';
import { queryRows } from '../../../platform/db.ts';
import { decodeCursor, pageOf } from '../../../platform/pagination.ts';
import { AppError } from '../../../platform/errors.ts';
import { factScope, filtersOf, within } from './filters.ts';
import type { ReportCtx } from './kpis.ts';
import { bucketAt, resolvePeriod, snapshotInstant, type Period } from './period.ts';

type Metric = ReportDrilldownQueryInput['metric'];

/**
 * Each figure's population: the date that places a ticket in the period (and orders the list),
 * the condition on top, and the value shown per ticket (calendar, business).
 */
interface Population {
  date: SQL;
  where?: SQL;
  value?: [SQL, SQL];
}

const POPULATIONS: Record<Exclude<Metric, 'backlog' | 'sla_achieved' | 'sla_breached'>, Population> = {
  volume: { date: sql`f.created_at` },
  frt: { date: sql`f.first_reply_at`, value: [sql`f.frt_calendar`, sql`f.frt_business`] },
  first_resolution: { date: sql`f.first_solved_at`, value: [sql`f.first_resolution_calendar`, sql`f.first_resolution_business`] },
  full_resolution: { date: sql`f.last_solved_at`, value: [sql`f.full_resolution_calendar`, sql`f.full_resolution_business`] },
  solved: { date: sql`f.last_solved_at`, value: [sql`f.full_resolution_calendar`, sql`f.full_resolution_business`] },
  fcr: { date: sql`f.last_solved_at`, where: sql`f.fcr` },
  one_touch: { date: sql`f.last_solved_at`, where: sql`f.one_touch` },
  no_touch: { date: sql`f.last_solved_at`, where: sql`f.no_touch` },
  reopened: { date: sql`f.first_solved_at`, where: sql`f.reopened_within_7d` },
  escalated: { date: sql`f.escalated_at` },
  chat_missed: { date: sql`f.created_at`, where: sql`f.chat_outcome = 'missed'` },
  chat_dropped: { date: sql`f.created_at`, where: sql`f.chat_outcome = 'dropped'` },
};

/** The instants a bucket covers, or the whole period; `how:` buckets select an hour of the week instead. */
function window(p: Period, q: ReportDrilldownQueryInput): { from: Date; to: Date; hourOfWeek: [number, number] | null } {
  if (!q.bucket) return { from: p.from, to: p.to, hourOfWeek: null };
  if (q.bucket.startsWith('how:')) {
    const [, dow, hour] = q.bucket.split(':');
    return { from: p.from, to: p.to, hourOfWeek: [Number(dow), Number(hour)] };
  }
  const b = bucketAt(p, q.interval, q.bucket);
  if (!b) throw new AppError('validation_failed', 'the bucket is not a bucket of this period and interval', [{ path: 'querystring.bucket', message: 'not in the period' }]);
  return { from: b.start, to: b.end, hourOfWeek: null };
}

function population(p: Period, q: ReportDrilldownQueryInput, now: Date): { date: SQL; where: SQL; value?: [SQL, SQL] } {
  const w = window(p, q);
  if (q.metric === 'backlog') {
    const b = q.bucket && !w.hourOfWeek ? snapshotInstant({ bucket: q.bucket, start: w.from, end: w.to }, p.tz) : w.to;
    const at = new Date(Math.min(b.getTime(), now.getTime()));
    return { date: sql`f.created_at`, where: sql`f.unsolved @> ${at.toISOString()}::timestamptz` };
  }
  if (q.metric === 'sla_achieved' || q.metric === 'sla_breached') {
    const status = q.metric === 'sla_achieved' ? 'achieved' : 'breached';
    return {
      date: sql`f.created_at`,
      where: sql`f.sla_last_at is not null and exists (select 1 from report_sla_targets s where s.ticket_id = f.ticket_id and s.status = ${status} and ${within(sql`s.at`, w.from, w.to)})`,
    };
  }
  const pop = POPULATIONS[q.metric];
  const parts = [within(pop.date, w.from, w.to), ...(pop.where ? [pop.where] : [])];
  if (w.hourOfWeek) {
    const local = sql`(${pop.date} at time zone ${p.tz})`;
    parts.push(sql`extract(isodow from ${local}) = ${w.hourOfWeek[0]} and extract(hour from ${local}) = ${w.hourOfWeek[1]}`);
  }
  return { date: pop.date, where: sql.join(parts, sql` and `), value: pop.value };
}

interface Row {
  id: string;
  number: number;
  subject: string;
  status: DrilldownTicket['status'];
  priority: DrilldownTicket['priority'];
  channel: DrilldownTicket['channel'];
  team_id: string | null;
  assignee_id: string | null;
  created_at: string | Date;
  sort_at: string | Date;
  value: number | null;
  business_value: number | null;
}

const iso = (v: string | Date) => new Date(v).toISOString();
const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);

/**
 * The tickets behind a figure, newest first by the figure's own date, paginated like the
 * ticket list, each with its value for the metric. Visibility and filters are those of the
 * figure, so the list and the number always agree.
 */
export async function reportDrilldown(ctx: ReportCtx, q: ReportDrilldownQueryInput): Promise<ReportDrilldown> {
  const p = resolvePeriod(ctx.clock.now(), q);
  const pop = population(p, q, ctx.clock.now());
  const cursor = decodeCursor(q.cursor);
  const after = cursor ? sql`and (${pop.date}, f.ticket_id) < (${String(cursor.v)}::timestamptz, ${cursor.id}::uuid)` : sql``;
  const [cal, biz] = pop.value ?? [sql`null::float8`, sql`null::float8`];
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select t.id, t.number, t.subject, t.status, t.priority, t.channel, t.team_id, t.assignee_id, t.created_at,
          ${pop.date} as sort_at, ${cal} as value, ${biz} as business_value
        from report_ticket_facts f join tickets t on t.id = f.ticket_id
        where ${factScope(ctx.actor, filtersOf(q))} and ${pop.where} ${after}
        order by ${pop.date} desc, f.ticket_id desc
        limit ${q.limit + 1}`,
  );
  const page = pageOf(
    rows,
    q.limit,
    (r): DrilldownTicket => ({
      id: r.id,
      number: Number(r.number),
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      channel: r.channel,
      teamId: r.team_id,
      assigneeId: r.assignee_id,
      createdAt: iso(r.created_at),
      value: round(r.value),
      businessValue: round(r.business_value),
    }),
    (r) => ({ v: iso(r.sort_at), id: r.id }),
  );
  return { metric: q.metric, ...page };
}
