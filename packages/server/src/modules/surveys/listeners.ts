import { and, eq, inArray } from 'drizzle-orm';
import type { Services } from '../../platform/context.ts';
import type { DispatchedEvent } from '../../platform/events.ts';
import { tickets } from '../tickets/schema.ts';
import { surveys } from './schema.ts';
import { getSurveySettings } from './settings.ts';
import { sendCsatJob } from './send-csat.ts';

/**
 * On the worker role: when a ticket becomes solved, queues its CSAT mail for the configured
 * delay (the job re-checks everything when it runs); when a ticket closes, its unanswered
 * surveys close with it.
 */
export function subscribeSurveys(services: Services): () => void {
  const db = services.database.db;
  return services.events.subscribe(async (e: DispatchedEvent) => {
    if (e.type !== 'ticket.updated' && e.type !== 'ticket.created') return;
    if (e.type === 'ticket.updated' && !e.payload.changes.includes('status_changed')) return;
    const [t] = await db.select({ status: tickets.status, solvedAt: tickets.solvedAt }).from(tickets).where(eq(tickets.id, e.payload.ticketId));
    if (!t) return;
    if (t.status === 'closed') {
      await db
        .update(surveys)
        .set({ status: 'closed' })
        .where(and(eq(surveys.ticketId, e.payload.ticketId), inArray(surveys.status, ['offered'])));
      return;
    }
    if (t.status !== 'solved' || !t.solvedAt) return;
    const settings = await getSurveySettings(db);
    if (!settings.csatEnabled) return;
    const due = t.solvedAt.getTime() + settings.delayMinutes * 60_000 - services.clock.now().getTime();
    await services.jobs.send(sendCsatJob, { ticketId: e.payload.ticketId }, due > 0 ? { startAfter: Math.ceil(due / 1000) } : {});
  });
}
