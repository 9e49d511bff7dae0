import { z } from 'zod';
import { Email, IsoDate, Locale, TimeZone, Uuid } from './common.ts';

/**
 * Inputs of the Erlang C calculator (METRICS §5): `volume` contacts arrive per interval of
 * `intervalSeconds`, each takes `ahtSeconds` of handling; the target is `serviceLevel` (0–1)
 * answered within `targetSeconds`. `maxOccupancy` caps A/N, `shrinkage` is the share of paid
 * time not available. `agents`, when given, is evaluated as it is instead of searched for.
 */
export const ErlangBody = z.strictObject({
  volume: z.number().min(0).max(1_000_000),
  intervalSeconds: z.number().positive().max(7 * 86_400),
  ahtSeconds: z.number().positive().max(86_400),
  targetSeconds: z.number().min(0).max(7 * 86_400),
  serviceLevel: z.number().gt(0).lt(1),
  maxOccupancy: z.number().gt(0).max(1).default(0.85),
  shrinkage: z.number().min(0).lt(1).default(0.3),
  agents: z.number().int().min(1).max(100_000).optional(),
});
export type ErlangInput = z.infer<typeof ErlangBody>;

/** The figures for one number of agents N (METRICS §8.5 table row). */
export interface ErlangRow {
  agents: number;
  /** False when N ≤ A: the queue never settles, so waiting is certain and ASA infinite (null). */
  stable: boolean;
  /** Probability that a contact waits (Erlang C). */
  waitProbability: number;
  /** Share answered within the target time. */
  serviceLevel: number;
  /** Average speed of answer in seconds; null when unstable. */
  asaSeconds: number | null;
  /** A / N. */
  occupancy: number;
  meetsTarget: boolean;
}

/** The calculator's answer: what the staffing algorithm chose, and the table around it. */
export interface ErlangResult {
  /** Traffic intensity A in Erlangs. */
  trafficIntensity: number;
  /** Productive agents needed (after the occupancy cap). */
  requiredAgents: number;
  /** Agents needed before the occupancy cap. */
  rawAgents: number;
  /** Whether the occupancy cap raised the number. */
  occupancyCapped: boolean;
  /** Agents to schedule: required / (1 − shrinkage), rounded up. */
  scheduledAgents: number;
  serviceLevel: number;
  waitProbability: number;
  asaSeconds: number;
  occupancy: number;
  /** The figures at the `agents` asked for, when given. */
  evaluated: ErlangRow | null;
  /** Rows from the first stable N (⌊A⌋ + 1) up past the required number. */
  table: ErlangRow[];
}

/** Contact channels the planner forecasts. Email is async: its target is a reply time. */
export const STAFFING_CHANNELS = ['email', 'chat', 'web', 'api', 'phone', 'form'] as const;
export const StaffingChannel = z.enum(STAFFING_CHANNELS);

const ratio = (min: number, max: number, def: number) => z.coerce.number().min(min).max(max).default(def);

/** Query of the week plan: history window, channel/team filter and the targets. */
export const StaffingPlanQuery = z.strictObject({
  channel: StaffingChannel.optional(),
  teamId: Uuid.optional(),
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  ahtSeconds: z.coerce.number().positive().max(86_400).optional(),
  targetSeconds: z.coerce.number().min(0).max(7 * 86_400).optional(),
  serviceLevel: z.coerce.number().gt(0).lt(1).default(0.8),
  maxOccupancy: ratio(0.01, 1, 0.85),
  shrinkage: z.coerce.number().min(0).lt(1).default(0.3),
  timeZone: TimeZone.optional(),
  /** The plan looks back from the start of the current week; `asOf` moves "now" (ISO instant). */
  asOf: IsoDate.optional(),
});
export type StaffingPlanQueryInput = z.infer<typeof StaffingPlanQuery>;

/** One hour of the week: weekday 0 = Sunday … 6 = Saturday, hour 0–23, local time. */
export interface StaffingInterval {
  weekday: number;
  hour: number;
  /** Average contacts created in this hour over the weeks looked at. */
  volume: number;
  /** Traffic intensity in Erlangs. */
  trafficIntensity: number;
  /** Agents to schedule (after occupancy cap and shrinkage); 0 when no contacts are expected. */
  needed: number;
  /** Agents whose calendar is open in this hour. */
  scheduled: number;
  /** scheduled − needed; negative is a shortfall. */
  gap: number;
}

export interface StaffingPlan {
  channel: string | null;
  teamId: string | null;
  timeZone: string;
  weeks: number;
  from: string;
  to: string;
  ahtSeconds: number;
  targetSeconds: number;
  serviceLevel: number;
  maxOccupancy: number;
  shrinkage: number;
  /** True for email and other async channels: the target is a reply time, served by the same Erlang math. */
  asyncTarget: boolean;
  /** 168 intervals, Sunday 00:00 first. */
  intervals: StaffingInterval[];
  totals: { volume: number; shortfallHours: number; peakNeeded: number };
}

/** Query of the agents report. */
export const AgentReportQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  teamId: Uuid.optional(),
});

export const WORKLOAD_REASONS = ['over_capacity', 'after_hours'] as const;
export type WorkloadReason = (typeof WORKLOAD_REASONS)[number];

/** Why an agent's workload is flagged: the rule, and on how many of how many days it held. */
export interface WorkloadSignal {
  reason: WorkloadReason;
  days: number;
  outOf: number;
}

export interface AgentReportRow {
  agentId: string;
  name: string;
  openTickets: number;
  activeChats: number;
  replies: number;
  /** Median first reply time (calendar minutes) of tickets first answered by this agent in the period. */
  frtMedianMinutes: number | null;
  /** CSAT share 0–1, null without answered surveys (or without the survey module). */
  csat: number | null;
  /**
   * Minutes of activity (replies, notes, status changes) outside the agent's scheduled hours in
   * the period; null when the agent's teams have no business-hours calendar.
   */
  minutesOutsideHours: number | null;
  /** Empty when the workload is fine. */
  workload: WorkloadSignal[];
}

export interface AgentReport {
  from: string;
  to: string;
  teamId: string | null;
  data: AgentReportRow[];
}

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** The weekly summary mail: who gets it, and when (weekday 0 = Sunday, hour local to `timeZone`). */
export const ScheduledReportBody = z.strictObject({
  enabled: z.boolean(),
  recipientIds: z.array(Uuid).max(100).default([]),
  extraEmails: z.array(Email).max(50).default([]),
  weekday: z.number().int().min(0).max(6).default(1),
  hour: z.number().int().min(0).max(23).default(8),
  timeZone: TimeZone.default('Europe/Berlin'),
  /** Language for extra addresses; agents get theirs. */
  locale: Locale.default('en'),
  teamId: Uuid.nullable().default(null),
});
export type ScheduledReportInput = z.infer<typeof ScheduledReportBody>;

export interface ScheduledReport {
  enabled: boolean;
  recipientIds: string[];
  extraEmails: string[];
  weekday: number;
  hour: number;
  timeZone: string;
  locale: 'en' | 'de';
  teamId: string | null;
  lastSentAt: string | null;
  /** Whether outgoing mail is configured at all. */
  mailConfigured: boolean;
}

/** Handle time and answer target of one channel, for the week plan's defaults. */
export const ChannelStaffing = z.strictObject({
  ahtSeconds: z.number().positive().max(86_400),
  targetSeconds: z.number().min(0).max(7 * 86_400),
});

/** The admin's per-channel defaults; channels left out keep the built-in ones. */
export const StaffingSettingsBody = z.strictObject({
  channels: z.partialRecord(StaffingChannel, ChannelStaffing),
});
export type StaffingSettingsInput = z.infer<typeof StaffingSettingsBody>;

export interface StaffingSettings {
  /** Every channel with its effective handle time and target, and whether the admin set it. */
  channels: Record<(typeof STAFFING_CHANNELS)[number], { ahtSeconds: number; targetSeconds: number; async: boolean; custom: boolean }>;
}
