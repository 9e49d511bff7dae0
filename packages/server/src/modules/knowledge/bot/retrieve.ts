import { articleUrl } from '@servus/shared';
import type { Executor } from '../../../platform/db.ts';
import type { KbLocale } from '../schema.ts';
import { bestPassages } from '../passages.ts';

/** A passage of a published article that may answer a question, as the bot uses it. */
export interface Passage {
  articleId: string;
  translationId: string;
  locale: KbLocale;
  title: string;
  slug: string;
  /** `/help/<locale>/articles/<slug>`. */
  url: string;
  /** The passage as plain text, its heading on the first line. */
  text: string;
  /** How much of the question it speaks to, 0…1: the share of the question's weight the passage and its article's title contain. */
  score: number;
}

/** A passage is good enough to answer with when it covers at least this share of the question. */
export const GOOD_ENOUGH = 0.5;

/**
 * The best passages for a question, best first, at most one per article: published articles
 * in the asked language only, found and weighed by the knowledge-base search (typos, umlauts
 * and compounds understood), each article cut into passages under their headings.
 */
export async function findPassages(db: Executor, input: { q: string; locale: KbLocale; limit?: number }): Promise<Passage[]> {
  const found = await bestPassages(db, { q: input.q.slice(0, 1_000), locale: input.locale, limit: input.limit ?? 3 });
  return found.map((p) => ({
    articleId: p.articleId,
    translationId: p.translationId,
    locale: p.locale,
    title: p.title,
    slug: p.slug,
    url: articleUrl(p.locale, p.slug),
    text: p.text,
    score: p.coverage,
  }));
}
