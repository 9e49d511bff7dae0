import {
  fieldSpec,
  operatorsFor,
  valueSchema,
  type AutomationKindName,
  type AutomationRule,
  type ConditionOperator,
  type RuleActionType,
  type TriggerEventName,
} from '@servus/shared';
import type { TFunction } from 'i18next';

/** One condition row as the editor holds it; `key` keeps React rows stable. */
export interface ConditionDraft {
  key: string;
  field: string;
  operator: ConditionOperator | '';
  value: unknown;
}

/** One action row: its type and whatever that type needs. */
export interface ActionDraft {
  key: string;
  type: RuleActionType;
  data: Record<string, unknown>;
}

/** What the rule editor edits. */
export interface RuleFormState {
  kind: AutomationKindName;
  name: string;
  description: string;
  active: boolean;
  events: TriggerEventName[];
  all: ConditionDraft[];
  any: ConditionDraft[];
  actions: ActionDraft[];
}

export type ConditionGroup = 'all' | 'any';

let seq = 0;
export const rowKey = () => `row-${++seq}`;

export const NO_VALUE_OPERATORS: readonly string[] = ['present', 'absent', 'changed'];
const LIST_OPERATORS: readonly string[] = ['in', 'not_in'];

/** The value a field and operator start with: nothing chosen, an empty text, one hour. */
export function defaultValue(field: string, operator: string): unknown {
  if (NO_VALUE_OPERATORS.includes(operator)) return undefined;
  const spec = fieldSpec(field);
  if (!spec) return '';
  if (LIST_OPERATORS.includes(operator)) return [];
  switch (spec.type) {
    case 'enum':
    case 'ref': return null;
    case 'boolean': return true;
    case 'duration': return { amount: 1, unit: 'hours', businessHours: false };
    default: return '';
  }
}

/** A condition row changed to another field: the first operator it takes, and a fresh value. */
export function withField(c: ConditionDraft, field: string, changes: boolean): ConditionDraft {
  const operator = operatorsFor(field, { changes })[0] ?? '';
  return { ...c, field, operator, value: defaultValue(field, operator) };
}

/** A condition row changed to another operator; the value is kept where it still fits (one ↔ a list). */
export function withOperator(c: ConditionDraft, operator: ConditionOperator): ConditionDraft {
  if (NO_VALUE_OPERATORS.includes(operator)) return { ...c, operator, value: undefined };
  const wasList = Array.isArray(c.value);
  const isList = LIST_OPERATORS.includes(operator);
  let value = c.value;
  if (isList && !wasList) value = c.value === '' || c.value === null || c.value === undefined ? [] : [c.value];
  else if (!isList && wasList) value = (c.value as unknown[])[0] ?? defaultValue(c.field, operator);
  else if (value === undefined) value = defaultValue(c.field, operator);
  return { ...c, operator, value };
}

/** What a new action of a type starts with. */
export function newAction(type: RuleActionType): ActionDraft {
  const recipients = { agentIds: [], teamIds: [], assignee: false };
  const data: Record<RuleActionType, Record<string, unknown>> = {
    set_status: { value: 'open' },
    set_priority: { value: 'normal' },
    set_type: { value: null },
    set_team: { teamId: null },
    set_assignee: { agentId: null },
    set_custom: { key: '', value: '' },
    route: {},
    add_tags: { tags: [] },
    remove_tags: { tags: [] },
    email_requester: { body: '' },
    email_agents: { recipients, subject: '', body: '' },
    notify: { recipients, title: '', body: '' },
    webhook: { webhookId: '' },
    apply_macro: { macroId: '', post: 'none' },
  };
  return { key: rowKey(), type, data: data[type] };
}

/** The editor's starting values: the rule, or an empty rule of the kind. */
export function initialRuleState(kind: AutomationKindName, rule: AutomationRule | null): RuleFormState {
  const rows = (list: AutomationRule['conditions']['all']) => list.map((c) => ({ key: rowKey(), field: c.field, operator: c.operator, value: c.value }));
  return {
    kind,
    name: rule?.name ?? '',
    description: rule?.description ?? '',
    active: rule?.active ?? true,
    events: [...(rule?.events ?? (kind === 'trigger' ? ['ticket.created'] : []))],
    all: rows(rule?.conditions.all ?? []),
    any: rows(rule?.conditions.any ?? []),
    actions: (rule?.actions ?? []).map(({ type, ...data }) => ({ key: rowKey(), type, data })),
  };
}

const conditionBody = (c: ConditionDraft) => (c.value === undefined || NO_VALUE_OPERATORS.includes(c.operator) ? { field: c.field, operator: c.operator } : { field: c.field, operator: c.operator, value: c.value });

function actionBody(a: ActionDraft): Record<string, unknown> {
  const data = { ...a.data };
  if (a.type === 'notify' && !String(data.body ?? '').trim()) delete data.body;
  return { type: a.type, ...data };
}

/** The rule's conditions, events and actions as the API takes them (also the preview's rule). */
export function ruleCore(s: RuleFormState) {
  return {
    kind: s.kind,
    events: s.kind === 'trigger' ? s.events : [],
    conditions: { all: s.all.map(conditionBody), any: s.any.map(conditionBody) },
    actions: s.actions.map(actionBody),
  };
}

/** The request body for POST (with the kind) or PATCH (without). */
export function ruleBody(s: RuleFormState, create: boolean): Record<string, unknown> {
  const { kind, ...core } = ruleCore(s);
  return { ...(create && { kind }), name: s.name.trim(), description: s.description.trim(), active: s.active, ...core };
}

const ACTION_SUBFIELDS = ['value', 'teamId', 'agentId', 'key', 'tags', 'recipients', 'subject', 'title', 'body', 'webhookId', 'macroId', 'post', 'type'];

/** Every place a server error can land, most specific first. */
export function ruleFields(s: RuleFormState): string[] {
  const out = ['name', 'description', 'active', 'events'];
  for (const group of ['all', 'any'] as const) {
    s[group].forEach((_, i) => out.push(`conditions.${group}.${i}.field`, `conditions.${group}.${i}.operator`, `conditions.${group}.${i}.value`, `conditions.${group}.${i}`));
    out.push(`conditions.${group}`);
  }
  out.push('conditions');
  s.actions.forEach((_, i) => {
    for (const sub of ACTION_SUBFIELDS) out.push(`actions.${i}.${sub}`);
    out.push(`actions.${i}`);
  });
  out.push('actions');
  return out;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);

/** Checks the rule in the browser, in the agent's language, before it is sent. */
export function validateRule(s: RuleFormState, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.name.trim()) out.name = t('validation.required');
  if (s.kind === 'trigger' && s.events.length === 0) out.events = t('automation.errors.events');
  for (const group of ['all', 'any'] as const) {
    s[group].forEach((c, i) => {
      const at = `conditions.${group}.${i}`;
      if (!c.field) out[`${at}.field`] = t('automation.errors.field');
      else if (!c.operator) out[`${at}.operator`] = t('automation.errors.operator');
      else {
        const spec = fieldSpec(c.field);
        const schema = spec ? valueSchema(spec, c.operator) : null;
        if (schema && (blank(c.value) || !schema.safeParse(c.value).success)) out[`${at}.value`] = t('automation.errors.value');
      }
    });
  }
  if (s.kind === 'schedule' && !s.all.some((c) => fieldSpec(c.field)?.type === 'duration')) out['conditions.all'] = t('automation.errors.timeCondition');
  if (s.actions.length === 0) out.actions = t('automation.errors.actions');
  s.actions.forEach((a, i) => {
    const at = `actions.${i}`;
    const d = a.data;
    const need = (sub: string) => blank(d[sub]) && (out[`${at}.${sub}`] = t('validation.required'));
    if (a.type === 'set_custom') need('key');
    // An empty team or agent means "not chosen yet" (a preset); null means "none".
    if (a.type === 'set_team' && d.teamId === '') out[`${at}.teamId`] = t('validation.required');
    if (a.type === 'set_assignee' && d.agentId === '') out[`${at}.agentId`] = t('validation.required');
    if (a.type === 'add_tags' || a.type === 'remove_tags') need('tags');
    if (a.type === 'email_requester') need('body');
    if (a.type === 'email_agents') ['subject', 'body'].forEach(need);
    if (a.type === 'notify') need('title');
    if (a.type === 'webhook') need('webhookId');
    if (a.type === 'apply_macro') need('macroId');
    if (a.type === 'email_agents' || a.type === 'notify') {
      const r = d.recipients as { agentIds: string[]; teamIds: string[]; assignee: boolean };
      if (!r.agentIds.length && !r.teamIds.length && !r.assignee) out[`${at}.recipients`] = t('automation.errors.recipients');
    }
  });
  return out;
}
