/** Staffing: Erlang C math, the calculator and the week plan from history. */
export { staffingRoutes } from './routes.ts';
export { agentSchedules, scheduledMinutes, type AgentSchedule } from './agent-calendars.ts';
export { requiredAgents, erlangC, serviceLevel, trafficIntensity } from './erlang-c.ts';
