/**
 * What `npm run bench:mail` records — the shape of a run as stored in bench/results/ — and how
 * a run is written up as the "Mail ingestion" section of BENCHMARKS.md.
 */
import type { CpuSplit, ProfileSummary, ServerStats } from './mail-cpu.ts';

export type Backend = 'postgres' | 'pglite';
export type PathName = 'smtp' | 'upload';

/** One timed path on one backend. */
export interface PathResult {
  path: PathName;
  mails: number;
  replies: number;
  /** First send to the last 250/202: the mail is stored durably. */
  acceptedSeconds: number;
  /** First send until none is pending any more: parsed, threaded and stored. */
  seconds: number;
  mailsPerSecond: number;
  errors: number;
  firstError?: string;
  cpu: CpuSplit;
  /** When the path ran (received_at of its mails falls in here). */
  window: { from: string; to: string };
  /** After the run, from the database: what the mails became. */
  outcome?: Outcome;
}

export interface Outcome {
  rows: number;
  newTickets: number;
  threadEntries: number;
  byStatus: Record<string, number>;
}

export interface MemoryResult {
  attachmentMiB: number;
  wireMiB: number;
  rssBeforeMiB: number;
  peakSampledMiB: number;
  /** VmHWM after resetting it through /proc/<pid>/clear_refs; null when the reset was refused. */
  hwmMiB: number | null;
  peakMiB: number;
  deltaMiB: number;
  seconds: number;
  status: string;
  samples: number;
}

export interface BackendResult {
  backend: Backend;
  ok: boolean;
  error?: string;
  startSeconds?: number;
  warmup?: { mails: number; seconds: number };
  paths: PathResult[];
  memory?: MemoryResult;
}

export interface ProfileRun {
  backend: Backend;
  path: PathName;
  mails: number;
  seconds: number;
  mailsPerSecond: number;
  cpu: CpuSplit;
  profile: ProfileSummary | null;
  /** What one mail waited for, from the profiled server's counters (see bench/mail-cpu.ts). */
  breakdown?: Breakdown;
  stats?: ServerStats;
  error?: string;
}

/** Wall milliseconds per mail in the profiled run. */
export interface Breakdown {
  processed: number;
  /** MailProcessor.processOne, start to end (2 run at a time). */
  processOneMs: number;
  parseMs: number;
  mailauthMs: number;
  sqlMs: number;
  sqlStatements: number;
  /** processOne minus the above: JavaScript on the main thread and waiting for it. */
  restMs: number;
  /** SMTP DATA handler (store durably, then 250). */
  intakeMs: number;
  intakeSqlMs: number;
  intakeSqlStatements: number;
  /** Statements sent by work they left behind (the outbox drain after a commit), per mail. */
  followupSqlStatements: number;
  followupSqlMs: number;
  /** Statements sent outside all of these (RCPT channel lookups, health polling, pg-boss), per mail. */
  otherSqlStatements: number;
}

export function breakdownOf(stats: ServerStats): Breakdown | undefined {
  const t = stats.timing;
  const per = (k: string, n: number) => (t[k] ? t[k]!.ms / Math.max(1, n) : 0);
  const processed = t.processOne?.n ?? 0;
  const intakes = t.intake?.n ?? 0;
  if (!processed) return undefined;
  const processOneMs = per('processOne', processed);
  const parseMs = per('parse', t.parse?.n ?? 1);
  const mailauthMs = per('mailauth', t.mailauth?.n ?? 1);
  const sqlMs = per('sql:process', processed);
  return {
    processed,
    processOneMs,
    parseMs,
    mailauthMs,
    sqlMs,
    sqlStatements: (t['sql:process']?.n ?? 0) / processed,
    restMs: processOneMs - parseMs - mailauthMs - sqlMs,
    intakeMs: per('intake', intakes),
    intakeSqlMs: per('sql:intake', intakes),
    intakeSqlStatements: (t['sql:intake']?.n ?? 0) / Math.max(1, intakes),
    followupSqlStatements: (t['sql:followup']?.n ?? 0) / processed,
    followupSqlMs: per('sql:followup', processed),
    otherSqlStatements: (t['sql:other']?.n ?? 0) / processed,
  };
}

export interface Ceilings {
  mails: number;
  parseWorkers: number;
  /** Parse-only throughput of a ParsePool with the server's default of 2 workers. */
  parseMailsPerSecond: number;
  /** checkMailAuth (SPF, DKIM, DMARC; this machine's DNS), 2 at a time. */
  mailauthMailsPerSecond: number;
  /** Mean wall milliseconds of one checkMailAuth call at that concurrency. */
  mailauthMeanMs: number;
}

export interface MailRunResult {
  date: string;
  command: string;
  machine: { cores: number; cpuModel: string; memGiB: number; node: string; postgres: string | null; loadavgAtStart: number[] };
  params: { mails: number; replyShare: number; warmupMails: number; smtpConnections: number; uploadConcurrency: number; bigMiB: number; target: number };
  code?: { head: string | null; changedFiles: string[] };
  ceilings?: Ceilings;
  backends: BackendResult[];
  profile?: ProfileRun;
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const NAMES: Record<Backend, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

function pathLabel(p: PathName, run: MailRunResult): string {
  return p === 'smtp' ? `SMTP receiver, nodemailer, ${run.params.smtpConnections} pooled connections` : `raw upload \`POST /api/v1/channels/:id/inbound\`, ${run.params.uploadConcurrency} concurrent`;
}

export function renderMarkdown(run: MailRunResult): string {
  const TARGET = run.params.target;
  const out: string[] = [];
  const m = run.machine;
  out.push('## Mail ingestion', '');
  out.push(
    `Measured by \`${run.command}\` ([bench/mail.ts](bench/mail.ts)) on ${run.date.slice(0, 16).replace('T', ' ')} UTC: the real server as a child process (\`node --import tsx packages/server/src/main.ts\`, all roles, ` +
      `\`NODE_ENV=production\`, 2 parse workers), ${fmt(run.params.mails)} mails per path, each a small support mail (plain text + HTML alternative, about 2.5 KB), ` +
      `${Math.round(run.params.replyShare * 100)} % of them replies \`AW: [#N] …\` from the requester of one of ${fmt(run.params.warmupMails)} tickets opened by an untimed warm-up. ` +
      'Timed from the first mail sent until none is pending (admin API `/api/v1/mail/health` backlog 0, polled every 100 ms): parsed in the workers, authenticated (SPF/DKIM/DMARC), threaded and stored.',
    '',
  );
  out.push(`Machine: ${m.cores} cores (${m.cpuModel}), ${fmt(m.memGiB)} GiB, Node ${m.node}, PostgreSQL ${m.postgres ?? '?'}; load average at start ${m.loadavgAtStart.map((x) => x.toFixed(2)).join(' / ')}. Server, PostgreSQL and the load generator share the machine.`, '');
  out.push('| backend | path | mails | seconds | mails/s | target |', '|---|---|---|---|---|---|');
  for (const b of run.backends) {
    if (!b.ok && b.paths.length === 0) {
      out.push(`| ${NAMES[b.backend]} | – | – | – | failed: ${(b.error ?? '').split('\n')[0]} | |`);
      continue;
    }
    for (const p of b.paths) {
      const target =
        b.backend === 'postgres'
          ? `≥ ${TARGET} ${p.mailsPerSecond >= TARGET ? '✅' : `❌ (${fmt((p.mailsPerSecond / TARGET) * 100)} % of it, ${fmt(TARGET / p.mailsPerSecond, 1)}× short)`}`
          : '– (target is for PostgreSQL)';
      out.push(`| ${NAMES[b.backend]} | ${pathLabel(p.path, run)} | ${fmt(p.mails)}${p.errors ? ` (${p.errors} errors)` : ''} | ${fmt(p.seconds, 1)} | **${fmt(p.mailsPerSecond, 1)}** | ${target} |`);
    }
  }
  out.push('');
  for (const b of run.backends) {
    if (b.memory) {
      const mm = b.memory;
      out.push(
        `Memory (${NAMES[b.backend]}): one mail with a ${mm.attachmentMiB} MiB attachment (${fmt(mm.wireMiB, 1)} MiB on the wire) over SMTP: server RSS **${fmt(mm.rssBeforeMiB)} MiB** just before, ` +
          `peak **${fmt(mm.peakMiB)} MiB** (+${fmt(mm.deltaMiB)} MiB; ${mm.hwmMiB !== null ? 'VmHWM after a reset and ' : ''}VmRSS sampled every 50 ms), stored and processed in ${fmt(mm.seconds, 1)} s (${mm.status}).`,
      );
    }
  }
  out.push('');
  out.push('What the mails became and where the CPU went (CPU seconds per 1,000 mails; the machine has 2 cores, i.e. 2 CPU seconds per wall second):', '');
  out.push('| backend | path | accepted (250/202) mails/s | new tickets / thread entries / other | server main thread | parse workers | other server threads | PostgreSQL backends | load generator | machine busy |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const b of run.backends) {
    for (const p of b.paths) {
      const k = 1000 / p.mails;
      const o = p.outcome;
      const other = o ? o.rows - o.newTickets - o.threadEntries : NaN;
      out.push(
        `| ${NAMES[b.backend]} | ${p.path} | ${fmt(p.mails / p.acceptedSeconds, 0)} | ${o ? `${fmt(o.newTickets)} / ${fmt(o.threadEntries)} (${fmt(p.replies)} replies sent) / ${fmt(other)}` : '?'} | ` +
          `${fmt(p.cpu.serverMain * k, 1)} s | ${fmt(p.cpu.serverNewThreads * k, 1)} s | ${fmt(p.cpu.serverOther * k, 1)} s | ${b.backend === 'postgres' ? `${fmt(p.cpu.postgres * k, 1)} s` : '– (in the main thread)'} | ${fmt(p.cpu.loadGenerator * k, 1)} s | ${fmt(p.cpu.machineBusy * 100)} % |`,
      );
    }
  }
  out.push('');
  const pgSmtp = run.backends.find((b) => b.backend === 'postgres')?.paths.find((p) => p.path === 'smtp');
  if (pgSmtp) {
    const cpuMs = ((pgSmtp.cpu.serverMain + pgSmtp.cpu.serverNewThreads + pgSmtp.cpu.serverOther + pgSmtp.cpu.postgres) * 1000) / pgSmtp.mails;
    out.push(
      `**Why the target is missed.** On PostgreSQL one mail costs about ${fmt(cpuMs, 1)} ms of CPU in the server and the database together, while 500 mails/s on 2 cores allows 4 ms. ` +
        'Parsing and sender authentication alone would each go faster than 500/s (stage ceilings below); the cost is in the per-statement database work: each mail is stored raw, ' +
        'claimed, threaded and written in about 18 separate SQL statements, each its own round trip and socket write. Getting near the target needs batching — one claim, one ' +
        'lookup round and one transaction for several mails at once — rather than faster code on the current path.',
      '',
    );
  }
  if (run.ceilings) {
    const c = run.ceilings;
    out.push(
      `Stage ceilings, measured alone in the benchmark process on the same mails: parsing in a pool of ${c.parseWorkers} workers **${fmt(c.parseMailsPerSecond)} mails/s**; ` +
        `sender authentication (mailauth: SPF, DKIM, DMARC with this machine's DNS, 2 at a time) **${fmt(c.mailauthMailsPerSecond)} mails/s** (${fmt(c.mailauthMeanMs, 1)} ms per call).`,
      '',
    );
  }
  const pr = run.profile;
  if (pr?.profile) {
    out.push(
      `Profile: one more SMTP run of ${fmt(pr.mails)} mails on PostgreSQL with the server's main thread sampled through node:inspector (${fmt(pr.mailsPerSecond, 1)} mails/s under the profiler; ${fmt(pr.profile.sampledSeconds, 1)} s sampled). ` +
        'Main thread time by package: "charged" counts native code and Node internals (socket writes, fs calls, streams) for the package that called them; "inclusive" is time with the package anywhere on the stack (overlapping).',
      '',
      '| package or part | charged | inclusive |',
      '|---|---|---|',
    );
    const incl = new Map(pr.profile.inclusive.map((x) => [x.category, x.share]));
    for (const o of pr.profile.owner.slice(0, 12)) out.push(`| ${o.category} | ${fmt(o.share * 100, 1)} % | ${incl.has(o.category) ? `${fmt(incl.get(o.category)! * 100, 1)} %` : '–'} |`);
    const bd = pr.breakdown;
    if (bd) {
      const share = (ms: number) => `${fmt((ms / bd.processOneMs) * 100)} %`;
      out.push(
        '',
        `What one mail waits for in that run (wall milliseconds, timed inside the profiled server; ${fmt(bd.processed)} mails processed, up to 8 at a time, the default \`MAIL_PROCESS_CONCURRENCY\`):`,
        '',
        '| step | ms per mail | share |',
        '|---|---|---|',
        `| processing (MailProcessor.processOne), all of it | **${fmt(bd.processOneMs, 1)}** | 100 % |`,
        `| · parse worker round trip | ${fmt(bd.parseMs, 1)} | ${share(bd.parseMs)} |`,
        `| · mailauth (SPF, DKIM, DMARC) | ${fmt(bd.mailauthMs, 1)} | ${share(bd.mailauthMs)} |`,
        `| · ${fmt(bd.sqlStatements, 1)} SQL statements, one round trip each | ${fmt(bd.sqlMs, 1)} | ${share(bd.sqlMs)} |`,
        `| · the rest: JavaScript on the main thread and waiting for it | ${fmt(bd.restMs, 1)} | ${share(bd.restMs)} |`,
        `| intake: SMTP DATA until 250 (${fmt(bd.intakeSqlStatements, 1)} SQL statements, ${fmt(bd.intakeSqlMs, 1)} ms of it) | ${fmt(bd.intakeMs, 1)} | – |`,
        '',
        `Besides these, per mail: ${fmt(bd.followupSqlStatements, 1)} statements (${fmt(bd.followupSqlMs, 1)} ms) from work a commit leaves behind (the outbox drain, event listeners), and ${fmt(bd.otherSqlStatements, 1)} from elsewhere (the RCPT channel lookup, the benchmark's health polling, pg-boss).`,
      );
      const top = (pr.stats?.statements ?? []).filter((q) => q.where === 'process').sort((a, b) => b.ms - a.ms).slice(0, 6);
      if (top.length) {
        out.push(`Slowest processing statements in sum: ${top.map((q) => `\`${q.text.slice(0, 70)}${q.text.length > 70 ? '…' : ''}\` ${fmt(q.n / bd.processed, 1)}× ${fmt(q.ms / q.n, 2)} ms`).join('; ')}.`);
      }
    }
    out.push('', `Hottest functions (self): ${pr.profile.topFunctions.filter((f) => !f.fn.startsWith('(idle)')).slice(0, 8).map((f) => `\`${f.fn}\` ${fmt(f.share * 100, 1)} %`).join(', ')}.`, '');
  } else if (pr?.error) {
    out.push(`Profile run failed: ${pr.error.split('\n')[0]}`, '');
  }
  out.push(`Raw figures: \`bench/results/mail-<timestamp>.json\`. Reproduce: \`npm run bench:mail\` (\`BENCH_MAILS\`, \`BENCH_BACKENDS\`, \`BENCH_PG_URL\`, \`BENCH_PROFILE=0\` to skip the profiled run).`, '');
  return out.join('\n');
}
