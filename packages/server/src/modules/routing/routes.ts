import { z } from 'zod';
import {
  EscalateTicketBody,
  EscalationReportQuery,
  UpdateAgentRoutingBody,
  UpdateMyRoutingBody,
  UpdateTeamRoutingBody,
  Uuid,
  type AgentRouting,
  type EscalationReport,
  type TeamRouting,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { requireAdmin, requireWriter } from '../auth/policies.ts';
import { findVisibleTicket } from '../tickets/repository.ts';
import { presentTicket } from '../tickets/presenters.ts';
import { getAgentRouting, listAgentRouting, setAgentStatus, updateAgentRouting } from './agent-profiles.ts';
import { getTeamRouting, listTeamRouting, updateTeamRouting } from './team-settings.ts';
import { escalateTicket } from './escalate.ts';
import { escalationReport, reportPeriod } from './escalation-report.ts';

const IdParams = z.strictObject({ id: Uuid });

/**
 * Routing: every agent sets their own status and reads everyone's status and load; admins set
 * capacity, skills and team routing. Escalation follows ticket visibility.
 */
export function routingRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/me/routing', { schema: { tags: ['routing'], summary: 'Your routing status, capacity, skills and load' } }, async (req): Promise<AgentRouting> => {
    const ctx = agentCtx(services, req);
    return getAgentRouting(db, ctx.actor.id);
  });

  app.patch('/api/v1/me/routing', { schema: { tags: ['routing'], summary: 'Set your status: online receives work, away keeps it, offline may hand new work back', body: UpdateMyRoutingBody } }, async (req): Promise<AgentRouting> => {
    const ctx = agentCtx(services, req);
    return setAgentStatus(ctx, ctx.actor.id, req.body.status);
  });

  app.get('/api/v1/routing/agents', { schema: { tags: ['routing'], summary: "Every active agent's status, capacity, skills and current load" } }, async (req): Promise<{ data: AgentRouting[] }> => {
    agentCtx(services, req);
    return { data: await listAgentRouting(db) };
  });

  app.get('/api/v1/agents/:id/routing', { schema: { tags: ['routing'], summary: "An agent's status, capacity, skills and current load", params: IdParams } }, async (req): Promise<AgentRouting> => {
    agentCtx(services, req);
    return getAgentRouting(db, req.params.id);
  });

  app.patch('/api/v1/agents/:id/routing', { schema: { tags: ['routing'], summary: "Change an agent's status, capacity per channel or skills (admin)", params: IdParams, body: UpdateAgentRoutingBody } }, async (req): Promise<AgentRouting> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return updateAgentRouting(ctx, req.params.id, req.body);
  });

  app.get('/api/v1/routing/teams', { schema: { tags: ['routing'], summary: "Every team's routing mode, skill fields, escalation tier and queue length" } }, async (req): Promise<{ data: TeamRouting[] }> => {
    agentCtx(services, req);
    return { data: await listTeamRouting(db) };
  });

  app.get('/api/v1/teams/:id/routing', { schema: { tags: ['routing'], summary: "A team's routing mode, skill fields, escalation tier and queue length", params: IdParams } }, async (req): Promise<TeamRouting> => {
    agentCtx(services, req);
    return getTeamRouting(db, req.params.id);
  });

  app.patch('/api/v1/teams/:id/routing', { schema: { tags: ['routing'], summary: "Change a team's routing (admin)", params: IdParams, body: UpdateTeamRoutingBody } }, async (req): Promise<TeamRouting> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return updateTeamRouting(ctx, req.params.id, req.body);
  });

  app.post(
    '/api/v1/tickets/:id/escalate',
    { schema: { tags: ['tickets'], summary: 'Escalate a ticket to another team: by default the team of the next higher escalation tier', params: IdParams, body: EscalateTicketBody } },
    async (req) => {
      const ctx = agentCtx(services, req);
      await findVisibleTicket(db, ctx.actor, req.params.id);
      requireWriter(ctx.actor);
      const { ticket, escalation } = await escalateTicket(ctx, req.params.id, req.body);
      return { ticket: presentTicket(ticket), escalation };
    },
  );

  app.get(
    '/api/v1/reports/escalations',
    { schema: { tags: ['reports'], summary: 'Escalation rate in a period (METRICS §2.7): escalated and handled tickets, by kind and tier', querystring: EscalationReportQuery } },
    async (req): Promise<EscalationReport> => {
      const ctx = agentCtx(services, req);
      const { from, to } = reportPeriod(ctx.clock.now(), req.query);
      return escalationReport(db, from, to);
    },
  );
}
