import { and, eq, inArray, sql } from 'drizzle-orm';
import { articleUrl, type ChatBotSummary } from '@servus/shared';
import type { Executor, Tx } from '../../../platform/db.ts';
import { botSessions, kbArticleTranslations, type BotOutcome, type KbLocale } from '../schema.ts';

export type BotSessionRow = typeof botSessions.$inferSelect;

/** Starts the record of the bot's part in a chat (one per conversation). */
export async function openChatBotSession(tx: Tx, input: { conversationId: string; ticketId: string; locale: KbLocale; at: Date }): Promise<void> {
  await tx
    .insert(botSessions)
    .values({ channel: 'chat', conversationId: input.conversationId, ticketId: input.ticketId, locale: input.locale, createdAt: input.at })
    .onConflictDoNothing();
}

export async function chatBotSession(db: Executor, conversationId: string, opts: { forUpdate?: boolean } = {}): Promise<BotSessionRow | undefined> {
  const q = db.select().from(botSessions).where(eq(botSessions.conversationId, conversationId));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Counts one more answer and appends the articles it suggested (each article kept once, at its latest place). */
export async function recordBotAnswer(tx: Tx, session: BotSessionRow, translationIds: string[]): Promise<void> {
  const suggested = [...session.suggested.filter((id) => !translationIds.includes(id)), ...translationIds];
  await tx.update(botSessions).set({ answers: sql`${botSessions.answers} + 1`, suggested }).where(eq(botSessions.id, session.id));
  session.answers += 1;
  session.suggested = suggested;
}

/**
 * Settles how the bot's part in a chat ended, once: a session that is still answering becomes
 * confirmed, handed over or abandoned; one already settled stays as it is. Returns whether it
 * changed. Safe to call on a conversation the bot never took part in.
 */
export async function settleChatBotSession(tx: Tx, conversationId: string, outcome: Exclude<BotOutcome, 'answering'>, at: Date): Promise<boolean> {
  const rows = await tx
    .update(botSessions)
    .set({ outcome, endedAt: at })
    .where(and(eq(botSessions.conversationId, conversationId), eq(botSessions.outcome, 'answering')))
    .returning({ id: botSessions.id });
  return rows.length > 0;
}

/**
 * Records the articles suggested in an email acknowledgement. A customer cannot confirm an
 * answer by mail and the ticket goes to the agents anyway, so the session is handed over at once.
 */
export async function recordEmailBotSession(tx: Tx, input: { ticketId: string; locale: KbLocale; translationIds: string[]; at: Date }): Promise<void> {
  await tx.insert(botSessions).values({
    channel: 'email',
    ticketId: input.ticketId,
    locale: input.locale,
    outcome: 'handed_over',
    answers: input.translationIds.length,
    suggested: input.translationIds,
    createdAt: input.at,
    endedAt: input.at,
  });
}

/** The bot's part in a chat as the agent sees it: its outcome and the articles it suggested, newest last. */
export async function chatBotSummary(db: Executor, conversationId: string): Promise<ChatBotSummary | null> {
  const session = await chatBotSession(db, conversationId);
  if (!session) return null;
  const ids = session.suggested;
  const rows = ids.length
    ? await db
        .select({ id: kbArticleTranslations.id, title: kbArticleTranslations.title, slug: kbArticleTranslations.slug, locale: kbArticleTranslations.locale })
        .from(kbArticleTranslations)
        .where(inArray(kbArticleTranslations.id, ids))
    : [];
  const suggested = ids.flatMap((id) => {
    const r = rows.find((x) => x.id === id);
    return r ? [{ title: r.title, url: articleUrl(r.locale, r.slug), locale: r.locale }] : [];
  });
  return { outcome: session.outcome, answers: session.answers, suggested };
}
