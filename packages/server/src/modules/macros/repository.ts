import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Macro } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import { escapeLike } from '../../platform/db.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Cursor } from '../../platform/pagination.ts';
import { macros } from './schema.ts';

export type MacroRow = typeof macros.$inferSelect;

export function presentMacro(m: MacroRow): Macro {
  return {
    id: m.id,
    name: m.name,
    shortcut: m.shortcut,
    scope: m.scope,
    ownerId: m.ownerId,
    texts: m.texts,
    actions: m.actions,
    active: m.active,
    usageCount: m.usageCount,
    lastUsedAt: m.lastUsedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The macros an actor may use: every shared macro, and an agent's own personal ones. */
export function usableBy(actor: Actor): SQL {
  const shared = eq(macros.scope, 'shared');
  return actor.kind === 'agent' ? or(shared, and(eq(macros.scope, 'personal'), eq(macros.ownerId, actor.id)))! : shared;
}

/** The macro if the actor may use it; undefined for others' personal macros and unknown ids alike. */
export async function findUsableMacro(db: Executor, actor: Actor, id: string): Promise<MacroRow | undefined> {
  const [row] = await db.select().from(macros).where(and(eq(macros.id, id), usableBy(actor)));
  return row;
}

export interface MacroFilter {
  q?: string;
  scope: 'all' | 'shared' | 'personal';
  active?: boolean;
  cursor: Cursor | null;
  limit: number;
}

/**
 * Search order: 0 = the shortcut starts with the query, 1 = the name does, 2 = either contains
 * it; without a query every macro ranks 0. Then by name, then id.
 */
function rankOf(q: string | undefined): SQL<number> {
  if (!q) return sql<number>`(0)::int`;
  const prefix = `${escapeLike(q.toLowerCase())}%`;
  return sql<number>`(case when ${macros.shortcut} like ${prefix} then 0 when lower(${macros.name}) like ${prefix} then 1 else 2 end)`;
}

/** One page (limit + 1 rows) of the macros the actor may use, in search order. */
export async function listMacros(db: Executor, actor: Actor, f: MacroFilter): Promise<ListedMacro[]> {
  const where: SQL[] = [usableBy(actor)];
  if (f.scope !== 'all') where.push(eq(macros.scope, f.scope));
  if (f.active !== undefined) where.push(eq(macros.active, f.active));
  const q = f.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    where.push(or(ilike(macros.name, like), ilike(macros.shortcut, like))!);
  }
  const rank = rankOf(q);
  if (f.cursor) {
    const [r, name] = String(f.cursor.v).split('\u0000');
    where.push(sql`(${rank}, lower(${macros.name}), ${macros.id}) > (${Number(r)}, ${name ?? ''}, ${f.cursor.id}::uuid)`);
  }
  const rows = await db
    .select({ macro: macros, rank: rank.mapWith(Number), sortName: sql<string>`lower(${macros.name})` })
    .from(macros)
    .where(and(...where))
    .orderBy(asc(rank), asc(sql`lower(${macros.name})`), asc(macros.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.macro, rank: r.rank, sortName: r.sortName }));
}

export type ListedMacro = MacroRow & { rank: number; sortName: string };

/** The keyset cursor of a listed macro. */
export function macroCursor(m: ListedMacro): Cursor {
  return { v: `${m.rank}\u0000${m.sortName}`, id: m.id };
}
