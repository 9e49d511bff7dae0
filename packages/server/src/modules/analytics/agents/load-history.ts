import { DateTime } from 'luxon';
import { sql } from 'drizzle-orm';
import { inArray } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import { LOAD_STATUSES } from '../../routing/agent-profiles.ts';
import { agentRouting, type ChannelCapacity } from '../../routing/schema.ts';

/** A stretch in which a ticket counted against an agent's capacity. */
export interface LoadSpan {
  agentId: string;
  channel: string;
  from: number;
  to: number;
}

interface EventRow {
  ticket_id: string;
  channel: string;
  type: string;
  before: unknown;
  after: unknown;
  created_at: Date | string;
}

const counting = new Set<string>(LOAD_STATUSES);

/**
 * Rebuilds from the event log when each ticket counted against its assignee's capacity: assigned
 * to them and in a load status (new or open), as routing counts it now. Spans end at `end`.
 */
export async function loadSpans(db: Executor, agentIds: string[], start: Date, end: Date): Promise<LoadSpan[]> {
  if (agentIds.length === 0) return [];
  const ids = sql.join(agentIds.map((id) => sql`${id}`), sql`, `);
  const rows = await queryRows<EventRow>(
    db,
    sql`select e.ticket_id, t.channel, e.type, e.before, e.after, e.created_at
        from ticket_events e join tickets t on t.id = e.ticket_id
        where e.type in ('created', 'assignee_changed', 'status_changed', 'merged_into')
          and e.created_at < ${end.toISOString()}::timestamptz
          and e.ticket_id in (
            select a.ticket_id from ticket_events a
            where ((a.type = 'created' and a.after->>'assigneeId' in (${ids})) or (a.type = 'assignee_changed' and a.after #>> '{}' in (${ids})))
              and a.created_at < ${end.toISOString()}::timestamptz)
          and (t.updated_at >= ${start.toISOString()}::timestamptz or t.status in ('new', 'open'))
        order by e.ticket_id, e.id`,
  );
  const spans: LoadSpan[] = [];
  let ticket: string | null = null;
  let assignee: string | null = null;
  let status = 'new';
  let merged = false;
  let since = 0;
  let channel = '';
  const close = (at: number) => {
    if (assignee && counting.has(status) && !merged && at > since) spans.push({ agentId: assignee, channel, from: since, to: at });
  };
  for (const r of rows) {
    const at = new Date(r.created_at).getTime();
    if (r.ticket_id !== ticket) {
      if (ticket) close(end.getTime());
      ticket = r.ticket_id;
      channel = r.channel;
      assignee = null;
      status = 'new';
      merged = false;
      since = at;
    }
    close(at);
    since = at;
    if (r.type === 'created') {
      const snap = (r.after ?? {}) as { assigneeId?: string | null; status?: string };
      assignee = snap.assigneeId ?? null;
      status = snap.status ?? 'new';
    } else if (r.type === 'assignee_changed') {
      assignee = typeof r.after === 'string' ? r.after : null;
    } else if (r.type === 'status_changed') {
      status = typeof r.after === 'string' ? r.after : status;
    } else if (r.type === 'merged_into') {
      merged = true;
    }
  }
  if (ticket) close(end.getTime());
  const wanted = new Set(agentIds);
  return spans.filter((s) => wanted.has(s.agentId));
}

/** Each agent's capacity per channel as routing uses it (the default capacity for unlisted channels; 5 without a profile). */
export async function capacities(db: Executor, agentIds: string[]): Promise<Map<string, (channel: string) => number>> {
  const rows = agentIds.length ? await db.select().from(agentRouting).where(inArray(agentRouting.agentId, agentIds)) : [];
  const out = new Map<string, (channel: string) => number>();
  for (const id of agentIds) {
    const row = rows.find((r) => r.agentId === id);
    const cap: ChannelCapacity = row?.capacity ?? {};
    const def = row?.defaultCapacity ?? 5;
    out.set(id, (channel) => cap[channel as keyof ChannelCapacity] ?? def);
  }
  return out;
}

/**
 * The local days (`YYYY-MM-DD` in `zone`) on which an agent held more tickets of one channel
 * than their capacity for it at some moment.
 */
export function overCapacityDays(spans: readonly LoadSpan[], capacity: (channel: string) => number, zone: string): Set<string> {
  const days = new Set<string>();
  const byChannel = new Map<string, LoadSpan[]>();
  for (const s of spans) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s]);
  for (const [channel, list] of byChannel) {
    const limit = capacity(channel);
    // Sweep the span edges; ends sort before starts at the same instant.
    const edges = list.flatMap((s) => [[s.from, 1] as const, [s.to, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let load = 0;
    let overSince: number | null = null;
    for (const [at, delta] of edges) {
      load += delta;
      if (load > limit && overSince === null) overSince = at;
      if (load <= limit && overSince !== null) {
        markDays(days, overSince, at, zone);
        overSince = null;
      }
    }
  }
  return days;
}

function markDays(days: Set<string>, from: number, to: number, zone: string): void {
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  while (day.toMillis() < to) {
    days.add(day.toISODate()!);
    day = day.plus({ days: 1 });
  }
}
