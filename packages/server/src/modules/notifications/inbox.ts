import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { NotificationPage } from '@servus/shared';
import type { AgentActor } from '../../platform/actor.ts';
import { actorRef, inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { pageOf, type Cursor } from '../../platform/pagination.ts';
import { presentNotification } from './notify.ts';
import { notifications } from './schema.ts';

type AgentCtx = Ctx & { actor: AgentActor };

/** The agent's in-app notifications, newest first, with the unread count over all of them. */
export async function listNotifications(db: Executor, agentId: string, f: { unread?: boolean; limit: number; cursor: Cursor | null }): Promise<NotificationPage> {
  const mine = and(eq(notifications.agentId, agentId), eq(notifications.inApp, true));
  const where = [mine];
  if (f.unread) where.push(isNull(notifications.readAt));
  if (f.cursor) {
    const at = new Date(String(f.cursor.v));
    where.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, f.cursor.id))));
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit + 1);
  const [unread] = await db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  return { ...pageOf(rows, f.limit, presentNotification, (n) => ({ v: n.createdAt.toISOString(), id: n.id })), unreadCount: Number(unread?.n ?? 0) };
}

/** Marks one of the caller's notifications read (it stays read from the first time); 404 for anyone else's. */
export async function markRead(ctx: AgentCtx, id: string) {
  return inTransaction(ctx, async (tx, emit) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now()})` })
      .where(and(eq(notifications.id, id), eq(notifications.agentId, ctx.actor.id), eq(notifications.inApp, true)))
      .returning();
    if (!row) throw notFound('notification');
    emit({ type: 'notification.read', payload: { agentId: ctx.actor.id, ids: [id] }, actor: actorRef(ctx.actor) });
    return presentNotification(row);
  });
}

/** Marks all of the caller's in-app notifications read; returns how many were unread. */
export async function markAllRead(ctx: AgentCtx): Promise<number> {
  return inTransaction(ctx, async (tx, emit) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: ctx.clock.now() })
      .where(and(eq(notifications.agentId, ctx.actor.id), eq(notifications.inApp, true), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length) emit({ type: 'notification.read', payload: { agentId: ctx.actor.id, ids: 'all' }, actor: actorRef(ctx.actor) });
    return rows.length;
  });
}
