import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { agents } from '../auth/schema.ts';
import {
  kbArticles,
  kbArticleTranslations,
  kbArticleVersions,
  kbCategories,
  kbSections,
  type KbArticleStatus,
  type KbLocale,
} from './schema.ts';

export type KbCategoryRow = typeof kbCategories.$inferSelect;
export type KbSectionRow = typeof kbSections.$inferSelect;
export type KbArticleRow = typeof kbArticles.$inferSelect;
export type KbTranslationRow = typeof kbArticleTranslations.$inferSelect;
export type KbVersionRow = typeof kbArticleVersions.$inferSelect;

export async function listCategories(db: Executor): Promise<KbCategoryRow[]> {
  return db.select().from(kbCategories).orderBy(asc(kbCategories.position), asc(kbCategories.createdAt), asc(kbCategories.id));
}

export async function listSections(db: Executor, categoryId?: string): Promise<KbSectionRow[]> {
  return db
    .select()
    .from(kbSections)
    .where(categoryId ? eq(kbSections.categoryId, categoryId) : undefined)
    .orderBy(asc(kbSections.position), asc(kbSections.createdAt), asc(kbSections.id));
}

export async function findCategory(db: Executor, id: string): Promise<KbCategoryRow | undefined> {
  const [row] = await db.select().from(kbCategories).where(eq(kbCategories.id, id));
  return row;
}

export async function findSection(db: Executor, id: string): Promise<KbSectionRow | undefined> {
  const [row] = await db.select().from(kbSections).where(eq(kbSections.id, id));
  return row;
}

/** How many articles of the given statuses each section holds. */
export async function articleCounts(db: Executor, statuses: KbArticleStatus[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ sectionId: kbArticles.sectionId, n: sql<number>`count(*)::int` })
    .from(kbArticles)
    .where(inArray(kbArticles.status, statuses))
    .groupBy(kbArticles.sectionId);
  return new Map(rows.map((r) => [r.sectionId, Number(r.n)]));
}

export async function findArticle(db: Executor, id: string): Promise<KbArticleRow | undefined> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id));
  return row;
}

/** The article row locked for a change, so two saves of one article run one after the other. */
export async function lockArticle(db: Executor, id: string): Promise<KbArticleRow | undefined> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update');
  return row;
}

export async function translationsOf(db: Executor, articleIds: string[]): Promise<KbTranslationRow[]> {
  if (articleIds.length === 0) return [];
  return db.select().from(kbArticleTranslations).where(inArray(kbArticleTranslations.articleId, articleIds)).orderBy(asc(kbArticleTranslations.locale));
}

export async function findTranslation(db: Executor, articleId: string, locale: KbLocale): Promise<KbTranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(kbArticleTranslations)
    .where(and(eq(kbArticleTranslations.articleId, articleId), eq(kbArticleTranslations.locale, locale)));
  return row;
}

/** The article holding a slug in a language, if any. */
export async function articleIdBySlug(db: Executor, locale: KbLocale, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ articleId: kbArticleTranslations.articleId })
    .from(kbArticleTranslations)
    .where(and(eq(kbArticleTranslations.locale, locale), eq(kbArticleTranslations.slug, slug)));
  return row?.articleId;
}

export async function versionCounts(db: Executor, articleId: string): Promise<Partial<Record<KbLocale, number>>> {
  const rows = await db
    .select({ locale: kbArticleVersions.locale, n: sql<number>`count(*)::int` })
    .from(kbArticleVersions)
    .where(eq(kbArticleVersions.articleId, articleId))
    .groupBy(kbArticleVersions.locale);
  return Object.fromEntries(rows.map((r) => [r.locale, Number(r.n)]));
}

export type KbVersionWithAuthor = KbVersionRow & { authorName: string | null };

/** The saved versions of one language, newest first. */
export async function listVersions(db: Executor, articleId: string, locale: KbLocale, limit: number, before?: number): Promise<KbVersionWithAuthor[]> {
  const rows = await db
    .select({ v: kbArticleVersions, authorName: agents.name })
    .from(kbArticleVersions)
    .leftJoin(agents, eq(agents.id, kbArticleVersions.authorId))
    .where(
      and(
        eq(kbArticleVersions.articleId, articleId),
        eq(kbArticleVersions.locale, locale),
        before !== undefined ? sql`${kbArticleVersions.version} < ${before}` : undefined,
      ),
    )
    .orderBy(desc(kbArticleVersions.version))
    .limit(limit);
  return rows.map((r) => ({ ...r.v, authorName: r.authorName }));
}

export async function findVersion(db: Executor, articleId: string, locale: KbLocale, version: number): Promise<KbVersionWithAuthor | undefined> {
  const [row] = await db
    .select({ v: kbArticleVersions, authorName: agents.name })
    .from(kbArticleVersions)
    .leftJoin(agents, eq(agents.id, kbArticleVersions.authorId))
    .where(and(eq(kbArticleVersions.articleId, articleId), eq(kbArticleVersions.locale, locale), eq(kbArticleVersions.version, version)));
  return row ? { ...row.v, authorName: row.authorName } : undefined;
}

/** Titles of the given articles in both languages, for related-article lists. */
export async function titlesOf(db: Executor, ids: string[]): Promise<Map<string, { status: KbArticleStatus; titles: Partial<Record<KbLocale, string>> }>> {
  const out = new Map<string, { status: KbArticleStatus; titles: Partial<Record<KbLocale, string>> }>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: kbArticles.id, status: kbArticles.status, locale: kbArticleTranslations.locale, title: kbArticleTranslations.title })
    .from(kbArticles)
    .leftJoin(kbArticleTranslations, eq(kbArticleTranslations.articleId, kbArticles.id))
    .where(inArray(kbArticles.id, ids));
  for (const r of rows) {
    const entry = out.get(r.id) ?? { status: r.status, titles: {} };
    if (r.locale && r.title !== null) entry.titles[r.locale] = r.title;
    out.set(r.id, entry);
  }
  return out;
}

/** The next free position at the end of a list. */
export async function nextPosition(db: Executor, table: 'categories' | 'sections' | 'articles', parentId?: string): Promise<number> {
  const q =
    table === 'categories'
      ? sql`select coalesce(max(position) + 1, 0)::int as n from kb_categories`
      : table === 'sections'
        ? sql`select coalesce(max(position) + 1, 0)::int as n from kb_sections where category_id = ${parentId}`
        : sql`select coalesce(max(position) + 1, 0)::int as n from kb_articles where section_id = ${parentId}`;
  const r = (await db.execute(q)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0]?.n ?? 0);
}
