import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { messages, tickets } from '../../tickets/schema.ts';
import { canSeeTicket } from '../../tickets/policies.ts';
import { requireKbEditor } from '../policies.ts';
import { slugify } from '../slug.ts';
import { articleIdBySlug, type KbArticleRow } from '../repository.ts';
import type { KbLocale } from '../schema.ts';
import { createArticle } from './create-article.ts';

/** A slug not yet used in the language: the title's, or the title's with -2, -3, … */
async function freeSlug(ctx: Ctx, locale: KbLocale, title: string): Promise<string> {
  const base = slugify(title, 72);
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await articleIdBySlug(ctx.db, locale, slug))) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/**
 * Turns a good reply into a draft article: the ticket's subject as title, the reply's
 * (re-sanitized) body as text. The ticket's visibility rules apply: a message of a ticket the
 * agent cannot see is not found.
 */
export async function articleFromMessage(ctx: Ctx & { actor: AgentActor }, input: { messageId: string; sectionId: string; locale: KbLocale }): Promise<KbArticleRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  const [row] = await ctx.db
    .select({ kind: messages.kind, bodyHtml: messages.bodyHtml, subject: tickets.subject, teamId: tickets.teamId, assigneeId: tickets.assigneeId })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .where(eq(messages.id, input.messageId));
  if (!row || !canSeeTicket(ctx.actor, row)) throw notFound('message');
  if (row.kind === 'system') {
    throw new AppError('validation_failed', 'system messages cannot become articles', [{ path: 'body.messageId', message: 'choose a reply or a note' }]);
  }
  const title = row.subject.trim().slice(0, 200) || (input.locale === 'de' ? 'Neuer Artikel' : 'New article');
  return createArticle(ctx, {
    sectionId: input.sectionId,
    locale: input.locale,
    status: 'draft',
    tags: [],
    related: [],
    title,
    slug: await freeSlug(ctx, input.locale, title),
    summary: '',
    bodyHtml: row.bodyHtml,
    keywords: '',
  });
}
