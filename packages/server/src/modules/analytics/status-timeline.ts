import { isResolvedStatus, statusOf, type TicketEvent, type TicketStatus } from './ticket-event.ts';

/** A stretch of time a ticket spent in one status; `to` is null for the current status. */
export interface StatusSpan {
  status: TicketStatus;
  from: Date;
  to: Date | null;
}

/** When the ticket was resolved (each move from unresolved to solved or closed) and how often reopened. */
export interface ResolutionHistory {
  resolvedAt: Date[];
  reopens: number;
}

/**
 * The ticket's statuses over time, from the `created` snapshot and every `status_changed`.
 * Throws when the log does not start with a `created` event.
 */
export function statusSpans(events: readonly TicketEvent[]): StatusSpan[] {
  const [first] = events;
  if (first?.type !== 'created') throw new TypeError('a ticket event log starts with its created event');
  const spans: StatusSpan[] = [{ status: statusOf((first.after as { status?: unknown } | null)?.status), from: first.createdAt, to: null }];
  for (const e of events) {
    if (e.type !== 'status_changed') continue;
    spans[spans.length - 1]!.to = e.createdAt;
    spans.push({ status: statusOf(e.after), from: e.createdAt, to: null });
  }
  return spans;
}

/**
 * Resolutions and reopens (METRICS §2.8): closing an unsolved ticket resolves it as solving does
 * (Zendesk counts it as the resolution), solved to closed does not resolve it again, and a reopen
 * is any move from solved or closed back to an unsolved status.
 */
export function resolutionHistory(spans: readonly StatusSpan[]): ResolutionHistory {
  const resolvedAt: Date[] = [];
  let reopens = 0;
  spans.forEach((span, i) => {
    const wasResolved = i > 0 && isResolvedStatus(spans[i - 1]!.status);
    if (isResolvedStatus(span.status) && !wasResolved) resolvedAt.push(span.from);
    if (!isResolvedStatus(span.status) && wasResolved) reopens += 1;
  });
  return { resolvedAt, reopens };
}
