import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { agents, teamMembers, teams } from '../../auth/schema.ts';
import { businessMinutesBetween, BusinessCalendarSchema, type BusinessCalendar } from '../../sla/index.ts';
import { toBusinessCalendar } from '../../sla/calendar-store.ts';
import { businessCalendars } from '../../sla/schema.ts';

/** An agent and the business-hours calendars they work by (their teams' calendars). */
export interface AgentSchedule {
  agentId: string;
  name: string;
  calendars: BusinessCalendar[];
}

/**
 * Who works when: each active agent (read-only users excluded) with the calendars of their
 * teams. With `teamId`, only that team's members and only that team's calendar count. An agent
 * in several teams works whenever one of their calendars is open; an agent whose teams have no
 * calendar has no scheduled hours.
 */
export async function agentSchedules(db: Executor, opts: { teamId?: string; agentIds?: string[] } = {}): Promise<AgentSchedule[]> {
  if (opts.agentIds?.length === 0) return [];
  const rows = await db
    .select({ agentId: agents.id, name: agents.name, teamId: teamMembers.teamId, calendar: businessCalendars })
    .from(agents)
    .leftJoin(teamMembers, eq(teamMembers.agentId, agents.id))
    .leftJoin(teams, eq(teams.id, teamMembers.teamId))
    .leftJoin(businessCalendars, eq(businessCalendars.id, teams.calendarId))
    .where(
      and(
        eq(agents.active, true),
        ne(agents.role, 'readonly'),
        opts.agentIds ? inArray(agents.id, opts.agentIds) : undefined,
        opts.teamId ? eq(teamMembers.teamId, opts.teamId) : undefined,
      ),
    )
    .orderBy(agents.name, agents.id);
  const out = new Map<string, AgentSchedule>();
  for (const r of rows) {
    const s = out.get(r.agentId) ?? { agentId: r.agentId, name: r.name, calendars: [] };
    if (r.calendar) {
      const cal = BusinessCalendarSchema.parse(toBusinessCalendar(r.calendar));
      if (!s.calendars.some((c) => JSON.stringify(c) === JSON.stringify(cal))) s.calendars.push(cal);
    }
    out.set(r.agentId, s);
  }
  return [...out.values()];
}

/**
 * Minutes of [start, end) in which the agent is scheduled. With several calendars, the one
 * that covers most of the span decides (exact for one calendar and for nested ones).
 */
export function scheduledMinutes(s: AgentSchedule, start: Date, end: Date): number {
  let best = 0;
  for (const cal of s.calendars) best = Math.max(best, businessMinutesBetween(cal, start, end));
  return best;
}
