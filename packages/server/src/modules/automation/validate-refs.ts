import { inArray } from 'drizzle-orm';
import { CUSTOM_FIELD_PREFIX, fieldSpec, ruleProblems, type RuleActionValue, type RuleConditions, type TriggerEventName } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { agents, teams } from '../auth/schema.ts';
import { organizations } from '../contacts/schema.ts';
import { ticketFields } from '../tickets/schema.ts';
import { macros, webhooks } from './integrations.ts';

type Problem = { path: string; message: string };

/** Which operators a custom field's kind allows. */
const CUSTOM_OPERATORS: Record<string, readonly string[]> = {
  text: ['is', 'is_not', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'present', 'absent', 'changed', 'changed_to', 'changed_from'],
  select: ['is', 'is_not', 'in', 'not_in', 'present', 'absent', 'changed', 'changed_to', 'changed_from'],
  number: ['is', 'is_not', 'gt', 'lt', 'present', 'absent', 'changed', 'changed_to', 'changed_from'],
  date: ['is', 'is_not', 'gt', 'lt', 'present', 'absent', 'changed', 'changed_to', 'changed_from'],
  checkbox: ['is', 'is_not', 'present', 'absent', 'changed', 'changed_to', 'changed_from'],
};

function valueFits(kind: string, options: readonly string[], v: unknown): boolean {
  if (v === null) return true;
  switch (kind) {
    case 'number': return typeof v === 'number';
    case 'checkbox': return typeof v === 'boolean';
    case 'date': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    case 'select': return typeof v === 'string' && options.includes(v);
    default: return typeof v === 'string';
  }
}

/** Ids a rule names, with where each is named. */
function collectRefs(conditions: RuleConditions, actions: readonly RuleActionValue[]) {
  const refs = { team: [] as [string, string][], agent: [] as [string, string][], organization: [] as [string, string][], webhook: [] as [string, string][], macro: [] as [string, string][] };
  for (const group of ['all', 'any'] as const) {
    conditions[group].forEach((c, i) => {
      const ref = fieldSpec(c.field)?.ref;
      if (!ref || c.value === undefined || c.value === null) return;
      const ids = Array.isArray(c.value) ? (c.value as string[]) : [c.value as string];
      for (const id of ids) refs[ref].push([id, `conditions.${group}.${i}.value`]);
    });
  }
  actions.forEach((a, i) => {
    const at = `actions.${i}`;
    if (a.type === 'set_team' && a.teamId) refs.team.push([a.teamId, `${at}.teamId`]);
    if (a.type === 'set_assignee' && a.agentId) refs.agent.push([a.agentId, `${at}.agentId`]);
    if (a.type === 'email_agents' || a.type === 'notify') {
      for (const id of a.recipients.agentIds) refs.agent.push([id, `${at}.recipients.agentIds`]);
      for (const id of a.recipients.teamIds) refs.team.push([id, `${at}.recipients.teamIds`]);
    }
    if (a.type === 'webhook') refs.webhook.push([a.webhookId, `${at}.webhookId`]);
    if (a.type === 'apply_macro') refs.macro.push([a.macroId, `${at}.macroId`]);
  });
  return refs;
}

/**
 * Checks what a rule refers to, against the database: teams, agents (active, not read-only,
 * when acted on), organizations, custom fields (and their kinds), webhooks and shared macros.
 * Also the rules that depend on the kind (see `ruleProblems`). Throws 400 naming every path.
 */
export async function assertRuleValid(
  db: Executor,
  rule: { kind: 'trigger' | 'schedule'; events: TriggerEventName[]; conditions: RuleConditions; actions: readonly RuleActionValue[] },
): Promise<void> {
  const problems: Problem[] = ruleProblems(rule).map((p) => ({ path: `body.${p.path}`, message: p.message }));
  const refs = collectRefs(rule.conditions, rule.actions);
  const known = async (ids: string[], q: (ids: string[]) => Promise<{ id: string }[]>) => new Set(ids.length ? (await q(ids)).map((r) => r.id) : []);
  const uniq = (list: [string, string][]) => [...new Set(list.map(([id]) => id))];
  const teamIds = await known(uniq(refs.team), (ids) => db.select({ id: teams.id }).from(teams).where(inArray(teams.id, ids)));
  const agentRows = uniq(refs.agent).length ? await db.select({ id: agents.id, active: agents.active, role: agents.role }).from(agents).where(inArray(agents.id, uniq(refs.agent))) : [];
  const orgIds = await known(uniq(refs.organization), (ids) => db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids)));
  const hookIds = await known(uniq(refs.webhook), (ids) => db.select({ id: webhooks.id }).from(webhooks).where(inArray(webhooks.id, ids)));
  const macroRows = uniq(refs.macro).length ? await db.select({ id: macros.id, scope: macros.scope }).from(macros).where(inArray(macros.id, uniq(refs.macro))) : [];
  for (const [id, path] of refs.team) if (!teamIds.has(id)) problems.push({ path: `body.${path}`, message: `no team ${id}` });
  for (const [id, path] of refs.organization) if (!orgIds.has(id)) problems.push({ path: `body.${path}`, message: `no organization ${id}` });
  for (const [id, path] of refs.webhook) if (!hookIds.has(id)) problems.push({ path: `body.${path}`, message: `no webhook ${id}` });
  for (const [id, path] of refs.macro) {
    const m = macroRows.find((r) => r.id === id);
    if (!m || m.scope !== 'shared') problems.push({ path: `body.${path}`, message: m ? 'automation can apply only shared macros' : `no macro ${id}` });
  }
  for (const [id, path] of refs.agent) {
    const a = agentRows.find((r) => r.id === id);
    // A condition may name a former agent; an action needs one who can work.
    const acting = path.startsWith('actions.');
    if (!a) problems.push({ path: `body.${path}`, message: `no agent ${id}` });
    else if (acting && (!a.active || a.role === 'readonly')) problems.push({ path: `body.${path}`, message: 'not an active agent' });
  }
  await checkCustomFields(db, rule, problems);
  if (problems.length) throw new AppError('validation_failed', 'the rule refers to things that do not exist or do not fit', problems);
}

async function checkCustomFields(db: Executor, rule: { conditions: RuleConditions; actions: readonly RuleActionValue[] }, problems: Problem[]): Promise<void> {
  const fields = await db.select({ key: ticketFields.key, kind: ticketFields.kind, options: ticketFields.options, active: ticketFields.active }).from(ticketFields);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const group of ['all', 'any'] as const) {
    rule.conditions[group].forEach((c, i) => {
      if (!c.field.startsWith(CUSTOM_FIELD_PREFIX)) return;
      const at = `body.conditions.${group}.${i}`;
      const f = byKey.get(c.field.slice(CUSTOM_FIELD_PREFIX.length));
      if (!f) return void problems.push({ path: `${at}.field`, message: `no custom field ${c.field.slice(CUSTOM_FIELD_PREFIX.length)}` });
      if (!CUSTOM_OPERATORS[f.kind]!.includes(c.operator)) return void problems.push({ path: `${at}.operator`, message: `a ${f.kind} field takes ${CUSTOM_OPERATORS[f.kind]!.join(', ')}` });
      if (c.value === undefined) return;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      if (!values.every((v) => valueFits(f.kind, f.options, v))) problems.push({ path: `${at}.value`, message: f.kind === 'select' ? `must be one of: ${f.options.join(', ')}` : `must be a ${f.kind}` });
    });
  }
  rule.actions.forEach((a, i) => {
    if (a.type !== 'set_custom') return;
    const f = byKey.get(a.key);
    if (!f || !f.active) return void problems.push({ path: `body.actions.${i}.key`, message: `no custom field ${a.key}` });
    if (!valueFits(f.kind, f.options, a.value)) problems.push({ path: `body.actions.${i}.value`, message: f.kind === 'select' ? `must be one of: ${f.options.join(', ')}` : `must be a ${f.kind}` });
  });
}

