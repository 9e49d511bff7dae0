import { DateTime } from 'luxon';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AgentActor } from '../../../platform/actor.ts';
import type { AgentReport, AgentReportRow } from '@servus/shared';
import { queryRows, type Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { agents, teamMembers, teams } from '../../auth/schema.ts';
import { agentSchedules, type AgentSchedule } from '../staffing/agent-calendars.ts';
import { minutesOutsideHoursByDay } from './activity.ts';
import { firstReplyMinutesByAgent, median } from './first-replies.ts';
import { capacities, loadSpans, overCapacityDays } from './load-history.ts';
import { AFTER_HOURS, CAPACITY_DAYS, FALLBACK_ZONE, lastDays, lastWorkingDays, workloadSignals } from './workload.ts';

/** The agents a caller may see in reports: admins all, others the members of their own teams and themselves. */
async function visibleAgentIds(db: Executor, actor: AgentActor, teamId?: string): Promise<string[]> {
  if (teamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    if (!team || (actor.role !== 'admin' && !actor.teamIds.includes(teamId))) throw notFound('team');
  }
  const scope = teamId ? [teamId] : actor.role === 'admin' ? null : actor.teamIds;
  const base = and(eq(agents.active, true), ne(agents.role, 'readonly'));
  if (scope === null) return (await db.select({ id: agents.id }).from(agents).where(base)).map((r) => r.id);
  const members = scope.length
    ? await db.selectDistinct({ id: teamMembers.agentId }).from(teamMembers).innerJoin(agents, eq(agents.id, teamMembers.agentId)).where(and(base, inArray(teamMembers.teamId, scope)))
    : [];
  const ids = new Set(members.map((m) => m.id));
  if (!teamId) ids.add(actor.id);
  return [...ids];
}

async function countBy(db: Executor, query: ReturnType<typeof sql>): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; n: number }>(db, query);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** CSAT share per agent over surveys answered in the period; empty when the survey tables are not there. */
async function csatByAgent(db: Executor, ids: string[], from: Date, to: Date): Promise<Map<string, number>> {
  const [exists] = await queryRows<{ ok: boolean }>(db, sql`select to_regclass('public.survey_responses') is not null and to_regclass('public.surveys') is not null as ok`);
  if (!exists?.ok) return new Map();
  const rows = await queryRows<{ id: string; good: number; bad: number }>(
    db,
    sql`select s.agent_id as id, count(*) filter (where r.good)::int as good, count(*) filter (where r.good = false)::int as bad
        from surveys s join survey_responses r on r.survey_id = s.id
        where s.kind = 'csat' and s.agent_id in (${idList(ids)})
          and r.answered_at >= ${from.toISOString()}::timestamptz and r.answered_at < ${to.toISOString()}::timestamptz
        group by s.agent_id`,
  );
  const out = new Map<string, number>();
  for (const r of rows) if (Number(r.good) + Number(r.bad) > 0) out.set(r.id, Number(r.good) / (Number(r.good) + Number(r.bad)));
  return out;
}

/** Each agent's replies, notes and status changes in [from, to). */
async function actionsByAgent(db: Executor, ids: string[], from: Date, to: Date): Promise<Map<string, Date[]>> {
  const rows = await queryRows<{ id: string; at: Date | string }>(
    db,
    sql`select actor_id as id, created_at as at from ticket_events
        where actor_kind = 'agent' and actor_id in (${idList(ids)}) and type in ('reply', 'note', 'status_changed')
          and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz`,
  );
  const out = new Map<string, Date[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(new Date(r.at));
    else out.set(r.id, [new Date(r.at)]);
  }
  return out;
}

function sumInPeriod(byDay: Map<string, number> | null, zone: string, from: Date, to: Date): number | null {
  if (!byDay) return null;
  const first = DateTime.fromJSDate(from, { zone }).toISODate()!;
  const last = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone }).toISODate()!;
  let total = 0;
  for (const [day, minutes] of byDay) if (day >= first && day <= last) total += minutes;
  return Math.round(total * 10) / 10;
}

/**
 * The agents report: per agent open tickets, active chats, public replies and first-reply median
 * in the period, CSAT, minutes worked outside scheduled hours, and the workload-too-high signal
 * with its reason. Only agents the caller may see are listed.
 */
export async function agentReport(db: Executor, actor: AgentActor, q: { from: Date; to: Date; teamId?: string }): Promise<AgentReport> {
  const ids = await visibleAgentIds(db, actor, q.teamId);
  const base: AgentReport = { from: q.from.toISOString(), to: q.to.toISOString(), teamId: q.teamId ?? null, data: [] };
  if (ids.length === 0) return base;
  const people = await db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids)).orderBy(asc(agents.name), asc(agents.id));
  const schedules = new Map((await agentSchedules(db, { agentIds: ids })).map((s) => [s.agentId, s]));
  const scheduleOf = (id: string): AgentSchedule => schedules.get(id) ?? { agentId: id, name: '', calendars: [] };

  const open = await countBy(db, sql`select assignee_id as id, count(*)::int as n from tickets where assignee_id in (${idList(ids)}) and status in ('new', 'open', 'pending', 'on_hold') and merged_into_id is null group by 1`);
  const chats = await countBy(db, sql`select agent_id as id, count(*)::int as n from chat_conversations where agent_id in (${idList(ids)}) and status = 'active' group by 1`);
  const replies = await countBy(
    db,
    sql`select actor_id as id, count(*)::int as n from ticket_events
        where type = 'reply' and actor_kind = 'agent' and actor_id in (${idList(ids)}) and after->>'kind' = 'public' and coalesce(after->>'opening', 'false') <> 'true'
          and created_at >= ${q.from.toISOString()}::timestamptz and created_at < ${q.to.toISOString()}::timestamptz
        group by 1`,
  );
  const frt = await firstReplyMinutesByAgent(db, ids, q.from, q.to);
  const csat = await csatByAgent(db, ids, q.from, q.to);

  // Windows of the two workload rules, per agent, and the one time range covering them all.
  // They end with the period's last instant, so a period ending at midnight ends on the day before.
  const last = new Date(q.to.getTime() - 1);
  const windows = new Map(ids.map((id) => {
    const s = scheduleOf(id);
    const zone = s.calendars[0]?.timeZone ?? FALLBACK_ZONE;
    return [id, { zone, working: lastWorkingDays(s, last, CAPACITY_DAYS.of), recent: lastDays(zone, last, AFTER_HOURS.of) }];
  }));
  const earliest = [...windows.values()].flatMap((w) => [...w.working, ...w.recent].map((d) => DateTime.fromISO(d, { zone: w.zone }).toMillis()));
  const lookback = new Date(Math.min(q.from.getTime(), ...earliest));
  const actions = await actionsByAgent(db, ids, lookback, q.to);
  const spans = await loadSpans(db, ids, lookback, q.to);
  const caps = await capacities(db, ids);

  base.data = people.map((p): AgentReportRow => {
    const s = scheduleOf(p.id);
    const w = windows.get(p.id)!;
    const afterHours = minutesOutsideHoursByDay(s, actions.get(p.id) ?? []);
    const over = overCapacityDays(spans.filter((x) => x.agentId === p.id), caps.get(p.id)!, w.zone);
    return {
      agentId: p.id,
      name: p.name,
      openTickets: open.get(p.id) ?? 0,
      activeChats: chats.get(p.id) ?? 0,
      replies: replies.get(p.id) ?? 0,
      frtMedianMinutes: median(frt.get(p.id) ?? []),
      csat: csat.get(p.id) ?? null,
      minutesOutsideHours: sumInPeriod(afterHours, w.zone, q.from, q.to),
      workload: workloadSignals({ overCapacityDays: over, workingDays: w.working, afterHoursByDay: afterHours, recentDays: w.recent }),
    };
  });
  return base;
}
