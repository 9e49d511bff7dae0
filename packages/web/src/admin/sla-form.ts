import { SLA_METRICS, TICKET_PRIORITIES, type SlaMetricName, type SlaPolicy } from '@servus/shared';
import type { TFunction } from 'i18next';
import type { TicketChannel, TicketPriority } from '../api/types';

/** The priorities as the targets grid shows them, left to right. */
export const SLA_PRIORITIES = TICKET_PRIORITIES as readonly TicketPriority[];
export { SLA_METRICS };

/** One cell of the targets grid: hours and minutes as typed (both empty = no target), and the clock. */
export interface TargetCellState {
  hours: string;
  minutes: string;
  businessHours: boolean;
}

/** What the SLA policy dialog edits. */
export interface SlaFormState {
  name: string;
  active: boolean;
  priorities: TicketPriority[];
  channels: TicketChannel[];
  teamIds: string[];
  tags: string[];
  /** Customer tiers of the ticket's organization, e.g. "Enterprise". */
  tiers: string[];
  /** Kept as they are: the dialog does not edit organizations yet. */
  organizationIds: string[];
  warnBeforeMinutes: string;
  targets: Record<TicketPriority, Record<SlaMetricName, TargetCellState>>;
}

export const MAX_TARGET_MINUTES = 525_600;
export const MAX_WARN_MINUTES = 10_080;

const emptyCell = (): TargetCellState => ({ hours: '', minutes: '', businessHours: true });

/** The dialog's starting values: the policy's settings, or an active policy without conditions or targets. */
export function initialSlaState(policy: SlaPolicy | null): SlaFormState {
  const targets = {} as SlaFormState['targets'];
  for (const p of SLA_PRIORITIES) {
    targets[p] = {} as Record<SlaMetricName, TargetCellState>;
    for (const m of SLA_METRICS) {
      const target = policy?.targets[p]?.[m];
      targets[p][m] = target
        ? { hours: String(Math.floor(target.minutes / 60)), minutes: String(target.minutes % 60), businessHours: target.businessHours !== false }
        : emptyCell();
    }
  }
  const c = policy?.conditions ?? {};
  return {
    name: policy?.name ?? '',
    active: policy?.active ?? true,
    priorities: [...(c.priorities ?? [])],
    channels: [...(c.channels ?? [])],
    teamIds: [...(c.teamIds ?? [])],
    tags: [...(c.tags ?? [])],
    tiers: [...(c.tiers ?? [])],
    organizationIds: [...(c.organizationIds ?? [])],
    warnBeforeMinutes: String(policy?.warnBeforeMinutes ?? 30),
    targets,
  };
}

const WHOLE = /^\d+$/;

/** A cell's total minutes; null when empty, NaN when it is not whole non-negative numbers. */
export function cellMinutes(cell: TargetCellState): number | null {
  const h = cell.hours.trim();
  const m = cell.minutes.trim();
  if (!h && !m) return null;
  if ((h && !WHOLE.test(h)) || (m && !WHOLE.test(m))) return NaN;
  return Number(h || 0) * 60 + Number(m || 0);
}

/** The request body for POST and PATCH: non-empty conditions only, the filled cells grouped by priority. */
export function slaBody(s: SlaFormState): Record<string, unknown> {
  const conditions: Record<string, string[]> = {};
  if (s.priorities.length) conditions.priorities = s.priorities;
  if (s.channels.length) conditions.channels = s.channels;
  if (s.teamIds.length) conditions.teamIds = s.teamIds;
  if (s.organizationIds.length) conditions.organizationIds = s.organizationIds;
  if (s.tags.length) conditions.tags = s.tags;
  if (s.tiers.length) conditions.tiers = s.tiers;
  const targets: Record<string, Record<string, { minutes: number; businessHours: boolean }>> = {};
  for (const p of SLA_PRIORITIES) {
    for (const m of SLA_METRICS) {
      const cell = s.targets[p][m];
      const minutes = cellMinutes(cell);
      if (minutes === null) continue;
      (targets[p] ??= {})[m] = { minutes, businessHours: cell.businessHours };
    }
  }
  const warn = s.warnBeforeMinutes.trim();
  return {
    name: s.name.trim(),
    active: s.active,
    conditions,
    targets,
    warnBeforeMinutes: warn === '' ? 30 : Number(warn),
  };
}

/** The field a targets cell's errors land on. */
export const cellField = (p: TicketPriority, m: SlaMetricName) => `targets.${p}.${m}`;

/** The fields the server's error paths can land on, most specific first. */
export function slaFields(): string[] {
  const out = ['name', 'active', 'warnBeforeMinutes', 'conditions.priorities', 'conditions.channels', 'conditions.teamIds', 'conditions.tags', 'conditions.tiers', 'conditions.organizationIds', 'conditions'];
  for (const p of SLA_PRIORITIES) for (const m of SLA_METRICS) out.push(cellField(p, m));
  for (const p of SLA_PRIORITIES) out.push(`targets.${p}`);
  out.push('targets');
  return out;
}

/** Checks the form in the browser before sending, in the agent's language. */
export function validateSla(s: SlaFormState, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.name.trim()) out.name = t('validation.required');
  else if (s.name.trim().length > 100) out.name = t('sla.errors.nameLength');
  for (const p of SLA_PRIORITIES) {
    for (const m of SLA_METRICS) {
      const minutes = cellMinutes(s.targets[p][m]);
      if (minutes === null) continue;
      if (Number.isNaN(minutes)) out[cellField(p, m)] = t('sla.errors.whole');
      else if (minutes < 1) out[cellField(p, m)] = t('sla.errors.min');
      else if (minutes > MAX_TARGET_MINUTES) out[cellField(p, m)] = t('sla.errors.max');
    }
  }
  const warn = s.warnBeforeMinutes.trim();
  if (warn && (!WHOLE.test(warn) || Number(warn) > MAX_WARN_MINUTES)) out.warnBeforeMinutes = t('sla.errors.warn');
  return out;
}

/** "1 h 30 min", "45 min", "8 h"; with `days`, whole days first ("2 d 3 h"). */
export function formatDuration(total: number, t: TFunction, days = false): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(total));
  if (days && rest >= 1440) {
    parts.push(t('sla.units.days', { count: Math.floor(rest / 1440) }));
    rest %= 1440;
  }
  const h = Math.floor(rest / 60);
  const m = rest % 60;
  if (h) parts.push(t('sla.units.hours', { count: h }));
  if (m || parts.length === 0) parts.push(t('sla.units.minutes', { count: m }));
  return parts.join(' ');
}
