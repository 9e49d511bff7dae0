import type { KpiDefinitions, KpiReport, ReportDrilldown, ReportHeatmap, ReportSeries } from '@servus/shared';
import { toCsv, type CsvValue } from './csv.ts';

/** Flattens nested figures to `dotted.key,value` rows; list items are keyed by their label. */
function flatten(prefix: string, value: unknown, out: [string, CsvValue][]): void {
  if (value === null || typeof value !== 'object') {
    out.push([prefix, value as CsvValue]);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const o = item as Record<string, unknown>;
      const label = (o.channel ?? o.metric ?? o.policyId ?? String(i)) as string;
      const { channel: _c, metric: _m, policyId: _p, ...rest } = o;
      flatten(`${prefix}[${label}]`, rest, out);
    });
    return;
  }
  for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
}

/** The KPI summary as two columns, `figure,value` (e.g. `frt.calendar.median,42.5`). */
export function kpisCsv(r: KpiReport): string {
  const rows: [string, CsvValue][] = [];
  flatten('', r, rows);
  return toCsv(['figure', 'value'], rows);
}

/** One line per bucket. */
export function seriesCsv(r: ReportSeries): string {
  return toCsv(['bucket', 'start', `${r.metric} (${r.unit})`, 'n'], r.points.map((p) => [p.bucket, p.start, p.value, p.n]));
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One line per weekday, one column per hour. */
export function heatmapCsv(r: ReportHeatmap): string {
  const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
  return toCsv(['weekday', ...hours], r.cells.map((row, i) => [WEEKDAYS[i]!, ...row]));
}

/** One line per ticket of the page. */
export function drilldownCsv(r: ReportDrilldown): string {
  return toCsv(
    ['number', 'subject', 'status', 'priority', 'channel', 'team_id', 'assignee_id', 'created_at', 'value', 'business_value'],
    r.data.map((t) => [t.number, t.subject, t.status, t.priority, t.channel, t.teamId, t.assigneeId, t.createdAt, t.value, t.businessValue]),
  );
}

/** One line per KPI with both languages. */
export function definitionsCsv(r: KpiDefinitions): string {
  return toCsv(['key', 'name_en', 'name_de', 'definition_en', 'definition_de'], r.data.map((d) => [d.key, d.name.en, d.name.de, d.definition.en, d.definition.de]));
}
