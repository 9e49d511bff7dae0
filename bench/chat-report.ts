/** The "## Chat" section of BENCHMARKS.md, rendered from one `npm run bench:chat` run. */
import type { LoadErrors } from './chat-load.ts';

export interface ChatStep {
  /** The first measurement when it missed and the step was measured again. */
  firstTry: { p50: number; p99: number; delivered: number; sent: number; machineBusy: number } | null;
  /** The slowest deliveries of the (last) try: ms into the stretch when sent, and ms taken. */
  slowest?: { at: number; ms: number }[];
  target: number;
  /** Visitor sockets still open when the step was measured. */
  connections: number;
  connectSeconds: number;
  rssMiB: number;
  sent: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Cores used on average during the message stretch. */
  serverCpuShare: number;
  postgresCpuShare: number;
  machineBusy: number;
  errors: LoadErrors;
  ok: boolean;
}

export interface ChatRun {
  at: string;
  backend: 'postgres' | 'pglite';
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string; postgres: string | null; loadAvg: number[] };
  code: { head: string | null; changedFiles: string[] };
  settings: { roles: string; senders: number; rate: number; seconds: number; p99LimitMs: number; target: number; fdLimit: number };
  baseline: { connections: number; rssMiB: number };
  steps: ChatStep[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

/**
 * KiB of server memory per visitor connection: the slope of a least-squares line through server
 * RSS against open connections (the baseline and every step), which evens out where the
 * garbage collector happened to be at each step.
 */
export function perConnectionKiB(run: ChatRun): number | null {
  const points = [{ x: run.baseline.connections, y: run.baseline.rssMiB }, ...run.steps.map((s) => ({ x: s.connections, y: s.rssMiB }))];
  if (points.length < 3) return null;
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return (points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / sxx) * 1024;
}

export function renderChatSection(run: ChatRun): string {
  const s = run.settings;
  const passing = run.steps.filter((x) => x.ok);
  const best = passing.at(-1);
  const failed = run.steps.find((x) => !x.ok);
  const kib = perConnectionKiB(run);
  const atTarget = run.steps.find((x) => x.target === s.target);
  const backend = run.backend === 'postgres' ? `PostgreSQL ${run.machine.postgres ?? ''} (a throwaway database)`.replace('  ', ' ') : 'PGlite (a temp data dir)';
  const lines: string[] = [];
  lines.push('## Chat', '');
  lines.push(
    `Measured by \`npm run bench:chat\` ([bench/chat.ts](bench/chat.ts)) on ${run.at.slice(0, 16).replace('T', ' ')} UTC: one server process (\`node --import tsx packages/server/src/main.ts\`, \`SERVUS_ROLES=${s.roles}\`, \`NODE_ENV=production\`) on ${backend}, the load generator in another process on the same machine, both on 127.0.0.1. ` +
      `${s.senders} visitors each open a chat with one online agent (its \`/ws\` socket receives every message); then more visitor connections are added in steps (session \`POST /api/v1/chat/channels/:id/sessions\`, the widget socket \`/api/v1/chat/ws\`, \`hello\`). ` +
      `At each step ${s.rate} messages per second are sent for ${s.seconds} s, round robin over the ${s.senders} chats, each timed from the visitor's send to the agent socket's receipt (stored, sequenced, fanned out). A step passes when every connection is still open, every message arrived and p99 < ${s.p99LimitMs} ms.`,
    '',
  );
  lines.push(`Machine: ${run.machine.cpus} cores (${run.machine.cpuModel.trim()}), ${run.machine.memGiB.toFixed(0)} GiB, Node ${run.machine.node}; open-file limit ${int(s.fdLimit)}; load average at start ${run.machine.loadAvg.map((l) => l.toFixed(2)).join(' / ')}.`, '');
  lines.push('| connections | target | p50 ms | p95 ms | p99 ms | max ms | delivered | server RSS | server CPU | PostgreSQL CPU | machine busy | result |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const x of run.steps) {
    lines.push(
      `| ${int(x.connections)} | ${int(x.target)} | ${ms(x.p50)} | ${ms(x.p95)} | **${ms(x.p99)}** | ${ms(x.max)} | ${int(x.delivered)}/${int(x.sent)} | ${x.rssMiB.toFixed(0)} MiB | ${(x.serverCpuShare * 100).toFixed(0)} % | ${run.backend === 'postgres' ? `${(x.postgresCpuShare * 100).toFixed(0)} %` : '–'} | ${(x.machineBusy * 100).toFixed(0)} % | ${x.ok ? '✅' : '❌'} |`,
    );
  }
  lines.push('');
  const retried = run.steps.filter((x) => x.firstTry);
  if (retried.length) {
    lines.push(
      `Measured twice (the first try missed; the table shows the second): ${retried.map((x) => `${int(x.connections)} connections, first try p99 ${ms(x.firstTry!.p99)} ms with ${int(x.firstTry!.delivered)}/${int(x.firstTry!.sent)} delivered, machine ${(x.firstTry!.machineBusy * 100).toFixed(0)} % busy`).join('; ')}.`,
      '',
    );
  }
  const held = best ? best.connections : 0;
  const verdict = held >= s.target ? `✅ target ${int(s.target)} met` : `❌ target ${int(s.target)} missed by ${int(s.target - held)} connections (${((held / s.target) * 100).toFixed(0)} % of it)`;
  lines.push(
    `**Result: ${int(held)} concurrent connections held with p99 delivery ${best ? `${ms(best.p99)} ms` : '–'} (${verdict}${best && best.target === Math.max(...run.steps.map((x) => x.target)) ? '; the largest step tried, not a ceiling' : ''}).** ` +
      `Memory: server RSS ${run.baseline.rssMiB.toFixed(0)} MiB with ${int(run.baseline.connections)} connections${atTarget ? `, ${atTarget.rssMiB.toFixed(0)} MiB with ${int(atTarget.connections)}` : ''}; ${kib === null ? '–' : `**${kib.toFixed(1)} KiB per connection**`} (slope of a least-squares line through RSS against connections over all steps; single steps scatter by tens of MiB with garbage collection).`,
  );
  if (failed) {
    const e = failed.errors;
    lines.push(
      '',
      `First failing step: ${int(failed.connections)} of ${int(failed.target)} connections open, ${int(failed.delivered)}/${int(failed.sent)} delivered, p99 ${ms(failed.p99)} ms. Load generator errors so far: ${e.sessions} sessions, ${e.connects} connects, ${e.closes} closed sockets, ${e.messageErrors} error replies${e.first ? ` (first: ${e.first})` : ''}.`,
    );
  }
  lines.push('', `Code: ${run.code.head ?? 'unknown'}${run.code.changedFiles.length ? ` with ${run.code.changedFiles.length} uncommitted files under packages/` : ''}.`);
  return lines.join('\n');
}
