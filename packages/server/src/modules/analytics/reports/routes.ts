import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ExportEventsQuery,
  ExportTicketsQuery,
  ReportDrilldownQuery,
  ReportFilters,
  ReportHeatmapQuery,
  ReportSeriesQuery,
  type KpiDefinitions,
} from '@servus/shared';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { agentCtx } from '../../../platform/route-context.ts';
import { requireAdmin } from '../../auth/policies.ts';
import { KPI_DEFINITIONS } from './definitions.ts';
import { reportDrilldown } from './drilldown.ts';
import { exportEventsCsv, exportTicketsCsv } from './exports.ts';
import { reportHeatmap } from './heatmap.ts';
import { kpiSummary, type ReportCtx } from './kpis.ts';
import { definitionsCsv, drilldownCsv, heatmapCsv, kpisCsv, seriesCsv } from './report-csv.ts';
import { reportSeries } from './series.ts';

const tags = ['reports'];

/** Whether the caller asked for CSV: `?format=csv`, or `Accept: text/csv` without `format=json`. */
export function wantsCsv(req: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(String(req.headers.accept ?? ''));
}

/** Answers a CSV document (or a stream of CSV lines) as a download named `<name>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, body: string | AsyncIterable<string>) {
  reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).header('x-content-type-options', 'nosniff');
  return reply.send(typeof body === 'string' ? body : Readable.from(body));
}

/**
 * The reports API: KPIs, series, heatmap, drill-down and definitions for every agent role
 * (read-only users included), counting only the tickets the caller may see; raw CSV exports
 * for admins. Every report answers in CSV too.
 */
export function reportRoutes(app: App, services: Services): void {
  const reportCtx = (req: FastifyRequest): ReportCtx => {
    const ctx = agentCtx(services, req);
    return { db: ctx.db, clock: ctx.clock, actor: ctx.actor };
  };

  app.get(
    '/api/v1/reports/kpis',
    { schema: { tags, summary: 'Headline KPIs for a period and filters (METRICS §2): FRT, resolution, FCR, one/no-touch, reopens, escalation, chat abandonment, SLA, volume, backlog', querystring: ReportFilters } },
    async (req, reply) => {
      const r = await kpiSummary(reportCtx(req), req.query);
      return wantsCsv(req, req.query.format) ? sendCsv(reply, 'kpis', kpisCsv(r)) : r;
    },
  );

  app.get(
    '/api/v1/reports/series',
    { schema: { tags, summary: 'A KPI over time in day, week or month buckets of the requested time zone', querystring: ReportSeriesQuery } },
    async (req, reply) => {
      const r = await reportSeries(reportCtx(req), req.query);
      return wantsCsv(req, req.query.format) ? sendCsv(reply, `series-${r.metric}`, seriesCsv(r)) : r;
    },
  );

  app.get(
    '/api/v1/reports/heatmap',
    { schema: { tags, summary: 'Tickets created per hour of the week (7 × 24, Monday first) in the requested time zone', querystring: ReportHeatmapQuery } },
    async (req, reply) => {
      const r = await reportHeatmap(reportCtx(req), req.query);
      return wantsCsv(req, req.query.format) ? sendCsv(reply, 'heatmap', heatmapCsv(r)) : r;
    },
  );

  app.get(
    '/api/v1/reports/drilldown',
    { schema: { tags, summary: 'The tickets behind a figure, paginated, each with its value for the metric', querystring: ReportDrilldownQuery } },
    async (req, reply) => {
      const r = await reportDrilldown(reportCtx(req), req.query);
      return wantsCsv(req, req.query.format) ? sendCsv(reply, `drilldown-${r.metric}`, drilldownCsv(r)) : r;
    },
  );

  app.get(
    '/api/v1/reports/definitions',
    { schema: { tags, summary: 'The exact definition of every KPI, in English and German', querystring: ReportFilters.pick({ format: true }) } },
    async (req, reply) => {
      agentCtx(services, req);
      const r: KpiDefinitions = { data: [...KPI_DEFINITIONS] };
      return wantsCsv(req, req.query.format) ? sendCsv(reply, 'kpi-definitions', definitionsCsv(r)) : r;
    },
  );

  app.get(
    '/api/v1/exports/tickets.csv',
    { schema: { tags, summary: 'Every ticket created in the period with its report figures, as streamed CSV (admin)', querystring: ExportTicketsQuery } },
    async (req, reply) => {
      const ctx = reportCtx(req);
      requireAdmin(ctx.actor);
      return sendCsv(reply, 'tickets', exportTicketsCsv(ctx, req.query));
    },
  );

  app.get(
    '/api/v1/exports/events.csv',
    { schema: { tags, summary: 'The ticket event log of the period, as streamed CSV (admin)', querystring: ExportEventsQuery } },
    async (req, reply) => {
      const ctx = reportCtx(req);
      requireAdmin(ctx.actor);
      return sendCsv(reply, 'ticket-events', exportEventsCsv(ctx, req.query));
    },
  );
}
