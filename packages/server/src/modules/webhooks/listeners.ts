import { and, eq, sql } from 'drizzle-orm';
import { WEBHOOK_EVENTS, type WebhookEventName } from '@servus/shared';
import { inTransaction, makeCtx, type Services } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { DispatchedEvent } from '../../platform/events.ts';
import { attachmentsOfMessages, findTicket, requesterSummary } from '../tickets/repository.ts';
import { presentMessage, presentTicket } from '../tickets/presenters.ts';
import { messages } from '../tickets/schema.ts';
import { insertDelivery } from './deliveries.ts';
import { webhooks } from './schema.ts';

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

/** The ticket as the API presents it, with its requester; null when it is gone. */
async function ticketData(db: Executor, ticketId: string) {
  const t = await findTicket(db, ticketId);
  if (!t) return null;
  return { ...presentTicket(t), requester: await requesterSummary(db, t.requesterId) };
}

/**
 * The `data` of a subscribed event: the ticket (and message) as they are when the event is
 * dispatched, moments after the change, and who made the change. Null when the ticket or
 * message no longer exists.
 */
export async function eventData(db: Executor, e: DispatchedEvent): Promise<{ ticketId: string; data: Record<string, unknown> } | null> {
  const actor = e.actor;
  switch (e.type) {
    case 'ticket.created':
    case 'ticket.updated':
    case 'ticket.merged': {
      const ticket = await ticketData(db, e.payload.ticketId);
      if (!ticket) return null;
      const extra = e.type === 'ticket.updated' ? { changes: e.payload.changes } : e.type === 'ticket.merged' ? { mergedTicketIds: e.payload.sourceIds } : {};
      return { ticketId: ticket.id, data: { ticket, ...extra, actor } };
    }
    case 'message.created': {
      const [m] = await db.select().from(messages).where(eq(messages.id, e.payload.messageId));
      const ticket = m ? await ticketData(db, m.ticketId) : null;
      if (!m || !ticket) return null;
      return { ticketId: ticket.id, data: { ticket, message: boundedMessage(presentMessage(m, await attachmentsOfMessages(db, [m.id]))), actor } };
    }
    default:
      return null;
  }
}

/** Message text that fits a delivery: a very long message is cut and sent without its HTML. */
const MAX_MESSAGE_CHARS = 64 * 1024;
function boundedMessage(m: ReturnType<typeof presentMessage>): Omit<ReturnType<typeof presentMessage>, 'html'> & { html: string | null; truncated: boolean } {
  if (m.text.length <= MAX_MESSAGE_CHARS && m.html.length <= MAX_MESSAGE_CHARS) return { ...m, truncated: false };
  return { ...m, text: m.text.slice(0, MAX_MESSAGE_CHARS), html: null, truncated: true };
}

/**
 * Queues a delivery to every active webhook subscribed to a dispatched domain event. The outbox
 * event's id makes this idempotent: an event dispatched twice is delivered once per webhook.
 * Runs on the worker role; returns the unsubscribe function.
 */
export function subscribeWebhookEvents(services: Services): () => void {
  return services.events.subscribe(async (e) => {
    if (!SUBSCRIBABLE.has(e.type)) return;
    const ctx = makeCtx(services, SYSTEM_ACTOR);
    const hooks = await ctx.db
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(and(eq(webhooks.active, true), sql`${webhooks.events} @> ${JSON.stringify([e.type])}::jsonb`));
    if (hooks.length === 0) return;
    const built = await eventData(ctx.db, e);
    if (!built) return;
    await inTransaction(ctx, async (tx) => {
      for (const h of hooks) {
        await insertDelivery(tx, ctx, { webhookId: h.id, event: e.type as WebhookEventName, data: built.data, source: 'event', ticketId: built.ticketId, sourceEventId: e.id });
      }
    });
  });
}
