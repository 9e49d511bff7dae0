import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import type { KbLocale, KbLocalized } from '../schema.ts';
import { localized, type PublicArticleLink, type SectionPlace } from './queries.ts';

/** A published article in one language, with what its page shows around the body. */
export interface PublicArticle extends SectionPlace {
  translationId: string;
  articleId: string;
  locale: KbLocale;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  related: string[];
  updatedAt: Date;
  /** The article's other published language, for hreflang and the language switch. */
  other: { locale: KbLocale; slug: string } | null;
}

/** The published article whose slug in `lang` is `slug`, or null (unknown, draft, internal, archived alike). */
export async function publicArticle(db: Executor, lang: KbLocale, slug: string): Promise<PublicArticle | null> {
  const [r] = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select t.id, t.article_id, t.locale, t.title, t.slug, t.summary, t.body_html, t.updated_at, a.tags, a.related,
             s.id as section_id, s.slug as section_slug, s.names as section_names, s.descriptions as section_descriptions,
             c.id as category_id, c.slug as category_slug, c.names as category_names,
             o.locale as other_locale, o.slug as other_slug
        from kb_article_translations t
        join kb_articles a on a.id = t.article_id
        join kb_sections s on s.id = a.section_id
        join kb_categories c on c.id = s.category_id
        left join kb_article_translations o on o.article_id = t.article_id and o.locale <> t.locale
       where t.locale = ${lang} and t.slug = ${slug} and a.status = 'published'`,
  );
  if (!r) return null;
  return {
    translationId: String(r.id),
    articleId: String(r.article_id),
    locale: r.locale as KbLocale,
    title: String(r.title),
    slug: String(r.slug),
    summary: String(r.summary ?? ''),
    bodyHtml: String(r.body_html ?? ''),
    tags: (r.tags as string[] | null) ?? [],
    related: (r.related as string[] | null) ?? [],
    updatedAt: new Date(r.updated_at as string),
    section: { id: String(r.section_id), slug: String(r.section_slug), name: localized(r.section_names as KbLocalized, lang), description: localized(r.section_descriptions as KbLocalized, lang) },
    category: { id: String(r.category_id), slug: String(r.category_slug), name: localized(r.category_names as KbLocalized, lang) },
    other: r.other_locale ? { locale: r.other_locale as KbLocale, slug: String(r.other_slug) } : null,
  };
}

/**
 * Where a link that missed should go: the current slug in `lang` of a published article whose
 * slug in the other language is `slug`, or whose earlier slug in `lang` was `slug` (renamed
 * articles keep their old links working). Null when there is nowhere to go.
 */
export async function movedArticleSlug(db: Executor, lang: KbLocale, slug: string): Promise<string | null> {
  const [r] = await queryRows<{ slug: string }>(
    db,
    sql`
      select t.slug
        from kb_article_translations t join kb_articles a on a.id = t.article_id
       where t.locale = ${lang} and a.status = 'published' and t.slug <> ${slug}
         and (exists (select 1 from kb_article_translations x where x.article_id = t.article_id and x.locale <> ${lang} and x.slug = ${slug})
           or exists (select 1 from kb_article_versions v where v.article_id = t.article_id and v.locale = ${lang} and v.slug = ${slug}))
       limit 1`,
  );
  return r?.slug ?? null;
}

/** The published articles among `ids` in `lang`, in the given order. */
export async function relatedArticles(db: Executor, lang: KbLocale, ids: string[]): Promise<PublicArticleLink[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select t.id as translation_id, t.article_id, t.title, t.slug, t.summary, a.section_id, t.view_count, t.updated_at
        from kb_article_translations t join kb_articles a on a.id = t.article_id
       where t.locale = ${lang} and a.status = 'published' and a.id in (${sql.join(ids.slice(0, 20).map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  const byId = new Map(rows.map((r) => [String(r.article_id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ translationId: String(r.translation_id), articleId: id, title: String(r.title), slug: String(r.slug), summary: String(r.summary ?? ''), sectionId: String(r.section_id), viewCount: Number(r.view_count), updatedAt: new Date(r.updated_at as string) }] : [];
  });
}

/** The published translation with this id, for links recorded earlier (suggestions). */
export async function publishedTranslation(db: Executor, translationId: string): Promise<{ locale: KbLocale; slug: string } | null> {
  const [r] = await queryRows<{ locale: KbLocale; slug: string }>(
    db,
    sql`select t.locale, t.slug from kb_article_translations t join kb_articles a on a.id = t.article_id where t.id = ${translationId} and a.status = 'published'`,
  );
  return r ?? null;
}
