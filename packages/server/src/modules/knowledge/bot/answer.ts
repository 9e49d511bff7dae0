import type { FastifyBaseLogger } from 'fastify';
import type { BotArticleLink } from '@servus/shared';
import type { Executor } from '../../../platform/db.ts';
import type { BotSettings, KbLocale } from '../schema.ts';
import { readable } from './readable.ts';
import { checkGrounded, groundedPrompt } from './grounded.ts';
import { LlmError, chatCompletion } from './llm.ts';
import { GOOD_ENOUGH, findPassages, type Passage } from './retrieve.ts';

/** Further articles are linked only when they cover at least this share of the question. */
const ALSO_RELEVANT = 0.34;
/** The answer's own article plus this many more. */
const MORE_LINKS = 2;

/** What the bot would answer to one question. */
export interface BotAnswer {
  kind: 'answer' | 'no_answer';
  via: 'retrieval' | 'llm';
  /** Why the model's answer was not used; null when it was, or when no model was asked. */
  fallback: string | null;
  /** The answer alone (a passage, or the model's text citing `[n]`); empty for no_answer. */
  answer: string;
  /** Articles to link, the answer's own first; `n` is what a citation `[n]` refers to. */
  articles: BotArticleLink[];
  /** The passages weighed, numbered from 1 in this order. */
  passages: Passage[];
}

const link = (p: Passage, n: number): BotArticleLink => ({ n, title: p.title, url: p.url });

/** Each article once, in the given order. */
function distinctArticles(list: { p: Passage; n: number }[], max: number): BotArticleLink[] {
  const seen = new Set<string>();
  const out: BotArticleLink[] = [];
  for (const { p, n } of list) {
    if (seen.has(p.articleId) || out.length >= max) continue;
    seen.add(p.articleId);
    out.push(link(p, n));
  }
  return out;
}

/** The offline answer: the best passage, trimmed to a readable length, and up to two more articles. */
export function retrievalAnswer(passages: Passage[]): BotAnswer {
  const best = passages[0];
  if (!best || best.score < GOOD_ENOUGH) return { kind: 'no_answer', via: 'retrieval', fallback: null, answer: '', articles: [], passages };
  const numbered = passages.map((p, i) => ({ p, n: i + 1 }));
  const others = numbered.slice(1).filter(({ p }) => p.score >= ALSO_RELEVANT);
  return { kind: 'answer', via: 'retrieval', fallback: null, answer: readable(best.text), articles: distinctArticles([numbered[0]!, ...others], 1 + MORE_LINKS), passages };
}

export interface AnswerDeps {
  db: Executor;
  log: Pick<FastifyBaseLogger, 'warn'>;
}

/**
 * Answers a question from the published articles of one language. In model mode the model
 * composes the answer from the retrieved passages; when it fails, times out or does not cite a
 * passage, the retrieval answer stands (and the reason is logged). With no passage at all the
 * model is not asked: there is nothing to ground an answer in.
 */
export async function answerQuestion(deps: AnswerDeps, settings: BotSettings, input: { q: string; locale: KbLocale }): Promise<BotAnswer> {
  const passages = await findPassages(deps.db, { q: input.q, locale: input.locale, limit: 3 });
  const offline = retrievalAnswer(passages);
  const llm = settings.llm;
  if (settings.mode !== 'llm' || !llm.baseUrl || !llm.model || passages.length === 0) return offline;
  let reason: string;
  try {
    const raw = await chatCompletion(llm, groundedPrompt(input.q, passages, input.locale));
    const checked = checkGrounded(raw, passages.length);
    if (checked.kind === 'no_answer') return { kind: 'no_answer', via: 'llm', fallback: null, answer: '', articles: [], passages };
    if (checked.kind === 'answer') {
      const numbered = passages.map((p, i) => ({ p, n: i + 1 }));
      const cited = numbered.filter(({ n }) => checked.cited.includes(n));
      const others = numbered.filter(({ n, p }) => !checked.cited.includes(n) && p.score >= ALSO_RELEVANT);
      // Every cited article is linked, whatever the limit: a citation must lead somewhere.
      const articles = distinctArticles([...cited, ...others], Math.max(cited.length, 1 + MORE_LINKS));
      return { kind: 'answer', via: 'llm', fallback: null, answer: checked.text, articles, passages };
    }
    reason = checked.reason;
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    reason = err.reason;
  }
  deps.log.warn({ reason, model: llm.model }, 'answer bot: the model answer was not used; answering from the passages');
  return { ...offline, fallback: reason };
}
