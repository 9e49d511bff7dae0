import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import { kbArticles, type KbArticleStatus } from '../schema.ts';
import { lockArticle, nextPosition, type KbArticleRow } from '../repository.ts';
import { versionStatusChange } from './write-translation.ts';
import { assertSection, checkRelated, publishedAtAfter, uniqueTags } from './article-rules.ts';

export interface UpdateArticleInput {
  sectionId?: string;
  status?: KbArticleStatus;
  tags?: string[];
  related?: string[];
  position?: number;
}

/**
 * Changes what the languages of an article share. A status change is saved as a new version of
 * each language; moving to another section puts the article at that section's end unless a
 * position is given.
 */
export async function updateArticle(ctx: Ctx & { actor: AgentActor }, id: string, input: UpdateArticleInput): Promise<KbArticleRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const article = await lockArticle(tx, id);
    if (!article) throw notFound('article');
    const now = ctx.clock.now();
    const moved = input.sectionId !== undefined && input.sectionId !== article.sectionId;
    if (moved) await assertSection(tx, input.sectionId!);
    const related = input.related !== undefined ? await checkRelated(tx, id, input.related) : undefined;
    const tags = input.tags !== undefined ? uniqueTags(input.tags) : article.tags;
    const statusChanged = input.status !== undefined && input.status !== article.status;
    const [row] = await tx
      .update(kbArticles)
      .set({
        ...(moved && { sectionId: input.sectionId, position: input.position ?? (await nextPosition(tx, 'articles', input.sectionId)) }),
        ...(!moved && input.position !== undefined && { position: input.position }),
        ...(input.tags !== undefined && { tags }),
        ...(related !== undefined && { related }),
        ...(statusChanged && { status: input.status, publishedAt: publishedAtAfter(article, input.status!, now) }),
        updatedAt: now,
      })
      .where(eq(kbArticles.id, id))
      .returning();
    if (statusChanged) {
      await versionStatusChange(tx, article, input.status!, { authorId: ctx.actor.id, now, tags });
      await recordAudit(tx, ctx, 'kb.article_status_changed', 'kb_article', id, { from: article.status, to: input.status });
    }
    return row!;
  });
}
