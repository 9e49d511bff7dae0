import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import { kbArticles, kbSections, type KbLocalized } from '../schema.ts';
import { findCategory, findSection, listSections, nextPosition, type KbSectionRow } from '../repository.ts';
import { assertSameSet, cleanLocalized, slugFrom, withUniqueSlug } from './structure-rules.ts';

export interface SectionInput {
  categoryId: string;
  names: KbLocalized;
  descriptions?: KbLocalized;
  slug?: string;
}

async function assertCategory(ctx: Ctx, categoryId: string): Promise<void> {
  if (!(await findCategory(ctx.db, categoryId))) throw new AppError('validation_failed', 'unknown category', [{ path: 'body.categoryId', message: 'no such category' }]);
}

/** Creates a section at the end of its category. */
export async function createSection(ctx: Ctx & { actor: AgentActor }, input: SectionInput): Promise<KbSectionRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await assertCategory({ ...ctx, db: tx }, input.categoryId);
    const names = cleanLocalized(input.names);
    const now = ctx.clock.now();
    const [row] = await withUniqueSlug('section', async () =>
      tx
        .insert(kbSections)
        .values({
          categoryId: input.categoryId,
          slug: slugFrom(input.slug, names),
          names,
          descriptions: cleanLocalized(input.descriptions),
          position: await nextPosition(tx, 'sections', input.categoryId),
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    return row!;
  });
}

/** Changes a section; moving it to another category puts it at that category's end. */
export async function updateSection(ctx: Ctx & { actor: AgentActor }, id: string, input: Partial<SectionInput>): Promise<KbSectionRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const section = await findSection(tx, id);
    if (!section) throw notFound('section');
    const moved = input.categoryId !== undefined && input.categoryId !== section.categoryId;
    if (moved) await assertCategory({ ...ctx, db: tx }, input.categoryId!);
    const [row] = await withUniqueSlug('section', async () =>
      tx
        .update(kbSections)
        .set({
          ...(moved && { categoryId: input.categoryId, position: await nextPosition(tx, 'sections', input.categoryId) }),
          ...(input.names && { names: cleanLocalized(input.names) }),
          ...(input.descriptions && { descriptions: cleanLocalized(input.descriptions) }),
          ...(input.slug !== undefined && { slug: input.slug }),
          updatedAt: ctx.clock.now(),
        })
        .where(eq(kbSections.id, id))
        .returning(),
    );
    return row!;
  });
}

/** Deletes an empty section; one that still has articles (of any status) is refused with 409. */
export async function deleteSection(ctx: Ctx & { actor: AgentActor }, id: string): Promise<void> {
  await requireKbEditor(ctx.db, ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const section = await findSection(tx, id);
    if (!section) throw notFound('section');
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(kbArticles).where(eq(kbArticles.sectionId, id));
    if (Number(n?.n) > 0) throw new AppError('conflict', 'the section still has articles; move or delete them first', { articles: Number(n?.n) });
    await tx.delete(kbSections).where(eq(kbSections.id, id));
    await recordAudit(tx, ctx, 'kb.section_deleted', 'kb_section', id, { slug: section.slug });
  });
}

/** Puts the sections of a category in the given order. */
export async function orderSections(ctx: Ctx & { actor: AgentActor }, categoryId: string, ids: string[]): Promise<void> {
  await requireKbEditor(ctx.db, ctx.actor);
  await inTransaction(ctx, async (tx) => {
    if (!(await findCategory(tx, categoryId))) throw notFound('category');
    assertSameSet(ids, (await listSections(tx, categoryId)).map((s) => s.id));
    const now = ctx.clock.now();
    for (const [position, id] of ids.entries()) await tx.update(kbSections).set({ position, updatedAt: now }).where(eq(kbSections.id, id));
  });
}

/** Puts the articles of a section in the given order (every article of the section, whatever its status). */
export async function orderArticles(ctx: Ctx & { actor: AgentActor }, sectionId: string, ids: string[]): Promise<void> {
  await requireKbEditor(ctx.db, ctx.actor);
  await inTransaction(ctx, async (tx) => {
    if (!(await findSection(tx, sectionId))) throw notFound('section');
    const existing = await tx.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.sectionId, sectionId)).orderBy(asc(kbArticles.position));
    assertSameSet(ids, existing.map((a) => a.id));
    for (const [position, id] of ids.entries()) await tx.update(kbArticles).set({ position }).where(and(eq(kbArticles.id, id), eq(kbArticles.sectionId, sectionId)));
  });
}
