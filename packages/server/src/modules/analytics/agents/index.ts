/** The agents report: workload, activity outside scheduled hours and the workload-too-high signal. */
export { agentReportRoutes } from './routes.ts';
export { agentReport } from './report.ts';
