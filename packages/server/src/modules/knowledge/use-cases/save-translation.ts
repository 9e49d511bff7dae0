import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import { kbArticles, type KbArticleStatus, type KbLocale } from '../schema.ts';
import { findTranslation, lockArticle, type KbTranslationRow } from '../repository.ts';
import { versionStatusChange, writeTranslation, type TranslationText } from './write-translation.ts';
import { publishedAtAfter } from './article-rules.ts';

export interface SaveTranslationInput extends TranslationText {
  /** The version the editor started from; 0 for a language the article does not have yet. */
  baseVersion: number;
  status?: KbArticleStatus;
}

/** 409 when someone saved the language after the editor opened it. */
export function staleVersion(current: number): AppError {
  return new AppError('version_conflict', 'someone saved this article after you opened it; reload to see their changes', {
    currentVersion: current,
  });
}

/**
 * Saves one language of an article as a new version (creating the language when it is new),
 * optionally changing the article's status in the same step.
 */
export async function saveTranslation(ctx: Ctx & { actor: AgentActor }, articleId: string, locale: KbLocale, input: SaveTranslationInput): Promise<KbTranslationRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) throw notFound('article');
    const current = await findTranslation(tx, articleId, locale);
    if ((current?.version ?? 0) !== input.baseVersion) throw staleVersion(current?.version ?? 0);
    const now = ctx.clock.now();
    const status = input.status ?? article.status;
    if (status !== article.status) {
      const publishedAt = publishedAtAfter(article, status, now);
      await tx.update(kbArticles).set({ status, publishedAt, updatedAt: now }).where(eq(kbArticles.id, articleId));
      await versionStatusChange(tx, article, status, { authorId: ctx.actor.id, now, tags: article.tags, except: locale });
      await recordAudit(tx, ctx, 'kb.article_status_changed', 'kb_article', articleId, { from: article.status, to: status });
    }
    return writeTranslation(tx, article, locale, input, { authorId: ctx.actor.id, now, status, tags: article.tags });
  });
}
