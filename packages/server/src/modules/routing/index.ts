/**
 * Routing: agent status, capacity and skills; team routing (manual, round robin,
 * load-balanced); queue draining; escalation tiers and the escalation rate.
 */
export { requestRouting, scheduleDrain, routingJobs } from './request.ts';
export { subscribeRouting, triggersRouting } from './listeners.ts';
export { routingRoutes } from './routes.ts';
export { drainAll, drainTeam, routeNext } from './drain.ts';
export { applyAgentStatus, setAgentStatus, updateAgentRouting, getAgentRouting } from './agent-profiles.ts';
export { updateTeamRouting, getTeamRouting } from './team-settings.ts';
export { escalateTicket } from './escalate.ts';
export { escalationReport, escalationRate } from './escalation-report.ts';
export { ROUTING_ACTOR } from './actor.ts';
