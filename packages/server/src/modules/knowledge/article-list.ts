import { and, asc, desc, eq, gt, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { escapeLike } from '../../platform/db.ts';
import type { Cursor } from '../../platform/pagination.ts';
import { searchArticles } from './search.ts';
import { kbArticles, kbArticleTranslations, type KbArticleStatus, type KbLocale } from './schema.ts';
import type { KbArticleRow } from './repository.ts';

export interface ArticleListFilter {
  /** The statuses the caller may see at all. */
  visible: KbArticleStatus[];
  status?: KbArticleStatus;
  sectionId?: string;
  locale?: KbLocale;
  tag?: string;
  outdated?: boolean;
  sort: 'position' | '-updated_at';
  limit: number;
  cursor: Cursor | null;
}

function conditions(f: Omit<ArticleListFilter, 'sort' | 'limit' | 'cursor'>): SQL[] {
  const statuses = f.status ? f.visible.filter((s) => s === f.status) : f.visible;
  const out: SQL[] = [inArray(kbArticles.status, statuses.length ? statuses : ['__none__' as KbArticleStatus])];
  if (f.sectionId) out.push(eq(kbArticles.sectionId, f.sectionId));
  if (f.tag) out.push(sql`${f.tag} = any(${kbArticles.tags})`);
  if (f.locale) out.push(sql`exists (select 1 from kb_article_translations t where t.article_id = ${kbArticles.id} and t.locale = ${f.locale})`);
  if (f.outdated !== undefined) {
    const any = sql`exists (select 1 from kb_article_translations t where t.article_id = ${kbArticles.id} and t.outdated)`;
    out.push(f.outdated ? any : sql`not ${any}`);
  }
  return out;
}

/** One page of articles, in section order or most recently changed first (keyset pagination). */
export async function listArticles(db: Executor, f: ArticleListFilter): Promise<KbArticleRow[]> {
  const where = conditions(f);
  if (f.sort === 'position') {
    if (f.cursor) where.push(or(gt(kbArticles.position, Number(f.cursor.v)), and(eq(kbArticles.position, Number(f.cursor.v)), gt(kbArticles.id, f.cursor.id)))!);
    return db.select().from(kbArticles).where(and(...where)).orderBy(asc(kbArticles.position), asc(kbArticles.id)).limit(f.limit + 1);
  }
  if (f.cursor) {
    const at = new Date(String(f.cursor.v));
    where.push(or(lt(kbArticles.updatedAt, at), and(eq(kbArticles.updatedAt, at), lt(kbArticles.id, f.cursor.id)))!);
  }
  return db.select().from(kbArticles).where(and(...where)).orderBy(desc(kbArticles.updatedAt), desc(kbArticles.id)).limit(f.limit + 1);
}

/**
 * Articles matching a free-text query, best first: the knowledge-base search (stemming, typos)
 * over published and internal articles, with articles whose title or slug contains the whole
 * query moved to the front. Editors also find drafts and archived articles that way. The other
 * filters apply on top. One ranked page, no cursor.
 */
export async function searchArticleList(db: Executor, q: string, searchLocale: KbLocale, f: Omit<ArticleListFilter, 'sort' | 'cursor'>): Promise<KbArticleRow[]> {
  const text = q.trim();
  const hits = (await searchArticles(db, { q: text, locale: f.locale ?? searchLocale, audience: 'agent', limit: 50 })).map((h) => h.articleId);
  const pattern = `%${escapeLike(text)}%`;
  const literal = (
    await db
      .selectDistinct({ id: kbArticleTranslations.articleId })
      .from(kbArticleTranslations)
      .innerJoin(kbArticles, eq(kbArticles.id, kbArticleTranslations.articleId))
      .where(and(inArray(kbArticles.status, f.visible), or(ilike(kbArticleTranslations.title, pattern), ilike(kbArticleTranslations.slug, pattern))))
      .limit(50)
  ).map((r) => r.id);
  const contains = new Set(literal);
  const ids = [...new Set([...hits.filter((id) => contains.has(id)), ...literal, ...hits])];
  if (ids.length === 0) return [];
  const rows = await db.select().from(kbArticles).where(and(inArray(kbArticles.id, ids), ...conditions(f)));
  const rank = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!).slice(0, f.limit);
}
