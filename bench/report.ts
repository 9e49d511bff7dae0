/**
 * Renders a run into BENCHMARKS.md: machine, dataset and seeding, one table per backend with
 * every figure beside its target, and for each miss how far off it is and what the measured
 * evidence says about why.
 */
import type { BackendResult, RunResult } from './run.ts';

/** A target: the figure's key, how it is compared and its limit. Targets are never lowered. */
interface Target {
  label: string;
  limit: number;
  kind: 'min' | 'max';
  unit: string;
}

/** The targets per backend, as agreed for 2 cores. */
export const TARGETS: Record<BackendResult['backend'], Record<string, Target>> = {
  postgres: {
    createRate: { label: 'ticket create throughput', limit: 2000, kind: 'min', unit: 'tickets/s' },
    createP99: { label: 'ticket create p99', limit: 50, kind: 'max', unit: 'ms' },
    inbox: { label: 'inbox page 1 p95', limit: 30, kind: 'max', unit: 'ms' },
    inbox2: { label: 'inbox page 2 p95', limit: 30, kind: 'max', unit: 'ms' },
    ticketPage: { label: 'ticket page p95', limit: 30, kind: 'max', unit: 'ms' },
    search: { label: 'search p95', limit: 100, kind: 'max', unit: 'ms' },
    idleRss: { label: 'idle RSS', limit: 150, kind: 'max', unit: 'MiB' },
  },
  pglite: {
    createRate: { label: 'ticket create throughput', limit: 1000, kind: 'min', unit: 'tickets/s' },
    inbox: { label: 'inbox page 1 p95', limit: 30, kind: 'max', unit: 'ms' },
    inbox2: { label: 'inbox page 2 p95', limit: 30, kind: 'max', unit: 'ms' },
    ticketPage: { label: 'ticket page p95', limit: 30, kind: 'max', unit: 'ms' },
    search: { label: 'search p95', limit: 100, kind: 'max', unit: 'ms' },
    idleRss: { label: 'idle RSS', limit: 400, kind: 'max', unit: 'MiB' },
  },
};

const f0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US'));
const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1));
const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
const NAME: Record<BackendResult['backend'], string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

/** The measured value behind each target key. */
function valueOf(b: BackendResult, key: string): number | undefined {
  switch (key) {
    case 'createRate': return b.create?.ticketsPerSecond;
    case 'createP99': return b.create?.p99;
    case 'inbox': return b.inbox?.first.p95;
    case 'inbox2': return b.inbox?.second.p95;
    case 'ticketPage': return b.ticketPage?.p95;
    case 'search': return b.search?.all.p95;
    case 'idleRss': return b.idleRssMiB;
    default: return undefined;
  }
}

function met(t: Target, v: number | undefined): boolean | null {
  if (v === undefined || Number.isNaN(v)) return null;
  return t.kind === 'min' ? v >= t.limit : v < t.limit;
}

const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✅' : '❌');
const targetText = (t: Target) => `${t.kind === 'min' ? '≥' : '<'} ${t.limit.toLocaleString('en-US')} ${t.unit}`;

/** How far a figure is from its target, in its unit and as a factor. */
function shortfall(t: Target, v: number): string {
  if (t.kind === 'min') return `${f0(t.limit - v)} ${t.unit} short (${pct(v / t.limit)} of the target)`;
  return `${f1(v - t.limit)} ${t.unit} over (${(v / t.limit).toFixed(1)}× the limit)`;
}

function resultTable(b: BackendResult): string {
  const t = TARGETS[b.backend];
  const c = b.create;
  const rows: string[] = ['| measurement | result | target | |', '|---|---|---|---|'];
  const row = (label: string, result: string, key?: string) => {
    const target = key ? t[key] : undefined;
    rows.push(`| ${label} | ${result} | ${target ? targetText(target) : '–'} | ${target ? mark(met(target, valueOf(b, key!))) : ''} |`);
  };
  row(`REST ticket create, ${c?.connections ?? 32} connections, ${f0(c?.durationSeconds)} s`, `**${f0(c?.ticketsPerSecond)} tickets/s** (${f0(c?.created)} created, ${c ? c.non2xx + c.errors + c.timeouts : '–'} failed)`, 'createRate');
  row('ticket create latency p50 / p99', `${f1(c?.p50)} / **${f1(c?.p99)} ms**`, t.createP99 ? 'createP99' : undefined);
  row('inbox (team, new+open, newest first, 25) p50 / p95', `${f1(b.inbox?.first.p50)} / **${f1(b.inbox?.first.p95)} ms**`, 'inbox');
  row('inbox second page (nextCursor) p50 / p95', `${f1(b.inbox?.second.p50)} / **${f1(b.inbox?.second.p95)} ms**`, 'inbox2');
  row('ticket page (?include=messages,requester) p50 / p95', `${f1(b.ticketPage?.p50)} / **${f1(b.ticketPage?.p95)} ms**`, 'ticketPage');
  row('full-text search, all words p50 / p95', `${f1(b.search?.all.p50)} / **${f1(b.search?.all.p95)} ms**`, 'search');
  row('  · common words p50 / p95', `${f1(b.search?.common.p50)} / ${f1(b.search?.common.p95)} ms`);
  row('  · rare words p50 / p95', `${f1(b.search?.rare.p50)} / ${f1(b.search?.rare.p95)} ms`);
  row('server RSS after start + 10 s idle', `**${f0(b.idleRssMiB)} MiB**`, 'idleRss');
  row('server RSS after the create load', `${f0(b.rssAfterLoadMiB)} MiB`);
  row('idle RSS of the same server precompiled (esbuild bundle, no tsx)', `${f0(b.idleRssBundledMiB)} MiB`);
  if (b.pgbench) {
    row(`pgbench insert ceiling (${b.pgbench.command})`, `${f0(b.pgbench.tps)} tps`);
    row('REST create as a fraction of the pgbench ceiling', c ? pct(c.ticketsPerSecond / b.pgbench.tps) : '–');
  }
  return rows.join('\n');
}

function seedTable(run: RunResult): string {
  const bs = run.backends.filter((b) => b.seed);
  if (bs.length === 0) return '_No backend finished seeding._';
  const head = `| | ${bs.map((b) => NAME[b.backend]).join(' | ')} |\n|---|${bs.map(() => '---').join('|')}|`;
  const line = (label: string, fn: (b: BackendResult) => string) => `| ${label} | ${bs.map(fn).join(' | ')} |`;
  return [
    head,
    line('tickets', (b) => f0(b.seed!.tickets)),
    line('messages', (b) => f0(b.seed!.messages)),
    line('ticket events', (b) => f0(b.seed!.events)),
    line('contacts (+ one email identity each) / organizations', (b) => `${f0(b.seed!.contacts)} / ${f0(b.seed!.organizations)}`),
    line('seeding: contacts etc. / tickets+messages+events', (b) => `${f1(b.seed!.seconds.base)} s / ${f1(b.seed!.seconds.tickets)} s`),
    line('seeding: rebuilding indexes / VACUUM ANALYZE', (b) => `${f1(b.seed!.seconds.indexes)} s / ${f1(b.seed!.seconds.analyze)} s`),
    line('**seeding total**', (b) => `**${f1(b.seed!.seconds.total)} s** (${f0(b.seed!.ticketsPerSecond)} tickets/s)`),
    line('server start: empty DB with migrations / seeded DB', (b) => `${f1(b.migrateStartSeconds)} s / ${f1(b.startSeconds)} s`),
    line('database size on disk', (b) => `${f0(b.dbSizeMiB)} MiB`),
  ].join('\n');
}

function cpuTable(run: RunResult): string {
  const bs = run.backends.filter((b) => b.create);
  if (bs.length === 0) return '';
  const rows = ['| during the create load | ' + bs.map((b) => NAME[b.backend]).join(' | ') + ' |', '|---|' + bs.map(() => '---').join('|') + '|'];
  const per = (b: BackendResult, cpu: number) => (cpu * 1000) / Math.max(1, b.create!.created);
  const line = (label: string, fn: (b: BackendResult) => string) => rows.push(`| ${label} | ${bs.map(fn).join(' | ')} |`);
  line('server process (Node; on PGlite also the database), CPU ms per ticket', (b) => f1(per(b, b.create!.cpu.serverCpu)));
  line('PostgreSQL processes of the bench database + WAL/checkpoint, CPU ms per ticket', (b) => (b.backend === 'postgres' ? f1(per(b, b.create!.cpu.postgresCpu)) : 'in the server'));
  line('load generator (autocannon), CPU ms per ticket', (b) => f1(per(b, b.create!.cpu.loadGenCpu)));
  line('**CPU ms per ticket, all three**', (b) => `**${f1(per(b, b.create!.cpu.serverCpu + b.create!.cpu.postgresCpu + b.create!.cpu.loadGenCpu))}**`);
  line('server process utilisation (1 core = 100 %)', (b) => pct(b.create!.cpu.serverCpu / b.create!.cpu.seconds));
  line('machine busy (all cores, incl. other users)', (b) => pct(b.create!.cpu.machineBusy));
  const pg = bs.find((b) => b.createDbWork);
  if (pg?.createDbWork) {
    const w = pg.createDbWork;
    line('PostgreSQL: commits per ticket', (b) => (b.createDbWork ? f1(w.xact_commit) : '–'));
    line('PostgreSQL: rows inserted / updated per ticket', (b) => (b.createDbWork ? `${f1(w.tup_inserted)} / ${f1(w.tup_updated)}` : '–'));
    line('PostgreSQL: buffer hits per ticket', (b) => (b.createDbWork ? f0(w.blks_hit) : '–'));
  }
  return rows.join('\n');
}

function explainSection(run: RunResult): string {
  const parts: string[] = [];
  for (const b of run.backends) {
    if (!b.explain) continue;
    parts.push(`**${NAME[b.backend]}**\n\n| statement | execution | planning | matches |\n|---|---|---|---|`);
    for (const e of b.explain) parts.push(`| ${e.label} | ${f1(e.executionMs)} ms | ${f1(e.planningMs)} ms | ${e.matches === undefined ? '–' : f0(e.matches)} |`);
    parts.push('');
    for (const e of b.explain) {
      parts.push(`<details><summary>${NAME[b.backend]}: plan of ${e.label}</summary>\n\n\`\`\`\n${e.plan.join('\n')}\n\`\`\`\n</details>\n`);
    }
  }
  return parts.join('\n');
}

function searchWords(run: RunResult): string {
  const bs = run.backends.filter((b) => b.search);
  if (bs.length === 0) return '';
  const rows = [`| word | kind | ${bs.map((b) => `${NAME[b.backend]} p50`).join(' | ')} |`, `|---|---|${bs.map(() => '---').join('|')}|`];
  for (const w of bs[0]!.search!.perWord) {
    rows.push(`| ${w.word} | ${w.kind} | ${bs.map((b) => `${f1(b.search!.perWord.find((x) => x.word === w.word)?.p50)} ms`).join(' | ')} |`);
  }
  return rows.join('\n');
}

/** Why a figure missed: the measured evidence of this run, in words. */
function whyMissed(run: RunResult, b: BackendResult, key: string): string {
  const c = b.create;
  const cores = run.machine.cores;
  switch (key) {
    case 'createRate':
    case 'createP99': {
      if (!c) return '';
      const per = (cpu: number) => (cpu * 1000) / Math.max(1, c.created);
      const server = per(c.cpu.serverCpu);
      const pgCpu = per(c.cpu.postgresCpu);
      const gen = per(c.cpu.loadGenCpu);
      const total = server + pgCpu + gen;
      const ceilingAll = (cores * 1000) / total;
      const ceilingNode = 1000 / server;
      const w = b.createDbWork;
      const lines = [
        `Each created ticket cost ${f1(total)} ms of CPU on this machine: ${f1(server)} ms in the server process` +
          (b.backend === 'postgres' ? `, ${f1(pgCpu)} ms in PostgreSQL` : ' (Node and the WASM database together)') +
          ` and ${f1(gen)} ms in the load generator. With ${cores} cores shared by all three the arithmetic ceiling is ${f0(ceilingAll)} tickets/s; ` +
          `the server's single Node thread alone caps it at ${f0(ceilingNode)} tickets/s (it ran at ${pct(c.cpu.serverCpu / c.cpu.seconds)} of a core, ` +
          `the machine at ${pct(c.cpu.machineBusy)} busy).`,
      ];
      if (w) {
        lines.push(
          `PostgreSQL did ${f1(w.xact_commit)} commits, ${f1(w.tup_inserted)} row inserts and ${f1(w.tup_updated)} row updates per ticket. ` +
            'A create is 14 statements when requests arrive one at a time (counted by instrumenting the pg client): token lookup and team lookup, then ' +
            'BEGIN, identity lookup, ticket insert, tag upsert, message insert, event insert, outbox insert, COMMIT, then an outbox drain transaction ' +
            '(BEGIN, select for update, update, COMMIT). Every statement is a round trip through Drizzle and the pg driver, which is where the Node CPU goes; ' +
            'the ticket insert also computes the five-dictionary `search_vector` and maintains twelve secondary indexes, two of them GIN.',
        );
      } else if (b.backend === 'pglite') {
        lines.push(
          'On PGlite the database runs inside the server process on the same thread as Fastify, so every statement of the create transaction ' +
            '(about a dozen, plus auth and the outbox drain) is executed serially on one core; the second core only serves the load generator.',
        );
      }
      if (key === 'createP99') {
        lines.push(
          `With ${c.connections} connections queueing on a saturated CPU, latency is concurrency ÷ throughput: ${c.connections} ÷ ${f0(c.ticketsPerSecond)}/s ≈ ` +
            `${f1((c.connections / c.ticketsPerSecond) * 1000)} ms on average; p99 adds waits on commit and on the pool (20 connections for 32 requests).`,
        );
      }
      return lines.join(' ');
    }
    case 'inbox':
    case 'inbox2': {
      const e = b.explain?.find((x) => x.label.startsWith('inbox'));
      if (!e) return '';
      const rows = /Bitmap Heap Scan on tickets .*actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/.exec(e.plan.join('\n'));
      const sorted = e.plan.some((l) => /Sort Key: created_at DESC, id DESC/.test(l));
      const fixed = b.explain?.find((x) => x.label.startsWith('what-if: inbox page 1'));
      return (
        `In the database the statement took ${f1(e.executionMs)} ms` +
        (sorted
          ? `: no index delivers the order, so PostgreSQL collects every unsolved ticket of the team${rows ? ` (${f0(Number(rows[1]))} rows)` : ''} and sorts them to keep 25. ` +
            'The reason is a mismatch: the server sorts `created_at desc` (nulls first, the default for desc) while `tickets_team_unsolved_idx` and the other ' +
            'ticket indexes are built `desc nulls last` (drizzle `.desc()`), and the planner does not use the NOT NULL constraint to reconcile the two.' +
            (fixed ? ` Sorted the way the index is built, the same statement took ${f1(fixed.executionMs)} ms.` : '')
          : `, as this benchmark issues it directly; the gap to the ${f1(b.inbox?.first.p50)} ms HTTP median is on the server side (the statement it actually sends, auth, serialisation).`)
      );
    }
    case 'ticketPage':
      return 'The page is four statements after auth (ticket, requester, messages, attachments), each an indexed lookup; time beyond that is Node and HTTP.';
    case 'search': {
      const common = b.explain?.find((x) => x.label.includes('(common)'));
      const rare = b.explain?.find((x) => x.label.includes('(rare)'));
      const parts: string[] = [];
      if (b.search) parts.push(`Rare words answer in ${f1(b.search.rare.p95)} ms p95, common words in ${f1(b.search.common.p95)} ms p95.`);
      if (common) {
        parts.push(
          `A common word matches ${f0(common.matches)} of ${f0(b.seed?.tickets)} tickets (${pct((common.matches ?? 0) / Math.max(1, b.seed?.tickets ?? 1))}); the server orders by ` +
            '`ts_rank_cd` over every match before taking 20, so PostgreSQL must fetch each matching row from the heap, detoast its `search_vector` and rank it: ' +
            `${f1(common.executionMs)} ms in the database for that word` + (rare ? ` against ${f1(rare.executionMs)} ms for a rare one (${f0(rare.matches)} matches).` : '.'),
        );
      }
      return parts.join(' ');
    }
    case 'idleRss': {
      const tsx = b.idleRssBundledMiB
        ? `Running through tsx accounts for ${f0(b.idleRssMiB! - b.idleRssBundledMiB)} MiB of it: the same server bundled with esbuild and started with plain \`node\` idled at ${f0(b.idleRssBundledMiB)} MiB` +
          `${met(TARGETS[b.backend].idleRss!, b.idleRssBundledMiB) ? ', within the target' : ', still over the target'}. `
        : '';
      return b.backend === 'pglite'
        ? `${tsx}The rest is mostly the PGlite WASM instance inside the server process: its linear memory (shared buffers touched so far, catalog caches, the heap grown while opening the data directory) stays resident.`
        : `${tsx}The rest is Node with the Fastify app and its zod/OpenAPI schemas, the pg pool and pg-boss; none of it depends on the data size.`;
    }
    default:
      return '';
  }
}

function missesSection(run: RunResult): string {
  const out: string[] = [];
  for (const b of run.backends) {
    if (!b.ok) {
      out.push(`- **${NAME[b.backend]}: the run failed.** \`${(b.error ?? '').split('\n')[0]}\``);
      continue;
    }
    for (const [key, t] of Object.entries(TARGETS[b.backend])) {
      const v = valueOf(b, key);
      if (met(t, v) !== false) continue;
      out.push(`- **${NAME[b.backend]}, ${t.label}: ${key === 'createRate' ? f0(v) : f1(v)} ${t.unit}, target ${targetText(t)}: ${shortfall(t, v!)}.** ${whyMissed(run, b, key)}`);
    }
  }
  return out.length ? out.join('\n') : 'Every target was met.';
}

/** Server changes the evidence of this run points to, each with its figures. */
function recommendations(run: RunResult): string {
  const out: string[] = [];
  const pg = run.backends.find((b) => b.backend === 'postgres' && b.ok);
  const pgl = run.backends.find((b) => b.backend === 'pglite' && b.ok);
  const inboxSorted = run.backends.filter((b) => b.explain?.find((x) => x.label === 'inbox page 1')?.plan.some((l) => /Sort Key: created_at DESC, id DESC/.test(l)));
  if (inboxSorted.length) {
    const ev = inboxSorted
      .map((b) => {
        const cur = b.explain!.find((x) => x.label === 'inbox page 1')!;
        const fix = b.explain!.find((x) => x.label.startsWith('what-if: inbox page 1'));
        const fix2 = b.explain!.find((x) => x.label.startsWith('what-if: inbox page 2'));
        return `${NAME[b.backend]}: ${f1(cur.executionMs)} ms today` + (fix ? `, ${f1(fix.executionMs)} ms sorted the way the index is built` : '') + (fix2 ? ` (page 2 with a row-comparison cursor ${f1(fix2.executionMs)} ms)` : '');
      })
      .join('; ');
    out.push(
      '1. **Sort ticket lists the way their indexes are built.** The ticket indexes are `DESC NULLS LAST` (drizzle `.desc()` in `tickets/schema.ts`), ' +
        'while `listTickets` orders by `desc(column), desc(id)`, which PostgreSQL reads as `DESC NULLS FIRST`; so `tickets_team_unsolved_idx`, ' +
        '`tickets_created_idx`, `tickets_updated_idx` and the others can filter but never deliver the order, and every list sorts all its matching rows. ' +
        `Inbox statement in the database: ${ev}. Fix either side: order with \`sql\`${'${col}'} desc nulls last\`\` in \`listTickets\` (and the cursor ` +
        'comparison) or drop `NULLS LAST` from the index definitions in a migration (the columns are NOT NULL, so results are identical). While there, write the ' +
        'keyset condition as a row comparison `(created_at, id) < ($v, $id)` instead of `created_at < $v or (created_at = $v and id < $id)`, so later pages start ' +
        'inside the index instead of filtering from its start.',
    );
  }
  const rss = run.backends.filter((b) => b.idleRssMiB && b.idleRssBundledMiB);
  if (rss.length) {
    out.push(
      '1. **Start production from precompiled JavaScript instead of through tsx.** tsx keeps esbuild and a module-loader worker thread with its own V8 heap ' +
        'resident for the life of the process. Same server, same database, 10 s idle: ' +
        rss.map((b) => `${NAME[b.backend]} ${f0(b.idleRssMiB)} MiB with tsx, ${f0(b.idleRssBundledMiB)} MiB bundled with esbuild (${f0(b.idleRssMiB! - b.idleRssBundledMiB!)} MiB less)`).join('; ') +
        '. A `build` step (esbuild bundle of `packages/server/src/main.ts` with npm dependencies external, or `tsc` to `dist/`) and `node dist/main.js` in `npm start` would do; ' +
        '`MIGRATIONS_DIR` and `WEB_DIST` are resolved from `import.meta.url` and must keep pointing at `packages/server/drizzle` and `packages/web/dist`.',
    );
  }
  const creates = run.backends.filter((b) => b.create && b.create.created > 0);
  if (creates.length) {
    const w = pg?.createDbWork;
    const cpu = creates
      .map((b) => `${NAME[b.backend]} ${f1((b.create!.cpu.serverCpu * 1000) / b.create!.created)} ms in the server process per ticket`)
      .join(', ');
    out.push(
      '1. **Make ticket creation fewer statements.** Its cost is per statement, not per byte (' + cpu +
        (w ? `; PostgreSQL ${f1((pg!.create!.cpu.postgresCpu * 1000) / pg!.create!.created)} ms, ${f1(w.tup_inserted)} inserts and ${f1(w.tup_updated)} updates per ticket` : '') +
        '). Sent one at a time, a create is 14 statements (pg `Client.query` instrumented; writing `search_text` with the ticket and one history insert ' +
        'are already in): token lookup and team lookup, then BEGIN, identity lookup, ticket insert, tag upsert, message insert, event insert, outbox insert, ' +
        'COMMIT, then an outbox drain (BEGIN, select for update, update, COMMIT). What is left to take out:\n' +
        '   - cache a Bearer token\'s actor (agent, role, team ids) in-process for a few seconds, dropped on revoke, role or team change through the event bus: ' +
        'two statements less on every API request, reads included;\n' +
        '   - let `EventDispatcher.kick()` wait a few milliseconds before draining, so one drain transaction serves many commits under load instead of ' +
        `nearly one per ticket${w ? ` (PostgreSQL counted ${f1(w.xact_commit)} commits per created ticket)` : ''};\n` +
        '   - skip `registerTags` for tags this process has already registered (an in-memory set; the insert stays `on conflict do nothing`).\n' +
        '   That is 14 → about 8 statements for a sequential create, and fewer per ticket under load.',
    );
  }
  const searches = run.backends.filter((b) => b.explain?.some((e) => e.label.startsWith('what-if')));
  if (searches.length) {
    const txt = searches
      .map((b) => {
        const cur = b.explain!.find((e) => e.label.includes('(common)'));
        const newest = b.explain!.find((e) => e.label.includes('newest first'));
        const word = cur?.label.split('"')[1] ?? '';
        const top = b.explain!.find((e) => e.label.includes('newest 500') && e.label.includes(`"${word}"`));
        const rare = b.explain!.find((e) => e.label.includes('(rare)'));
        const rareTop = rare ? b.explain!.find((e) => e.label.includes('newest 500') && e.label.includes(`"${rare.label.split('"')[1]}"`)) : undefined;
        return (
          `${NAME[b.backend]}: today ${f1(cur?.executionMs)} ms for "${word}" (${f0(cur?.matches)} matches), newest first ${f1(newest?.executionMs)} ms, ` +
          `ranking only the newest 500 matches ${f1(top?.executionMs)} ms` +
          (rare && rareTop ? `; but for the rare "${rare.label.split('"')[1]}" (${f0(rare.matches)} matches) today ${f1(rare.executionMs)} ms and newest-500 ${f1(rareTop.executionMs)} ms` : '')
        );
      })
      .join('; ');
    out.push(
      '1. **Do not rank every match of a common word, and keep rare words on the GIN index.** `searchTickets` orders by `ts_rank_cd` over all matches, which ' +
        `reads and ranks every matching row. Measured in the database (warm): ${txt}. Walking \`tickets_created_idx\` newest first is nearly free when a third of ` +
        'the tickets match and ruinous when a few hundred do (the planner then filters the whole index), while the bitmap over the GIN index is the reverse. ' +
        'So choose per query: probe the match count with the GIN index, capped (`select count(*) from (select 1 from tickets where search_vector @@ q limit 1001) x`), ' +
        'rank all matches as today when there are at most 1,000, and otherwise rank only the newest 500 (`order by created_at desc, id desc limit 500` in a ' +
        'subquery, in the order the index is built). The probe itself was not measured here. The exact `#number` match stays as it is.',
    );
  }
  if (pgl) {
    out.push(
      '1. **PGlite is one core.** The database runs on the server\'s own thread and every statement crosses the JS/WASM boundary (protocol encode and parse in ' +
        'JavaScript), so PGlite throughput is bounded by statement count even more than PostgreSQL, and cutting statements per create (above) helps it most. Installations expecting more than ' +
        `about ${f0(pgl.create?.ticketsPerSecond)} new tickets per second should use \`DATABASE_URL\`.`,
    );
  }
  return out.length ? out.join('\n') : 'Nothing to recommend from this run.';
}

/** The Markdown of BENCHMARKS.md for a run. */
export function renderReport(run: RunResult): string {
  const m = run.machine;
  const p = run.params;
  const parts: string[] = [];
  parts.push('# Benchmarks');
  parts.push(
    `Measured by \`npm run bench\` ([bench/run.ts](bench/run.ts)) on ${run.date.slice(0, 16).replace('T', ' ')} UTC with ${f0(p.tickets)} seeded tickets ` +
      `on ${p.backends.map((b) => NAME[b]).join(' and ')}. This file is rewritten by every run; the raw figures of each run are kept in \`bench/results/\` (not committed).`,
  );
  parts.push('## Reproduce');
  parts.push(
    '```sh\nnpm install\nnpm run bench                                   # 1,000,000 tickets, PostgreSQL and PGlite\n' +
      'BENCH_TICKETS=20000 BENCH_BACKENDS=pglite npm run bench   # a quick run\n```\n\n' +
      'Needs PostgreSQL reachable at `BENCH_PG_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`, a role that may create databases) and `pgbench` ' +
      '(Debian: package `postgresql-client`/`postgresql-contrib`, or `/usr/lib/postgresql/*/bin`). Other settings: `BENCH_DURATION` (create load seconds, default 20), ' +
      '`BENCH_WARMUP` (5), `BENCH_BATCH` (tickets per seeding statement, 50,000), `BENCH_ROUNDS` (sequential requests per read series, 300). ' +
      'Run it on an otherwise idle machine: the figures below were taken with a 1-minute load average of ' +
      `**${m.loadavgAtStart[0]!.toFixed(2)}** at the start.`,
  );
  parts.push('## Machine');
  parts.push(
    `| cores | CPU | memory | Node | PostgreSQL | PGlite | load average at start (1/5/15 min) |\n|---|---|---|---|---|---|---|\n` +
      `| ${m.cores} | ${m.cpuModel} | ${m.memGiB.toFixed(0)} GiB | ${m.node} | ${m.postgres ?? '–'} | ${m.pglite} | ${m.loadavgAtStart.map((x) => x.toFixed(2)).join(' / ')} |`,
  );
  if (run.code?.head) {
    const n = run.code.changedFiles.length;
    parts.push(`Server code measured: commit \`${run.code.head}\`${n ? ` with ${n} uncommitted file${n === 1 ? '' : 's'} under \`packages/\` (${run.code.changedFiles.slice(0, 12).map((f) => `\`${f}\``).join(', ')}${n > 12 ? ', …' : ''})` : ''}.`);
  }
  for (const note of run.notes ?? []) parts.push(`> ${note}`);
  parts.push(
    'Everything runs on this one machine: the server (one Node process, started as `node --import tsx packages/server/src/main.ts` with ' +
      '`NODE_ENV=production`), PostgreSQL, and the load generator (autocannon, inside the benchmark process). They compete for the same cores, ' +
      'so throughput figures are lower than with the load generator and the database on their own machines.',
  );
  parts.push('## Dataset and seeding');
  parts.push(
    'Seeded with set-based SQL (`insert … select … from generate_series`), ' +
      `${f0(p.batch)} tickets per statement, the same way on both backends (PGlite through the server's own \`openDatabase()\`). ` +
      'About five tickets per contact, two to four messages per ticket (public replies, some internal notes), a `created` event per ticket, one per message ' +
      'and one status change per non-new ticket; `created_at` spread over the last year; 4 % new, 7 % open, 3 % pending, 1 % on hold, 25 % solved, 60 % closed; ' +
      'four teams with five agents each, 10 % of tickets without a team. Message texts mix German and English support vocabulary with a Zipf-like word ' +
      "frequency, and the ticket's `search_text` is the concatenation of its messages. Secondary indexes are dropped for the load and rebuilt from their own " +
      'definitions afterwards, then `VACUUM ANALYZE`.',
  );
  parts.push(seedTable(run));
  for (const b of run.backends) {
    parts.push(`## ${NAME[b.backend]}`);
    if (!b.ok) parts.push(`**The run failed:**\n\n\`\`\`\n${(b.error ?? '').slice(0, 3000)}\n\`\`\``);
    parts.push(resultTable(b));
  }
  parts.push('## Misses: by how much and why');
  parts.push(missesSection(run));
  parts.push('## Recommended server changes');
  parts.push(recommendations(run));
  parts.push('## Evidence');
  parts.push('### CPU per created ticket');
  parts.push(cpuTable(run));
  parts.push('### The read statements in the database (EXPLAIN ANALYZE, warm)');
  parts.push(explainSection(run));
  parts.push('### Search latency per word');
  parts.push(searchWords(run));
  parts.push('## Method');
  parts.push(
    [
      `- Create: autocannon, ${p.connections} connections, ${p.warmupSeconds} s warm-up then ${p.durationSeconds} s measured; body ` +
        '`{"subject","requester":{"email":"c<N>@bench.example"},"message":{"text"},"tags":["bench"]}` with N drawn from the seeded contacts; ' +
        'Bearer API token of the admin created via `POST /api/v1/auth/login` + `POST /api/v1/me/tokens`. Throughput counts 2xx responses only.',
      `- Reads: ${p.rounds} sequential requests per series over a kept-alive connection after 10 warm-up requests; latency measured in the client, ` +
        'so it includes HTTP, auth (token lookup and team lookup), the queries and JSON. Inbox alternates over the four teams, then follows `nextCursor` once. ' +
        'Ticket page uses random seeded tickets. Search cycles through 8 common and 8 rare words, German and English.',
      '- Memory: `VmRSS` from `/proc/<pid>/status` of the server process, 10 s after `/healthz` first answered.',
      '- CPU: `/proc/<pid>/stat` of the server, of the PostgreSQL backends of the benchmark database and the WAL writer/checkpointer, and ' +
        '`process.cpuUsage()` of the load generator, over the measured create stretch.',
      '- pgbench: one `insert` per transaction into a throwaway table shaped like `tickets` (uuid key, bigserial number, text subject, ' +
        'status, priority, requester uuid, tags, two timestamps), `-c 32 -j 2 -T 15`, after the server was stopped.',
    ].join('\n'),
  );
  return parts.join('\n\n') + '\n';
}
