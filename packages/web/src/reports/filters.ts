import { TICKET_CHANNELS, TICKET_PRIORITIES, type AppliedReportFilters } from '@servus/shared';
import type { Query } from '../api/client';
import type { HoursBasis, ReportIntervalName } from '../api/reports';

/**
 * What the dashboard shows, exactly as kept in the page's URL so a view can be shared and
 * reloaded. Dates are local calendar days (`YYYY-MM-DD`), both ends inclusive.
 */
export interface DashboardFilters extends AppliedReportFilters {
  from: string;
  to: string;
  interval: ReportIntervalName;
  hours: HoursBasis;
}

/** Quick date ranges offered beside the date inputs, in days ending today. */
export const RANGE_PRESETS = [7, 30, 90, 365] as const;
/** The period shown when the URL names none: the last 30 days including today. */
export const DEFAULT_RANGE_DAYS = 30;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;
const INTERVALS: readonly ReportIntervalName[] = ['day', 'week', 'month'];

function validDay(s: string | null): s is string {
  return !!s && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

/** The calendar day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** How far a time zone's wall clock is ahead of UTC at an instant, in minutes. */
function offsetMinutes(at: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - at) / 60_000;
}

/** The instant a local day begins in a time zone, as an ISO string (DST-aware). */
export function startOfDay(day: string, timeZone: string | undefined): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let at = wall;
  for (let i = 0; i < 2; i++) at = wall - offsetMinutes(at, timeZone) * 60_000;
  return new Date(at).toISOString();
}

/** A bucket size that keeps a chart readable for the length of the period. */
export function defaultInterval(from: string, to: string): ReportIntervalName {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days <= 45) return 'day';
  if (days <= 200) return 'week';
  return 'month';
}

function list(params: URLSearchParams, key: string, allowed?: readonly string[]): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  const items = [...new Set(raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  return allowed ? items.filter((s) => allowed.includes(s)) : items;
}

function id(params: URLSearchParams, key: string): string | null {
  const v = params.get(key);
  return v && ID.test(v) ? v : null;
}

/**
 * Reads the dashboard's filters from a URL query; anything missing or malformed falls back to
 * the default (the last 30 days, no narrowing), so an edited or old link still opens.
 */
export function parseFilters(params: URLSearchParams, today: string): DashboardFilters {
  let to = validDay(params.get('to')) ? params.get('to')! : today;
  let from = validDay(params.get('from')) ? params.get('from')! : addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) [from, to] = [to, from];
  const interval = params.get('interval') as ReportIntervalName | null;
  return {
    from,
    to,
    teamId: id(params, 'teamId'),
    agentId: id(params, 'agentId'),
    channel: list(params, 'channel', TICKET_CHANNELS),
    priority: list(params, 'priority', TICKET_PRIORITIES),
    organizationId: id(params, 'organizationId'),
    tags: list(params, 'tags').slice(0, 20),
    interval: interval && INTERVALS.includes(interval) ? interval : defaultInterval(from, to),
    hours: params.get('hours') === 'business' ? 'business' : 'calendar',
  };
}

/** Writes filters back into a URL query, leaving defaults out so links stay short. */
export function filtersToParams(f: DashboardFilters, today: string): URLSearchParams {
  const p = new URLSearchParams();
  const defaultFrom = addDays(today, -(DEFAULT_RANGE_DAYS - 1));
  if (f.from !== defaultFrom || f.to !== today) {
    p.set('from', f.from);
    p.set('to', f.to);
  }
  if (f.teamId) p.set('teamId', f.teamId);
  if (f.agentId) p.set('agentId', f.agentId);
  if (f.channel.length) p.set('channel', f.channel.join(','));
  if (f.priority.length) p.set('priority', f.priority.join(','));
  if (f.organizationId) p.set('organizationId', f.organizationId);
  if (f.tags.length) p.set('tags', f.tags.join(','));
  if (f.interval !== defaultInterval(f.from, f.to)) p.set('interval', f.interval);
  if (f.hours !== 'calendar') p.set('hours', f.hours);
  return p;
}

/** True when anything beyond the period narrows the figures. */
export function hasNarrowing(f: DashboardFilters): boolean {
  return !!(f.teamId || f.agentId || f.organizationId || f.channel.length || f.priority.length || f.tags.length);
}

/** The filters as the report endpoints take them: the period as instants in `tz`, `to` exclusive. */
export function reportQuery(f: DashboardFilters, tz: string | undefined): Query {
  return {
    from: startOfDay(f.from, tz),
    to: startOfDay(addDays(f.to, 1), tz),
    tz,
    teamId: f.teamId,
    agentId: f.agentId,
    channel: f.channel,
    priority: f.priority,
    organizationId: f.organizationId,
    tags: f.tags,
  };
}

/**
 * The subset the survey report understands (one channel at most, no priority or tags); the
 * dashboard says so when a filter does not apply to survey figures.
 */
export function surveyQuery(f: DashboardFilters, tz: string | undefined): { query: Query; ignored: boolean } {
  const q = reportQuery(f, tz);
  const channel = f.channel.length === 1 ? f.channel[0] : undefined;
  const ignored = f.channel.length > 1 || f.priority.length > 0 || f.tags.length > 0;
  return { query: { from: q.from, to: q.to, teamId: f.teamId, agentId: f.agentId, channel, organizationId: f.organizationId }, ignored };
}
