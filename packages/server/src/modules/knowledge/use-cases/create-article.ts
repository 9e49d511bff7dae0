import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import { kbArticles, type KbArticleStatus, type KbLocale } from '../schema.ts';
import { nextPosition, type KbArticleRow } from '../repository.ts';
import { writeTranslation, type TranslationText } from './write-translation.ts';
import { assertSection, checkRelated, uniqueTags } from './article-rules.ts';

export interface CreateArticleInput extends TranslationText {
  sectionId: string;
  locale: KbLocale;
  status: KbArticleStatus;
  tags: string[];
  related: string[];
}

/**
 * Creates an article with its first language, which becomes the source language, as version 1.
 * It goes to the end of its section.
 */
export async function createArticle(ctx: Ctx & { actor: AgentActor }, input: CreateArticleInput): Promise<KbArticleRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await assertSection(tx, input.sectionId);
    const related = await checkRelated(tx, null, input.related);
    const tags = uniqueTags(input.tags);
    const now = ctx.clock.now();
    const [article] = await tx
      .insert(kbArticles)
      .values({
        sectionId: input.sectionId,
        position: await nextPosition(tx, 'articles', input.sectionId),
        status: input.status,
        tags,
        related,
        sourceLocale: input.locale,
        authorId: ctx.actor.id,
        publishedAt: input.status === 'published' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeTranslation(tx, article!, input.locale, input, { authorId: ctx.actor.id, now, status: input.status, tags });
    await recordAudit(tx, ctx, 'kb.article_created', 'kb_article', article!.id, { status: input.status });
    return article!;
  });
}
