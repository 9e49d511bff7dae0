import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AutomationKindName, AutomationRule, AutomationRun, CreateAutomationRuleInput, UpdateAutomationRuleInput } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import type { RuleRow } from './runner.ts';
import { automationRules, automationRuns } from './schema.ts';
import { assertRuleValid } from './validate-refs.ts';

export function presentRule(row: RuleRow): AutomationRule {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    active: row.active,
    position: row.position,
    events: row.events,
    conditions: row.conditions,
    actions: row.actions,
    runCount: row.runCount,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    warning: row.warning ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const nameTaken = () => new AppError('conflict', 'a rule of this kind with this name exists', [{ path: 'body.name', message: 'already in use' }]);
const orderLock = (kind: AutomationKindName) => sql`select pg_advisory_xact_lock(hashtext(${`automation_rules.order.${kind}`}))`;

/** The rules of one kind (or all: triggers first), in the order they run. */
export async function listRules(db: Executor, kind?: AutomationKindName): Promise<AutomationRule[]> {
  const rows = await db
    .select()
    .from(automationRules)
    .where(kind ? eq(automationRules.kind, kind) : undefined)
    .orderBy(desc(automationRules.kind), asc(automationRules.position), asc(automationRules.id));
  return rows.map(presentRule);
}

export async function getRule(db: Executor, id: string): Promise<AutomationRule> {
  const [row] = await db.select().from(automationRules).where(eq(automationRules.id, id));
  if (!row) throw notFound('automation rule');
  return presentRule(row);
}

/** Adds a rule after the others of its kind, once everything it refers to checks out. */
export async function createRule(ctx: Ctx, input: CreateAutomationRuleInput): Promise<AutomationRule> {
  const events = [...new Set(input.events)];
  try {
    const row = await inTransaction(ctx, async (tx) => {
      await assertRuleValid(tx, { ...input, events });
      await tx.execute(orderLock(input.kind));
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(${automationRules.position}) + 1, 0)::int` })
        .from(automationRules)
        .where(eq(automationRules.kind, input.kind))) as [{ next: number }];
      const now = ctx.clock.now();
      const [created] = await tx
        .insert(automationRules)
        .values({ kind: input.kind, name: input.name, description: input.description, active: input.active, position: Number(next), events, conditions: input.conditions, actions: input.actions, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, ctx, 'automation_rule.created', 'automation_rule', created!.id, { name: created!.name, kind: created!.kind });
      return created!;
    });
    return presentRule(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/** Changes a rule; the whole rule as it would be afterwards is checked. Editing it clears its warning. */
export async function updateRule(ctx: Ctx, id: string, input: UpdateAutomationRuleInput): Promise<AutomationRule> {
  try {
    const row = await inTransaction(ctx, async (tx) => {
      const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, id)).for('update');
      if (!current) throw notFound('automation rule');
      const next = {
        kind: current.kind,
        events: input.events !== undefined ? [...new Set(input.events)] : current.events,
        conditions: input.conditions ?? current.conditions,
        actions: input.actions ?? current.actions,
      };
      // Switching a rule on or off or renaming it leaves the rest alone (and its warning standing);
      // a changed rule is checked whole.
      const edited = input.events !== undefined || input.conditions !== undefined || input.actions !== undefined;
      if (edited) await assertRuleValid(tx, next);
      const set: Partial<RuleRow> = { updatedAt: ctx.clock.now(), events: next.events, conditions: next.conditions, actions: next.actions, ...(edited && { warning: null }) };
      if (input.name !== undefined) set.name = input.name;
      if (input.description !== undefined) set.description = input.description;
      if (input.active !== undefined) set.active = input.active;
      const [updated] = await tx.update(automationRules).set(set).where(eq(automationRules.id, id)).returning();
      await recordAudit(tx, ctx, 'automation_rule.updated', 'automation_rule', id, { fields: Object.keys(input) });
      return updated!;
    });
    return presentRule(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/** Deletes a rule with its run log. */
export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.delete(automationRules).where(eq(automationRules.id, id)).returning({ name: automationRules.name, kind: automationRules.kind });
    if (rows.length === 0) throw notFound('automation rule');
    await recordAudit(tx, ctx, 'automation_rule.deleted', 'automation_rule', id, { name: rows[0]!.name, kind: rows[0]!.kind });
  });
}

/** Sets the order of one kind's rules; `ids` must name each of them exactly once. */
export async function reorderRules(ctx: Ctx, kind: AutomationKindName, ids: string[]): Promise<AutomationRule[]> {
  await inTransaction(ctx, async (tx) => {
    await tx.execute(orderLock(kind));
    const existing = await tx.select({ id: automationRules.id }).from(automationRules).where(eq(automationRules.kind, kind));
    const known = new Set(existing.map((r) => r.id));
    const given = new Set(ids);
    const problems: { path: string; message: string }[] = [];
    if (given.size !== ids.length) problems.push({ path: 'body.ids', message: 'an id is listed more than once' });
    const unknown = [...new Set(ids.filter((id) => !known.has(id)))];
    if (unknown.length) problems.push({ path: 'body.ids', message: `unknown rules: ${unknown.join(', ')}` });
    const missing = [...known].filter((id) => !given.has(id));
    if (missing.length) problems.push({ path: 'body.ids', message: `missing rules: ${missing.join(', ')}` });
    if (problems.length) throw new AppError('validation_failed', `ids must list every ${kind} rule exactly once`, problems);
    const now = ctx.clock.now();
    for (const [position, id] of ids.entries()) {
      await tx.update(automationRules).set({ position, updatedAt: now }).where(and(eq(automationRules.id, id), eq(automationRules.kind, kind)));
    }
    await recordAudit(tx, ctx, 'automation_rule.reordered', 'automation_rule', null, { kind, ids });
  });
  return listRules(ctx.db, kind);
}

/** The latest runs of a rule, newest first. */
export async function listRuns(db: Executor, ruleId: string, limit: number): Promise<AutomationRun[]> {
  await getRule(db, ruleId);
  const rows = await db.select().from(automationRuns).where(eq(automationRuns.ruleId, ruleId)).orderBy(desc(automationRuns.id)).limit(limit);
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.ruleId,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    event: r.event,
    status: r.status,
    error: r.error,
    actions: r.actions,
    depth: r.depth,
    createdAt: r.createdAt.toISOString(),
  }));
}
