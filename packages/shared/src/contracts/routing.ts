import { z } from 'zod';
import { IsoDate, NonEmptyText, Uuid } from './common.ts';
import { TICKET_CHANNELS } from './tickets.ts';

/**
 * How a team hands out its tickets: by hand, round robin (the qualifying agent assigned longest
 * ago), or load-balanced (the qualifying agent with the lowest load relative to capacity).
 */
export const ROUTING_MODES = ['manual', 'round_robin', 'load_balanced'] as const;
export const RoutingMode = z.enum(ROUTING_MODES);
export type RoutingModeName = (typeof ROUTING_MODES)[number];

/** An agent's availability: only online agents receive work; away keeps work but gets no new; offline may hand new work back. */
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export const AgentStatus = z.enum(AGENT_STATUSES);
export type AgentStatusName = (typeof AGENT_STATUSES)[number];

/** A skill: 1-64 characters without spaces or commas, stored lower-case (e.g. `de`, `shop`). */
export const SkillName = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().min(1).max(64).regex(/^[^\s,]+$/, 'no spaces or commas'));

/**
 * Ticket fields that can carry a required skill: the ticket's type, priority or channel, the
 * requester's language (the contact's locale, `de-AT` counts as `de`), or a custom field
 * (`custom.<key>`; a checked checkbox requires the field's key as skill).
 */
export const SKILL_FIELD_BUILTINS = ['type', 'priority', 'channel', 'language'] as const;
export const SkillField = z.union([
  z.enum(SKILL_FIELD_BUILTINS),
  z.string().regex(/^custom\.[a-z][a-z0-9_]{0,63}$/, 'type, priority, channel, language or custom.<field key>'),
]);

/** Open tickets an agent may hold at once per channel; 0 means the agent gets none from that channel. */
export const Capacity = z.number().int().min(0).max(1000);
export const ChannelCapacity = z.strictObject({
  email: Capacity.optional(),
  chat: Capacity.optional(),
  web: Capacity.optional(),
  api: Capacity.optional(),
  phone: Capacity.optional(),
  form: Capacity.optional(),
});
export type ChannelCapacityMap = z.infer<typeof ChannelCapacity>;
export const ROUTING_CHANNELS = TICKET_CHANNELS;

/** What an agent may change about their own routing: only the status. */
export const UpdateMyRoutingBody = z.strictObject({ status: AgentStatus });

/** What an admin may change about an agent's routing. */
export const UpdateAgentRoutingBody = z.strictObject({
  status: AgentStatus.optional(),
  capacity: ChannelCapacity.optional(),
  /** Capacity for every channel not listed in `capacity`. */
  defaultCapacity: Capacity.optional(),
  skills: z.array(SkillName).max(100).optional(),
});

/** A team's routing settings; fields left out keep their value. */
export const UpdateTeamRoutingBody = z.strictObject({
  mode: RoutingMode.optional(),
  /** Ticket fields whose values the assigned agent must have as skills. */
  skillFields: z.array(SkillField).max(10).optional(),
  /** In a routed team: when an agent goes offline, their new unanswered tickets of this team go back to the queue. */
  requeueOnOffline: z.boolean().optional(),
  /** The team's escalation tier (1 = first line above the inbox); null: not an escalation tier. */
  escalationTier: z.number().int().min(1).max(9).nullable().optional(),
});

export const EscalateTicketBody = z.strictObject({
  reason: NonEmptyText(2000),
  /** Default: the team of the next higher escalation tier. */
  targetTeamId: Uuid.optional(),
});

export const EscalationReportQuery = z.strictObject({
  /** Start of the period (inclusive); default 30 days before `to`. */
  from: IsoDate.optional(),
  /** End of the period (exclusive); default now. */
  to: IsoDate.optional(),
});

export type UpdateAgentRoutingInput = z.infer<typeof UpdateAgentRoutingBody>;
export type UpdateTeamRoutingInput = z.infer<typeof UpdateTeamRoutingBody>;
export type EscalateTicketInput = z.infer<typeof EscalateTicketBody>;

/** Response shapes. */
export interface AgentRouting {
  agentId: string;
  status: AgentStatusName;
  statusChangedAt: string | null;
  capacity: ChannelCapacityMap;
  defaultCapacity: number;
  skills: string[];
  lastAssignedAt: string | null;
  /** Tickets assigned to the agent in status new or open, per channel (pending and on-hold do not count). */
  load: ChannelCapacityMap;
}

export interface TeamRouting {
  teamId: string;
  mode: RoutingModeName;
  skillFields: string[];
  requeueOnOffline: boolean;
  escalationTier: number | null;
  /** Unassigned tickets of the team in status new or open. */
  queued: number;
  updatedAt: string | null;
}

export type EscalationKind = 'hierarchical' | 'functional';

/** What the event log records for an escalation. */
export interface Escalation {
  fromTeamId: string | null;
  toTeamId: string;
  /** The target team's tier. */
  tier: number;
  kind: EscalationKind;
  reason: string;
}

/**
 * Escalation rate (METRICS.md §2.7) over a period: escalated tickets / handled tickets × 100.
 * Each ticket counts at most once in `escalated`, and at most once in each kind.
 */
export interface EscalationReport {
  from: string;
  to: string;
  escalated: number;
  /** Tickets with an agent reply, a solve or an escalation in the period. */
  handled: number;
  /** Percent with one decimal; null when nothing was handled. */
  rate: number | null;
  hierarchical: number;
  functional: number;
  byTier: { tier: number; escalated: number }[];
}
