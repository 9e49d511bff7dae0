import type { ChatBotContent } from '@servus/shared';
import type { KbLocale } from '../schema.ts';
import type { BotAnswer } from './answer.ts';
import { botTexts } from './texts.ts';

/** A bot message: the plain text agents, transcripts and search see, and what the widget renders. */
export interface BotChatMessage {
  text: string;
  content: ChatBotContent;
}

/**
 * The bot's answer in a chat: the answer, its article as a link, up to two more articles, and
 * the question whether it helped (the widget shows Yes / No / Talk to a person under it).
 */
export function answerMessage(answer: BotAnswer, locale: KbLocale): BotChatMessage {
  const t = botTexts(locale);
  const [own, ...more] = answer.articles;
  const lines = [answer.answer, ''];
  if (own) lines.push(`${t.readMore}: ${own.title} – ${own.url}`);
  if (more.length) lines.push(`${t.moreArticles}: ${more.map((a) => `${a.title} – ${a.url}`).join('; ')}`);
  lines.push('', t.question);
  return { text: lines.join('\n'), content: { kind: 'answer', answer: answer.answer, articles: answer.articles, ask: true } };
}

/** A line of the bot without links or question (thanks, handing over, nobody available). */
export function lineMessage(kind: Exclude<ChatBotContent['kind'], 'answer'>, text: string): BotChatMessage {
  return { text, content: { kind, answer: text, articles: [], ask: false } };
}
