import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CreateWebhookInput, UpdateWebhookInput, Webhook, WebhookWithSecret } from '@servus/shared';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { isUniqueViolation, type Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { allowedHosts } from './allowed-hosts.ts';
import { DeliveryError, resolveTarget, systemResolver, type Resolver } from './safe-http.ts';
import { webhookDeliveries, webhooks } from './schema.ts';
import { newWebhookSecret } from './signing.ts';

export type WebhookRow = typeof webhooks.$inferSelect;
type LastDelivery = Webhook['lastDelivery'];

export function presentWebhook(row: WebhookRow, lastDelivery: LastDelivery = null): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    description: row.description,
    active: row.active,
    events: row.events,
    hasSecret: Boolean(row.secret),
    secretCreatedAt: row.secretCreatedAt.toISOString(),
    previousSecretExpiresAt: row.previousSecret && row.previousSecretExpiresAt ? row.previousSecretExpiresAt.toISOString() : null,
    lastDelivery,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The newest delivery of each given webhook. */
async function lastDeliveries(db: Executor, ids: string[]): Promise<Map<string, NonNullable<LastDelivery>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([webhookDeliveries.webhookId], {
      webhookId: webhookDeliveries.webhookId,
      id: webhookDeliveries.id,
      status: webhookDeliveries.status,
      createdAt: webhookDeliveries.createdAt,
      responseStatus: webhookDeliveries.responseStatus,
      errorClass: webhookDeliveries.errorClass,
    })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.webhookId, ids))
    .orderBy(webhookDeliveries.webhookId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  return new Map(rows.map((r) => [r.webhookId, { id: r.id, status: r.status, createdAt: r.createdAt.toISOString(), responseStatus: r.responseStatus, errorClass: r.errorClass }]));
}

export async function listWebhooks(db: Executor): Promise<Webhook[]> {
  const rows = await db.select().from(webhooks).orderBy(asc(sql`lower(${webhooks.name})`), asc(webhooks.id));
  const last = await lastDeliveries(db, rows.map((r) => r.id));
  return rows.map((r) => presentWebhook(r, last.get(r.id) ?? null));
}

export async function findWebhookRow(db: Executor, id: string): Promise<WebhookRow> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  if (!row) throw notFound('webhook');
  return row;
}

export async function getWebhook(db: Executor, id: string): Promise<Webhook> {
  const row = await findWebhookRow(db, id);
  return presentWebhook(row, (await lastDeliveries(db, [id])).get(id) ?? null);
}

/** How a URL is checked on save; tests pass a resolver of their own. */
export interface UrlCheckOptions {
  resolver?: Resolver;
}

/**
 * Refuses a URL that could never be delivered to (400 naming the reason): a scheme other than
 * http/https, credentials, or a host that is, or resolves to, an address the delivery policy
 * forbids. A name that does not resolve now is accepted: DNS may change, and every delivery is
 * checked again anyway.
 */
export async function assertDeliverableUrl(db: Executor, url: string, opts: UrlCheckOptions = {}): Promise<void> {
  try {
    await resolveTarget(url, { resolver: opts.resolver ?? systemResolver, allowedHosts: await allowedHosts(db), dnsTimeoutMs: 3_000 });
  } catch (err) {
    if (err instanceof DeliveryError && err.errorClass !== 'dns') {
      throw new AppError('validation_failed', `this URL cannot be called: ${err.message}`, [{ path: 'body.url', message: err.message }]);
    }
    if (!(err instanceof DeliveryError)) throw err;
  }
}

const nameTaken = () => new AppError('conflict', 'a webhook with this name exists', [{ path: 'body.name', message: 'already in use' }]);

/** Creates a webhook with a new signing secret, returned this once. */
export async function createWebhook(ctx: Ctx, input: CreateWebhookInput, opts: UrlCheckOptions = {}): Promise<WebhookWithSecret> {
  await assertDeliverableUrl(ctx.db, input.url, opts);
  const secret = newWebhookSecret();
  try {
    const row = await inTransaction(ctx, async (tx) => {
      const now = ctx.clock.now();
      const [created] = await tx
        .insert(webhooks)
        .values({ name: input.name, url: input.url, description: input.description, active: input.active, events: input.events, secret, secretCreatedAt: now, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, ctx, 'webhook.created', 'webhook', created!.id, { name: created!.name, events: created!.events });
      return created!;
    });
    return { webhook: presentWebhook(row), secret };
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateWebhook(ctx: Ctx, id: string, input: UpdateWebhookInput, opts: UrlCheckOptions = {}): Promise<Webhook> {
  if (input.url !== undefined) await assertDeliverableUrl(ctx.db, input.url, opts);
  try {
    await inTransaction(ctx, async (tx) => {
      const set: Partial<WebhookRow> = { updatedAt: ctx.clock.now() };
      if (input.name !== undefined) set.name = input.name;
      if (input.url !== undefined) set.url = input.url;
      if (input.description !== undefined) set.description = input.description;
      if (input.active !== undefined) set.active = input.active;
      if (input.events !== undefined) set.events = input.events;
      const [updated] = await tx.update(webhooks).set(set).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
      if (!updated) throw notFound('webhook');
      // Values stay out of the audit log: a URL may carry a receiver's token.
      await recordAudit(tx, ctx, 'webhook.updated', 'webhook', id, { fields: Object.keys(input) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  return getWebhook(ctx.db, id);
}

/** Deletes a webhook with its delivery log; deliveries not yet sent are dropped. */
export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ name: webhooks.name });
    if (rows.length === 0) throw notFound('webhook');
    await recordAudit(tx, ctx, 'webhook.deleted', 'webhook', id, { name: rows[0]!.name });
  });
}

/**
 * Replaces the signing secret and returns the new one (shown this once). With
 * `keepPreviousForHours` > 0 deliveries carry a signature with the old secret as well until
 * then, so receivers can switch without losing deliveries.
 */
export async function rotateWebhookSecret(ctx: Ctx, id: string, input: { keepPreviousForHours: number }): Promise<WebhookWithSecret> {
  const secret = newWebhookSecret();
  const row = await inTransaction(ctx, async (tx) => {
    const current = await findWebhookRow(tx, id);
    const now = ctx.clock.now();
    const keep = input.keepPreviousForHours > 0;
    const [updated] = await tx
      .update(webhooks)
      .set({
        secret,
        secretCreatedAt: now,
        previousSecret: keep ? current.secret : null,
        previousSecretExpiresAt: keep ? new Date(now.getTime() + input.keepPreviousForHours * 3_600_000) : null,
        updatedAt: now,
      })
      .where(eq(webhooks.id, id))
      .returning();
    await recordAudit(tx, ctx, 'webhook.secret_rotated', 'webhook', id, { keepPreviousForHours: input.keepPreviousForHours });
    return updated!;
  });
  return { webhook: presentWebhook(row, (await lastDeliveries(ctx.db, [id])).get(id) ?? null), secret };
}
