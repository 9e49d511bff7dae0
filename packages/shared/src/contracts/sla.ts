import { z } from 'zod';
import { NonEmptyText, TagName, Uuid, patchBody } from './common.ts';
import { TicketChannel, TicketPriority } from './tickets.ts';

/** The clocks an SLA policy can set targets for (METRICS.md §1.2). */
export const SLA_METRICS = ['first_reply', 'next_reply', 'periodic_update', 'resolution'] as const;
export const SlaMetric = z.enum(SLA_METRICS);
export type SlaMetricName = (typeof SLA_METRICS)[number];

/** One target: minutes in business hours (the ticket's calendar) or in calendar time. */
export const SlaTarget = z.strictObject({
  minutes: z.number().int().min(1).max(525_600),
  businessHours: z.boolean().default(true),
});

const MetricTargets = z.strictObject({
  first_reply: SlaTarget.optional(),
  next_reply: SlaTarget.optional(),
  periodic_update: SlaTarget.optional(),
  resolution: SlaTarget.optional(),
});

/** Targets per priority; a priority without targets is not measured by the policy. */
export const SlaTargets = z.strictObject({
  low: MetricTargets.optional(),
  normal: MetricTargets.optional(),
  high: MetricTargets.optional(),
  urgent: MetricTargets.optional(),
});

/** All given conditions must hold; inside one condition any listed value matches. Empty = every ticket. */
export const SlaConditions = z.strictObject({
  priorities: z.array(TicketPriority).max(4).optional(),
  channels: z.array(TicketChannel).max(10).optional(),
  teamIds: z.array(Uuid).max(100).optional(),
  organizationIds: z.array(Uuid).max(500).optional(),
  /** The ticket has at least one of these tags. */
  tags: z.array(TagName).max(50).optional(),
  /** The customer tier of the ticket's organization (case-insensitive), e.g. "Enterprise". */
  tiers: z.array(NonEmptyText(40)).max(20).optional(),
});

export const CreateSlaPolicyBody = z.strictObject({
  name: NonEmptyText(100),
  active: z.boolean().default(true),
  conditions: SlaConditions.default({}),
  targets: SlaTargets,
  /** Minutes before a breach when the ticket shows a warning and a warning event is logged. */
  warnBeforeMinutes: z.number().int().min(0).max(10_080).default(30),
});
export const UpdateSlaPolicyBody = patchBody(CreateSlaPolicyBody);
/** The full order of the policies, first match wins. */
export const ReorderSlaPoliciesBody = z.strictObject({ ids: z.array(Uuid).min(1).max(500) });
export type CreateSlaPolicyInput = z.infer<typeof CreateSlaPolicyBody>;
export type UpdateSlaPolicyInput = z.infer<typeof UpdateSlaPolicyBody>;

/** Response shapes. */
export interface SlaPolicy {
  id: string;
  name: string;
  active: boolean;
  position: number;
  conditions: z.infer<typeof SlaConditions>;
  targets: z.infer<typeof SlaTargets>;
  warnBeforeMinutes: number;
  createdAt: string;
  updatedAt: string;
}

export type SlaTargetStatus = 'active' | 'paused' | 'achieved' | 'breached';

/** One clock of a ticket's SLA as of now. */
export interface TicketSlaTarget {
  metric: SlaMetricName;
  targetMinutes: number;
  businessHours: boolean;
  status: SlaTargetStatus;
  /** When it breaches (or breached); null while paused or once achieved. */
  dueAt: string | null;
  /** Minutes counted so far under the target's time (business or calendar). */
  elapsedMinutes: number;
  fulfilledAt: string | null;
  breachedAt: string | null;
}

/** The SLA of a ticket, shown as a badge with a countdown; null when no policy applies. */
export interface TicketSla {
  policyId: string;
  policyName: string;
  warnBeforeMinutes: number;
  targets: TicketSlaTarget[];
  /** The earliest due time of an active target. */
  nextBreachAt: string | null;
}
