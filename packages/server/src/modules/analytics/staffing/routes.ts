import { eq } from 'drizzle-orm';
import { ErlangBody, StaffingPlanQuery, StaffingSettingsBody, type ErlangResult, type StaffingPlan, type StaffingSettings } from '@servus/shared';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { agentCtx } from '../../../platform/route-context.ts';
import { notFound } from '../../../platform/errors.ts';
import { teams } from '../../auth/schema.ts';
import { erlangCalculation } from './calculator.ts';
import { staffingPlan } from './plan.ts';
import { getStaffingSettings, saveStaffingSettings } from './settings.ts';
import { requireAdmin } from '../../auth/policies.ts';

const tags = ['staffing'];
/** The zone hour-of-week buckets use when the caller names none. */
export const DEFAULT_PLAN_TIME_ZONE = 'Europe/Berlin';

/**
 * The staffing planner: the Erlang C calculator and the week plan from history. Every signed-in
 * user may plan; a non-admin planning for a team must belong to it (404 otherwise).
 */
export function staffingRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.post(
    '/api/v1/staffing/erlang',
    { schema: { tags, summary: 'Erlang C: agents needed for a service level, with the table by N (METRICS §5); N ≤ A is refused', body: ErlangBody } },
    async (req): Promise<ErlangResult> => {
      agentCtx(services, req);
      return erlangCalculation(req.body);
    },
  );

  app.get(
    '/api/v1/staffing/plan',
    { schema: { tags, summary: 'Week plan: contacts per hour of week from history, agents needed (Erlang C) and scheduled, and the gap', querystring: StaffingPlanQuery } },
    async (req): Promise<StaffingPlan> => {
      const ctx = agentCtx(services, req);
      const q = req.query;
      if (q.teamId) {
        const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, q.teamId));
        if (!team || (ctx.actor.role !== 'admin' && !ctx.actor.teamIds.includes(q.teamId))) throw notFound('team');
      }
      return staffingPlan(db, ctx.clock.now(), { ...q, timeZone: q.timeZone ?? DEFAULT_PLAN_TIME_ZONE });
    },
  );

  app.get('/api/v1/staffing/settings', { schema: { tags, summary: 'Handle time and answer target per channel, the week plan’s defaults' } }, async (req): Promise<StaffingSettings> => {
    agentCtx(services, req);
    return getStaffingSettings(db);
  });

  app.put(
    '/api/v1/staffing/settings',
    { schema: { tags, summary: 'Set handle time and answer target per channel (admin); channels left out use the built-in defaults', body: StaffingSettingsBody } },
    async (req): Promise<StaffingSettings> => {
      const ctx = agentCtx(services, req);
      requireAdmin(ctx.actor);
      return saveStaffingSettings(ctx, req.body);
    },
  );
}
