import type { Executor } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { auditLog } from './schema.ts';

/** Appends one audit entry in the caller's transaction. */
export async function recordAudit(
  db: Executor,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  action: string,
  targetType: string | null,
  targetId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.insert(auditLog).values({
    actorKind: ctx.actor.kind,
    actorId: ctx.actor.id,
    action,
    targetType,
    targetId,
    details,
    createdAt: ctx.clock.now(),
  });
}
