import { z } from 'zod';
import {
  CreateWebhookBody,
  RotateWebhookSecretBody,
  UpdateWebhookBody,
  Uuid,
  WebhookDeliveryListQuery,
  WebhookSettingsBody,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookSettings,
  type WebhookWithSecret,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { requireAdmin } from '../auth/policies.ts';
import { getWebhookSettings, setWebhookSettings } from './allowed-hosts.ts';
import { getDelivery, listDeliveries, redeliverWebhookDelivery, sendTestEvent } from './deliveries.ts';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, rotateWebhookSecret, updateWebhook } from './webhooks.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['webhooks'];

/**
 * Outgoing webhooks, their delivery log and the allow-list of internal hosts. Admins only:
 * a webhook sends ticket data to another system.
 */
export function webhookRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const admin = (req: Parameters<typeof agentCtx>[1]) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return ctx;
  };

  app.get('/api/v1/webhooks', { schema: { tags, summary: 'List webhooks with their latest delivery (admin)' } }, async (req): Promise<{ data: Webhook[] }> => {
    admin(req);
    return { data: await listWebhooks(db) };
  });

  app.post(
    '/api/v1/webhooks',
    { schema: { tags, summary: 'Create a webhook; the answer carries its signing secret, shown this once (admin)', body: CreateWebhookBody } },
    async (req, reply): Promise<WebhookWithSecret> => {
      const ctx = admin(req);
      return idempotent(db, req, reply, 201, () => createWebhook(ctx, req.body));
    },
  );

  app.get('/api/v1/webhooks/:id', { schema: { tags, summary: 'Get a webhook (admin)', params: IdParams } }, async (req): Promise<Webhook> => {
    admin(req);
    return getWebhook(db, req.params.id);
  });

  app.patch('/api/v1/webhooks/:id', { schema: { tags, summary: 'Change a webhook (admin)', params: IdParams, body: UpdateWebhookBody } }, async (req): Promise<Webhook> => {
    return updateWebhook(admin(req), req.params.id, req.body);
  });

  app.delete('/api/v1/webhooks/:id', { schema: { tags, summary: 'Delete a webhook and its delivery log (admin)', params: IdParams } }, async (req, reply) => {
    await deleteWebhook(admin(req), req.params.id);
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the signing secret; the answer carries the new one, shown this once. The old one may keep signing for a while (admin)',
        params: IdParams,
        body: RotateWebhookSecretBody,
      },
    },
    async (req): Promise<WebhookWithSecret> => rotateWebhookSecret(admin(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/webhooks/:id/test',
    { schema: { tags, summary: 'Send a test event now, one attempt; its outcome shows in the delivery log (admin)', params: IdParams } },
    async (req, reply): Promise<WebhookDelivery> => {
      const delivery = await sendTestEvent(admin(req), req.params.id);
      reply.code(202);
      return delivery;
    },
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    { schema: { tags, summary: 'A webhook’s deliveries, newest first (admin)', params: IdParams, querystring: WebhookDeliveryListQuery } },
    async (req): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> => {
      admin(req);
      return listDeliveries(db, req.params.id, req.query);
    },
  );

  app.get(
    '/api/v1/webhook-deliveries/:id',
    { schema: { tags, summary: 'One delivery: the payload sent and every attempt (status, duration, error class; never the response body) (admin)', params: IdParams } },
    async (req): Promise<WebhookDeliveryDetail> => {
      admin(req);
      return getDelivery(db, req.params.id);
    },
  );

  app.post(
    '/api/v1/webhook-deliveries/:id/redeliver',
    { schema: { tags, summary: 'Send a delivery again: same payload and event id, one attempt (admin)', params: IdParams } },
    async (req, reply): Promise<WebhookDelivery> => {
      const delivery = await redeliverWebhookDelivery(admin(req), req.params.id);
      reply.code(202);
      return delivery;
    },
  );

  app.get('/api/v1/webhook-settings', { schema: { tags, summary: 'Hosts allowed to resolve to internal addresses (admin)' } }, async (req): Promise<WebhookSettings> => {
    admin(req);
    return getWebhookSettings(db);
  });

  app.put(
    '/api/v1/webhook-settings',
    { schema: { tags, summary: 'Set the hosts allowed to resolve to internal addresses; every other check still applies to them (admin)', body: WebhookSettingsBody } },
    async (req): Promise<WebhookSettings> => setWebhookSettings(admin(req), req.body),
  );
}
