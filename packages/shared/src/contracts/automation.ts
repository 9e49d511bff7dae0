import { z } from 'zod';
import { NonEmptyText, patchBody, TagName, Text, Uuid } from './common.ts';
import { TicketPriority, TicketStatus, TicketType } from './tickets.ts';
import { CHANGE_OPERATORS, Conditions, CUSTOM_KEY, fieldSpec, type RuleCondition, type RuleConditions } from './automation-conditions.ts';

export * from './automation-conditions.ts';

/**
 * Triggers (rules that react to events) and time-based automations (rules a schedule checks
 * against every open ticket), with their conditions, actions, run log and dry-run preview.
 */

export const AUTOMATION_KINDS = ['trigger', 'schedule'] as const;
export const AutomationKind = z.enum(AUTOMATION_KINDS);
export type AutomationKindName = (typeof AUTOMATION_KINDS)[number];

/** What a trigger can react to. */
export const TRIGGER_EVENTS = [
  'ticket.created',
  'ticket.updated',
  /** A public message from the customer. */
  'message.received',
  /** A public reply from an agent. */
  'message.sent',
  'ticket.sla_warning',
  'ticket.sla_breached',
  'chat.missed',
  /** A customer rated a ticket's CSAT survey, or changed the rating. */
  'survey.rated',
] as const;
export const TriggerEvent = z.enum(TRIGGER_EVENTS);
export type TriggerEventName = (typeof TRIGGER_EVENTS)[number];
const MESSAGE_EVENTS: readonly TriggerEventName[] = ['message.received', 'message.sent'];

/** Placeholders templates may use, as `{{ticket.number}}`. */
export const TEMPLATE_PLACEHOLDERS = [
  'ticket.number', 'ticket.subject', 'ticket.status', 'ticket.priority', 'ticket.url',
  'customer.name', 'customer.first_name', 'customer.email', 'agent.name', 'agent.first_name', 'team.name', 'organization.name',
] as const;
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A template text: refused when it names a placeholder that does not exist. */
const Template = (max: number) =>
  NonEmptyText(max).superRefine((s, ctx) => {
    for (const m of s.matchAll(PLACEHOLDER_PATTERN)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${m[1]}}}; use ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  });

/** Agents to reach: named agents, every active member of named teams, and/or the ticket's assignee. */
export const Recipients = z
  .strictObject({
    agentIds: z.array(Uuid).max(50).default([]),
    teamIds: z.array(Uuid).max(50).default([]),
    assignee: z.boolean().default(false),
  })
  .refine((r) => r.agentIds.length > 0 || r.teamIds.length > 0 || r.assignee, 'name at least one agent, team or the assignee');

/** What a rule does, in order. */
export const RuleAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('set_status'), value: TicketStatus.exclude(['new']) }),
  z.strictObject({ type: z.literal('set_priority'), value: TicketPriority }),
  z.strictObject({ type: z.literal('set_type'), value: TicketType.nullable() }),
  z.strictObject({ type: z.literal('set_team'), teamId: Uuid.nullable() }),
  z.strictObject({ type: z.literal('set_assignee'), agentId: Uuid.nullable() }),
  z.strictObject({
    type: z.literal('set_custom'),
    key: z.string().regex(CUSTOM_KEY, 'a custom field key'),
    value: z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.null()]),
  }),
  /** Assign through the team's routing (round robin, load balancing…). */
  z.strictObject({ type: z.literal('route') }),
  z.strictObject({ type: z.literal('add_tags'), tags: z.array(TagName).min(1).max(20) }),
  z.strictObject({ type: z.literal('remove_tags'), tags: z.array(TagName).min(1).max(20) }),
  /** A public reply to the requester, written by the automation; on an e-mail ticket it goes out by mail. */
  z.strictObject({ type: z.literal('email_requester'), body: Template(10_000) }),
  /** A plain e-mail to agents (system mail). */
  z.strictObject({ type: z.literal('email_agents'), recipients: Recipients, subject: Template(200), body: Template(10_000) }),
  /** An in-app notification. */
  z.strictObject({ type: z.literal('notify'), recipients: Recipients, title: Template(200), body: Template(2_000).optional() }),
  z.strictObject({ type: z.literal('webhook'), webhookId: Uuid }),
  z.strictObject({ type: z.literal('apply_macro'), macroId: Uuid, post: z.enum(['none', 'note', 'reply']).default('none') }),
]);
export type RuleActionInput = z.input<typeof RuleAction>;
export type RuleActionValue = z.output<typeof RuleAction>;
export type RuleActionType = RuleActionValue['type'];

/**
 * Problems of a whole rule that depend on its kind and events, as paths relative to the body:
 * triggers need an event; time rules need a time condition and cannot test messages or changes;
 * message conditions need a message event and change conditions the update event.
 */
export function ruleProblems(rule: { kind: AutomationKindName; events: readonly string[]; conditions: RuleConditions }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const trigger = rule.kind === 'trigger';
  if (trigger && rule.events.length === 0) out.push({ path: 'events', message: 'a trigger needs at least one event' });
  if (!trigger && rule.events.length > 0) out.push({ path: 'events', message: 'time-based automations run on a schedule, not on events' });
  const check = (group: 'all' | 'any', c: RuleCondition, i: number) => {
    const spec = fieldSpec(c.field);
    const at = `conditions.${group}.${i}`;
    if (!spec) return;
    if (spec.triggerOnly && !trigger) out.push({ path: `${at}.field`, message: 'time-based automations have no triggering message' });
    else if (spec.triggerOnly && !rule.events.some((e) => (MESSAGE_EVENTS as readonly string[]).includes(e))) {
      out.push({ path: `${at}.field`, message: 'message conditions need the event "message received" or "message sent"' });
    }
    if (spec.surveyOnly && !trigger) out.push({ path: `${at}.field`, message: 'time-based automations have no survey rating' });
    else if (spec.surveyOnly && !rule.events.includes('survey.rated')) out.push({ path: `${at}.field`, message: 'survey conditions need the event "survey rated"' });
    if (CHANGE_OPERATORS.includes(c.operator)) {
      if (!trigger) out.push({ path: `${at}.operator`, message: 'time-based automations see no changes' });
      else if (!rule.events.includes('ticket.updated')) out.push({ path: `${at}.operator`, message: 'changes are known only on the event "ticket updated"' });
    }
  };
  rule.conditions.all.forEach((c, i) => check('all', c, i));
  rule.conditions.any.forEach((c, i) => check('any', c, i));
  if (!trigger && !rule.conditions.all.some((c) => fieldSpec(c.field)?.type === 'duration')) {
    out.push({ path: 'conditions.all', message: 'a time-based automation needs a time condition under "all" (e.g. pending for 3 days)' });
  }
  return out;
}

const RuleFields = {
  name: NonEmptyText(100),
  description: Text(500).default(''),
  active: z.boolean().default(true),
  events: z.array(TriggerEvent).max(TRIGGER_EVENTS.length).default([]),
  conditions: Conditions.default({ all: [], any: [] }),
  actions: z.array(RuleAction).min(1).max(30),
};

export const CreateAutomationRuleBody = z.strictObject({ kind: AutomationKind, ...RuleFields }).superRefine((rule, ctx) => {
  for (const p of ruleProblems({ ...rule, events: [...new Set(rule.events)] })) ctx.addIssue({ code: 'custom', path: p.path.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)), message: p.message });
});
/** The kind of a rule cannot change; the rest can, and what a PATCH leaves out stays as it is. */
export const UpdateAutomationRuleBody = patchBody(z.strictObject(RuleFields));
export const ReorderAutomationRulesBody = z.strictObject({ kind: AutomationKind, ids: z.array(Uuid).min(1).max(500) });
export const AutomationRuleListQuery = z.strictObject({ kind: AutomationKind.optional() });
export const AutomationRunsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export type CreateAutomationRuleInput = z.infer<typeof CreateAutomationRuleBody>;
export type UpdateAutomationRuleInput = z.infer<typeof UpdateAutomationRuleBody>;

/** A dry run: the rule as edited (saved or not) against one ticket, as if `event` happened. */
export const PreviewAutomationBody = z.strictObject({
  rule: z.strictObject({ kind: AutomationKind, events: RuleFields.events, conditions: RuleFields.conditions, actions: RuleFields.actions }),
  ticketNumber: z.number().int().min(1),
  event: TriggerEvent.optional(),
});
export type PreviewAutomationInput = z.infer<typeof PreviewAutomationBody>;

export const RUN_STATUSES = ['applied', 'skipped', 'failed', 'depth_exceeded'] as const;
export type AutomationRunStatus = (typeof RUN_STATUSES)[number];

/** Why a rule shows a warning: it was stopped because a chain of rules went too deep. */
export interface AutomationRuleWarning {
  code: 'depth_exceeded';
  at: string;
  ticketId: string | null;
  ticketNumber: number | null;
}

export interface AutomationRule {
  id: string;
  kind: AutomationKindName;
  name: string;
  description: string;
  active: boolean;
  position: number;
  events: TriggerEventName[];
  conditions: RuleConditions;
  actions: RuleActionValue[];
  /** How often it acted (or tried to), and when last. */
  runCount: number;
  lastRunAt: string | null;
  /** Cleared when the rule is saved again. */
  warning: AutomationRuleWarning | null;
  createdAt: string;
  updatedAt: string;
}

/** What became of one action in a run. */
export interface ActionOutcome {
  type: RuleActionType;
  status: 'done' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
}

/** One run of a rule on a ticket: what triggered it and what came of it. */
export interface AutomationRun {
  id: number;
  ruleId: string;
  ticketId: string | null;
  ticketNumber: number | null;
  event: string;
  status: AutomationRunStatus;
  error: string | null;
  actions: ActionOutcome[];
  /** How many rules in a row led to this run (0 = a person's or the system's change). */
  depth: number;
  createdAt: string;
}

/** One condition as the preview evaluated it. */
export interface PreviewCondition {
  field: string;
  operator: string;
  value?: unknown;
  matched: boolean;
  /** The ticket's value for the field (durations as elapsed amounts in the condition's unit). */
  actual: unknown;
  note?: string;
}

/** One action as it would run: its resolved effect, or why it would be skipped. */
export interface PreviewAction {
  type: RuleActionType;
  effect: string;
  detail?: Record<string, unknown>;
  skipped?: string;
}

export interface AutomationPreview {
  ticket: { id: string; number: number; subject: string };
  event: string;
  matched: boolean;
  conditions: { all: PreviewCondition[]; any: PreviewCondition[] };
  /** Empty when the rule would not act. */
  actions: PreviewAction[];
}

