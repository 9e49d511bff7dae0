import { sql } from 'drizzle-orm';
import type { ReportFiltersInput } from '@servus/shared';
import { queryRows } from '../../../platform/db.ts';
import { csvLine } from './csv.ts';
import { factScope, filtersOf, within } from './filters.ts';
import type { ReportCtx } from './kpis.ts';
import { resolvePeriod } from './period.ts';

const BATCH = 1000;
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

const TICKET_COLUMNS = [
  'number', 'subject', 'status', 'priority', 'channel', 'team_id', 'assignee_id', 'organization_id', 'tags', 'created_at',
  'first_reply_at', 'frt_calendar_min', 'frt_business_min', 'first_solved_at', 'last_solved_at',
  'first_resolution_calendar_min', 'first_resolution_business_min', 'full_resolution_calendar_min', 'full_resolution_business_min',
  'agent_replies', 'reopens', 'one_touch', 'no_touch', 'fcr', 'escalated_at', 'chat_outcome', 'sla_achieved', 'sla_breached',
];

/**
 * Every ticket created in the period that matches the filters, one CSV line each with its
 * report facts, produced in batches so memory stays flat however many tickets there are.
 */
export async function* exportTicketsCsv(ctx: ReportCtx, q: Partial<ReportFiltersInput>): AsyncGenerator<string> {
  const p = resolvePeriod(ctx.clock.now(), q);
  const scope = factScope(ctx.actor, filtersOf(q));
  yield csvLine(TICKET_COLUMNS);
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const after = cursor ? sql`and (f.created_at, f.ticket_id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
    const rows: any[] = await queryRows<any>(
      ctx.db,
      sql`select t.number, t.subject, f.*, array_to_string(f.tags, ' ') as tag_list
          from report_ticket_facts f join tickets t on t.id = f.ticket_id
          where ${scope} and ${within(sql`f.created_at`, p.from, p.to)} ${after}
          order by f.created_at, f.ticket_id limit ${BATCH}`,
    );
    let chunk = '';
    for (const r of rows) {
      chunk += csvLine([
        Number(r.number), r.subject, r.status, r.priority, r.channel, r.team_id, r.assignee_id, r.organization_id, r.tag_list, iso(r.created_at),
        iso(r.first_reply_at), r.frt_calendar, r.frt_business, iso(r.first_solved_at), iso(r.last_solved_at),
        r.first_resolution_calendar, r.first_resolution_business, r.full_resolution_calendar, r.full_resolution_business,
        r.agent_replies, r.reopens, r.one_touch, r.no_touch, r.fcr, iso(r.escalated_at), r.chat_outcome, r.sla_achieved, r.sla_breached,
      ]);
    }
    if (chunk) yield chunk;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    cursor = { at: iso(last.created_at)!, id: last.ticket_id };
  }
}

/**
 * The ticket event log of the period for the tickets matching the filters, one CSV line per
 * event, oldest first, in batches.
 */
export async function* exportEventsCsv(ctx: ReportCtx, q: Partial<ReportFiltersInput>): AsyncGenerator<string> {
  const p = resolvePeriod(ctx.clock.now(), q);
  const scope = factScope(ctx.actor, filtersOf(q));
  yield csvLine(['event_id', 'ticket_number', 'type', 'actor_kind', 'actor_id', 'actor_role', 'before', 'after', 'message_id', 'created_at']);
  let afterId = 0;
  for (;;) {
    const rows: any[] = await queryRows<any>(
      ctx.db,
      sql`select e.id, t.number, e.type, e.actor_kind, e.actor_id, e.actor_role, e.before, e.after, e.message_id, e.created_at
          from ticket_events e join report_ticket_facts f on f.ticket_id = e.ticket_id join tickets t on t.id = e.ticket_id
          where ${scope} and ${within(sql`e.created_at`, p.from, p.to)} and e.id > ${afterId}
          order by e.id limit ${BATCH}`,
    );
    let chunk = '';
    for (const r of rows) {
      const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
      chunk += csvLine([Number(r.id), Number(r.number), r.type, r.actor_kind, r.actor_id, r.actor_role, json(r.before), json(r.after), r.message_id, iso(r.created_at)]);
    }
    if (chunk) yield chunk;
    if (rows.length < BATCH) return;
    afterId = Number(rows[rows.length - 1].id);
  }
}
