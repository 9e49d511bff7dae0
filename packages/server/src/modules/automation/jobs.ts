import { and, arrayContains, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { agentMailJob } from './messaging.ts';
import { runTimeRules } from './schedules.ts';
import { AutomationEventPayload, handleAutomationEvent, triggerEventOf } from './triggers.ts';
import { automationRules } from './schema.ts';
import type { TriggerEventName } from '@servus/shared';

/** The job that runs the triggers for one committed event. */
export const automationEventJob = { name: 'automation.event', schema: AutomationEventPayload };
const EVENT_JOB_OPTIONS = { retryLimit: 3, retryDelay: 10, retryBackoff: true };

/** Automation's jobs: triggers per event, time rules every five minutes (cron role), rule e-mails to agents. */
export function automationJobs(services: Services): JobDefinition[] {
  const onEvent: JobDefinition<typeof AutomationEventPayload> = { ...automationEventJob, handler: (e) => handleAutomationEvent(services, e) };
  return [
    onEvent,
    {
      name: 'automation.schedule',
      schema: z.object({}).passthrough(),
      cron: '*/5 * * * *',
      async handler() {
        await runTimeRules(services);
      },
    },
    agentMailJob(services),
  ] as JobDefinition[];
}

/** A running subscription: `idle()` resolves once every event seen so far is queued. */
export interface AutomationSubscription {
  stop(): void;
  idle(): Promise<void>;
}

/**
 * Worker role: every committed event a trigger may react to becomes an `automation.event` job,
 * so triggers run durably (retried, and at most once per rule and event however often the job
 * runs). The dispatcher only delivers in-process; the job queue carries the work from here.
 */
export function subscribeAutomation(services: Services): AutomationSubscription {
  const inflight = new Set<Promise<unknown>>();
  const stop = services.events.subscribe((e) => {
    const name = triggerEventOf(e);
    if (!name) return;
    const data = { eventId: e.id, type: e.type, payload: e.payload as unknown as Record<string, unknown>, actor: e.actor, cause: e.cause, createdAt: new Date(e.createdAt).toISOString() };
    // Most events (every chat line, say) have no trigger listening: they cost one lookup, not a job.
    const sent = anyTriggerFor(services.database.db, name)
      .then((listened) => (listened ? services.jobs.send(automationEventJob, data, EVENT_JOB_OPTIONS) : undefined))
      .finally(() => inflight.delete(sent));
    inflight.add(sent);
    return sent.then(() => undefined);
  });
  return {
    stop,
    async idle() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}

/** Whether an active trigger reacts to `event`. */
async function anyTriggerFor(db: Executor, event: TriggerEventName): Promise<boolean> {
  const [row] = await db
    .select({ id: automationRules.id })
    .from(automationRules)
    .where(and(eq(automationRules.kind, 'trigger'), eq(automationRules.active, true), arrayContains(automationRules.events, [event])))
    .limit(1);
  return row !== undefined;
}
