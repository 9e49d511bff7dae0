import { and, asc, eq, gt, inArray, isNotNull, lte, ne, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs.ts';
import { actorRef, inTransaction, makeCtx, type Services } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { appendHistory } from '../tickets/history.ts';
import { ticketEvents, tickets } from '../tickets/schema.ts';
import { allTargetInstances } from './engine.ts';
import { listSlaPolicyRows } from './policies.ts';
import { slaPolicies } from './schema.ts';
import { policyForTicket, recomputeTicketSla, ticketCalendar, ticketEventLog } from './ticket-sla.ts';

const BATCH = 200;

/** The key that makes a warning or breach event unique: one per target instance. */
const instanceKey = (metric: string, startedAt: Date) => `${metric}@${startedAt.toISOString()}`;

/**
 * Logs `sla_warning` (within the policy's warning time before the due time) and `sla_breached`
 * ticket events, once per target instance, for tickets whose stored next breach is near or past,
 * then recomputes their stored SLA. Idempotent: events already in the log are not written again.
 * Returns how many events were written.
 */
export async function checkSlaBreaches(services: Services): Promise<number> {
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  const now = ctx.clock.now();
  const candidates = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(slaPolicies, eq(slaPolicies.id, tickets.slaPolicyId))
    .where(and(isNotNull(tickets.slaNextBreachAt), lte(sql`${tickets.slaNextBreachAt} - ${slaPolicies.warnBeforeMinutes} * interval '1 minute'`, now), notInArray(tickets.status, ['closed'])))
    .orderBy(tickets.slaNextBreachAt)
    .limit(BATCH);
  if (candidates.length === 0) return 0;
  const policies = await listSlaPolicyRows(ctx.db);
  let written = 0;
  for (const { id } of candidates) {
    written += await inTransaction(ctx, async (tx, emit) => {
      const [t] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
      if (!t) return 0;
      const policy = await policyForTicket(tx, policies, t);
      if (!policy) return 0;
      const events = await ticketEventLog(tx, id);
      if (events[0]?.type !== 'created') return 0;
      const calendar = await ticketCalendar(tx, t);
      const logged = await tx
        .select({ type: ticketEvents.type, after: ticketEvents.after })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, id), inArray(ticketEvents.type, ['sla_warning', 'sla_breached'])));
      const seen = new Set(logged.map((e) => `${e.type}:${(e.after as { key?: string } | null)?.key}`));
      const entries: Parameters<typeof appendHistory>[3] = [];
      for (const i of allTargetInstances(events, t, policy, calendar, now)) {
        const key = instanceKey(i.metric, i.startedAt);
        const r = i.result;
        const payload = { key, policyId: policy.id, metric: i.metric, targetMinutes: r.targetMinutes, dueAt: r.dueAt };
        const warnFrom = r.dueAt ? new Date(r.dueAt).getTime() - policy.warnBeforeMinutes * 60_000 : Infinity;
        if (r.status === 'active' && warnFrom <= now.getTime() && !seen.has(`sla_warning:${key}`)) entries.push({ type: 'sla_warning', after: payload });
        if (r.status === 'breached' && !r.fulfilledAt && !seen.has(`sla_breached:${key}`)) entries.push({ type: 'sla_breached', after: { ...payload, breachedAt: r.breachedAt } });
      }
      await appendHistory(tx, ctx, id, entries, now);
      // Triggers, notifications and webhooks react to these through the outbox.
      for (const e of entries) {
        const p = e.after as { metric: string; dueAt: string | null };
        emit({ type: e.type === 'sla_warning' ? 'ticket.sla_warning' : 'ticket.sla_breached', payload: { ticketId: id, number: t.number, metric: p.metric, dueAt: p.dueAt }, actor: actorRef(ctx.actor) });
      }
      return entries.length;
    });
    await recomputeTicketSla(ctx, id, policies);
  }
  return written;
}

/**
 * Recomputes the stored policy and next breach of every ticket that is not closed, in batches.
 * Runs after a policy, calendar or customer tier changes, so sorting and breach checks follow
 * the new rules; the live SLA on a ticket is always computed fresh. Returns how many it visited.
 */
export async function recomputeAllSla(services: Services): Promise<number> {
  const ctx = { db: services.database.db, clock: services.clock };
  const policies = await listSlaPolicyRows(ctx.db);
  let after = '00000000-0000-0000-0000-000000000000';
  let visited = 0;
  for (;;) {
    const batch = await ctx.db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(gt(tickets.id, after), ne(tickets.status, 'closed')))
      .orderBy(asc(tickets.id))
      .limit(BATCH);
    for (const { id } of batch) await recomputeTicketSla(ctx, id, policies);
    visited += batch.length;
    if (batch.length < BATCH) return visited;
    after = batch[batch.length - 1]!.id;
  }
}

const RecomputeAll = { name: 'sla.recompute_all', schema: z.object({}).passthrough() };

/** Asks a worker to recompute every ticket's stored SLA (after the rules changed). */
export async function requestSlaRecompute(services: Services): Promise<void> {
  await services.jobs.send(RecomputeAll, {});
}

/** The SLA check runs every minute on the cron role. */
export function slaJobs(services: Services): JobDefinition[] {
  return [
    { ...RecomputeAll, handler: async () => void (await recomputeAllSla(services)) },
    {
      name: 'sla.check',
      schema: z.object({}).passthrough(),
      cron: '* * * * *',
      async handler() {
        await checkSlaBreaches(services);
      },
    },
  ];
}
