import { asc } from 'drizzle-orm';
import type { WebhookSettings } from '@servus/shared';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { recordAudit } from '../system/audit.ts';
import { webhookAllowedHosts } from './schema.ts';

/** The hosts an admin allowed to resolve to internal addresses, as `normalizeHost` writes them. */
export async function allowedHosts(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ host: webhookAllowedHosts.host }).from(webhookAllowedHosts);
  return new Set(rows.map((r) => r.host));
}

export async function getWebhookSettings(db: Executor): Promise<WebhookSettings> {
  const rows = await db.select({ host: webhookAllowedHosts.host }).from(webhookAllowedHosts).orderBy(asc(webhookAllowedHosts.host));
  return { allowedHosts: rows.map((r) => r.host) };
}

/** Replaces the allow-list (hosts already normalized by the contract). */
export async function setWebhookSettings(ctx: Ctx, input: WebhookSettings): Promise<WebhookSettings> {
  const hosts = [...new Set(input.allowedHosts)];
  await inTransaction(ctx, async (tx) => {
    const before = await getWebhookSettings(tx);
    await tx.delete(webhookAllowedHosts);
    if (hosts.length) await tx.insert(webhookAllowedHosts).values(hosts.map((host) => ({ host, createdAt: ctx.clock.now() })));
    await recordAudit(tx, ctx, 'webhook_settings.updated', 'webhook_settings', null, { allowedHosts: hosts, before: before.allowedHosts });
  });
  return getWebhookSettings(ctx.db);
}
