import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db.ts';
import { contacts } from '../../contacts/schema.ts';
import { messages, tickets } from '../../tickets/schema.ts';
import { getHelpCenterSettings } from '../settings.ts';
import { guessLanguage } from './language.ts';
import { GOOD_ENOUGH, findPassages, type Passage } from './retrieve.ts';
import { recordEmailBotSession } from './sessions.ts';
import { readBotSettings } from './settings.ts';
import { botTexts } from './texts.ts';

/** Articles suggested in one acknowledgement at most. */
const MAX_LINKS = 3;
/** How much of the first message is matched: its opening, where the question usually is. */
const OPENING = 300;
/** Sentences of the opening matched one by one. */
const SENTENCES = 4;

export interface AckSuggestions {
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * With email suggestions switched on: up to three published articles, in the ticket's language
 * (the requester's, else guessed from the mail), that match the new ticket's subject or a
 * sentence of its first message's opening, as lines for the automatic acknowledgement, with absolute links
 * into the help center. Only the articles' titles and addresses go out, never a word the
 * customer wrote. Records the suggestion as a bot session of channel email (which a customer
 * cannot confirm by mail). Null when switched off; a session with no links is still recorded.
 */
export async function emailAckSuggestions(tx: Tx, ctx: Ctx, ticketId: string): Promise<AckSuggestions | null> {
  if (!(await readBotSettings(tx)).emailSuggestions) return null;
  const [ticket] = await tx
    .select({ subject: tickets.subject, locale: contacts.locale })
    .from(tickets)
    .leftJoin(contacts, eq(contacts.id, tickets.requesterId))
    .where(eq(tickets.id, ticketId));
  if (!ticket) return null;
  const [first] = await tx
    .select({ text: messages.bodyText })
    .from(messages)
    .where(and(eq(messages.ticketId, ticketId), eq(messages.kind, 'public')))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(1);
  const opening = (first?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, OPENING);
  const locale =
    ticket.locale === 'de' || ticket.locale === 'en'
      ? ticket.locale
      : guessLanguage(`${ticket.subject} ${opening}`, (await getHelpCenterSettings(tx)).defaultLocale);
  const best = new Map<string, Passage>();
  // A mail may ask several things: its subject and each opening sentence are matched on their own.
  const sentences = opening.split(/(?<=[.!?])\s+/).filter((x) => x.length > 12).slice(0, SENTENCES);
  for (const q of [ticket.subject, ...sentences]) {
    if (!q.trim()) continue;
    for (const p of await findPassages(tx, { q, locale, limit: MAX_LINKS })) {
      if (p.score >= GOOD_ENOUGH && (best.get(p.articleId)?.score ?? -1) < p.score) best.set(p.articleId, p);
    }
  }
  const picked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, MAX_LINKS);
  await recordEmailBotSession(tx, { ticketId, locale, translationIds: picked.map((p) => p.translationId), at: ctx.clock.now() });
  if (picked.length === 0) return null;
  const base = (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/+$/, '');
  const intro = botTexts(locale).emailIntro;
  const links = picked.map((p) => ({ title: p.title.replace(/\s+/g, ' ').trim(), url: `${base}${p.url}` }));
  return {
    text: [intro, ...links.map((l) => `- ${l.title}: ${l.url}`)].join('\n'),
    html: `<p>${escape(intro)}</p><ul>${links.map((l) => `<li><a href="${escape(l.url)}">${escape(l.title)}</a></li>`).join('')}</ul>`,
  };
}
