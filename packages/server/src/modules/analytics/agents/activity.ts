import { DateTime } from 'luxon';
import { scheduledMinutes, type AgentSchedule } from '../staffing/agent-calendars.ts';

const MINUTE_MS = 60_000;
/** Each action stands for this much work before it (reading, typing). */
export const ACTION_MINUTES = 5;
/** Actions closer together than this belong to one stretch of work. */
export const SESSION_GAP_MINUTES = 30;

/** A stretch of continuous work, [start, end). */
export interface WorkSession {
  start: Date;
  end: Date;
}

/**
 * Turns an agent's actions (replies, notes, status changes) into stretches of work: each action
 * counts for the five minutes before it, and actions at most 30 minutes apart join into one
 * stretch, the time between them included.
 */
export function workSessions(actions: readonly Date[]): WorkSession[] {
  const sorted = [...actions].sort((a, b) => a.getTime() - b.getTime());
  const sessions: WorkSession[] = [];
  for (const at of sorted) {
    const start = at.getTime() - ACTION_MINUTES * MINUTE_MS;
    const last = sessions[sessions.length - 1];
    if (last && start - last.end.getTime() <= (SESSION_GAP_MINUTES - ACTION_MINUTES) * MINUTE_MS) {
      if (at > last.end) last.end = at;
    } else {
      sessions.push({ start: new Date(start), end: at });
    }
  }
  return sessions;
}

/** Cuts sessions at local midnights so each piece belongs to one local day (`YYYY-MM-DD`). */
export function splitByLocalDay(sessions: readonly WorkSession[], timeZone: string): Array<WorkSession & { day: string }> {
  const out: Array<WorkSession & { day: string }> = [];
  for (const s of sessions) {
    let from = DateTime.fromJSDate(s.start, { zone: timeZone });
    const end = DateTime.fromJSDate(s.end, { zone: timeZone });
    while (from < end) {
      const midnight = from.plus({ days: 1 }).startOf('day');
      const to = midnight < end ? midnight : end;
      out.push({ start: from.toJSDate(), end: to.toJSDate(), day: from.toISODate()! });
      from = to;
    }
  }
  return out;
}

/**
 * Minutes worked outside scheduled hours per local day of the agent's (first) calendar zone;
 * null when the agent has no calendar, since then no hours are "outside".
 */
export function minutesOutsideHoursByDay(schedule: AgentSchedule, actions: readonly Date[]): Map<string, number> | null {
  const zone = schedule.calendars[0]?.timeZone;
  if (!zone) return null;
  const byDay = new Map<string, number>();
  for (const piece of splitByLocalDay(workSessions(actions), zone)) {
    const total = (piece.end.getTime() - piece.start.getTime()) / MINUTE_MS;
    const outside = Math.max(0, total - scheduledMinutes(schedule, piece.start, piece.end));
    if (outside > 0) byDay.set(piece.day, (byDay.get(piece.day) ?? 0) + outside);
  }
  return byDay;
}
