import { CUSTOM_FIELD_PREFIX, fieldSpec, type DurationValue, type PreviewCondition, type RuleCondition, type RuleConditions } from '@servus/shared';
import { compareDuration } from './durations.ts';
import type { DurationField, TicketFacts } from './facts.ts';

/** One condition's outcome: whether it held and the value it saw. */
export interface ConditionResult {
  matched: boolean;
  actual: unknown;
  note?: string;
}

/** The ticket's value for a field; `undefined` when the facts have no such thing (no message in the event). */
export function fieldValue(field: string, f: TicketFacts): unknown {
  const t = f.ticket;
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) return t.custom[field.slice(CUSTOM_FIELD_PREFIX.length)] ?? null;
  switch (field) {
    case 'ticket.status': return t.status;
    case 'ticket.priority': return t.priority;
    case 'ticket.type': return t.type;
    case 'ticket.channel': return t.channel;
    case 'ticket.team': return t.teamId;
    case 'ticket.assignee': return t.assigneeId;
    case 'ticket.tags': return t.tags;
    case 'ticket.subject': return t.subject;
    case 'message.kind': return f.message?.kind;
    case 'message.author_kind': return f.message?.authorKind;
    case 'message.body': return f.message?.text;
    case 'message.has_attachments': return f.message?.hasAttachments;
    case 'survey.good': return f.survey?.good ?? undefined;
    case 'contact.email': return f.contact?.email ?? null;
    case 'contact.email_domain': return f.contact?.email?.split('@')[1]?.toLowerCase() ?? null;
    case 'contact.name': return f.contact?.name ?? '';
    case 'contact.language': return f.contact?.locale ?? null;
    case 'organization.id': return f.organization?.id ?? null;
    case 'organization.name': return f.organization?.name ?? null;
    case 'organization.tier': return f.organization?.tier ?? null;
    default: return null;
  }
}

const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
const same = (a: unknown, b: unknown) => norm(a) === norm(b) || (typeof a === 'number' && typeof b === 'string' && String(a) === b);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v).toLowerCase());

/** `a > b` for numbers and ISO dates; false when either is missing or they do not compare. */
function greater(a: unknown, b: unknown): boolean | null {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b)) return a.slice(0, 10) > b.slice(0, 10);
  return null;
}

function tagsChanged(change: { before: unknown; after: unknown }, tag: string, to: boolean): boolean {
  const before = (change.before as string[] | null) ?? [];
  const after = (change.after as string[] | null) ?? [];
  return to ? after.includes(tag) && !before.includes(tag) : before.includes(tag) && !after.includes(tag);
}

function evaluateChange(c: RuleCondition, f: TicketFacts): ConditionResult {
  if (!f.changes) return { matched: false, actual: null, note: 'changes are known only for a ticket update' };
  const field = c.field;
  const change = f.changes.get(field);
  if (!change) return { matched: false, actual: null, note: 'not changed' };
  const actual = { before: change.before, after: change.after };
  if (c.operator === 'changed') return { matched: true, actual };
  const to = c.operator === 'changed_to';
  if (field === 'ticket.tags') return { matched: tagsChanged(change, String(c.value), to), actual };
  return { matched: same(to ? change.after : change.before, c.value ?? null), actual };
}

function evaluateDuration(c: RuleCondition, f: TicketFacts, now: Date): ConditionResult {
  const anchor = f.anchors[c.field as DurationField];
  if (!anchor) return { matched: false, actual: null, note: 'the ticket is assigned' };
  const value = c.value as DurationValue;
  const r = compareDuration(c.operator as 'gt' | 'lt', value, anchor, now, f.calendar);
  return { matched: r.matched, actual: { since: anchor.toISOString(), elapsed: r.elapsed, unit: value.unit, businessHours: value.businessHours && Boolean(f.calendar) } };
}

/** Evaluates one condition against the facts at `now`. */
export function evaluateCondition(c: RuleCondition, f: TicketFacts, now: Date): ConditionResult {
  const spec = fieldSpec(c.field);
  if (!spec) return { matched: false, actual: null, note: 'unknown field' };
  if (c.operator === 'changed' || c.operator === 'changed_to' || c.operator === 'changed_from') return evaluateChange(c, f);
  if (spec.type === 'duration') return evaluateDuration(c, f, now);
  const actual = fieldValue(c.field, f);
  if (actual === undefined) return { matched: false, actual: null, note: 'the event has no message' };
  const v = c.value;
  const list = Array.isArray(v) ? v : [];
  let matched: boolean;
  switch (c.operator) {
    case 'is': matched = same(actual, v); break;
    case 'is_not': matched = !same(actual, v); break;
    case 'in': matched = Array.isArray(actual) ? actual.some((a) => list.some((x) => same(a, x))) : list.some((x) => same(actual, x)); break;
    case 'not_in': matched = Array.isArray(actual) ? !actual.some((a) => list.some((x) => same(a, x))) : !list.some((x) => same(actual, x)); break;
    case 'contains': matched = Array.isArray(actual) ? actual.some((a) => same(a, v)) : asText(actual).includes(asText(v)); break;
    case 'not_contains': matched = Array.isArray(actual) ? !actual.some((a) => same(a, v)) : !asText(actual).includes(asText(v)); break;
    case 'starts_with': matched = asText(actual).startsWith(asText(v)); break;
    case 'present': matched = !isEmpty(actual); break;
    case 'absent': matched = isEmpty(actual); break;
    case 'gt': matched = greater(actual, v) === true; break;
    case 'lt': matched = greater(v, actual) === true; break;
    default: matched = false;
  }
  return { matched, actual: c.field === 'message.body' && typeof actual === 'string' ? actual.slice(0, 200) : actual };
}

/** Whether a rule's conditions hold: every `all` one, and one of the `any` ones when there are any. */
export function conditionsHold(conditions: RuleConditions, f: TicketFacts, now: Date): boolean {
  if (!conditions.all.every((c) => evaluateCondition(c, f, now).matched)) return false;
  return conditions.any.length === 0 || conditions.any.some((c) => evaluateCondition(c, f, now).matched);
}

/** Every condition with its outcome, for the preview. */
export function explainConditions(conditions: RuleConditions, f: TicketFacts, now: Date): { all: PreviewCondition[]; any: PreviewCondition[]; matched: boolean } {
  const explain = (c: RuleCondition): PreviewCondition => ({ ...c, ...evaluateCondition(c, f, now) });
  const all = conditions.all.map(explain);
  const any = conditions.any.map(explain);
  return { all, any, matched: all.every((c) => c.matched) && (any.length === 0 || any.some((c) => c.matched)) };
}

/** The duration fields a rule's conditions count from; their anchors make a time rule's period. */
export function durationFieldsOf(conditions: RuleConditions): DurationField[] {
  const fields = [...conditions.all, ...conditions.any].map((c) => c.field).filter((f) => fieldSpec(f)?.type === 'duration');
  return [...new Set(fields)].sort() as DurationField[];
}
