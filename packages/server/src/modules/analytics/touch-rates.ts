import type { TicketMetrics } from './ticket-metrics.ts';

/**
 * Touch rates over a set of tickets, as fractions (0.6 = 60 %); a rate whose denominator is 0
 * is null (METRICS §0). Merged-away tickets are left out.
 */
export interface TouchRates {
  /** Resolved tickets counted: the denominator of `oneTouch` and `noTouch`. */
  resolved: number;
  /** Zendesk-compatible one-touch: fewer than 2 agent replies, over all resolved tickets. */
  oneTouch: number | null;
  /** No agent reply at all, over all resolved tickets. */
  noTouch: number | null;
  /** First-contact resolution, over the resolved tickets with at least 1 agent reply (METRICS §2.3). */
  fcr: number | null;
}

type TouchFields = Pick<TicketMetrics, 'resolved' | 'mergedAway' | 'agentReplies' | 'oneTouch' | 'noTouch' | 'fcr'>;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Aggregates per-ticket touch flags into one-touch, no-touch and FCR rates. */
export function touchRates(tickets: readonly TouchFields[]): TouchRates {
  const resolved = tickets.filter((t) => t.resolved && !t.mergedAway);
  const touched = resolved.filter((t) => t.agentReplies >= 1);
  return {
    resolved: resolved.length,
    oneTouch: rate(resolved.filter((t) => t.oneTouch).length, resolved.length),
    noTouch: rate(resolved.filter((t) => t.noTouch).length, resolved.length),
    fcr: rate(touched.filter((t) => t.fcr).length, touched.length),
  };
}
