import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import type { KbLocale, KbLocalized } from '../schema.ts';

/**
 * The reads behind the public help center. Every query here sees published articles only:
 * drafts, internal and archived articles do not exist for the public, and a category or
 * section appears only while it holds a published article in the page's language.
 */

/** A name or description in the language, else in the other one. */
export function localized(value: KbLocalized | null | undefined, lang: KbLocale): string {
  return value?.[lang] || value?.[lang === 'de' ? 'en' : 'de'] || '';
}

export interface PublicArticleLink {
  translationId: string;
  articleId: string;
  title: string;
  slug: string;
  summary: string;
  sectionId: string;
  viewCount: number;
  updatedAt: Date;
}

export interface PublicSection {
  id: string;
  categoryId: string;
  slug: string;
  name: string;
  description: string;
  articleCount: number;
  /** The first articles by position (up to the limit asked for). */
  articles: PublicArticleLink[];
}

export interface PublicCategory {
  id: string;
  slug: string;
  icon: string;
  name: string;
  description: string;
  articleCount: number;
  sections: PublicSection[];
}

const link = (r: Record<string, unknown>): PublicArticleLink => ({
  translationId: String(r.translation_id),
  articleId: String(r.article_id),
  title: String(r.title),
  slug: String(r.slug),
  summary: String(r.summary ?? ''),
  sectionId: String(r.section_id),
  viewCount: Number(r.view_count ?? 0),
  updatedAt: new Date(r.updated_at as string),
});

/**
 * The categories with their sections and the first `perSection` articles of each, in the
 * editors' order, limited to what has published articles in `lang`. With `categorySlug` only
 * that category.
 */
export async function publicTree(db: Executor, lang: KbLocale, perSection: number, categorySlug?: string): Promise<PublicCategory[]> {
  const onlyCategory = categorySlug ? sql`and c.slug = ${categorySlug}` : sql``;
  const sections = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select c.id as category_id, c.slug as category_slug, c.icon, c.names as category_names, c.descriptions as category_descriptions,
             s.id as section_id, s.slug as section_slug, s.names as section_names, s.descriptions as section_descriptions, n.count::int as count
        from (select a.section_id, count(*) as count
                from kb_articles a join kb_article_translations t on t.article_id = a.id and t.locale = ${lang}
               where a.status = 'published'
               group by a.section_id) n
        join kb_sections s on s.id = n.section_id
        join kb_categories c on c.id = s.category_id
       where true ${onlyCategory}
       order by c.position, c.slug, s.position, s.slug`,
  );
  if (sections.length === 0) return [];
  const ids = sections.map((r) => String(r.section_id));
  const articles = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select * from (
        select t.id as translation_id, t.article_id, t.title, t.slug, t.summary, a.section_id, t.view_count, t.updated_at,
               row_number() over (partition by a.section_id order by a.position, t.title, t.id) as n
          from kb_articles a join kb_article_translations t on t.article_id = a.id and t.locale = ${lang}
         where a.status = 'published' and a.section_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
      ) ranked where n <= ${perSection}
      order by n`,
  );
  const bySection = new Map<string, PublicArticleLink[]>();
  for (const r of articles) {
    const a = link(r);
    bySection.set(a.sectionId, [...(bySection.get(a.sectionId) ?? []), a]);
  }
  const categories = new Map<string, PublicCategory>();
  for (const r of sections) {
    const id = String(r.category_id);
    let c = categories.get(id);
    if (!c) {
      c = {
        id,
        slug: String(r.category_slug),
        icon: String(r.icon ?? ''),
        name: localized(r.category_names as KbLocalized, lang),
        description: localized(r.category_descriptions as KbLocalized, lang),
        articleCount: 0,
        sections: [],
      };
      categories.set(id, c);
    }
    const count = Number(r.count);
    c.articleCount += count;
    c.sections.push({
      id: String(r.section_id),
      categoryId: id,
      slug: String(r.section_slug),
      name: localized(r.section_names as KbLocalized, lang),
      description: localized(r.section_descriptions as KbLocalized, lang),
      articleCount: count,
      articles: bySection.get(String(r.section_id)) ?? [],
    });
  }
  return [...categories.values()];
}

/** The most viewed published articles of a language. */
export async function popularArticles(db: Executor, lang: KbLocale, limit: number): Promise<PublicArticleLink[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select t.id as translation_id, t.article_id, t.title, t.slug, t.summary, a.section_id, t.view_count, t.updated_at
        from kb_article_translations t join kb_articles a on a.id = t.article_id
       where t.locale = ${lang} and a.status = 'published' and t.view_count > 0
       order by t.view_count desc, t.title, t.id
       limit ${limit}`,
  );
  return rows.map(link);
}

export interface SectionPlace {
  section: { id: string; slug: string; name: string; description: string };
  category: { id: string; slug: string; name: string };
}

/** A section by slug with its category, when it holds a published article in `lang`. */
export async function publicSection(db: Executor, lang: KbLocale, slug: string): Promise<(SectionPlace & { articleCount: number }) | null> {
  const [r] = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select s.id, s.slug, s.names, s.descriptions, c.id as category_id, c.slug as category_slug, c.names as category_names,
             (select count(*) from kb_articles a join kb_article_translations t on t.article_id = a.id and t.locale = ${lang}
               where a.section_id = s.id and a.status = 'published')::int as count
        from kb_sections s join kb_categories c on c.id = s.category_id
       where s.slug = ${slug}`,
  );
  if (!r || Number(r.count) === 0) return null;
  return {
    section: { id: String(r.id), slug: String(r.slug), name: localized(r.names as KbLocalized, lang), description: localized(r.descriptions as KbLocalized, lang) },
    category: { id: String(r.category_id), slug: String(r.category_slug), name: localized(r.category_names as KbLocalized, lang) },
    articleCount: Number(r.count),
  };
}

/** One page of a section's published articles in `lang`, in the editors' order. */
export async function sectionArticles(db: Executor, lang: KbLocale, sectionId: string, limit: number, offset: number): Promise<PublicArticleLink[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select t.id as translation_id, t.article_id, t.title, t.slug, t.summary, a.section_id, t.view_count, t.updated_at
        from kb_articles a join kb_article_translations t on t.article_id = a.id and t.locale = ${lang}
       where a.section_id = ${sectionId} and a.status = 'published'
       order by a.position, t.title, t.id
       limit ${limit} offset ${offset}`,
  );
  return rows.map(link);
}

/** Where sections sit, for breadcrumbs of search results. */
export async function placesOf(db: Executor, lang: KbLocale, sectionIds: string[]): Promise<Map<string, SectionPlace>> {
  if (sectionIds.length === 0) return new Map();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select s.id, s.slug, s.names, s.descriptions, c.id as category_id, c.slug as category_slug, c.names as category_names
        from kb_sections s join kb_categories c on c.id = s.category_id
       where s.id in (${sql.join([...new Set(sectionIds)].map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        section: { id: String(r.id), slug: String(r.slug), name: localized(r.names as KbLocalized, lang), description: localized(r.descriptions as KbLocalized, lang) },
        category: { id: String(r.category_id), slug: String(r.category_slug), name: localized(r.category_names as KbLocalized, lang) },
      },
    ]),
  );
}

/** The languages in which a category or section holds a published article (for hreflang). */
export async function languagesOf(db: Executor, where: { categoryId: string } | { sectionId: string }): Promise<KbLocale[]> {
  const scope = 'sectionId' in where ? sql`a.section_id = ${where.sectionId}` : sql`a.section_id in (select id from kb_sections where category_id = ${where.categoryId})`;
  const rows = await queryRows<{ locale: KbLocale }>(
    db,
    sql`select distinct t.locale from kb_articles a join kb_article_translations t on t.article_id = a.id where a.status = 'published' and ${scope} order by t.locale`,
  );
  return rows.map((r) => r.locale);
}
