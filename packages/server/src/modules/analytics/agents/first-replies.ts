import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import { isAgentReply } from '../replies.ts';
import type { TicketEvent } from '../ticket-event.ts';
import { ticketMetrics } from '../ticket-metrics.ts';

/** The median of some numbers; null for none (METRICS §0: nulls are left out, never 0). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Row {
  ticket_id: string;
  type: string;
  actor_kind: TicketEvent['actorKind'];
  actor_id: string | null;
  actor_role: string | null;
  before: unknown;
  after: unknown;
  message_id: string | null;
  created_at: Date | string;
}

/**
 * First reply times (calendar minutes, from the per-ticket metrics) of tickets whose first reply
 * fell in [from, to), by the agent who wrote that reply. Merged-away tickets are left out.
 */
export async function firstReplyMinutesByAgent(db: Executor, agentIds: string[], from: Date, to: Date): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (agentIds.length === 0) return out;
  const ids = sql.join(agentIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<Row>(
    db,
    sql`select ticket_id, type, actor_kind, actor_id, actor_role, before, after, message_id, created_at
        from ticket_events
        where ticket_id in (
          select distinct ticket_id from ticket_events
          where type = 'reply' and actor_kind = 'agent' and actor_id in (${ids})
            and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz)
        order by ticket_id, id`,
  );
  const byTicket = new Map<string, TicketEvent[]>();
  for (const r of rows) {
    const e: TicketEvent = { type: r.type, actorKind: r.actor_kind, actorId: r.actor_id, actorRole: r.actor_role, before: r.before, after: r.after, messageId: r.message_id, createdAt: new Date(r.created_at) };
    const list = byTicket.get(r.ticket_id);
    if (list) list.push(e);
    else byTicket.set(r.ticket_id, [e]);
  }
  const wanted = new Set(agentIds);
  for (const events of byTicket.values()) {
    if (events[0]?.type !== 'created') continue;
    const m = ticketMetrics(events);
    if (m.mergedAway || !m.firstReplyAt || !m.firstReplyTime || m.firstReplyAt < from || m.firstReplyAt >= to) continue;
    const reply = events.find((e) => isAgentReply(e) && e.createdAt.getTime() === m.firstReplyAt!.getTime());
    if (!reply?.actorId || !wanted.has(reply.actorId)) continue;
    out.set(reply.actorId, [...(out.get(reply.actorId) ?? []), m.firstReplyTime.calendar]);
  }
  return out;
}
