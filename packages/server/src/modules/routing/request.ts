import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { tickets } from '../tickets/schema.ts';
import { teamRouting } from './schema.ts';
import { WAITING } from './team-settings.ts';
import { drainAll } from './drain.ts';

/** The routing job drains every routed team's queue; it carries no data, so any number of requests share one run. */
const DRAIN = { name: 'routing.drain', schema: z.object({}) };

/** Requests within this many seconds share one drain run; a request during a run gets one right after it. */
const DEBOUNCE_SECONDS = 1;

/**
 * Schedules a drain of every routed queue (durable: a pg-boss job, debounced so that a burst
 * of changes runs it once and a change during a run still gets a run after it).
 */
export async function scheduleDrain(services: Services): Promise<void> {
  await services.jobs.send(DRAIN, {}, { singletonKey: 'all', singletonSeconds: DEBOUNCE_SECONDS, singletonNextSlot: true });
}

/**
 * Schedules a routing attempt for one ticket (durable: a job). Safe to call for any ticket; a
 * ticket that is assigned, solved/closed, or whose team routes manually is left alone.
 */
export async function requestRouting(services: Services, ticketId: string): Promise<void> {
  const [t] = await services.database.db
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(teamRouting, eq(teamRouting.teamId, tickets.teamId))
    .where(and(eq(tickets.id, ticketId), WAITING, ne(teamRouting.mode, 'manual')));
  if (t) await scheduleDrain(services);
}

/** The routing job on the worker role, also run every minute on the cron role as a safety net (a lost trigger waits at most a minute). */
export function routingJobs(services: Services): JobDefinition[] {
  return [
    {
      ...DRAIN,
      cron: '* * * * *',
      async handler() {
        await drainAll(services);
      },
    },
  ];
}
