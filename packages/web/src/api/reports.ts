import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { DrilldownMetric, KpiDefinitions, KpiReport, ReportDrilldown, ReportHeatmap, ReportInterval, ReportSeries, SeriesMetric, SurveyReport } from '@servus/shared';
import type { z } from 'zod';
import { api, withQuery, type Query } from './client';

export type SeriesMetricName = z.infer<typeof SeriesMetric>;
export type DrilldownMetricName = z.infer<typeof DrilldownMetric>;
export type ReportIntervalName = z.infer<typeof ReportInterval>;
export type HoursBasis = 'calendar' | 'business';

/** Query keys of the report pages; everything under `all` belongs to them. */
export const reportKeys = {
  all: ['reports'] as const,
  kpis: (q: Query) => ['reports', 'kpis', q] as const,
  series: (q: Query) => ['reports', 'series', q] as const,
  heatmap: (q: Query) => ['reports', 'heatmap', q] as const,
  drilldown: (q: Query) => ['reports', 'drilldown', q] as const,
  definitions: ['reports', 'definitions'] as const,
  surveys: (q: Query) => ['reports', 'surveys', q] as const,
};

const DRILLDOWN_PAGE = 25;

/** The headline KPIs for a period and filters; the previous figures stay while new ones load. */
export function useKpis(query: Query) {
  return useQuery({
    queryKey: reportKeys.kpis(query),
    queryFn: ({ signal }) => api<KpiReport>('/api/v1/reports/kpis', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One metric over time, bucketed by `interval`. */
export function useSeries(query: Query, metric: SeriesMetricName, interval: ReportIntervalName, hours: HoursBasis = 'calendar') {
  const q = { ...query, metric, interval, hours };
  return useQuery({
    queryKey: reportKeys.series(q),
    queryFn: ({ signal }) => api<ReportSeries>('/api/v1/reports/series', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Tickets created per hour of the week. */
export function useHeatmap(query: Query) {
  return useQuery({
    queryKey: reportKeys.heatmap(query),
    queryFn: ({ signal }) => api<ReportHeatmap>('/api/v1/reports/heatmap', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** What a drill-down asks for: a figure's population, optionally narrowed to one bucket. */
export interface DrilldownTarget {
  metric: DrilldownMetricName;
  bucket?: string;
  interval?: ReportIntervalName;
  /** Filters that narrow this drill-down beyond the page's (e.g. one channel's bar). */
  extra?: Query;
}

/** The query string a drill-down sends (also used for its CSV link). */
export function drilldownQuery(query: Query, target: DrilldownTarget): Query {
  return { ...query, ...target.extra, metric: target.metric, bucket: target.bucket, interval: target.bucket && !target.bucket.startsWith('how:') ? target.interval : undefined };
}

/** The tickets behind a figure, page by page; nothing is loaded until a target is chosen. */
export function useDrilldown(query: Query, target: DrilldownTarget | null) {
  const q = target ? drilldownQuery(query, target) : {};
  return useInfiniteQuery({
    queryKey: reportKeys.drilldown(q),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ReportDrilldown>('/api/v1/reports/drilldown', { query: { ...q, limit: DRILLDOWN_PAGE, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!target,
  });
}

/** Each KPI's exact definition in English and German; they change only with a release. */
export function useKpiDefinitions() {
  return useQuery({
    queryKey: reportKeys.definitions,
    queryFn: ({ signal }) => api<KpiDefinitions>('/api/v1/reports/definitions', { signal }).then((r) => r.data),
    staleTime: Infinity,
  });
}

/** CSAT, NPS and CES for a period, with response counts and rates. */
export function useSurveyReport(query: Query) {
  return useQuery({
    queryKey: reportKeys.surveys(query),
    queryFn: ({ signal }) => api<SurveyReport>('/api/v1/reports/surveys', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A same-origin link that downloads a report as CSV with the session cookie. */
export function csvHref(path: string, query: Query): string {
  return withQuery(path, { ...query, format: 'csv' });
}
