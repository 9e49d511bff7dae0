/** Scheduled report mails: the weekly KPI summary to team leads. */
export { scheduledReportRoutes } from './routes.ts';
export { scheduledReportJobs, sendDueSummary } from './send.ts';
