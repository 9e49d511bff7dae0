import { z } from 'zod';
import { TagName, Uuid } from './common.ts';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './tickets.ts';

/**
 * The condition catalogue of triggers and time-based automations: which fields a condition can
 * test, which operators fit each kind of field, and what value each operator takes. The server
 * validates rules with it and the admin UI builds its condition rows from it.
 */

/** How a field's value is compared. */
export type ConditionFieldType =
  /** One of a fixed list of values. */
  | 'enum'
  /** A team, an agent or an organization, by id. */
  | 'ref'
  /** A word compared exactly, ignoring case (language, tier, e-mail domain). */
  | 'keyword'
  /** Free text: exact, contains, starts with (ignoring case). */
  | 'text'
  | 'tags'
  | 'boolean'
  /** Time since a moment of the ticket, in calendar or business time. */
  | 'duration'
  /** A custom ticket field; which operators fit depends on its kind. */
  | 'custom';

export interface ConditionFieldSpec {
  type: ConditionFieldType;
  values?: readonly string[];
  ref?: 'team' | 'agent' | 'organization';
  /** The field can be empty (present/absent apply). */
  nullable?: boolean;
  /** Only triggers have it (the triggering message). */
  triggerOnly?: boolean;
  /** "changed", "changed to" and "changed from" apply (ticket updates only). */
  changeable?: boolean;
  /** Only triggers on "survey rated" have it (the rating that fired the trigger). */
  surveyOnly?: boolean;
}

export const MESSAGE_KINDS = ['public', 'note'] as const;
export const AUTHOR_KINDS = ['agent', 'contact', 'automation', 'system'] as const;

export const CONDITION_FIELDS = {
  'ticket.status': { type: 'enum', values: TICKET_STATUSES, changeable: true },
  'ticket.priority': { type: 'enum', values: TICKET_PRIORITIES, changeable: true },
  'ticket.type': { type: 'enum', values: TICKET_TYPES, nullable: true, changeable: true },
  'ticket.channel': { type: 'enum', values: TICKET_CHANNELS },
  'ticket.team': { type: 'ref', ref: 'team', nullable: true, changeable: true },
  'ticket.assignee': { type: 'ref', ref: 'agent', nullable: true, changeable: true },
  'ticket.tags': { type: 'tags', changeable: true },
  'ticket.subject': { type: 'text', changeable: true },
  'message.kind': { type: 'enum', values: MESSAGE_KINDS, triggerOnly: true },
  'message.author_kind': { type: 'enum', values: AUTHOR_KINDS, triggerOnly: true },
  'message.body': { type: 'text', triggerOnly: true },
  'message.has_attachments': { type: 'boolean', triggerOnly: true },
  /** Whether the customer's CSAT rating counts as good (METRICS §9 decision 5). */
  'survey.good': { type: 'boolean', surveyOnly: true },
  'contact.email': { type: 'text', nullable: true },
  'contact.email_domain': { type: 'keyword', nullable: true },
  'contact.name': { type: 'text' },
  'contact.language': { type: 'keyword', nullable: true },
  'organization.id': { type: 'ref', ref: 'organization', nullable: true },
  'organization.name': { type: 'text', nullable: true },
  'organization.tier': { type: 'keyword', nullable: true },
  'time.since_created': { type: 'duration' },
  'time.since_updated': { type: 'duration' },
  /** Since the ticket entered its current status ("pending for 3 business days"). */
  'time.in_status': { type: 'duration' },
  /** Since the ticket lost (or never had) an assignee; never holds while it has one. */
  'time.unassigned_for': { type: 'duration' },
  /** Since the customer's last public message (or since creation when there is none). */
  'time.since_customer_message': { type: 'duration' },
  /** Since an agent's last public reply (or since creation when there is none). */
  'time.since_agent_reply': { type: 'duration' },
} as const satisfies Record<string, ConditionFieldSpec>;

export type FixedConditionField = keyof typeof CONDITION_FIELDS;
/** A custom ticket field is named `ticket.custom.<key>`. */
export const CUSTOM_FIELD_PREFIX = 'ticket.custom.';
export const CUSTOM_KEY = /^[a-z][a-z0-9_]{0,63}$/;

export const CONDITION_OPERATORS = [
  'is', 'is_not', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'present', 'absent', 'gt', 'lt', 'changed', 'changed_to', 'changed_from',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
export const CHANGE_OPERATORS: readonly ConditionOperator[] = ['changed', 'changed_to', 'changed_from'];

/** Operators for each kind of field (present/absent only where the field can be empty). */
export const OPERATORS_BY_TYPE: Record<ConditionFieldType, readonly ConditionOperator[]> = {
  enum: ['is', 'is_not', 'in', 'not_in'],
  ref: ['is', 'is_not', 'in', 'not_in'],
  keyword: ['is', 'is_not', 'in', 'not_in'],
  text: ['is', 'is_not', 'contains', 'not_contains', 'starts_with'],
  tags: ['contains', 'not_contains', 'in', 'not_in', 'present', 'absent'],
  boolean: ['is'],
  duration: ['gt', 'lt'],
  custom: ['is', 'is_not', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'gt', 'lt', 'present', 'absent'],
};

/** The spec of a field name, custom fields included; undefined for an unknown name. */
export function fieldSpec(field: string): ConditionFieldSpec | undefined {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return CUSTOM_KEY.test(field.slice(CUSTOM_FIELD_PREFIX.length)) ? { type: 'custom', nullable: true, changeable: true } : undefined;
  }
  return (CONDITION_FIELDS as Record<string, ConditionFieldSpec>)[field];
}

/** The operators a field allows; change operators only when asked for (triggers). */
export function operatorsFor(field: string, opts: { changes?: boolean } = {}): ConditionOperator[] {
  const spec = fieldSpec(field);
  if (!spec) return [];
  const ops = [...OPERATORS_BY_TYPE[spec.type]];
  if (spec.nullable && spec.type !== 'custom') ops.push('present', 'absent');
  if (opts.changes && spec.changeable) ops.push(...(spec.type === 'text' ? (['changed'] as const) : CHANGE_OPERATORS));
  return ops;
}

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
/** A stretch of time; in business time it follows the ticket's business-hours calendar. */
export const Duration = z.strictObject({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(DURATION_UNITS),
  businessHours: z.boolean().default(false),
});
export type DurationValue = z.infer<typeof Duration>;

const NO_VALUE: readonly ConditionOperator[] = ['present', 'absent', 'changed'];
const LIST: readonly ConditionOperator[] = ['in', 'not_in'];
const Scalar = z.union([z.string().min(1).max(500), z.number().finite(), z.boolean()]);

/** The value one element of the field takes (a single status, team id, tag…). */
function elementSchema(spec: ConditionFieldSpec, op: ConditionOperator): z.ZodType {
  switch (spec.type) {
    case 'enum': return z.enum(spec.values as [string, ...string[]]);
    case 'ref': return Uuid;
    case 'keyword':
    case 'text': return z.string().trim().min(1).max(500);
    case 'tags': return TagName;
    case 'boolean': return z.boolean();
    case 'duration': return Duration;
    case 'custom': return op === 'gt' || op === 'lt' ? z.union([z.number().finite(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a number or a date (YYYY-MM-DD)')]) : Scalar;
  }
}

/** The schema of a condition's value for a field and operator. */
export function valueSchema(spec: ConditionFieldSpec, op: ConditionOperator): z.ZodType | null {
  if (NO_VALUE.includes(op)) return null;
  const one = elementSchema(spec, op);
  if (LIST.includes(op)) return z.array(one).min(1).max(100);
  if ((op === 'changed_to' || op === 'changed_from') && spec.nullable && spec.type !== 'tags') return one.nullable();
  return one;
}

/**
 * One test of a rule: a field, an operator and (for most operators) a value. Which operators
 * and values fit is checked against the catalogue, so an unknown field, an operator the field
 * does not take or a value of the wrong kind is refused with the path of the part at fault.
 */
export const Condition = z
  .strictObject({
    field: z.string().min(1).max(100),
    operator: z.enum(CONDITION_OPERATORS),
    value: z.unknown().optional(),
  })
  .superRefine((c, ctx) => {
    const spec = fieldSpec(c.field);
    if (!spec) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `unknown field ${c.field}` });
      return;
    }
    const allowed = operatorsFor(c.field, { changes: true });
    if (!allowed.includes(c.operator)) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: `${c.field} takes the operators ${allowed.join(', ')}` });
      return;
    }
    const schema = valueSchema(spec, c.operator);
    if (!schema) {
      if (c.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.operator} takes no value` });
      return;
    }
    if (c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a value is required' });
      return;
    }
    const parsed = schema.safeParse(c.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
    }
  })
  .transform((c): RuleCondition => {
    // Valid by now: store the value as its schema normalises it (tags lower-cased, defaults filled).
    const schema = valueSchema(fieldSpec(c.field)!, c.operator);
    return schema ? { field: c.field, operator: c.operator, value: schema.parse(c.value) } : { field: c.field, operator: c.operator };
  });
export type ConditionInput = z.input<typeof Condition>;
export interface RuleCondition {
  field: string;
  operator: ConditionOperator;
  value?: unknown;
}

/** Every `all` condition holds, and at least one `any` condition when there are any. */
export const Conditions = z.strictObject({
  all: z.array(Condition).max(50).default([]),
  any: z.array(Condition).max(50).default([]),
});
export interface RuleConditions {
  all: RuleCondition[];
  any: RuleCondition[];
}
