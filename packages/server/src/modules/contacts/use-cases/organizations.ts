import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { isUniqueViolation } from '../../../platform/db.ts';
import { organizations } from '../schema.ts';
import { recordAudit } from '../../system/audit.ts';

type OrgInput = { name?: string; domains?: string[]; notes?: string; tier?: string | null; portalShared?: boolean; custom?: Record<string, unknown> };

function nameTaken(err: unknown): never {
  if (isUniqueViolation(err)) throw new AppError('conflict', 'an organization with this name exists', [{ path: 'body.name', message: 'already in use' }]);
  throw err;
}

export async function createOrganization(ctx: Ctx, input: OrgInput & { name: string }) {
  return inTransaction(ctx, async (tx, emit) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(organizations)
      .values({ name: input.name, domains: input.domains ?? [], notes: input.notes ?? '', tier: input.tier ?? null, portalShared: input.portalShared ?? false, custom: input.custom ?? {}, createdAt: now, updatedAt: now })
      .returning();
    emit({ type: 'organization.created', payload: { organizationId: row!.id }, actor: actorRef(ctx.actor) });
    return row!;
  }).catch(nameTaken);
}

export async function updateOrganization(ctx: Ctx, id: string, input: OrgInput) {
  return inTransaction(ctx, async (tx) => {
    const [before] = input.portalShared === undefined ? [] : await tx.select({ portalShared: organizations.portalShared }).from(organizations).where(eq(organizations.id, id)).for('update');
    const [row] = await tx
      .update(organizations)
      .set({ ...input, updatedAt: ctx.clock.now() })
      .where(eq(organizations.id, id))
      .returning();
    if (!row) throw notFound('organization');
    // Who may see whose requests in the portal is a security setting: every change is audited.
    if (before && before.portalShared !== row.portalShared) await recordAudit(tx, ctx, 'organization.portal_sharing_changed', 'organization', id, { before: before.portalShared, after: row.portalShared });
    return row;
  }).catch(nameTaken);
}

/** Deletes an organization; its contacts and tickets stay and lose the link (admin only). */
export async function deleteOrganization(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
    if (rows.length === 0) throw notFound('organization');
    await recordAudit(tx, ctx, 'organization.deleted', 'organization', id);
  });
}
