import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { kbArticleTranslations, kbFeedback } from '../schema.ts';
import { kbViewMarks } from './schema.ts';

/** The UTC day of a moment, `2026-03-05`. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const prunedDay = new WeakMap<object, string>();

/**
 * Counts a view of an article translation once per visitor and day. `visitor` is a keyed hash
 * of address, browser and day (see routes), so the marks say nothing about anyone after the
 * day; the previous days' marks are deleted on the first view of a new day.
 */
export async function recordView(db: Db, translationId: string, visitor: string, now: Date): Promise<boolean> {
  const day = dayOf(now);
  if (prunedDay.get(db) !== day) {
    prunedDay.set(db, day);
    await db.delete(kbViewMarks).where(lt(kbViewMarks.day, day));
  }
  return db.transaction(async (tx) => {
    const marked = await tx.insert(kbViewMarks).values({ day, visitor, translationId }).onConflictDoNothing().returning({ day: kbViewMarks.day });
    if (marked.length === 0) return false;
    // The view count is not an edit: updated_at stays, so the article's "updated" date and caches do not move.
    await tx.update(kbArticleTranslations).set({ viewCount: sql`${kbArticleTranslations.viewCount} + 1` }).where(eq(kbArticleTranslations.id, translationId));
    return true;
  });
}

/**
 * Records a visitor's "Was this helpful?" answer. Each visitor counts once per article: a
 * second answer replaces the first (and moves the count), the same answer again changes
 * nothing. A comment, when given, replaces the visitor's earlier comment.
 */
export async function recordVote(db: Db, translationId: string, voter: string, helpful: boolean, comment: string | undefined, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(kbFeedback)
      .values({ translationId, voter, helpful, comment: comment ?? '', createdAt: now })
      .onConflictDoNothing()
      .returning({ id: kbFeedback.id });
    if (inserted.length > 0) {
      await tx
        .update(kbArticleTranslations)
        .set(helpful ? { helpfulYes: sql`${kbArticleTranslations.helpfulYes} + 1` } : { helpfulNo: sql`${kbArticleTranslations.helpfulNo} + 1` })
        .where(eq(kbArticleTranslations.id, translationId));
      return;
    }
    const [prev] = await tx
      .select({ id: kbFeedback.id, helpful: kbFeedback.helpful })
      .from(kbFeedback)
      .where(and(eq(kbFeedback.translationId, translationId), eq(kbFeedback.voter, voter)))
      .for('update');
    if (!prev) return;
    await tx
      .update(kbFeedback)
      .set({ helpful, ...(comment !== undefined && { comment }), createdAt: now })
      .where(eq(kbFeedback.id, prev.id));
    if (prev.helpful !== helpful) {
      const yes = helpful ? 1 : -1;
      await tx
        .update(kbArticleTranslations)
        .set({ helpfulYes: sql`greatest(${kbArticleTranslations.helpfulYes} + ${yes}, 0)`, helpfulNo: sql`greatest(${kbArticleTranslations.helpfulNo} - ${yes}, 0)` })
        .where(eq(kbArticleTranslations.id, translationId));
    }
  });
}
