/** Triggers, time-based automations and their preview: what other parts of the server use. */
export { automationRoutes } from './routes.ts';
export { automationJobs, subscribeAutomation, automationEventJob, type AutomationSubscription } from './jobs.ts';
export { handleAutomationEvent, triggerEventOf } from './triggers.ts';
export { runTimeRules } from './schedules.ts';
export { MAX_CHAIN_DEPTH } from './runner.ts';
