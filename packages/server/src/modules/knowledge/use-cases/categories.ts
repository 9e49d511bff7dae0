import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import { kbCategories, kbSections, type KbLocalized } from '../schema.ts';
import { findCategory, listCategories, nextPosition, type KbCategoryRow } from '../repository.ts';
import { assertSameSet, cleanLocalized, slugFrom, withUniqueSlug } from './structure-rules.ts';

export interface CategoryInput {
  names: KbLocalized;
  descriptions?: KbLocalized;
  slug?: string;
  icon?: string;
}

/** Creates a category at the end of the list. */
export async function createCategory(ctx: Ctx & { actor: AgentActor }, input: CategoryInput): Promise<KbCategoryRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const names = cleanLocalized(input.names);
    const now = ctx.clock.now();
    const position = await nextPosition(tx, 'categories');
    const [row] = await withUniqueSlug('category', () =>
      tx
        .insert(kbCategories)
        .values({
          slug: slugFrom(input.slug, names),
          names,
          descriptions: cleanLocalized(input.descriptions),
          icon: input.icon ?? '',
          position,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    return row!;
  });
}

/** Changes names, descriptions, slug or icon of a category. */
export async function updateCategory(ctx: Ctx & { actor: AgentActor }, id: string, input: Partial<CategoryInput>): Promise<KbCategoryRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (!(await findCategory(tx, id))) throw notFound('category');
    const [row] = await withUniqueSlug('category', () =>
      tx
        .update(kbCategories)
        .set({
          ...(input.names && { names: cleanLocalized(input.names) }),
          ...(input.descriptions && { descriptions: cleanLocalized(input.descriptions) }),
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.icon !== undefined && { icon: input.icon }),
          updatedAt: ctx.clock.now(),
        })
        .where(eq(kbCategories.id, id))
        .returning(),
    );
    return row!;
  });
}

/** Deletes an empty category; one that still has sections is refused with 409. */
export async function deleteCategory(ctx: Ctx & { actor: AgentActor }, id: string): Promise<void> {
  await requireKbEditor(ctx.db, ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const category = await findCategory(tx, id);
    if (!category) throw notFound('category');
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(kbSections).where(eq(kbSections.categoryId, id));
    if (Number(n?.n) > 0) throw new AppError('conflict', 'the category still has sections; move or delete them first', { sections: Number(n?.n) });
    await tx.delete(kbCategories).where(eq(kbCategories.id, id));
    await recordAudit(tx, ctx, 'kb.category_deleted', 'kb_category', id, { slug: category.slug });
  });
}

/** Puts the categories in the given order (every category exactly once). */
export async function orderCategories(ctx: Ctx & { actor: AgentActor }, ids: string[]): Promise<void> {
  await requireKbEditor(ctx.db, ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const existing = await listCategories(tx);
    assertSameSet(ids, existing.map((c) => c.id));
    const now = ctx.clock.now();
    for (const [position, id] of ids.entries()) await tx.update(kbCategories).set({ position, updatedAt: now }).where(eq(kbCategories.id, id));
  });
}
