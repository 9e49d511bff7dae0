import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import type { KbLocale } from '../schema.ts';
import { findTranslation, findVersion, lockArticle, type KbTranslationRow } from '../repository.ts';
import { writeTranslation } from './write-translation.ts';
import { staleVersion } from './save-translation.ts';

/**
 * Brings back the text of an older version as a new version (history is never rewritten). The
 * article keeps its current status; the restored slug must still be free.
 */
export async function restoreVersion(ctx: Ctx & { actor: AgentActor }, articleId: string, locale: KbLocale, version: number, baseVersion: number): Promise<KbTranslationRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) throw notFound('article');
    const old = await findVersion(tx, articleId, locale, version);
    if (!old) throw notFound('version');
    const current = await findTranslation(tx, articleId, locale);
    if ((current?.version ?? 0) !== baseVersion) throw staleVersion(current?.version ?? 0);
    const row = await writeTranslation(
      tx,
      article,
      locale,
      { title: old.title, slug: old.slug, summary: old.summary, bodyHtml: old.bodyHtml, keywords: old.keywords },
      { authorId: ctx.actor.id, now: ctx.clock.now(), status: article.status, tags: article.tags, restoredFrom: version },
    );
    await recordAudit(tx, ctx, 'kb.article_restored', 'kb_article', articleId, { locale, version, newVersion: row.version });
    return row;
  });
}
