import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { KbLocale } from './schema.ts';
import { planQuery, type QueryPlan } from './search/query-plan.ts';
import { anyWordQuery, fieldColumns, fieldCreditSum, groupsRelation, idf, RANKING } from './search/rank.ts';

/** Who is searching: the public sees published articles only; agents also see internal ones. */
export type KbAudience = 'public' | 'agent';

export interface ArticleHit {
  articleId: string;
  translationId: string;
  locale: KbLocale;
  title: string;
  slug: string;
  summary: string;
  sectionId: string;
  score: number;
  /** The share of the query's weight the article covers (0–1): 1 when it has every word. */
  coverage?: number;
}

export interface SearchInput {
  q: string;
  locale: KbLocale;
  audience: KbAudience;
  limit?: number;
}

/** Statuses an audience may find. Drafts and archived articles are never found. */
export function visibleStatuses(audience: KbAudience): string[] {
  return audience === 'public' ? ['published'] : ['published', 'internal'];
}

/** The translations of one language an audience may find, as `t` joined with `a`. */
export function visibleTranslations(locale: KbLocale, audience: KbAudience): SQL {
  const statuses = visibleStatuses(audience);
  return sql`kb_article_translations t join kb_articles a on a.id = t.article_id
     where t.locale = ${locale} and a.status in (${sql.join(
       statuses.map((s) => sql`${s}`),
       sql`, `,
     )})`;
}

/** The words a query is searched for, as the given audience may find them (see `planQuery`). */
export function planSearch(db: Executor, q: string, locale: KbLocale, audience: KbAudience): Promise<QueryPlan> {
  return planQuery(db, q, locale, audience === 'public');
}

/**
 * Finds the articles of one language that best match a free-text query, best first.
 *
 * Any word may match (a question rarely uses every word of the answer); an article scores for
 * each query word it has, by how rare the word is among the articles (BM25's idf) and where it
 * has it (title, then keywords and summary, then body), so the article covering the most and
 * the most telling words comes first. German and English words are stemmed; misspelt words,
 * words typed without umlauts and German compounds are mapped to the articles' own words first.
 *
 * @example
 * await searchArticles(db, { q: 'Bondrucker druckt nciht', locale: 'de', audience: 'public', limit: 5 });
 */
export async function searchArticles(db: Executor, input: SearchInput): Promise<ArticleHit[]> {
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 10), 1), 50);
  const plan = await planSearch(db, input.q, input.locale, input.audience);
  return (await rankArticles(db, plan, input.locale, input.audience, limit)).hits;
}

/** Articles ranked for a planned query, with what each query word weighed (in plan order). */
export interface Ranking {
  hits: ArticleHit[];
  /** Per query word: its weight times its idf among the audience's articles of the language. */
  weights: number[];
}

/** Ranks the visible articles of one language for a planned query. */
export async function rankArticles(db: Executor, plan: QueryPlan, locale: KbLocale, audience: KbAudience, limit: number): Promise<Ranking> {
  if (plan.groups.length === 0) return { hits: [], weights: [] };
  const rows = await queryRows<Record<string, unknown>>(db, rankQuery(plan, locale, audience, limit));
  const hits = rows.map((r) => ({
    articleId: String(r.article_id),
    translationId: String(r.translation_id),
    locale,
    title: String(r.title),
    slug: String(r.slug),
    summary: String(r.summary),
    sectionId: String(r.section_id),
    score: Number(r.score),
    coverage: Number(r.coverage ?? 0),
  }));
  return { hits, weights: rows[0] ? (JSON.parse(String(rows[0].weights)) as number[]) : [] };
}

/** The ranking query of `rankArticles` (exported to inspect its plan). */
export function rankQuery(plan: QueryPlan, locale: KbLocale, audience: KbAudience, limit: number): SQL {
  const visible = visibleTranslations(locale, audience);
  return sql`
    with g as ${groupsRelation(plan.groups)},
    docs as (
      -- Concatenating copies the (usually compressed, out-of-line) vector into memory once,
      -- instead of once for each of the several tests below.
      select t.id, t.article_id, t.title, t.slug, t.summary, a.section_id, t.search_vector || ''::tsvector as v
        from ${visible} and t.search_vector @@ ${anyWordQuery(plan.groups)}::tsquery
    ),
    h as (select d.id, g.i, g.w, ${fieldColumns(sql`d.v`, 'g')} from docs d join g on d.v @@ g.anyq),
    df as (select h.i, count(*)::float8 as n from h group by h.i),
    total as (${plan.articles ? sql`select ${plan.articles}::float8 as n` : sql`select count(*)::float8 as n from ${visible}`}),
    weights as (
      select g.i, g.w * ${idf(sql`total.n`, sql`coalesce(df.n, 0)`)} as weight
        from g cross join total left join df on df.i = g.i
    ),
    matched as (
      select h.id, sum(weights.weight * ${fieldCreditSum()}) as credit,
             sum(weights.weight) / nullif((select sum(weight) from weights), 0) as coverage
        from h join weights on weights.i = h.i
       group by h.id
    ),
    scored as (select m.id, m.credit * power(m.coverage, ${RANKING.coordination}::float8) as score, m.coverage from matched m)
    select d.article_id, d.id as translation_id, d.title, d.slug, d.summary, d.section_id, s.score, s.coverage,
           (select json_agg(weight order by i) from weights)::text as weights
      from scored s join docs d on d.id = s.id
     -- Ties in the same order on every database, whatever its collation.
     order by s.score desc, d.title collate "C", d.id
     limit ${limit}`;
}
