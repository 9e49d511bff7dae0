import { AgentReportQuery, type AgentReport } from '@servus/shared';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { agentCtx } from '../../../platform/route-context.ts';
import { reportPeriod } from '../../routing/escalation-report.ts';
import { agentReport } from './report.ts';

/** The agents report. Admins see every agent; others see the agents of their own teams. */
export function agentReportRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/reports/agents',
    {
      schema: {
        tags: ['reports'],
        summary: 'Per agent: open tickets, active chats, replies, first-reply median, CSAT, minutes outside scheduled hours and the workload-too-high signal',
        querystring: AgentReportQuery,
      },
    },
    async (req): Promise<AgentReport> => {
      const ctx = agentCtx(services, req);
      const { from, to } = reportPeriod(ctx.clock.now(), req.query);
      return agentReport(services.database.db, ctx.actor, { from, to, teamId: req.query.teamId });
    },
  );
}
