import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { tickets } from '../tickets/schema.ts';
import { filterConditions } from '../tickets/repository.ts';
import { views } from './schema.ts';
import type { FilterSpec } from './builtins.ts';

export type ViewRow = typeof views.$inferSelect;

/** Saved views the agent may use: own personal ones, shared with one of its teams, or with everyone. */
export async function visibleSavedViews(db: Executor, actor: AgentActor): Promise<ViewRow[]> {
  const shared = actor.role === 'admin' ? eq(views.scope, 'team') : and(eq(views.scope, 'team'), actor.teamIds.length ? inArray(views.teamId, actor.teamIds) : sql`false`);
  return db
    .select()
    .from(views)
    .where(or(and(eq(views.scope, 'personal'), eq(views.ownerId, actor.id)), eq(views.scope, 'all'), shared))
    .orderBy(asc(views.position), asc(views.name));
}

/** Counting stops here; lists show "10000+" beyond it, which keeps counts cheap on big queues. */
export const COUNT_CAP = 10_000;

export async function countTickets(db: Executor, actor: AgentActor, filters: FilterSpec): Promise<number> {
  const where = filterConditions(actor, filters);
  const inner = db.select({ one: sql`1` }).from(tickets).where(where.length ? and(...where) : undefined).limit(COUNT_CAP + 1);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${inner}) as capped`);
  return Number(row?.n ?? 0);
}
