import { sql } from 'drizzle-orm';
import type { EscalationReport } from '@servus/shared';
import { queryRows, type Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Escalation rate in percent with one decimal (METRICS.md §2.7): escalated / handled × 100;
 * null when nothing was handled.
 *
 * @example escalationRate(15, 500) // 3
 */
export function escalationRate(escalated: number, handled: number): number | null {
  if (handled <= 0) return null;
  return Math.round((escalated / handled) * 1000) / 10;
}

const DAY_MS = 86_400_000;

/** The period a report covers: `to` defaults to now, `from` to 30 days before `to`. */
export function reportPeriod(now: Date, q: { from?: string; to?: string }): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new AppError('validation_failed', 'from must be before to', [{ path: 'querystring.from', message: 'must be before to' }]);
  if (to.getTime() - from.getTime() > 3660 * DAY_MS) throw new AppError('validation_failed', 'the period may span at most ten years', [{ path: 'querystring.from', message: 'period too long' }]);
  return { from, to };
}

/**
 * Escalations in [from, to) from the event log. A ticket counts at most once as escalated,
 * and at most once in each kind (a ticket escalated both ways counts in both kinds) and in each
 * target tier. Handled tickets: those with a public agent reply, a solve or an escalation in
 * the period, so every escalated ticket is also a handled one.
 */
export async function escalationReport(db: Executor, from: Date, to: Date): Promise<EscalationReport> {
  const range = sql`created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz`;
  const [totals] = await queryRows<{ escalated: number; hierarchical: number; functional: number; handled: number }>(
    db,
    sql`
      select
        (select count(distinct ticket_id) from ticket_events where type = 'escalated' and ${range})::int as escalated,
        (select count(distinct ticket_id) from ticket_events where type = 'escalated' and after->>'kind' = 'hierarchical' and ${range})::int as hierarchical,
        (select count(distinct ticket_id) from ticket_events where type = 'escalated' and after->>'kind' = 'functional' and ${range})::int as functional,
        (select count(distinct ticket_id) from ticket_events
          where ${range} and (
            (type = 'reply' and actor_kind = 'agent' and after->>'kind' = 'public')
            or (type = 'status_changed' and after = '"solved"'::jsonb)
            or type = 'escalated'))::int as handled`,
  );
  const byTier = await queryRows<{ tier: number; escalated: number }>(
    db,
    sql`select (after->>'tier')::int as tier, count(distinct ticket_id)::int as escalated
        from ticket_events where type = 'escalated' and ${range}
        group by 1 order by 1`,
  );
  const t = totals!;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    escalated: Number(t.escalated),
    handled: Number(t.handled),
    rate: escalationRate(Number(t.escalated), Number(t.handled)),
    hierarchical: Number(t.hierarchical),
    functional: Number(t.functional),
    byTier: byTier.map((r) => ({ tier: Number(r.tier), escalated: Number(r.escalated) })),
  };
}
