import type { TicketSla, TicketSlaTarget } from '../api/types';

/** How the ticket's SLA badge looks: counting down, about to breach, breached, paused, or all met. */
export type SlaBadgeState = 'ok' | 'warning' | 'overdue' | 'paused' | 'met';

export interface SlaBadgeInfo {
  state: SlaBadgeState;
  /** The target the badge speaks about; null when every target is met. */
  target: TicketSlaTarget | null;
  /** Whole minutes until the due time (ok, warning) or since it (overdue). */
  minutes: number;
}

const MINUTE = 60_000;

function dueTime(target: TicketSlaTarget): number | null {
  const at = target.dueAt ?? target.breachedAt;
  return at ? new Date(at).getTime() : null;
}

/**
 * The next due target of a ticket as of `now`: the earliest running or breached target; when
 * none runs, a paused one; when every target is achieved, "met".
 */
export function slaBadgeInfo(sla: TicketSla, now: number): SlaBadgeInfo {
  const running = sla.targets
    .filter((tg) => (tg.status === 'active' || tg.status === 'breached') && dueTime(tg) !== null)
    .sort((a, b) => dueTime(a)! - dueTime(b)!);
  const next = running[0];
  if (next) {
    const left = dueTime(next)! - now;
    if (next.status === 'breached' || left <= 0) return { state: 'overdue', target: next, minutes: Math.max(1, Math.floor(-left / MINUTE)) };
    const minutes = Math.max(1, Math.ceil(left / MINUTE));
    return { state: left <= sla.warnBeforeMinutes * MINUTE ? 'warning' : 'ok', target: next, minutes };
  }
  const paused = sla.targets.find((tg) => tg.status === 'paused');
  if (paused) return { state: 'paused', target: paused, minutes: 0 };
  return { state: 'met', target: null, minutes: 0 };
}
