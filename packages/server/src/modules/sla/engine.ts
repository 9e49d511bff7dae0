import type { SlaMetricName, SlaPolicy, TicketSla, TicketSlaTarget } from '@servus/shared';
import { isAgentReply, replyTimeline } from '../analytics/replies.ts';
import { resolutionHistory, statusSpans } from '../analytics/status-timeline.ts';
import { isResolvedStatus, type TicketEvent, type TicketStatus } from '../analytics/ticket-event.ts';
import { addBusinessMinutes, businessMinutesBetween, calendarMinutesBetween } from './business-hours.ts';
import type { BusinessCalendar } from './calendar.ts';

/** The ticket fields that pick a policy and its targets. */
export interface SlaTicket {
  priority: 'low' | 'normal' | 'high' | 'urgent';
  channel: string;
  teamId: string | null;
  organizationId: string | null;
  tags: readonly string[];
  /** The tier of the ticket's organization; only looked up when a policy asks for tiers. */
  organizationTier?: string | null;
}

/** What the engine needs of a policy. */
export type SlaPolicyLike = Pick<SlaPolicy, 'id' | 'name' | 'active' | 'conditions' | 'targets' | 'warnBeforeMinutes'>;

/** Whether every condition of a policy holds for the ticket; inside one condition any listed value matches. */
export function policyMatches(policy: Pick<SlaPolicy, 'conditions'>, t: SlaTicket): boolean {
  const c = policy.conditions;
  if (c.priorities?.length && !c.priorities.includes(t.priority)) return false;
  if (c.channels?.length && !(c.channels as readonly string[]).includes(t.channel)) return false;
  if (c.teamIds?.length && (!t.teamId || !c.teamIds.includes(t.teamId))) return false;
  if (c.organizationIds?.length && (!t.organizationId || !c.organizationIds.includes(t.organizationId))) return false;
  if (c.tags?.length && !c.tags.some((tag) => t.tags.includes(tag))) return false;
  if (c.tiers?.length) {
    const tier = t.organizationTier?.toLowerCase();
    if (!tier || !c.tiers.some((x) => x.toLowerCase() === tier)) return false;
  }
  return true;
}

/** The first active policy, in the given (position) order, whose conditions match; null when none does. */
export function selectPolicy<P extends SlaPolicyLike>(policies: readonly P[], t: SlaTicket): P | null {
  return policies.find((p) => p.active && policyMatches(p, t)) ?? null;
}

/** One run of a clock: running segments (pauses are the gaps between them) and its fulfilment. */
interface ClockInstance {
  /** Half-open stretches in which the clock runs, in order; `to` null = still running. */
  segments: { from: Date; to: Date | null }[];
  fulfilledAt: Date | null;
}

interface Measure {
  between(from: Date, to: Date): number;
  add(from: Date, minutes: number): Date;
}

function measureFor(businessHours: boolean, calendar: BusinessCalendar | undefined): Measure {
  if (businessHours && calendar) {
    return { between: (a, b) => businessMinutesBetween(calendar, a, b), add: (a, m) => addBusinessMinutes(calendar, a, m) };
  }
  return { between: (a, b) => Math.max(0, calendarMinutesBetween(a, b)), add: (a, m) => new Date(a.getTime() + Math.round(m * 60_000)) };
}

/**
 * Evaluates one clock instance against a target as of `now`: elapsed minutes (pauses left
 * out), the breach instant, and the status (METRICS §1.2 "Achieved vs breached"): breached when
 * fulfilled with more than the target elapsed, or when the due time has passed unfulfilled.
 */
function evaluate(metric: SlaMetricName, target: { minutes: number; businessHours: boolean }, inst: ClockInstance, m: Measure, now: Date): TicketSlaTarget {
  const end = inst.fulfilledAt ?? now;
  let elapsed = 0;
  let crossing: Date | null = null;
  let running: { from: Date; before: number } | null = null;
  for (const seg of inst.segments) {
    if (seg.from > end) break;
    const segEnd = seg.to && seg.to < end ? seg.to : end;
    const part = m.between(seg.from, segEnd);
    if (!crossing && elapsed + part >= target.minutes) crossing = m.add(seg.from, target.minutes - elapsed);
    if (!inst.fulfilledAt && seg.to === null) running = { from: seg.from, before: elapsed };
    elapsed += part;
  }
  const base = { metric, targetMinutes: target.minutes, businessHours: target.businessHours, elapsedMinutes: elapsed };
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  if (inst.fulfilledAt) {
    const late = elapsed > target.minutes;
    return { ...base, status: late ? 'breached' : 'achieved', dueAt: late ? iso(crossing) : null, fulfilledAt: inst.fulfilledAt.toISOString(), breachedAt: late ? iso(crossing) : null };
  }
  if (running) {
    const due = running.before >= target.minutes ? crossing! : m.add(running.from, target.minutes - running.before);
    if (due.getTime() <= now.getTime()) return { ...base, status: 'breached', dueAt: due.toISOString(), fulfilledAt: null, breachedAt: due.toISOString() };
    return { ...base, status: 'active', dueAt: due.toISOString(), fulfilledAt: null, breachedAt: null };
  }
  if (crossing) return { ...base, status: 'breached', dueAt: crossing.toISOString(), fulfilledAt: null, breachedAt: crossing.toISOString() };
  return { ...base, status: 'paused', dueAt: null, fulfilledAt: null, breachedAt: null };
}

const COUNTING_FOR_RESOLUTION: ReadonlySet<TicketStatus> = new Set(['new', 'open', 'on_hold']);

/**
 * The clock instances of each metric, from the event log. Reply clocks that are still open when
 * the ticket is resolved stop at the resolution (nobody owes a reply on a solved ticket).
 */
export function clockInstances(events: readonly TicketEvent[]): Record<SlaMetricName, ClockInstance[]> {
  const spans = statusSpans(events);
  const current = spans[spans.length - 1]!;
  const resolvedNow = isResolvedStatus(current.status);
  const lastResolvedAt = resolvedNow ? (resolutionHistory(spans).resolvedAt.at(-1) ?? current.from) : null;
  const closeOpen = (from: Date, answeredAt: Date | null): ClockInstance => {
    const stop = answeredAt ?? (lastResolvedAt && lastResolvedAt >= from ? lastResolvedAt : null);
    return { segments: [{ from, to: stop }], fulfilledAt: stop };
  };

  const timeline = replyTimeline(events);
  const firstReply = timeline.firstReply ? [closeOpen(timeline.firstReply.startedAt, timeline.firstReply.answeredAt)] : [];
  const nextReply = timeline.nextReplies.map((w) => closeOpen(w.startedAt, w.answeredAt));

  // Periodic update: from creation to the first public agent reply, then between replies.
  const created = events[0]!.createdAt;
  const replies = events.filter(isAgentReply).map((e) => e.createdAt);
  const periodic: ClockInstance[] = [];
  let from = created;
  for (const at of replies) {
    periodic.push({ segments: [{ from, to: at }], fulfilledAt: at });
    from = at;
  }
  periodic.push(closeOpen(from, null));

  // Resolution (requester wait): counts New, Open and On-hold, pauses in Pending, fulfilled while
  // solved or closed; a reopen resumes the running total (METRICS §9.6).
  const segments = spans.filter((s) => COUNTING_FOR_RESOLUTION.has(s.status)).map((s) => ({ from: s.from, to: s.to }));
  const resolution: ClockInstance[] = [{ segments, fulfilledAt: lastResolvedAt }];

  return { first_reply: firstReply, next_reply: nextReply, periodic_update: periodic, resolution };
}

/**
 * The SLA of one ticket as of `now`, computed from its event log alone (pure). Targets come from
 * the policy for the ticket's current priority; business-hour targets use `calendar`, or
 * calendar time without one. Each metric shows its latest clock instance; a clock that has not
 * started yet (no customer message on a ticket an agent opened, no next-reply wait) is left out.
 */
export function ticketSla(events: readonly TicketEvent[], ticket: SlaTicket, policy: SlaPolicyLike | null, calendar: BusinessCalendar | undefined, now: Date): TicketSla | null {
  if (!policy) return null;
  const targets = policy.targets[ticket.priority] ?? {};
  const instances = clockInstances(events);
  const out: TicketSlaTarget[] = [];
  for (const metric of ['first_reply', 'next_reply', 'periodic_update', 'resolution'] as const) {
    const target = targets[metric];
    const inst = instances[metric].at(-1);
    if (!target || !inst) continue;
    const t = { minutes: target.minutes, businessHours: target.businessHours ?? true };
    out.push(evaluate(metric, t, inst, measureFor(t.businessHours, calendar), now));
  }
  const due = out.filter((t) => t.status === 'active' && t.dueAt).map((t) => t.dueAt!).sort();
  return { policyId: policy.id, policyName: policy.name, warnBeforeMinutes: policy.warnBeforeMinutes, targets: out, nextBreachAt: due[0] ?? null };
}

/** Every instance of every measured metric, evaluated (for the breach/warning job). */
export function allTargetInstances(events: readonly TicketEvent[], ticket: SlaTicket, policy: SlaPolicyLike, calendar: BusinessCalendar | undefined, now: Date) {
  const targets = policy.targets[ticket.priority] ?? {};
  const instances = clockInstances(events);
  const out: { metric: SlaMetricName; index: number; startedAt: Date; result: TicketSlaTarget }[] = [];
  for (const metric of ['first_reply', 'next_reply', 'periodic_update', 'resolution'] as const) {
    const target = targets[metric];
    if (!target) continue;
    const t = { minutes: target.minutes, businessHours: target.businessHours ?? true };
    instances[metric].forEach((inst, index) => {
      out.push({ metric, index, startedAt: inst.segments[0]?.from ?? events[0]!.createdAt, result: evaluate(metric, t, inst, measureFor(t.businessHours, calendar), now) });
    });
  }
  return out;
}
