import { DateTime } from 'luxon';
import type { StaffingInterval, StaffingPlan, StaffingPlanQueryInput } from '@servus/shared';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { agentSchedules, scheduledMinutes } from './agent-calendars.ts';
import { requiredAgents } from './erlang-c.ts';
import { contactsByHourOfWeek } from './history.ts';
import { getStaffingSettings } from './settings.ts';

const HOUR_SECONDS = 3600;
/** An agent counts as scheduled in an hour when their calendar is open for at least half of it. */
const SCHEDULED_MINUTES = 30;

/**
 * The week plan: expected contacts per local hour of the week (the average over the last
 * `weeks` full weeks before the current one), the agents Erlang C asks for in each hour, the
 * agents whose calendar is open in that hour of the current week, and the gap. Handle time and
 * target come from the query, else the channel's settings. Email and other async channels use
 * their reply-time target with the same Erlang math.
 */
export async function staffingPlan(db: Executor, now: Date, q: StaffingPlanQueryInput & { timeZone: string }): Promise<StaffingPlan> {
  const defaults = (await getStaffingSettings(db)).channels[q.channel ?? 'email'];
  const ahtSeconds = q.ahtSeconds ?? defaults.ahtSeconds;
  const targetSeconds = q.targetSeconds ?? defaults.targetSeconds;
  const thisWeek = DateTime.fromJSDate(q.asOf ? new Date(q.asOf) : now, { zone: q.timeZone }).startOf('week');
  const from = thisWeek.minus({ weeks: q.weeks });
  const counts = await contactsByHourOfWeek(db, { from: from.toJSDate(), to: thisWeek.toJSDate(), timeZone: q.timeZone, channel: q.channel, teamId: q.teamId });
  const schedules = await agentSchedules(db, { teamId: q.teamId });

  const intervals: StaffingInterval[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    // Luxon weeks start on Monday (1); Sunday (0) is the seventh day.
    const day = thisWeek.plus({ days: (weekday + 6) % 7 });
    for (let hour = 0; hour < 24; hour++) {
      const volume = counts[weekday]![hour]! / q.weeks;
      let decision;
      try {
        decision = requiredAgents({ volume, intervalSeconds: HOUR_SECONDS, ahtSeconds, targetSeconds, serviceLevel: q.serviceLevel, maxOccupancy: q.maxOccupancy, shrinkage: q.shrinkage });
      } catch (err) {
        if (err instanceof AppError) throw new AppError('validation_failed', err.message, [{ path: 'querystring.ahtSeconds', message: err.message }]);
        throw err;
      }
      const start = day.set({ hour });
      const end = start.plus({ hours: 1 });
      const scheduled = schedules.filter((s) => scheduledMinutes(s, start.toJSDate(), end.toJSDate()) >= SCHEDULED_MINUTES).length;
      intervals.push({ weekday, hour, volume, trafficIntensity: decision.trafficIntensity, needed: decision.scheduledAgents, scheduled, gap: scheduled - decision.scheduledAgents });
    }
  }
  return {
    channel: q.channel ?? null,
    teamId: q.teamId ?? null,
    timeZone: q.timeZone,
    weeks: q.weeks,
    from: from.toUTC().toISO()!,
    to: thisWeek.toUTC().toISO()!,
    ahtSeconds,
    targetSeconds,
    serviceLevel: q.serviceLevel,
    maxOccupancy: q.maxOccupancy,
    shrinkage: q.shrinkage,
    asyncTarget: defaults.async,
    intervals,
    totals: {
      volume: intervals.reduce((sum, i) => sum + i.volume, 0),
      shortfallHours: intervals.filter((i) => i.gap < 0).length,
      peakNeeded: Math.max(0, ...intervals.map((i) => i.needed)),
    },
  };
}
