import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { KbLocale } from './schema.ts';
import { planSearch, rankArticles } from './search.ts';
import { chunkArticle } from './search/chunks.ts';
import { fieldColumns, fieldCredit, groupsRelation, RANKING } from './search/rank.ts';
import { SEARCH_CONFIG } from './search/vocabulary.ts';

/** A passage of a published article that may answer a question. */
export interface Passage {
  articleId: string;
  translationId: string;
  locale: KbLocale;
  /** The article's title. */
  title: string;
  slug: string;
  /** The heading the passage stands under ('' before the article's first heading). */
  heading: string;
  /** The passage as plain text, its heading on the first line; at most ~600 characters. */
  text: string;
  /** How well it answers, for ordering: the article's relevance times the passage's own (0–1). */
  score: number;
  /**
   * The share of the question's weight (0–1) the passage and its article's title contain: how
   * much of the question it speaks to, for deciding whether it is good enough to answer with.
   */
  coverage: number;
}

export interface PassageInput {
  q: string;
  locale: KbLocale;
  /** How many passages, at most (default 3, at most 10). */
  limit?: number;
  /** How many passages of one article, at most (default 1). */
  perArticle?: number;
}

/** How many of the best articles are cut into passages and weighed. */
const ARTICLES = 6;

/**
 * The passages of PUBLISHED articles that best answer a question, best first. The articles come
 * from the knowledge base search (public audience, the asked language only, typos, umlauts and
 * compounds understood the same way); each is cut into passages (a heading with what stands
 * under it), and every passage is weighed by the question's words it contains, a word in its
 * heading counting most, times its article's relevance.
 *
 * @example
 * const [best] = await bestPassages(db, { q: 'bondrucker druckt nicht', locale: 'de' });
 * // best.text starts with its heading; link it as articleUrl(best.locale, best.slug)
 */
export async function bestPassages(db: Executor, input: PassageInput): Promise<Passage[]> {
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 3), 1), 10);
  const perArticle = Math.max(Math.trunc(input.perArticle ?? 1), 1);
  const plan = await planSearch(db, input.q, input.locale, 'public');
  const { hits, weights } = await rankArticles(db, plan, input.locale, 'public', ARTICLES);
  if (hits.length === 0) return [];

  // Bodies are read with the status checked again: an article unpublished since the ranking
  // (or in between) gives no passage.
  const bodies = await queryRows<{ id: string; body_html: string }>(
    db,
    sql`select t.id, t.body_html from kb_article_translations t join kb_articles a on a.id = t.article_id
         where a.status = 'published' and t.id in (${sql.join(
           hits.map((h) => sql`${h.translationId}::uuid`),
           sql`, `,
         )})`,
  );
  const html = new Map(bodies.map((b) => [String(b.id), b.body_html]));
  const chunks = hits.flatMap((hit, article) =>
    html.has(hit.translationId) ? chunkArticle(html.get(hit.translationId)!).map((c) => ({ ...c, article, title: hit.title })) : [],
  );
  if (chunks.length === 0) return [];

  // Per passage and query word: where the passage has the word. The heading counts as a title,
  // the article's title as a summary (it is the passage's context), the passage text as a body.
  const rows = await queryRows<{ c: number; g: number; ft: number; fs: number; fb: number }>(
    db,
    sql`with g as ${groupsRelation(plan.groups)},
         c as (
           select x.c, setweight(to_tsvector(${SEARCH_CONFIG[input.locale]}::regconfig, x.heading), 'A')
                       || setweight(to_tsvector(${SEARCH_CONFIG[input.locale]}::regconfig, x.title), 'B')
                       || to_tsvector(${SEARCH_CONFIG[input.locale]}::regconfig, x.text) as v
             from jsonb_to_recordset(${JSON.stringify(chunks.map((ch, c) => ({ c, heading: ch.heading, title: ch.title, text: ch.text })))}::jsonb)
               as x(c int, heading text, title text, text text)
         )
       select c.c, g.i as g, ${fieldColumns(sql`c.v`, 'g')} from c join g on c.v @@ g.anyq`,
  );

  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const best = RANKING.title.exact * total;
  const own = new Map<number, { credit: number; covered: number }>();
  for (const r of rows) {
    const w = weights[Number(r.g) - 1] ?? 0;
    const entry = own.get(Number(r.c)) ?? { credit: 0, covered: 0 };
    entry.credit += w * fieldCredit(Number(r.ft), Number(r.fs), Number(r.fb));
    entry.covered += w;
    own.set(Number(r.c), entry);
  }
  const topScore = hits[0]!.score || 1;
  const scored = chunks.map((ch, c) => {
    const hit = hits[ch.article]!;
    const mine = own.get(c) ?? { credit: 0, covered: 0 };
    const passage: Passage = {
      articleId: hit.articleId,
      translationId: hit.translationId,
      locale: input.locale,
      title: hit.title,
      slug: hit.slug,
      heading: ch.heading,
      text: ch.text,
      score: round((hit.score / topScore) * (0.4 + 0.6 * Math.min(mine.credit / best, 1))),
      coverage: round(Math.min(mine.covered / total, 1)),
    };
    return { passage, order: c };
  });
  // Best first; on a tie the earlier passage (of the better article) wins.
  scored.sort((a, b) => b.passage.score - a.passage.score || a.order - b.order);
  const taken = new Map<string, number>();
  const out: Passage[] = [];
  for (const { passage } of scored) {
    const n = taken.get(passage.articleId) ?? 0;
    if (n >= perArticle || passage.coverage === 0) continue;
    taken.set(passage.articleId, n + 1);
    out.push(passage);
    if (out.length === limit) break;
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
