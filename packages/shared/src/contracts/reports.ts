import { z } from 'zod';
import { IsoDate, PageQuery, TagName, TimeZone, Uuid } from './common.ts';
import { TicketChannel, TicketPriority, TicketStatus } from './tickets.ts';

/**
 * Support KPI reports (METRICS.md §2): the dashboard figures, time series, an hour-of-week
 * heatmap, drill-down to the tickets behind a figure and the definitions shown in info popovers.
 * Durations are minutes with the fraction kept; percentages are 0–100 with one decimal. A figure
 * without data is null, never 0.
 */

const list = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(max));

/** Output format of a report endpoint: JSON (default) or CSV (also chosen by `Accept: text/csv`). */
export const ReportFormat = z.enum(['json', 'csv']);

/** The filters every report endpoint takes. */
export const ReportFilterShape = {
  /** Start of the period (inclusive); default 30 days before `to`. */
  from: IsoDate.optional(),
  /** End of the period (exclusive); default now. */
  to: IsoDate.optional(),
  teamId: Uuid.optional(),
  /** The ticket's assignee. */
  agentId: Uuid.optional(),
  /** One channel or a comma list. */
  channel: list(TicketChannel, 6).optional(),
  /** One priority or a comma list. */
  priority: list(TicketPriority, 4).optional(),
  organizationId: Uuid.optional(),
  /** Comma list; a ticket counts when it carries any of them. */
  tags: list(TagName, 20).optional(),
  /** IANA time zone for day buckets, the heatmap and backlog snapshots; default the installation's. */
  tz: TimeZone.optional(),
  format: ReportFormat.optional(),
};
export const ReportFilters = z.strictObject(ReportFilterShape);
export type ReportFiltersInput = z.infer<typeof ReportFilters>;

export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export const ReportInterval = z.enum(REPORT_INTERVALS);

/**
 * Series metrics. Durations (minutes, median per bucket): `frt` (by reply date),
 * `first_resolution`, `full_resolution` (by solve date). Counts: `volume` (created), `solved`,
 * `backlog` (snapshot at 23:59 local at the end of each bucket). Percentages: `fcr`,
 * `one_touch`, `reopen_rate`, `sla`.
 */
export const SERIES_METRICS = ['frt', 'first_resolution', 'full_resolution', 'volume', 'solved', 'backlog', 'fcr', 'one_touch', 'reopen_rate', 'sla'] as const;
export const SeriesMetric = z.enum(SERIES_METRICS);

export const ReportSeriesQuery = z.strictObject({
  ...ReportFilterShape,
  metric: SeriesMetric,
  interval: ReportInterval.default('day'),
  /** For duration metrics: calendar (default) or business minutes. */
  hours: z.enum(['calendar', 'business']).default('calendar'),
});
export type ReportSeriesQueryInput = z.infer<typeof ReportSeriesQuery>;

export const ReportHeatmapQuery = z.strictObject({ ...ReportFilterShape });

/**
 * What a drill-down lists, each the exact population of a figure:
 * `volume` created in the period; `frt` first replied in the period; `first_resolution`
 * first solved in the period; `full_resolution`, `solved` resolved now and last solved in the
 * period; `fcr`, `one_touch`, `no_touch` the solved tickets counted in that rate's numerator;
 * `reopened` first solved in the period and reopened within 7 days; `escalated` escalated in the
 * period; `sla_achieved`, `sla_breached` tickets with such a target dated in the period;
 * `chat_missed`, `chat_dropped` chats that ended so; `backlog` unsolved at the end of the bucket
 * (or now).
 */
export const DRILLDOWN_METRICS = [
  'volume',
  'frt',
  'first_resolution',
  'full_resolution',
  'solved',
  'fcr',
  'one_touch',
  'no_touch',
  'reopened',
  'escalated',
  'sla_achieved',
  'sla_breached',
  'chat_missed',
  'chat_dropped',
  'backlog',
] as const;
export const DrilldownMetric = z.enum(DRILLDOWN_METRICS);

export const ReportDrilldownQuery = z.strictObject({
  ...ReportFilterShape,
  ...PageQuery,
  metric: DrilldownMetric,
  /**
   * Narrows to one bucket: a series point's `bucket` (with the same `interval`), or an
   * hour-of-week cell of the heatmap as `how:<isoWeekday 1-7>:<hour 0-23>` (e.g. `how:1:9`).
   * Without it, the whole period.
   */
  bucket: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|how:[1-7]:([0-9]|1[0-9]|2[0-3]))$/, 'a series bucket (YYYY-MM-DD) or how:<weekday>:<hour>')
    .optional(),
  interval: ReportInterval.default('day'),
});
export type ReportDrilldownQueryInput = z.infer<typeof ReportDrilldownQuery>;

export const ExportTicketsQuery = z.strictObject({ ...ReportFilterShape });
export const ExportEventsQuery = z.strictObject({ ...ReportFilterShape });

/** Median, mean and 90th percentile of a duration in minutes over `n` tickets; null when n = 0. */
export interface DurationStats {
  median: number | null;
  mean: number | null;
  p90: number | null;
  n: number;
}

/** A duration measured both ways (METRICS §0). */
export interface DurationPair {
  calendar: DurationStats;
  business: DurationStats;
}

/** A rate: percent (one decimal) of `n`, or null when n = 0. */
export interface RateFigure {
  percent: number | null;
  /** How many tickets were counted in the numerator. */
  count: number;
  /** The denominator. */
  n: number;
}

export interface ReportPeriod {
  from: string;
  to: string;
  tz: string;
}

/** The filters as applied (defaults filled in). */
export interface AppliedReportFilters {
  teamId: string | null;
  agentId: string | null;
  channel: string[];
  priority: string[];
  organizationId: string | null;
  tags: string[];
}

export interface SlaFigure {
  achieved: number;
  breached: number;
  /** achieved / (achieved + breached); active targets are left out (METRICS §2.9). */
  percent: number | null;
}

/** `GET /api/v1/reports/kpis`: every headline KPI for the period and filters. */
export interface KpiReport {
  period: ReportPeriod;
  filters: AppliedReportFilters;
  /**
   * First reply time. `calendar`/`business` count tickets by reply date (first reply in the
   * period); `byCreationDate` is the cohort of tickets created in the period. Unanswered tickets
   * are left out, never counted as 0.
   */
  frt: DurationPair & { basis: 'reply_date'; byCreationDate: DurationPair };
  /** Creation to first solve, over tickets first solved in the period. */
  firstResolution: DurationPair;
  /** Creation to last solve, over tickets resolved now and last solved in the period. */
  fullResolution: DurationPair;
  /** Solved with exactly one agent reply and no follow-up within 7 days, over solved tickets with ≥ 1 reply. */
  fcr: RateFigure;
  /** Zendesk one-touch (agent replies < 2), over all solved tickets. */
  oneTouch: RateFigure;
  /** Solved with no agent reply, over all solved tickets. */
  noTouch: RateFigure;
  /** Tickets first solved in the period and reopened within 7 days, over tickets first solved in the period. */
  reopenRate: RateFigure;
  escalation: {
    /** escalated / handled × 100, one decimal (METRICS §2.7). */
    rate: number | null;
    escalated: number;
    handled: number;
    hierarchical: number;
    functional: number;
  };
  chatAbandonment: {
    /** missed / (chats − offline). */
    missedPercent: number | null;
    /** (missed + dropped) / (chats − offline). */
    nonCompletedPercent: number | null;
    chats: number;
    offline: number;
    missed: number;
    dropped: number;
  };
  sla: {
    targets: SlaFigure;
    byTarget: Array<SlaFigure & { metric: string }>;
    byPolicy: Array<SlaFigure & { policyId: string; name: string }>;
  };
  volume: {
    byChannel: Array<{ channel: string; count: number }>;
    total: number;
  };
  /** Tickets unsolved (new, open, pending, on hold) at the end of the period. */
  backlog: number;
}

export interface SeriesPoint {
  /** The bucket's first local day (YYYY-MM-DD); pass it to drill-down as `bucket`. */
  bucket: string;
  /** The bucket's start instant. */
  start: string;
  value: number | null;
  /** Tickets the value is computed over. */
  n: number;
}

/** `GET /api/v1/reports/series`. */
export interface ReportSeries {
  metric: z.infer<typeof SeriesMetric>;
  interval: z.infer<typeof ReportInterval>;
  unit: 'minutes' | 'count' | 'percent';
  period: ReportPeriod;
  points: SeriesPoint[];
}

/** `GET /api/v1/reports/heatmap`: tickets created per hour of week in `tz`. */
export interface ReportHeatmap {
  period: ReportPeriod;
  /** 7 rows (Monday first) × 24 hours. */
  cells: number[][];
  max: number;
  total: number;
}

/** One ticket behind a figure, with its value for that metric (minutes, or null for counts). */
export interface DrilldownTicket {
  id: string;
  number: number;
  subject: string;
  status: z.infer<typeof TicketStatus>;
  priority: z.infer<typeof TicketPriority>;
  channel: z.infer<typeof TicketChannel>;
  teamId: string | null;
  assigneeId: string | null;
  createdAt: string;
  /** The ticket's value for the metric (calendar minutes for durations); null for counts. */
  value: number | null;
  /** Business minutes for durations; null otherwise. */
  businessValue: number | null;
}

export interface ReportDrilldown {
  metric: z.infer<typeof DrilldownMetric>;
  data: DrilldownTicket[];
  nextCursor: string | null;
}

export interface KpiDefinition {
  key: string;
  name: { en: string; de: string };
  definition: { en: string; de: string };
}

/** `GET /api/v1/reports/definitions`. */
export interface KpiDefinitions {
  data: KpiDefinition[];
}
