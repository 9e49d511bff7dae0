/**
 * Report facts for a database seeded by `seed.ts`, written with set-based SQL instead of
 * replaying each ticket's event log (which `npm run reports:recompute` does, one ticket at a
 * time). The figures are derived from the seeded ticket columns plus a per-ticket hash, so every
 * KPI has plausible, deterministic data: replies, solves, reopens, escalations, chat outcomes
 * and one SLA target per replied ticket. The daily rows are built from cumulative counts, which
 * is exact here because every seeded ticket has at most one unsolved stretch.
 */
import type { Database } from '../packages/server/src/platform/db.ts';

const h = (salt: number) => `abs(hashtextextended(t.id::text, ${salt}))`;

/** The id of the SLA policy the seeded targets belong to. */
export const BENCH_POLICY_ID = '00000000-0000-4000-8000-00000000be11';

async function exec(database: Database, text: string, values: unknown[] = []) {
  return database.raw.executeSql(text, values);
}

/** Secondary indexes of a report table (all but its primary key), dropped for the load and rebuilt after it from their own definitions. */
async function secondaryIndexes(database: Database, table: string): Promise<{ name: string; def: string }[]> {
  const r = await exec(
    database,
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype = 'p')`,
    [table],
  );
  return r.rows.map((x) => ({ name: String(x.name), def: String(x.def) }));
}

/**
 * Fills `report_ticket_facts` for every seeded ticket and `report_daily` for every local day
 * of the seeded year in `tz`, then analyzes both tables. Returns the seconds each part took.
 */
export async function seedReportFacts(database: Database, opts: { tz: string; batch: number; log: (line: string) => void }): Promise<{ facts: number; daily: number; indexes: number }> {
  const t0 = performance.now();
  await exec(database, `set session_replication_role = replica`);
  await exec(
    database,
    `insert into sla_policies (id, name, active, position, conditions, targets)
     values ($1, 'Standard 8h', true, 0, '{}'::jsonb, '{"normal":{"first_reply":{"minutes":480,"businessHours":false}},"high":{"first_reply":{"minutes":480,"businessHours":false}}}'::jsonb)
     on conflict do nothing`,
    [BENCH_POLICY_ID],
  );
  const indexes = [...(await secondaryIndexes(database, 'report_ticket_facts')), ...(await secondaryIndexes(database, 'report_sla_targets'))];
  for (const ix of indexes) await exec(database, `drop index if exists public."${ix.name}"`);
  const [{ n }] = (await exec(database, `select coalesce(max(number), 0)::bigint as n from tickets`)).rows as [{ n: number }];
  const total = Number(n);
  for (let from = 0; from < total; from += opts.batch) {
    await exec(
      database,
      `with t as (
         select t.*, (${h(21)} % 2880) / 2.0 as frt, ${h(22)} % 100 as r, ${h(23)} % 100 as e, ${h(24)} % 100 as c
           from tickets t where t.number > ${from} and t.number <= ${from + opts.batch}
       ), x as (
         select t.*, case when t.agent_reply_count > 0 then t.created_at + t.frt * interval '1 minute' end as reply_at,
                t.status in ('solved', 'closed') as resolved,
                case when t.status in ('solved', 'closed') then greatest(t.solved_at, t.created_at + t.frt * interval '1 minute') end as solved
           from t
       )
       insert into report_ticket_facts (ticket_id, created_at, team_id, assignee_id, requester_id, organization_id, channel, priority, status, tags,
         merged, first_reply_at, frt_calendar, frt_business, first_solved_at, last_solved_at, first_resolution_calendar, first_resolution_business,
         full_resolution_calendar, full_resolution_business, agent_replies, reopens, reopened_within_7d, one_touch, no_touch, fcr, escalated_at,
         escalated_hierarchical, escalated_functional, chat_outcome, sla_achieved, sla_breached, sla_targets, sla_first_at, sla_last_at, unsolved, refreshed_at)
       select x.id, x.created_at, x.team_id, x.assignee_id, x.requester_id, x.organization_id, x.channel, x.priority, x.status, x.tags, false,
         x.reply_at, case when x.reply_at is not null then x.frt end, case when x.reply_at is not null then x.frt * 0.4 end,
         x.solved, x.solved,
         extract(epoch from x.solved - x.created_at) / 60, extract(epoch from x.solved - x.created_at) / 150,
         extract(epoch from x.solved - x.created_at) / 60, extract(epoch from x.solved - x.created_at) / 150,
         x.agent_reply_count, case when x.resolved and x.r < 6 then 1 else 0 end, x.resolved and x.r < 5,
         x.resolved and x.agent_reply_count < 2, x.resolved and x.agent_reply_count = 0, x.resolved and x.agent_reply_count = 1 and x.r >= 10,
         case when x.e < 3 then x.created_at + interval '1 hour' end, x.e < 2, x.e = 2,
         case when x.channel = 'chat' then case when x.c < 10 then 'offline' when x.c < 15 then 'missed' when x.c < 19 then 'dropped' else 'served' end end,
         case when x.reply_at is not null and x.frt <= 480 then 1 else 0 end, case when x.reply_at is not null and x.frt > 480 then 1 else 0 end,
         case when x.reply_at is null then '[]'::jsonb
              else jsonb_build_array(jsonb_build_object('metric', 'first_reply', 'policyId', '${BENCH_POLICY_ID}',
                     'status', case when x.frt <= 480 then 'achieved' else 'breached' end,
                     'at', to_jsonb(case when x.frt <= 480 then x.reply_at else x.created_at + interval '480 minutes' end))) end,
         case when x.reply_at is not null then least(x.reply_at, x.created_at + interval '480 minutes') end,
         case when x.reply_at is not null then least(x.reply_at, x.created_at + interval '480 minutes') end,
         case when x.resolved then tstzmultirange(tstzrange(x.created_at, x.solved)) else tstzmultirange(tstzrange(x.created_at, null)) end,
         now()
       from x`,
    );
    opts.log(`facts ${Math.min(total, from + opts.batch)}/${total}`);
  }
  await exec(
    database,
    `insert into report_sla_targets (ticket_id, idx, metric, policy_id, status, at, team_id, assignee_id, organization_id, channel, priority, tags, merged)
     select f.ticket_id, 0, e->>'metric', (e->>'policyId')::uuid, e->>'status', (e->>'at')::timestamptz,
            f.team_id, f.assignee_id, f.organization_id, f.channel, f.priority, f.tags, f.merged
       from report_ticket_facts f cross join lateral jsonb_array_elements(f.sla_targets) e
      where f.sla_last_at is not null`,
  );
  const tFacts = performance.now();
  for (const ix of indexes) await exec(database, ix.def);
  const tIndexes = performance.now();
  await exec(
    database,
    `with days as (
       select d::date as day, (d + interval '1 day') at time zone $1 as day_end, (d + interval '23 hours 59 minutes') at time zone $1 as snap
         from generate_series(date_trunc('day', (select min(created_at) from report_ticket_facts) at time zone $1),
                              date_trunc('day', now() at time zone $1) - interval '1 day', interval '1 day') d
     ), created as (
       select date_trunc('day', created_at at time zone $1)::date as day, count(*)::int as n from report_ticket_facts where not merged group by 1
     ), solved as (
       select date_trunc('day', last_solved_at at time zone $1)::date as day, count(*)::int as n from report_ticket_facts where not merged and last_solved_at is not null group by 1
     ), late as (
       select d.day,
              (select count(*) from report_ticket_facts f where not f.merged and f.last_solved_at >= d.snap and f.last_solved_at < d.day_end)::int as solved,
              (select count(*) from report_ticket_facts f where not f.merged and f.created_at >= d.snap and f.created_at < d.day_end)::int as created
         from days d
     )
     insert into report_daily (day, tz, created, solved, backlog, snapshot_at)
     select d.day, $1, coalesce(c.n, 0), coalesce(s.n, 0),
            (sum(coalesce(c.n, 0)) over w - sum(coalesce(s.n, 0)) over w - l.created + l.solved)::int, d.snap
       from days d left join created c on c.day = d.day left join solved s on s.day = d.day join late l on l.day = d.day
     window w as (order by d.day rows between unbounded preceding and current row)
     on conflict (day, tz) do update set created = excluded.created, solved = excluded.solved, backlog = excluded.backlog, snapshot_at = excluded.snapshot_at`,
    [opts.tz],
  );
  await exec(database, `reset session_replication_role`);
  await exec(database, `vacuum analyze report_ticket_facts`);
  await exec(database, `vacuum analyze report_daily`);
  await exec(database, `vacuum analyze report_sla_targets`);
  const tEnd = performance.now();
  opts.log(`facts for ${total} tickets in ${((tFacts - t0) / 1000).toFixed(1)} s, indexes ${((tIndexes - tFacts) / 1000).toFixed(1)} s, daily rows and analyze ${((tEnd - tIndexes) / 1000).toFixed(1)} s`);
  return { facts: (tFacts - t0) / 1000, indexes: (tIndexes - tFacts) / 1000, daily: (tEnd - tIndexes) / 1000 };
}
