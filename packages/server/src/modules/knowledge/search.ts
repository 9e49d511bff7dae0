import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { KbLocale } from './schema.ts';

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
}

export interface SearchInput {
  q: string;
  locale: KbLocale;
  audience: KbAudience;
  limit?: number;
}

const MAX_QUERY = 300;

/** Statuses an audience may find. Drafts and archived articles are never found. */
export function visibleStatuses(audience: KbAudience): string[] {
  return audience === 'public' ? ['published'] : ['published', 'internal'];
}

/**
 * Finds the articles of one language that best match a free-text query: stemmed full-text
 * search where any word may match (ranked by how many and where), plus trigram similarity of
 * the title for typos.
 */
export async function searchArticles(db: Executor, input: SearchInput): Promise<ArticleHit[]> {
  const q = input.q.trim().slice(0, MAX_QUERY);
  if (!q) return [];
  const limit = Math.min(Math.max(input.limit ?? 10, 1), 50);
  const cfg = input.locale === 'de' ? 'german' : 'english';
  const statuses = visibleStatuses(input.audience);
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    with query as (
      select nullif(replace(plainto_tsquery(${cfg}::regconfig, ${q})::text, ' & ', ' | '), '')::tsquery as tsq
    )
    select t.article_id, t.id as translation_id, t.locale, t.title, t.slug, t.summary, a.section_id,
           coalesce(ts_rank_cd(t.search_vector, query.tsq, 1), 0) + 0.6 * word_similarity(lower(${q}), lower(t.title)) as score
      from kb_article_translations t
      join kb_articles a on a.id = t.article_id
      cross join query
     where t.locale = ${input.locale}
       and a.status in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})
       and ((query.tsq is not null and t.search_vector @@ query.tsq) or word_similarity(lower(${q}), lower(t.title)) > 0.3)
     order by score desc, t.title, t.id
     limit ${limit}`);
  return rows.map((r) => ({
    articleId: String(r.article_id),
    translationId: String(r.translation_id),
    locale: r.locale as KbLocale,
    title: String(r.title),
    slug: String(r.slug),
    summary: String(r.summary),
    sectionId: String(r.section_id),
    score: Number(r.score),
  }));
}
