/** The `## Reports` section of BENCHMARKS.md, rendered from one `npm run bench:reports` run. */

/** Latency of one series of requests, in milliseconds. */
export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** One dashboard view: the five requests alone and together. */
export interface ViewResult {
  name: string;
  targetMs: number;
  requests: Record<string, string>;
  dashboard: LatencyStats;
  endpoints: Record<string, LatencyStats>;
  ticketsInView: number;
}

export interface ReportsRun {
  date: string;
  tickets: number;
  runs: number;
  machine: { cores: number; cpuModel: string; memGiB: number; node: string; postgres: string; loadavg: number[] };
  seed: { seconds: number; events: number; facts: { facts: number; indexes: number; daily: number } };
  code: { head: string | null; changedFiles: string[] };
  views: ViewResult[];
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 1 : 0) : '–');
const int = (v: number) => v.toLocaleString('en-US');
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** Each view's p95 against its target, by how much it is met or missed, and its slowest request alone. */
function resultLine(run: ReportsRun): string {
  const missed = run.views.filter((v) => !(v.dashboard.p95 < v.targetMs));
  const views = run.views.map((v) => {
    const gap = v.dashboard.p95 - v.targetMs;
    const [slowest, e] = Object.entries(v.endpoints).sort((a, b) => b[1].p50 - a[1].p50)[0] ?? ['–', { p50: NaN }];
    const verdict = gap < 0 ? `met with ${int(Math.round(-gap))} ms to spare` : `missed by ${int(Math.round(gap))} ms`;
    return `${v.name}: p95 ${int(Math.round(v.dashboard.p95))} ms against ${int(v.targetMs)} ms, ${verdict} (slowest request alone: ${slowest}, p50 ${int(Math.round(e.p50))} ms)`;
  });
  const head = missed.length === 0 ? 'all targets met' : missed.length === run.views.length ? 'all targets missed' : `${missed.length} of ${run.views.length} targets missed`;
  return `**Result: ${head}** — ${views.join('; ')}.`;
}

export function renderReportsSection(run: ReportsRun): string {
  const when = `${run.date.slice(0, 10)} ${run.date.slice(11, 16)} UTC`;
  const lines = [
    '## Reports',
    '',
    `Measured by \`npm run bench:reports\` ([bench/reports.ts](bench/reports.ts)) on ${when}: ${int(run.tickets)} tickets seeded as for \`npm run bench\` into a throwaway database on ${run.machine.postgres}, their report facts written set-based ([bench/reports-seed.ts](bench/reports-seed.ts)) and the daily rows built for every day of the seeded year; then one server process (\`NODE_ENV=production\`, all roles) answered the dashboard over HTTP on 127.0.0.1 as the bootstrap admin. A view is five requests: \`/api/v1/reports/kpis\`, three \`/api/v1/reports/series\` (volume, first reply time, backlog) and \`/api/v1/reports/heatmap\`; "dashboard" is the wall time of the five sent together, as the web page sends them. ${run.runs} rounds per view after one warm-up round.`,
    '',
    `Machine: ${run.machine.cores} cores (${run.machine.cpuModel}), ${run.machine.memGiB} GiB, Node ${run.machine.node}; load average before measuring ${loads(run.machine.loadavg)}. Seeding took ${run.seed.seconds.toFixed(0)} s (${int(run.seed.events)} events), the facts ${run.seed.facts.facts.toFixed(0)} s, their indexes ${run.seed.facts.indexes.toFixed(0)} s, daily rows and analyze ${run.seed.facts.daily.toFixed(0)} s.`,
    '',
    '| view | tickets in view | target | dashboard p50 ms | dashboard p95 ms | result |',
    '|---|---|---|---|---|---|',
    ...run.views.map((v) => `| ${v.name} | ${int(v.ticketsInView)} | < ${int(v.targetMs)} ms | ${ms(v.dashboard.p50)} | **${ms(v.dashboard.p95)}** | ${v.dashboard.p95 < v.targetMs ? '✅' : '❌'} |`),
    '',
    'Each request alone (p50 / p95 ms):',
    '',
    `| view | ${Object.keys(run.views[0]?.endpoints ?? {}).join(' | ')} |`,
    `|---|${Object.keys(run.views[0]?.endpoints ?? {}).map(() => '---').join('|')}|`,
    ...run.views.map((v) => `| ${v.name} | ${Object.values(v.endpoints).map((e) => `${ms(e.p50)} / ${ms(e.p95)}`).join(' | ')} |`),
    '',
    `Code: ${run.code.head ?? 'unknown'}${run.code.changedFiles.length ? ` plus uncommitted changes (${run.code.changedFiles.length} files under packages/)` : ''}.`,
    '',
    resultLine(run),
  ];
  return lines.join('\n');
}
