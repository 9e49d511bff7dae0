/**
 * Bulk seeding of a migrated Servus database with set-based SQL, identical on PGlite and
 * PostgreSQL: organizations, contacts with email identities, agents and teams, then tickets
 * with their messages and event log in batches (`insert … select … from generate_series`).
 *
 * Everything is derived from the ticket's ordinal `i` through `hashint8extended`, so two runs
 * seed the same data and the messages, events and the ticket's `search_text` agree with each
 * other without a round trip to Node.
 */
import { openDatabase, type Database } from '../packages/server/src/platform/db.ts';
import { COMMON_WORDS, RARE_WORDS, SUBJECTS } from './vocabulary.ts';

/** What to seed. */
export interface SeedOptions {
  tickets: number;
  /** Tickets per insert statement. */
  batch: number;
  /** Sentences in the pool message texts are built from. */
  sentences?: number;
  log: (line: string) => void;
}

/** How long each part took, in seconds, and the counts that were written. */
export interface SeedResult {
  tickets: number;
  contacts: number;
  organizations: number;
  messages: number;
  events: number;
  seconds: { base: number; tickets: number; indexes: number; analyze: number; total: number };
  ticketsPerSecond: number;
}

/** Agents and teams of the seeded help desk; `agent<k>@bench.example`, five per team. */
export const TEAM_NAMES = ['Support DE', 'Support EN', 'Billing', 'Technik'] as const;
const AGENTS_PER_TEAM = 5;
const TAGS = ['billing', 'shipping', 'bug', 'vip', 'refund', 'b2b'] as const;

/** Contacts per ticket count: about five tickets per customer. */
export function contactCount(tickets: number): number {
  return Math.max(1000, Math.floor(tickets / 5));
}

/** The email of seeded contact `k` (0-based), as the create benchmark sends it. */
export function contactEmail(k: number): string {
  return `c${k}@bench.example`;
}

/** Deterministic version-4-shaped uuid for seeded row `n` of a kind (valid for z.uuid()). */
const uid = (kind: string, n: string) => `overlay(overlay(md5('${kind}' || (${n})::text) placing '4' from 13) placing '8' from 17)::uuid`;
/** A non-negative pseudo-random bigint for `n` and a salt. */
const h = (n: string, salt: number) => `abs(hashint8extended((${n})::bigint, ${salt}))`;

/** A seeded PRNG (mulberry32) so the sentence pool is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The pool of sentences messages are made of: 6–12 frequent words each, picked with a Zipf-like
 * skew, and each rare word placed in exactly one sentence.
 */
export function buildSentences(count: number): string[] {
  const rnd = prng(42);
  const out: string[] = [];
  for (let s = 0; s < count; s++) {
    const n = 6 + Math.floor(rnd() * 7);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(COMMON_WORDS[Math.floor(Math.pow(rnd(), 2.2) * COMMON_WORDS.length)]!);
    // Spread the rare words over the pool, one sentence each.
    const stride = Math.floor(count / RARE_WORDS.length);
    if (stride > 0 && s % stride === 0 && s / stride < RARE_WORDS.length) words.splice(Math.floor(n / 2), 0, RARE_WORDS[s / stride]!);
    out.push(words.join(' ') + '.');
  }
  return out;
}

async function exec(database: Database, text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount?: number }> {
  return database.raw.executeSql(text, values);
}

/** Secondary indexes of the bulk-loaded tables (not those behind constraints), with their definitions. */
async function secondaryIndexes(database: Database): Promise<{ name: string; def: string }[]> {
  const r = await exec(
    database,
    `select i.indexname as name, i.indexdef as def
       from pg_indexes i
      where i.schemaname = 'public'
        and i.tablename in ('tickets', 'messages', 'ticket_events', 'contacts', 'contact_identities', 'organizations')
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      order by i.tablename, i.indexname`,
    [],
  );
  return r.rows.map((x) => ({ name: String(x.name), def: String(x.def) }));
}

/**
 * Seeds an already migrated, empty database. Secondary indexes of the big tables are dropped
 * for the load and rebuilt afterwards from their own definitions (much faster than maintaining
 * them row by row); foreign-key triggers are skipped for the session because the generator
 * only writes consistent references. Ends with VACUUM ANALYZE.
 */
export async function seedDatabase(database: Database, opts: SeedOptions): Promise<SeedResult> {
  const t0 = performance.now();
  const N = opts.tickets;
  const C = contactCount(N);
  const O = Math.max(50, Math.floor(C / 40));
  const S = opts.sentences ?? 20_000;
  const A = TEAM_NAMES.length * AGENTS_PER_TEAM;
  const pg = database.kind === 'postgres';
  const now = Math.floor(Date.now() / 1000);
  const yearAgo = now - 365 * 86400;
  const span = 365 * 86400 - 3600 * 24 * 2; // leave the last two days for the newest thread replies

  await exec(database, `set session_replication_role = replica; set maintenance_work_mem = '${pg ? '512MB' : '256MB'}'`);
  if (pg) await exec(database, `set synchronous_commit = off; set max_parallel_maintenance_workers = 2`);

  await exec(database, `drop schema if exists bench_seed cascade; create schema bench_seed;
    create table bench_seed.sentences (id int primary key, txt text not null);
    create table bench_seed.subjects (id int primary key, txt text not null);
    create unlogged table bench_seed.batch_msgs (i bigint not null, j int not null, txt text not null);`);
  await exec(database, `insert into bench_seed.sentences (id, txt) select o - 1, t from unnest($1::text[]) with ordinality as u(t, o)`, [buildSentences(S)]);
  const subjects = SUBJECTS.flatMap((s, k) => COMMON_WORDS.slice(20, 60).map((w, m) => ({ id: k * 40 + m, txt: `${s}: ${w}` })));
  await exec(database, `insert into bench_seed.subjects (id, txt) select id, txt from unnest($1::int[], $2::text[]) as u(id, txt)`, [
    subjects.map((s) => s.id),
    subjects.map((s) => s.txt),
  ]);

  const indexes = await secondaryIndexes(database);
  for (const ix of indexes) await exec(database, `drop index if exists public."${ix.name}"`);
  opts.log(`dropped ${indexes.length} secondary indexes for the load`);

  // Organizations, agents, teams.
  await exec(database, `
    insert into organizations (id, name, domains, created_at, updated_at)
    select ${uid('o', 'k')}, 'Firma ' || k || (case when k % 2 = 0 then ' GmbH' else ' Ltd' end), array['org' || k || '.example'],
           to_timestamp(${yearAgo - 86400 * 30}), to_timestamp(${yearAgo - 86400 * 30})
      from generate_series(0, ${O - 1}) k;
    insert into agents (id, email, name, role, locale, created_at, updated_at)
    select ${uid('a', 'k')}, 'agent' || k || '@bench.example', 'Agent ' || k, 'agent', case when k % 2 = 0 then 'de' else 'en' end,
           to_timestamp(${yearAgo - 86400 * 60}), to_timestamp(${yearAgo - 86400 * 60})
      from generate_series(0, ${A - 1}) k;
    insert into teams (id, name, created_at, updated_at)
    select ${uid('team', 'k')}, (array[${TEAM_NAMES.map((t) => `'${t}'`).join(',')}])[k + 1], to_timestamp(${yearAgo - 86400 * 60}), to_timestamp(${yearAgo - 86400 * 60})
      from generate_series(0, ${TEAM_NAMES.length - 1}) k;
    insert into team_members (team_id, agent_id)
    select ${uid('team', `k / ${AGENTS_PER_TEAM}`)}, ${uid('a', 'k')} from generate_series(0, ${A - 1}) k;
    insert into tags (name) select unnest(array[${TAGS.map((t) => `'${t}'`).join(',')}, 'bench']) on conflict do nothing;`);

  // Contacts and their email identities.
  const firstNames = ['Anna', 'Lukas', 'Marie', 'Jonas', 'Sophie', 'Paul', 'Emma', 'Felix', 'Olivia', 'James', 'Emily', 'Noah'];
  const lastNames = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Smith', 'Jones', 'Brown', 'Taylor'];
  for (let a = 0; a < C; a += 100_000) {
    const b = Math.min(C, a + 100_000) - 1;
    await exec(database, `
      insert into contacts (id, name, email, organization_id, locale, created_at, updated_at)
      select ${uid('c', 'k')},
             (array[${firstNames.map((n) => `'${n}'`).join(',')}])[1 + k % ${firstNames.length}] || ' ' ||
             (array[${lastNames.map((n) => `'${n}'`).join(',')}])[1 + (k / ${firstNames.length}) % ${lastNames.length}] || ' ' || k,
             'c' || k || '@bench.example',
             case when k % 10 = 0 then null else ${uid('o', `k % ${O}`)} end,
             case when k % 3 = 0 then 'en' else 'de' end,
             to_timestamp(${yearAgo} + (k::bigint * ${span}) / ${C}), to_timestamp(${yearAgo} + (k::bigint * ${span}) / ${C})
        from generate_series(${a}, ${b}) k;
      insert into contact_identities (id, contact_id, kind, value, verified, created_at)
      select ${uid('ci', 'k')}, ${uid('c', 'k')}, 'email', 'c' || k || '@bench.example', true,
             to_timestamp(${yearAgo} + (k::bigint * ${span}) / ${C})
        from generate_series(${a}, ${b}) k;`);
  }
  const tBase = performance.now();
  opts.log(`seeded ${O} organizations, ${C} contacts, ${A} agents, ${TEAM_NAMES.length} teams in ${((tBase - t0) / 1000).toFixed(1)} s`);

  // Tickets, messages and events, batch by batch. Each batch first materialises its tickets'
  // attributes and message texts in two small unlogged tables, so no statement reads the
  // growing main tables and every batch costs the same.
  let messages = 0;
  let events = 0;
  const statusExpr = (u: string) =>
    `case when ${u} < 40 then 'new' when ${u} < 110 then 'open' when ${u} < 140 then 'pending' when ${u} < 150 then 'on_hold' when ${u} < 400 then 'solved' else 'closed' end`;
  const tagList = TAGS.map((t) => `'${t}'`).join(',');
  await exec(database, `create unlogged table bench_seed.batch_tickets (
      i bigint primary key, id uuid not null, nm int not null, search_text text not null, subject text not null, status text not null,
      priority text not null, type text, channel text not null, requester_id uuid not null, organization_id uuid, team int,
      tags text[] not null, created_at timestamptz not null, assignee_id uuid, team_id uuid, first_reply_at timestamptz,
      solved_at timestamptz, closed_at timestamptz)`);
  for (let a = 1; a <= N; a += opts.batch) {
    const b = Math.min(N, a + opts.batch - 1);
    const tb = performance.now();
    const lap: number[] = [];
    await exec(database, `truncate bench_seed.batch_msgs, bench_seed.batch_tickets;
      insert into bench_seed.batch_msgs (i, j, txt)
      select i, j, s1.txt || ' ' || s2.txt
        from generate_series(${a}::bigint, ${b}::bigint) i
        cross join lateral generate_series(1, 2 + (${h('i', 1)} % 3)::int) j
        join bench_seed.sentences s1 on s1.id = ${h('i * 8 + j', 2)} % ${S}
        join bench_seed.sentences s2 on s2.id = ${h('i * 8 + j', 3)} % ${S};
      insert into bench_seed.batch_tickets (i, id, nm, search_text, subject, status, priority, type, channel, requester_id,
                                            organization_id, team, tags, created_at)
      select m.i, ${uid('t', 'm.i')}, m.nm, m.search_text,
             (select s.txt from bench_seed.subjects s where s.id = ${h('m.i', 8)} % ${subjects.length}),
             ${statusExpr(`${h('m.i', 4)} % 1000`)},
             case when ${h('m.i', 9)} % 100 < 10 then 'low' when ${h('m.i', 9)} % 100 < 80 then 'normal'
                  when ${h('m.i', 9)} % 100 < 95 then 'high' else 'urgent' end,
             (array['question', 'incident', 'problem', 'task', null])[1 + ${h('m.i', 10)} % 5],
             case when ${h('m.i', 11)} % 100 < 60 then 'email' when ${h('m.i', 11)} % 100 < 75 then 'chat'
                  when ${h('m.i', 11)} % 100 < 90 then 'web' when ${h('m.i', 11)} % 100 < 95 then 'phone' else 'api' end,
             ${uid('c', `${h('m.i', 7)} % ${C}`)},
             case when (${h('m.i', 7)} % ${C}) % 10 = 0 then null else ${uid('o', `(${h('m.i', 7)} % ${C}) % ${O}`)} end,
             case when ${h('m.i', 5)} % 10 = 0 then null else (${h('m.i', 5)} % 4)::int end,
             case when ${h('m.i', 12)} % 5 = 0 then '{}'::text[] else array[(array[${tagList}])[1 + ${h('m.i', 12)} % ${TAGS.length}]] end,
             to_timestamp(${yearAgo} + (m.i * ${span}) / ${N} + ${h('m.i', 13)} % 600)
        from (select i, count(*)::int as nm, string_agg(txt, ' ' order by j) as search_text
                from bench_seed.batch_msgs group by i) m;
      update bench_seed.batch_tickets x set
             assignee_id = case when x.status = 'new' then null
                                when x.team is null then ${uid('a', `${h('x.i', 6)} % ${A}`)}
                                else ${uid('a', `x.team * ${AGENTS_PER_TEAM} + ${h('x.i', 6)} % ${AGENTS_PER_TEAM}`)} end,
             team_id = case when x.team is null then null else ${uid('team', 'x.team')} end,
             first_reply_at = case when x.nm > 1 then x.created_at + interval '2 hours' end,
             solved_at = case when x.status in ('solved', 'closed') then x.created_at + x.nm * interval '3 hours' end,
             closed_at = case when x.status = 'closed' then x.created_at + x.nm * interval '3 hours' + interval '4 days' end;`);
    lap.push(performance.now());
    await exec(database, `
      insert into tickets (id, subject, status, priority, type, channel, requester_id, organization_id, assignee_id, team_id, tags,
                           version, first_reply_at, solved_at, closed_at, agent_reply_count, message_count, last_message_at,
                           created_at, updated_at, search_text)
      select x.id, x.subject, x.status, x.priority, x.type, x.channel, x.requester_id, x.organization_id, x.assignee_id, x.team_id,
             x.tags, 1 + x.nm, x.first_reply_at, x.solved_at, x.closed_at, x.nm / 2, x.nm, x.created_at + (x.nm - 1) * interval '3 hours',
             x.created_at, coalesce(x.closed_at, x.created_at + x.nm * interval '3 hours'), x.search_text
        from bench_seed.batch_tickets x
       order by x.i`);
    lap.push(performance.now());
    const mr = await exec(database, `
      insert into messages (id, ticket_id, kind, author_kind, author_agent_id, author_contact_id, body_text, body_html, source, created_at)
      select ${uid('m', 'm.i * 8 + m.j')}, t.id,
             case when m.j % 2 = 0 and ${h('m.i * 8 + m.j', 14)} % 10 = 0 then 'note' else 'public' end,
             case when m.j % 2 = 0 then 'agent' else 'contact' end,
             case when m.j % 2 = 0 then coalesce(t.assignee_id, ${uid('a', `${h('m.i', 6)} % ${A}`)}) end,
             case when m.j % 2 = 1 then t.requester_id end,
             m.txt, '<p>' || m.txt || '</p>', t.channel, t.created_at + (m.j - 1) * interval '3 hours'
        from bench_seed.batch_msgs m
        join bench_seed.batch_tickets t on t.i = m.i
       order by m.i, m.j`);
    lap.push(performance.now());
    const er = await exec(database, `
      insert into ticket_events (ticket_id, type, actor_kind, actor_id, actor_role, before, after, message_id, created_at)
      select e.ticket_id, e.type, e.actor_kind, e.actor_id, e.actor_role, e.before, e.after, e.message_id, e.created_at
        from (
          select t.id as ticket_id, 'created' as type, 'contact' as actor_kind, t.requester_id as actor_id, null as actor_role, null::jsonb as before,
                 jsonb_build_object('status', 'new', 'priority', t.priority, 'type', t.type, 'channel', t.channel, 'requesterId', t.requester_id,
                                    'assigneeId', null, 'teamId', t.team_id, 'tags', t.tags, 'subject', t.subject) as after,
                 null::uuid as message_id, t.created_at, 0 as ord, t.i
            from bench_seed.batch_tickets t
          union all
          select t.id, case when m.j % 2 = 0 and ${h('m.i * 8 + m.j', 14)} % 10 = 0 then 'note' else 'reply' end,
                 case when m.j % 2 = 0 then 'agent' else 'contact' end,
                 case when m.j % 2 = 0 then coalesce(t.assignee_id, ${uid('a', `${h('m.i', 6)} % ${A}`)}) else t.requester_id end,
                 case when m.j % 2 = 0 then 'agent' end, null,
                 jsonb_build_object('kind', case when m.j % 2 = 0 and ${h('m.i * 8 + m.j', 14)} % 10 = 0 then 'note' else 'public' end, 'opening', m.j = 1),
                 ${uid('m', 'm.i * 8 + m.j')}, t.created_at + (m.j - 1) * interval '3 hours', m.j, t.i
            from bench_seed.batch_msgs m
            join bench_seed.batch_tickets t on t.i = m.i
          union all
          select t.id, 'status_changed', 'agent', t.assignee_id, 'agent', to_jsonb('new'::text), to_jsonb(t.status), null,
                 coalesce(t.solved_at, t.first_reply_at, t.created_at + interval '1 hour'), 100, t.i
            from bench_seed.batch_tickets t
           where t.status <> 'new'
        ) e
       order by e.i, e.ord`);
    messages += Number(mr.rowCount ?? 0);
    events += Number(er.rowCount ?? 0);
    const secs = (performance.now() - tb) / 1000;
    const total = (performance.now() - tBase) / 1000;
    lap.push(performance.now());
    const parts = [tb, ...lap].slice(1).map((x, k) => ((x - (k === 0 ? tb : lap[k - 1]!)) / 1000).toFixed(1));
    opts.log(`tickets ${b}/${N}: batch ${secs.toFixed(1)} s (texts ${parts[0]}, tickets ${parts[1]}, messages ${parts[2]}, events ${parts[3]}), ${Math.round(b / total)} tickets/s overall`);
  }
  const tTickets = performance.now();

  for (const ix of indexes) {
    const ti = performance.now();
    await exec(database, ix.def);
    opts.log(`index ${ix.name}: ${((performance.now() - ti) / 1000).toFixed(1)} s`);
  }
  const tIndexes = performance.now();
  await exec(database, `drop schema bench_seed cascade; reset session_replication_role`);
  await exec(database, `vacuum analyze`);
  if (pg) await exec(database, `checkpoint`);
  const tEnd = performance.now();
  const seconds = {
    base: (tBase - t0) / 1000,
    tickets: (tTickets - tBase) / 1000,
    indexes: (tIndexes - tTickets) / 1000,
    analyze: (tEnd - tIndexes) / 1000,
    total: (tEnd - t0) / 1000,
  };
  opts.log(`seeded ${N} tickets, ${messages} messages, ${events} events in ${seconds.total.toFixed(1)} s`);
  return { tickets: N, contacts: C, organizations: O, messages, events, seconds, ticketsPerSecond: N / seconds.total };
}

/** Opens the database the way the server does (PGlite under dataDir, or the PostgreSQL URL on one connection) and seeds it. */
export async function seed(target: { dataDir: string; databaseUrl?: string }, opts: SeedOptions): Promise<SeedResult> {
  const database = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, poolSize: 1 });
  try {
    return await seedDatabase(database, opts);
  } finally {
    await database.close();
  }
}
