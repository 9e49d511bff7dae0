/** Support KPI reports: per-ticket facts kept current from ticket events, the reports API, CSV. */
export { kpiSummary, type ReportCtx } from './kpis.ts';
export { reportSeries } from './series.ts';
export { reportHeatmap } from './heatmap.ts';
export { reportDrilldown } from './drilldown.ts';
export { KPI_DEFINITIONS } from './definitions.ts';
export { csvCell, csvLine, toCsv, type CsvValue } from './csv.ts';
export { computeTicketFacts, refreshTicketFacts } from './facts.ts';
export { recomputeReports, reportJobs, subscribeReportFacts, RefreshTicketFacts } from './jobs.ts';
export { snapshotDays } from './daily.ts';
export { reportRoutes, wantsCsv } from './routes.ts';
export { DEFAULT_REPORT_TZ } from './period.ts';
