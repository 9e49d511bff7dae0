import { businessMinutesBetween, calendarMinutesBetween, type BusinessCalendar } from '../sla/index.ts';
import { replyTimeline } from './replies.ts';
import { resolutionHistory, statusSpans, type StatusSpan } from './status-timeline.ts';
import { isResolvedStatus, type TicketEvent, type TicketStatus } from './ticket-event.ts';

/**
 * A duration in minutes with the fraction kept, measured twice as METRICS §0 asks: on the
 * calendar (UTC difference) and in business hours (null when no calendar was given).
 */
export interface MetricMinutes {
  calendar: number;
  business: number | null;
}

/** One next-reply wait; `time` is null until an agent has answered it. */
export interface NextReplyInstance {
  startedAt: Date;
  answeredAt: Date | null;
  time: MetricMinutes | null;
}

/**
 * The timing and touch metrics of one ticket (METRICS §1.3, §2.1–2.3, §2.8). A duration is
 * null until both of its events have happened.
 */
export interface TicketMetrics {
  createdAt: Date;
  status: TicketStatus;
  /** Solved or closed now. */
  resolved: boolean;
  /** Merged into another ticket; reports leave such tickets out (METRICS §0). */
  mergedAway: boolean;
  firstReplyAt: Date | null;
  firstReplyTime: MetricMinutes | null;
  nextReplyTimes: NextReplyInstance[];
  /** Time in new, open and on-hold. */
  requesterWaitTime: MetricMinutes | null;
  /** Time in new and open. */
  agentWorkTime: MetricMinutes | null;
  /** Time in pending. */
  agentWaitTime: MetricMinutes | null;
  onHoldTime: MetricMinutes | null;
  firstResolvedAt: Date | null;
  /** The latest resolution, while the ticket is still resolved. */
  lastResolvedAt: Date | null;
  /** Creation to first resolution; keeps its value after a reopen. */
  firstResolutionTime: MetricMinutes | null;
  /** Creation to the latest resolution; null while a reopened ticket is unresolved. */
  fullResolutionTime: MetricMinutes | null;
  reopens: number;
  /** Public replies by agents over the ticket's whole life, the opening message excluded. */
  agentReplies: number;
  /** Zendesk-compatible one-touch: resolved with fewer than 2 agent replies. */
  oneTouch: boolean;
  /** Resolved without any agent reply. */
  noTouch: boolean;
  /** First-contact resolution: resolved with exactly 1 agent reply and no follow-up (METRICS §2.3). */
  fcr: boolean;
}

/** How to measure a ticket. */
export interface TicketMetricsOptions {
  /** Business hours for the `business` half of each duration. */
  calendar?: BusinessCalendar;
  /**
   * The moment of measurement for a ticket that is not resolved: the status totals then run up
   * to it. Without it they stay null until the ticket is resolved.
   */
  asOf?: Date;
  /**
   * Whether the requester came back with a follow-up or new ticket within the FCR window
   * (R days after the solve, 7 by default per METRICS §2.3). Callers decide, since it takes other
   * tickets to know; a ticket with a follow-up is not FCR.
   */
  hasFollowUp?: boolean;
}

function measure(calendar: BusinessCalendar | undefined, from: Date, to: Date): MetricMinutes {
  return {
    calendar: calendarMinutesBetween(from, to),
    business: calendar ? businessMinutesBetween(calendar, from, to) : null,
  };
}

/** Total time spent in some statuses, or null while an unresolved ticket has no `asOf`. */
function timeIn(spans: readonly StatusSpan[], statuses: readonly TicketStatus[], o: TicketMetricsOptions): MetricMinutes | null {
  if (!isResolvedStatus(spans[spans.length - 1]!.status) && !o.asOf) return null;
  const total: MetricMinutes = { calendar: 0, business: o.calendar ? 0 : null };
  for (const span of spans) {
    if (!statuses.includes(span.status)) continue;
    const to = span.to ?? o.asOf!;
    const part = measure(o.calendar, span.from, to > span.from ? to : span.from);
    total.calendar += part.calendar;
    if (total.business !== null) total.business += part.business!;
  }
  return total;
}

/**
 * Computes a ticket's metrics from its event log, oldest first (the rows of `ticket_events`).
 * Every duration comes in calendar and business minutes.
 *
 * @example ticketMetrics(rows, { calendar: berlinOffice }).firstReplyTime // { calendar: 60, business: 60 }
 */
export function ticketMetrics(events: readonly TicketEvent[], options: TicketMetricsOptions = {}): TicketMetrics {
  const spans = statusSpans(events);
  const { resolvedAt, reopens } = resolutionHistory(spans);
  const replies = replyTimeline(events);
  const createdAt = spans[0]!.from;
  const status = spans[spans.length - 1]!.status;
  const resolved = isResolvedStatus(status);
  const firstResolvedAt = resolvedAt[0] ?? null;
  const lastResolvedAt = resolved ? resolvedAt[resolvedAt.length - 1]! : null;
  const firstReplyAt = replies.firstReply?.answeredAt ?? null;
  const between = (from: Date | null | undefined, to: Date | null) => (from && to ? measure(options.calendar, from, to) : null);

  return {
    createdAt,
    status,
    resolved,
    mergedAway: events.some((e) => e.type === 'merged_into'),
    firstReplyAt,
    firstReplyTime: between(replies.firstReply?.startedAt, firstReplyAt),
    nextReplyTimes: replies.nextReplies.map((w) => ({ ...w, time: between(w.startedAt, w.answeredAt) })),
    requesterWaitTime: timeIn(spans, ['new', 'open', 'on_hold'], options),
    agentWorkTime: timeIn(spans, ['new', 'open'], options),
    agentWaitTime: timeIn(spans, ['pending'], options),
    onHoldTime: timeIn(spans, ['on_hold'], options),
    firstResolvedAt,
    lastResolvedAt,
    firstResolutionTime: between(createdAt, firstResolvedAt),
    fullResolutionTime: between(createdAt, lastResolvedAt),
    reopens,
    agentReplies: replies.agentReplies,
    oneTouch: resolved && replies.agentReplies < 2,
    noTouch: resolved && replies.agentReplies === 0,
    fcr: resolved && replies.agentReplies === 1 && !options.hasFollowUp,
  };
}
