import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookDeliveryDetail, type WebhookDeliverySource, type WebhookDeliveryStatusName } from '@servus/shared';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { recordAudit } from '../system/audit.ts';
import { MAX_ATTEMPTS, scheduleDelivery } from './attempt.ts';
import { webhookDeliveries, webhooks } from './schema.ts';
import { findWebhookRow } from './webhooks.ts';

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The largest body a delivery may carry. */
export const MAX_BODY_BYTES = 256 * 1024;
const EVENT_NAME = /^[a-z0-9][a-z0-9_.:-]{0,99}$/i;

export function presentDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    event: row.event,
    source: row.source,
    ticketId: row.ticketId,
    ruleId: row.ruleId,
    redeliveryOf: row.redeliveryOf,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    responseStatus: row.responseStatus,
    durationMs: row.durationMs,
    errorClass: row.errorClass,
    errorMessage: row.errorMessage,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentDeliveryDetail(row: WebhookDeliveryRow): WebhookDeliveryDetail {
  return { ...presentDelivery(row), payload: JSON.parse(row.body) as WebhookDeliveryDetail['payload'], attemptLog: row.attemptLog };
}

interface NewDelivery {
  webhookId: string;
  event: string;
  source: WebhookDeliverySource;
  /** `data` of a new event, or the stored body and event id of a delivery sent again. */
  data?: unknown;
  resend?: { body: string; eventId: string; redeliveryOf: string };
  ticketId?: string | null;
  ruleId?: string | null;
  sourceEventId?: number;
  maxAttempts?: number;
}

/**
 * Writes a pending delivery and its job in `tx`. Returns its id, or null when the same outbox
 * event already has a delivery to this webhook.
 */
export async function insertDelivery(tx: Tx, ctx: Ctx, d: NewDelivery): Promise<string | null> {
  if (!EVENT_NAME.test(d.event)) throw new AppError('validation_failed', 'an event name is letters, digits and . _ : - (at most 100)', [{ path: 'event', message: 'invalid event name' }]);
  const now = ctx.clock.now();
  const eventId = d.resend?.eventId ?? randomUUID();
  let body = d.resend?.body;
  if (body === undefined) {
    try {
      body = JSON.stringify({ id: eventId, event: d.event, createdAt: now.toISOString(), data: d.data ?? null });
    } catch {
      throw new AppError('validation_failed', 'the webhook payload cannot be written as JSON', [{ path: 'payload', message: 'not JSON' }]);
    }
  }
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
    throw new AppError('validation_failed', `the webhook payload is larger than ${MAX_BODY_BYTES / 1024} KB`, [{ path: 'payload', message: 'too large' }]);
  }
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({
      webhookId: d.webhookId,
      eventId,
      event: d.event,
      body,
      source: d.source,
      ticketId: d.ticketId ?? null,
      ruleId: d.ruleId ?? null,
      sourceEventId: d.sourceEventId ?? null,
      redeliveryOf: d.resend?.redeliveryOf ?? null,
      maxAttempts: d.maxAttempts ?? MAX_ATTEMPTS,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  if (!row) return null;
  await scheduleDelivery(ctx, row.id, { tx });
  return row.id;
}

/**
 * Records a pending delivery of `event` with `payload` as its `data` in the caller's
 * transaction; it is sent after commit (signed, retried with backoff, SSRF-safe). Trigger
 * actions call this. An unknown or inactive webhook, an invalid event name or a payload that is
 * not JSON or too large is AppError('validation_failed'). Returns the delivery id.
 *
 * @example
 * await inTransaction(ctx, (tx) => enqueueWebhookDelivery(tx, ctx, { webhookId, event: 'ticket.escalated', payload: { ticketId }, ticketId, ruleId }));
 */
export async function enqueueWebhookDelivery(
  tx: Tx,
  ctx: Ctx,
  input: { webhookId: string; event: string; payload: unknown; ticketId?: string | null; ruleId?: string | null },
): Promise<string> {
  const [hook] = await tx.select({ active: webhooks.active }).from(webhooks).where(eq(webhooks.id, input.webhookId));
  if (!hook || !hook.active) {
    throw new AppError('validation_failed', hook ? 'the webhook is switched off' : 'unknown webhook', [{ path: 'webhookId', message: hook ? 'inactive webhook' : 'unknown webhook' }]);
  }
  const id = await insertDelivery(tx, ctx, { webhookId: input.webhookId, event: input.event, data: input.payload, source: 'trigger', ticketId: input.ticketId, ruleId: input.ruleId });
  return id!;
}

async function deliveryRow(db: Executor, id: string): Promise<WebhookDeliveryRow> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  if (!row) throw notFound('webhook delivery');
  return row;
}

/**
 * Sends a test event to the webhook now, whether it is switched on or not, as one attempt
 * without retries; the outcome shows in its delivery log.
 */
export async function sendTestEvent(ctx: Ctx, webhookId: string): Promise<WebhookDelivery> {
  const id = await inTransaction(ctx, async (tx) => {
    const hook = await findWebhookRow(tx, webhookId);
    const data = { webhook: { id: hook.id, name: hook.name }, message: 'This is a test event from Servus.' };
    const created = await insertDelivery(tx, ctx, { webhookId, event: WEBHOOK_TEST_EVENT, data, source: 'test', maxAttempts: 1 });
    await recordAudit(tx, ctx, 'webhook.test_sent', 'webhook', webhookId, { deliveryId: created });
    return created!;
  });
  return presentDelivery(await deliveryRow(ctx.db, id));
}

/**
 * Sends a delivery again: a new delivery with the same body and event id (receivers can tell
 * it is the same event), one attempt, whether the webhook is switched on or not.
 */
export async function redeliverWebhookDelivery(ctx: Ctx, deliveryId: string): Promise<WebhookDelivery> {
  const id = await inTransaction(ctx, async (tx) => {
    const original = await deliveryRow(tx, deliveryId);
    const created = await insertDelivery(tx, ctx, {
      webhookId: original.webhookId,
      event: original.event,
      source: 'redelivery',
      resend: { body: original.body, eventId: original.eventId, redeliveryOf: original.id },
      ticketId: original.ticketId,
      ruleId: original.ruleId,
      maxAttempts: 1,
    });
    await recordAudit(tx, ctx, 'webhook.redelivered', 'webhook_delivery', original.id, { webhookId: original.webhookId, deliveryId: created });
    return created!;
  });
  return presentDelivery(await deliveryRow(ctx.db, id));
}

export async function getDelivery(db: Executor, id: string): Promise<WebhookDeliveryDetail> {
  return presentDeliveryDetail(await deliveryRow(db, id));
}

/** A webhook's deliveries, newest first (404 for an unknown webhook). */
export async function listDeliveries(
  db: Executor,
  webhookId: string,
  q: { limit: number; cursor?: string; status?: WebhookDeliveryStatusName; ticketId?: string },
): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> {
  await findWebhookRow(db, webhookId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        q.status ? eq(webhookDeliveries.status, q.status) : undefined,
        q.ticketId ? eq(webhookDeliveries.ticketId, q.ticketId) : undefined,
        olderThan(q.cursor),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, presentDelivery, (r) => ({ v: r.createdAt.toISOString(), id: r.id }));
}

function olderThan(raw: string | undefined): SQL | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  if (typeof c.v !== 'string' || Number.isNaN(Date.parse(c.v)) || !/^[0-9a-f-]{36}$/i.test(c.id)) {
    throw new AppError('validation_failed', 'invalid cursor', [{ path: 'querystring.cursor', message: 'not a cursor from this API' }]);
  }
  return sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${new Date(c.v)}, ${c.id})`;
}
