import { asc, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../../platform/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { queryRows, type Executor } from '../../../platform/db.ts';
import type { JobDefinition } from '../../../platform/jobs.ts';
import type { DispatchedEvent } from '../../../platform/events.ts';
import { tickets } from '../../tickets/schema.ts';
import { listSlaPolicyRows } from '../../sla/policies.ts';
import { refreshRequesterNeighbours, refreshTicketFacts } from './facts.ts';
import { snapshotDays } from './daily.ts';
import { DEFAULT_REPORT_TZ } from './period.ts';

/** Rebuilds one ticket's facts; `created` also rebuilds the requester's recently solved tickets (FCR follow-ups). */
export const RefreshTicketFacts = { name: 'reports.refresh_ticket', schema: z.strictObject({ ticketId: z.uuid(), created: z.boolean().optional() }) };
/** Writes yesterday's and today's daily row (created, solved, backlog at 23:59 local). */
export const SnapshotDaily = { name: 'reports.snapshot_daily', schema: z.object({}).passthrough() };

/** Changes to the same ticket within this many seconds share one rebuild. */
const DEBOUNCE_SECONDS = 2;

/** The domain events after which a ticket's facts are stale. */
const REFRESH_ON = new Set(['ticket.created', 'ticket.updated', 'ticket.merged', 'message.created', 'ticket.escalated', 'ticket.sla_breached', 'chat.missed', 'chat.updated']);

/** The tickets an event touches. */
function ticketsOf(e: DispatchedEvent): string[] {
  if (!REFRESH_ON.has(e.type)) return [];
  const p = e.payload as { ticketId?: string; sourceIds?: string[] };
  return [...(p.ticketId ? [p.ticketId] : []), ...(p.sourceIds ?? [])];
}

/** A subscription that can be stopped, and awaited until the events it received are queued. */
export type ReportSubscription = (() => void) & { idle(): Promise<void> };

/** Worker role: every ticket change queues a debounced rebuild of that ticket's report facts. */
export function subscribeReportFacts(services: Services): ReportSubscription {
  const pending = new Set<Promise<unknown>>();
  const stop = services.events.subscribe((e) => {
    const work = (async () => {
      for (const ticketId of ticketsOf(e)) {
        const created = e.type === 'ticket.created';
        await services.jobs.send(RefreshTicketFacts, { ticketId, ...(created && { created }) }, created ? {} : { singletonKey: ticketId, singletonSeconds: DEBOUNCE_SECONDS, singletonNextSlot: true });
      }
    })();
    pending.add(work);
    return work.finally(() => pending.delete(work));
  });
  return Object.assign(stop, {
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  });
}

const BATCH = 500;

/**
 * Rebuilds every ticket's facts from the event log and the daily rows from the facts, for a
 * fresh installation of the reports or after a definition changed. Returns the tickets visited.
 */
export async function recomputeReports(ctx: { db: Executor; clock: Clock }, opts: { tz?: string; onProgress?: (n: number) => void } = {}): Promise<number> {
  const policies = await listSlaPolicyRows(ctx.db);
  let after = '00000000-0000-0000-0000-000000000000';
  let visited = 0;
  for (;;) {
    const batch = await ctx.db.select({ id: tickets.id }).from(tickets).where(gt(tickets.id, after)).orderBy(asc(tickets.id)).limit(BATCH);
    for (const { id } of batch) await refreshTicketFacts(ctx, id, policies);
    visited += batch.length;
    opts.onProgress?.(visited);
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  await ctx.db.execute(sql`delete from report_ticket_facts f where not exists (select 1 from tickets t where t.id = f.ticket_id)`);
  const [first] = await queryRows<{ first: string | Date | null }>(ctx.db, sql`select min(created_at) as first from report_ticket_facts`);
  if (first?.first) await snapshotDays(ctx, opts.tz ?? DEFAULT_REPORT_TZ, new Date(first.first), ctx.clock.now());
  return visited;
}

/** Report jobs: the per-ticket rebuild (worker) and the nightly daily snapshot (cron, shortly before midnight Berlin in either DST state). */
export function reportJobs(services: Services): JobDefinition[] {
  const ctx = { db: services.database.db, clock: services.clock };
  return [
    {
      ...RefreshTicketFacts,
      async handler(data) {
        const { ticketId, created } = RefreshTicketFacts.schema.parse(data);
        await refreshTicketFacts(ctx, ticketId);
        if (created) await refreshRequesterNeighbours(ctx, ticketId);
      },
    },
    {
      ...SnapshotDaily,
      cron: '5 * * * *',
      async handler() {
        const now = services.clock.now();
        await snapshotDays(ctx, DEFAULT_REPORT_TZ, new Date(now.getTime() - 2 * 86_400_000), now);
      },
    },
  ];
}
