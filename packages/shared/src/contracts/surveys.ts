import { z } from 'zod';
import { IsoDate, NonEmptyText, PageQuery, TagName, Text, Uuid } from './common.ts';

/** Survey kinds: transactional CSAT (with optional CES) per ticket, relationship NPS per contact. */
export const SURVEY_KINDS = ['csat', 'nps', 'ces'] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKindName = (typeof SURVEY_KINDS)[number];

/** CSAT scales (METRICS.md §9 decision 5): 2 = good/bad, 3 = top box good, 5 = 4–5 good. */
export const CSAT_SCALES = [2, 3, 5] as const;
export const CsatScale = z.union([z.literal(2), z.literal(3), z.literal(5)]);
export type CsatScaleValue = (typeof CSAT_SCALES)[number];

/** Whether a CSAT score on a scale counts as good (satisfied). Everything else is bad. */
export function isGoodCsat(scale: CsatScaleValue, score: number): boolean {
  if (scale === 5) return score >= 4;
  return score === scale;
}

/** NPS category of a 0–10 score: promoter 9–10, passive 7–8, detractor 0–6. */
export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export const SURVEY_STATUSES = ['offered', 'answered', 'expired', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Channels a CSAT survey can be sent for. */
export const SURVEY_CHANNELS = ['email', 'chat', 'api', 'phone', 'form', 'web'] as const;
export const SurveyChannel = z.enum(SURVEY_CHANNELS);

export const NpsScore = z.number().int().min(0).max(10);
export const CesScore = z.number().int().min(1).max(7);

/** A reason a customer may pick after rating; `key` is stable, labels are per language. */
export const SurveyReason = z.strictObject({
  key: z.string().min(1).max(40).regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _'),
  labelEn: NonEmptyText(100),
  labelDe: NonEmptyText(100),
});
export type SurveyReason = z.infer<typeof SurveyReason>;

const SettingsFields = {
  csatEnabled: z.boolean(),
  scale: CsatScale,
  /** Minutes after Solved before the email survey goes out (default 24 h). */
  delayMinutes: z.number().int().min(0).max(60 * 24 * 14),
  /** Channels whose tickets get a CSAT survey. */
  channels: z.array(SurveyChannel).max(SURVEY_CHANNELS.length),
  reasons: z.array(SurveyReason).max(20),
  /** Ask the CES 2.0 question (1–7) on the follow-up page. */
  cesEnabled: z.boolean(),
  /** Days a CSAT link stays valid. */
  expiryDays: z.number().int().min(1).max(90),
  /** At most one transactional survey per contact in this many days. */
  throttleDays: z.number().int().min(0).max(365),
  /** No contact gets an NPS survey twice within this many days. */
  npsQuietDays: z.number().int().min(0).max(3650),
  /** Scores with fewer responses than this are shown greyed out as a small sample. */
  minSample: z.number().int().min(1).max(10_000),
};

/** Changes only the fields given. */
export const SurveySettingsBody = z.strictObject(SettingsFields).partial();
export type SurveySettingsInput = z.infer<typeof SurveySettingsBody>;

export interface SurveySettings {
  csatEnabled: boolean;
  scale: CsatScaleValue;
  delayMinutes: number;
  channels: (typeof SURVEY_CHANNELS)[number][];
  reasons: SurveyReason[];
  cesEnabled: boolean;
  expiryDays: number;
  throttleDays: number;
  npsQuietDays: number;
  minSample: number;
  updatedAt: string;
}

/** Who an NPS campaign goes to. All given parts must match (AND); empty = every contact with an email. */
export const NpsSegment = z.strictObject({
  organizationIds: z.array(Uuid).max(100).default([]),
  /** Contacts with at least one ticket carrying any of these tags. */
  tags: z.array(TagName).max(50).default([]),
  /** Contacts with a ticket created or updated in the last N days. */
  activeWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type NpsSegment = z.infer<typeof NpsSegment>;

const CampaignFields = {
  name: NonEmptyText(120),
  active: z.boolean(),
  segment: NpsSegment,
  /** Run every N days by the scheduler; null = only "send now". */
  everyDays: z.number().int().min(1).max(3650).nullable(),
  /** Question text override; empty = the default question naming the product. */
  productName: Text(120),
  /** Days an NPS link stays valid. */
  expiryDays: z.number().int().min(1).max(90),
};

export const CreateNpsCampaignBody = z.strictObject({
  ...CampaignFields,
  active: CampaignFields.active.default(true),
  segment: NpsSegment.default({ organizationIds: [], tags: [], activeWithinDays: null }),
  everyDays: CampaignFields.everyDays.default(null),
  productName: CampaignFields.productName.default(''),
  expiryDays: CampaignFields.expiryDays.default(28),
});
export const UpdateNpsCampaignBody = z.strictObject(CampaignFields).partial();
export type CreateNpsCampaignInput = z.infer<typeof CreateNpsCampaignBody>;
export type UpdateNpsCampaignInput = z.infer<typeof UpdateNpsCampaignBody>;

export interface NpsCampaign {
  id: string;
  name: string;
  active: boolean;
  segment: NpsSegment;
  everyDays: number | null;
  productName: string;
  expiryDays: number;
  lastRunAt: string | null;
  nextRunAt: string | null;
  sent: number;
  responses: number;
  createdAt: string;
  updatedAt: string;
}

/** Preview of who a segment reaches now: matching contacts, and how many the quiet period and opt-outs leave. */
export interface NpsSegmentPreview {
  matching: number;
  optedOut: number;
  quiet: number;
  eligible: number;
}

export interface NpsSendResult {
  sent: number;
  skipped: number;
}

/** An answer through the JSON API (chat widget) or the public form. */
export const SurveyAnswerBody = z.strictObject({
  score: z.number().int().min(0).max(10),
  comment: Text(2000).optional(),
  reason: z.string().max(40).optional(),
  ces: CesScore.optional(),
});
export type SurveyAnswerInput = z.infer<typeof SurveyAnswerBody>;

/** What the public endpoint answers after a rating is recorded. */
export interface SurveyAnswerResult {
  kind: SurveyKindName;
  scale: number;
  score: number;
  good: boolean | null;
  comment: string | null;
  reason: string | null;
  ces: number | null;
}

/** One survey shown to an agent on the ticket. */
export interface TicketSurvey {
  id: string;
  kind: SurveyKindName;
  status: SurveyStatus;
  channel: string | null;
  scale: number;
  sentAt: string;
  expiresAt: string;
  agentId: string | null;
  response: {
    score: number;
    good: boolean | null;
    comment: string | null;
    reason: string | null;
    /** The reason's labels as configured now; null when there is no reason or it was removed. */
    reasonLabel: { en: string; de: string } | null;
    ces: number | null;
    answeredAt: string;
    updatedAt: string;
  } | null;
}

/** Filters shared by the summary report and its comment list. */
export const SurveyReportQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  teamId: Uuid.optional(),
  agentId: Uuid.optional(),
  channel: z.string().max(20).optional(),
  organizationId: Uuid.optional(),
  /** Trend bucket size. */
  interval: z.enum(['day', 'week', 'month']).default('week'),
  /** `csv` answers the trend as CSV (as does `Accept: text/csv`). */
  format: z.enum(['json', 'csv']).optional(),
});
export type SurveyReportQueryInput = z.infer<typeof SurveyReportQuery>;

/** The survey summary (`GET /api/v1/reports/surveys`). Percent values are 0–100, null when n = 0. */
export interface SurveyReport {
  from: string;
  to: string;
  minSample: number;
  csat: {
    percent: number | null;
    good: number;
    bad: number;
    responses: number;
    offered: number;
    /** responses / offered × 100. */
    responseRate: number | null;
    /** Wilson 95% interval of CSAT, in percent. */
    wilson: { low: number; high: number } | null;
    lowSample: boolean;
    /** Help Scout-style happiness (%top − %bottom, points) over 3-point answers; null without any. */
    happiness: number | null;
  };
  nps: {
    /** %promoters − %detractors, in points (−100..100). */
    score: number | null;
    promoters: number;
    passives: number;
    detractors: number;
    responses: number;
    sent: number;
    responseRate: number | null;
    lowSample: boolean;
  };
  ces: {
    mean: number | null;
    /** Share of answers ≥ 5, in percent. */
    percentAgree: number | null;
    responses: number;
    /** Count per score 1..7 (index 0 = score 1). */
    distribution: number[];
    lowSample: boolean;
  };
  trend: SurveyTrendPoint[];
}

export interface SurveyTrendPoint {
  /** Start of the bucket (ISO instant, UTC). */
  period: string;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  responses: number;
}

/** `GET /api/v1/exports/surveys.csv`: every survey offered in the period with its answer. */
export const SurveyExportQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  kind: SurveyKind.optional(),
});
export type SurveyExportQueryInput = z.infer<typeof SurveyExportQuery>;

export const SurveyCommentsQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  teamId: Uuid.optional(),
  agentId: Uuid.optional(),
  channel: z.string().max(20).optional(),
  organizationId: Uuid.optional(),
  kind: SurveyKind.optional(),
  /** Only comments whose score is exactly this. */
  score: z.coerce.number().int().min(0).max(10).optional(),
  topic: z.string().max(40).optional(),
  ...PageQuery,
});

/** A commented answer, with the topics its text matched. */
export interface SurveyComment {
  surveyId: string;
  kind: SurveyKindName;
  scale: number;
  score: number;
  good: boolean | null;
  comment: string;
  reason: string | null;
  ticketId: string | null;
  ticketNumber: number | null;
  agentId: string | null;
  answeredAt: string;
  topics: { topic: string; keywords: string[] }[];
}

/** Comment topics: which keywords (German and English) put a comment in a group. */
export interface SurveyTopicGroup {
  topic: string;
  count: number;
  /** Matched keyword → how many comments it matched. */
  keywords: { keyword: string; count: number }[];
  /** How many of the group's comments came with a good and with a bad CSAT rating. */
  good: number;
  bad: number;
}

export interface SurveyTopicsReport {
  comments: number;
  groups: SurveyTopicGroup[];
}
