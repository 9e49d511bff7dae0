import { z } from 'zod';
import {
  AutomationRuleListQuery,
  AutomationRunsQuery,
  CreateAutomationRuleBody,
  PreviewAutomationBody,
  ReorderAutomationRulesBody,
  UpdateAutomationRuleBody,
  Uuid,
  type AutomationPreview,
  type AutomationRule,
  type AutomationRun,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { requireAdmin } from '../auth/policies.ts';
import { previewRule } from './preview.ts';
import { createRule, deleteRule, getRule, listRules, listRuns, reorderRules, updateRule } from './rules.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['automation'];

/** Triggers and time-based automations: admins only, reading included (rules show how the desk works inside). */
export function automationRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const admin = (req: Parameters<typeof agentCtx>[1]) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return ctx;
  };

  app.get('/api/v1/automation-rules', { schema: { tags, summary: 'List triggers and time-based automations in the order they run (admin)', querystring: AutomationRuleListQuery } }, async (req): Promise<{ data: AutomationRule[] }> => {
    admin(req);
    return { data: await listRules(db, req.query.kind) };
  });

  app.put('/api/v1/automation-rules/order', { schema: { tags, summary: 'Set the order of the triggers or of the time rules; every id of the kind exactly once (admin)', body: ReorderAutomationRulesBody } }, async (req): Promise<{ data: AutomationRule[] }> => {
    const ctx = admin(req);
    return { data: await reorderRules(ctx, req.body.kind, req.body.ids) };
  });

  app.post('/api/v1/automation-rules/preview', { schema: { tags, summary: 'Dry-run a rule (saved or not) against a ticket: conditions with actual values, actions with their effect; writes nothing (admin)', body: PreviewAutomationBody } }, async (req): Promise<AutomationPreview> => {
    const ctx = admin(req);
    return previewRule(ctx, req.body);
  });

  app.get('/api/v1/automation-rules/:id', { schema: { tags, summary: 'Get a rule (admin)', params: IdParams } }, async (req): Promise<AutomationRule> => {
    admin(req);
    return getRule(db, req.params.id);
  });

  app.get('/api/v1/automation-rules/:id/runs', { schema: { tags, summary: 'The latest runs of a rule, newest first (admin)', params: IdParams, querystring: AutomationRunsQuery } }, async (req): Promise<{ data: AutomationRun[] }> => {
    admin(req);
    return { data: await listRuns(db, req.params.id, req.query.limit) };
  });

  app.post('/api/v1/automation-rules', { schema: { tags, summary: 'Create a trigger or time-based automation, placed last of its kind (admin)', body: CreateAutomationRuleBody } }, async (req, reply) => {
    const ctx = admin(req);
    return idempotent(db, req, reply, 201, () => createRule(ctx, req.body));
  });

  app.patch('/api/v1/automation-rules/:id', { schema: { tags, summary: 'Change a rule; editing it clears its warning (admin)', params: IdParams, body: UpdateAutomationRuleBody } }, async (req): Promise<AutomationRule> => {
    const ctx = admin(req);
    return updateRule(ctx, req.params.id, req.body);
  });

  app.delete('/api/v1/automation-rules/:id', { schema: { tags, summary: 'Delete a rule and its run log (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = admin(req);
    await deleteRule(ctx, req.params.id);
    return reply.code(204).send();
  });
}
