import { and, asc, eq, isNull, lt, lte, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { deliverJob, deliverWebhook, type DeliverOptions } from './attempt.ts';
import { webhookDeliveries } from './schema.ts';

/** Finished deliveries stay in the log this long. */
const DELIVERY_RETENTION_DAYS = 30;
const SWEEP_BATCH = 100;
const SWEEP_CONCURRENCY = 4;

/**
 * Sends every delivery that is due and not held by another process: those whose job was lost
 * (a crash, a restart, a process without the worker role) and retries that are due. Then drops
 * finished deliveries older than the retention. Returns how many attempts it made.
 */
export async function sweepWebhookDeliveries(services: Services, opts: DeliverOptions = {}): Promise<number> {
  const db = services.database.db;
  const now = services.clock.now();
  const due = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(SWEEP_BATCH);
  let attempted = 0;
  const queue = due.map((r) => r.id);
  await Promise.all(
    Array.from({ length: SWEEP_CONCURRENCY }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        if (await deliverWebhook(services, id, opts)) attempted++;
      }
    }),
  );
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 86_400_000);
  await db.delete(webhookDeliveries).where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.createdAt, cutoff)));
  return attempted;
}

/** Delivery attempts (worker role) and the sweep, every minute (cron role). */
export function webhookJobs(services: Services): JobDefinition[] {
  return [
    deliverJob(services),
    {
      name: 'webhooks.sweep',
      schema: z.object({}).passthrough(),
      cron: '* * * * *',
      async handler() {
        await sweepWebhookDeliveries(services);
      },
    },
  ];
}
