import { ScheduledReportBody, type ScheduledReport } from '@servus/shared';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { agentCtx } from '../../../platform/route-context.ts';
import { requireAdmin } from '../../auth/policies.ts';
import { getWeeklySummary, saveWeeklySummary } from './settings.ts';

const tags = ['reports'];

/** The weekly summary mail's settings. Admins only: it mails figures of every team. */
export function scheduledReportRoutes(app: App, services: Services): void {
  app.get('/api/v1/reports/weekly-summary', { schema: { tags, summary: 'Weekly summary mail: recipients, weekday, hour and time zone (admin)' } }, async (req): Promise<ScheduledReport> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return getWeeklySummary(ctx.db, services.mailer.configured);
  });

  app.put(
    '/api/v1/reports/weekly-summary',
    { schema: { tags, summary: 'Change the weekly summary mail (admin); the first mail goes out at the next slot', body: ScheduledReportBody } },
    async (req): Promise<ScheduledReport> => {
      const ctx = agentCtx(services, req);
      requireAdmin(ctx.actor);
      return saveWeeklySummary(ctx, req.body);
    },
  );
}
