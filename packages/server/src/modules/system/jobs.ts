import { lt, and, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs.ts';
import type { Db } from '../../platform/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EventDispatcher } from '../../platform/events.ts';
import { sessions, authThrottle } from '../auth/schema.ts';
import { idempotencyKeys, outboxEvents } from './schema.ts';
import { prunePortal } from '../portal/index.ts';

/** Housekeeping jobs; each handler is idempotent, so a retry or a double run does no harm. */
export function systemJobs(deps: { db: Db; clock: Clock; events: EventDispatcher }): JobDefinition[] {
  return [
    {
      name: 'system.prune',
      schema: z.object({}).passthrough(),
      cron: '17 * * * *',
      async handler() {
        const now = deps.clock.now();
        const dayAgo = new Date(now.getTime() - 86400_000);
        await deps.db.delete(sessions).where(lt(sessions.expiresAt, now));
        await prunePortal(deps.db, now);
        await deps.db.delete(authThrottle).where(lt(authThrottle.windowStart, dayAgo));
        await deps.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, dayAgo));
        await deps.db
          .delete(outboxEvents)
          .where(and(isNotNull(outboxEvents.dispatchedAt), lt(outboxEvents.dispatchedAt, new Date(now.getTime() - 7 * 86400_000))));
      },
    },
    {
      name: 'system.dispatch-events',
      schema: z.object({}).passthrough(),
      cron: '* * * * *',
      async handler() {
        await deps.events.flush();
      },
    },
  ];
}
