import { asc, eq, sql } from 'drizzle-orm';
import type { CreateSlaPolicyInput, SlaPolicy, UpdateSlaPolicyInput } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { slaPolicies } from './schema.ts';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

export function presentSlaPolicy(row: SlaPolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    position: row.position,
    conditions: row.conditions,
    targets: row.targets,
    warnBeforeMinutes: row.warnBeforeMinutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const nameTaken = () => new AppError('conflict', 'an SLA policy with this name exists', [{ path: 'body.name', message: 'already in use' }]);

/** Every policy in evaluation order (first match wins). */
export async function listSlaPolicyRows(db: Executor): Promise<SlaPolicyRow[]> {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
}

export async function listSlaPolicies(db: Executor): Promise<SlaPolicy[]> {
  return (await listSlaPolicyRows(db)).map(presentSlaPolicy);
}

export async function getSlaPolicy(db: Executor, id: string): Promise<SlaPolicy> {
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  if (!row) throw notFound('SLA policy');
  return presentSlaPolicy(row);
}

/** Adds a policy after all others. */
export async function createSlaPolicy(ctx: Ctx, input: CreateSlaPolicyInput): Promise<SlaPolicy> {
  try {
    const row = await inTransaction(ctx, async (tx) => {
      // Serialises concurrent creates so that positions stay distinct.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sla_policies.order'))`);
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${slaPolicies.position}) + 1, 0)::int` }).from(slaPolicies)) as [{ next: number }];
      const now = ctx.clock.now();
      const [created] = await tx
        .insert(slaPolicies)
        .values({
          name: input.name.trim(),
          active: input.active,
          position: Number(next),
          conditions: input.conditions,
          targets: input.targets,
          warnBeforeMinutes: input.warnBeforeMinutes,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordAudit(tx, ctx, 'sla_policy.created', 'sla_policy', created!.id, { name: created!.name, position: created!.position });
      return created!;
    });
    return presentSlaPolicy(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateSlaPolicy(ctx: Ctx, id: string, input: UpdateSlaPolicyInput): Promise<SlaPolicy> {
  try {
    const row = await inTransaction(ctx, async (tx) => {
      const set: Partial<SlaPolicyRow> = { updatedAt: ctx.clock.now() };
      if (input.name !== undefined) set.name = input.name.trim();
      if (input.active !== undefined) set.active = input.active;
      if (input.conditions !== undefined) set.conditions = input.conditions;
      if (input.targets !== undefined) set.targets = input.targets;
      if (input.warnBeforeMinutes !== undefined) set.warnBeforeMinutes = input.warnBeforeMinutes;
      const [updated] = await tx.update(slaPolicies).set(set).where(eq(slaPolicies.id, id)).returning();
      if (!updated) throw notFound('SLA policy');
      await recordAudit(tx, ctx, 'sla_policy.updated', 'sla_policy', id, { fields: Object.keys(input) });
      return updated;
    });
    return presentSlaPolicy(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/** Deletes a policy; tickets it applied to get the next matching policy on their next recompute. */
export async function deleteSlaPolicy(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.delete(slaPolicies).where(eq(slaPolicies.id, id)).returning({ id: slaPolicies.id, name: slaPolicies.name });
    if (rows.length === 0) throw notFound('SLA policy');
    await recordAudit(tx, ctx, 'sla_policy.deleted', 'sla_policy', id, { name: rows[0]!.name });
  });
}

/** Sets the evaluation order; `ids` must name every policy exactly once (400 otherwise). */
export async function reorderSlaPolicies(ctx: Ctx, ids: string[]): Promise<SlaPolicy[]> {
  await inTransaction(ctx, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sla_policies.order'))`);
    const existing = await tx.select({ id: slaPolicies.id }).from(slaPolicies);
    const known = new Set(existing.map((r) => r.id));
    const given = new Set(ids);
    const problems: { path: string; message: string }[] = [];
    if (given.size !== ids.length) problems.push({ path: 'body.ids', message: 'an id is listed more than once' });
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) problems.push({ path: 'body.ids', message: `unknown SLA policies: ${[...new Set(unknown)].join(', ')}` });
    const missing = [...known].filter((id) => !given.has(id));
    if (missing.length) problems.push({ path: 'body.ids', message: `missing SLA policies: ${missing.join(', ')}` });
    if (problems.length) throw new AppError('validation_failed', 'ids must list every SLA policy exactly once', problems);
    const now = ctx.clock.now();
    for (const [position, id] of ids.entries()) {
      await tx.update(slaPolicies).set({ position, updatedAt: now }).where(eq(slaPolicies.id, id));
    }
    await recordAudit(tx, ctx, 'sla_policy.reordered', 'sla_policy', null, { ids });
  });
  return listSlaPolicies(ctx.db);
}
