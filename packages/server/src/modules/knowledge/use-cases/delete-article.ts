import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { requireKbEditor } from '../policies.ts';
import { kbArticles } from '../schema.ts';
import { findTranslation } from '../repository.ts';

/**
 * Deletes an article with its languages, versions and files, and takes it out of other
 * articles' related lists. Feedback and deflection records go with it or lose their link.
 */
export async function deleteArticle(ctx: Ctx & { actor: AgentActor }, id: string): Promise<void> {
  await requireKbEditor(ctx.db, ctx.actor);
  await inTransaction(ctx, async (tx) => {
    // Kept in the audit entry: after the delete nothing else says what the article was.
    const title = (await findTranslation(tx, id, 'de'))?.title ?? (await findTranslation(tx, id, 'en'))?.title;
    const [gone] = await tx.delete(kbArticles).where(eq(kbArticles.id, id)).returning({ id: kbArticles.id, status: kbArticles.status });
    if (!gone) throw notFound('article');
    await tx.execute(sql`update kb_articles set related = array_remove(related, ${id}::uuid) where ${id}::uuid = any(related)`);
    await recordAudit(tx, ctx, 'kb.article_deleted', 'kb_article', id, { status: gone.status, ...(title && { title }) });
  });
}
