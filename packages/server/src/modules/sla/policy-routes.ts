import { z } from 'zod';
import { CreateSlaPolicyBody, ReorderSlaPoliciesBody, UpdateSlaPolicyBody, Uuid, type SlaPolicy } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { requireAdmin } from '../auth/policies.ts';
import { requestSlaRecompute } from './sla-jobs.ts';
import { createSlaPolicy, deleteSlaPolicy, getSlaPolicy, listSlaPolicies, reorderSlaPolicies, updateSlaPolicy } from './policies.ts';

const IdParams = z.strictObject({ id: Uuid });

/** SLA policies: every agent reads them (tickets show their SLA to all), admins change them. */
export function slaPolicyRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/sla-policies', { schema: { tags: ['sla'], summary: 'List SLA policies in evaluation order (first match wins)' } }, async (req): Promise<{ data: SlaPolicy[] }> => {
    agentCtx(services, req);
    return { data: await listSlaPolicies(db) };
  });

  app.put('/api/v1/sla-policies/order', { schema: { tags: ['sla'], summary: 'Set the order of the SLA policies; every id exactly once (admin)', body: ReorderSlaPoliciesBody } }, async (req): Promise<{ data: SlaPolicy[] }> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const data = await reorderSlaPolicies(ctx, req.body.ids);
    await requestSlaRecompute(services);
    return { data };
  });

  app.get('/api/v1/sla-policies/:id', { schema: { tags: ['sla'], summary: 'Get an SLA policy', params: IdParams } }, async (req): Promise<SlaPolicy> => {
    agentCtx(services, req);
    return getSlaPolicy(db, req.params.id);
  });

  app.post('/api/v1/sla-policies', { schema: { tags: ['sla'], summary: 'Create an SLA policy, placed last (admin)', body: CreateSlaPolicyBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, async () => {
      const policy = await createSlaPolicy(ctx, req.body);
      await requestSlaRecompute(services);
      return policy;
    });
  });

  app.patch('/api/v1/sla-policies/:id', { schema: { tags: ['sla'], summary: 'Change an SLA policy (admin)', params: IdParams, body: UpdateSlaPolicyBody } }, async (req): Promise<SlaPolicy> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const policy = await updateSlaPolicy(ctx, req.params.id, req.body);
    await requestSlaRecompute(services);
    return policy;
  });

  app.delete('/api/v1/sla-policies/:id', { schema: { tags: ['sla'], summary: 'Delete an SLA policy (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    await deleteSlaPolicy(ctx, req.params.id);
    await requestSlaRecompute(services);
    return reply.code(204).send();
  });
}
