import type { KbArticle, KbArticleSummary, KbAttachment, KbCategory, KbSection, KbTranslation, KbVersion, KbVersionSummary } from '@servus/shared';
import { articleUrl, kbFileUrl } from './urls.ts';
import type { KbArticleRow, KbCategoryRow, KbSectionRow, KbTranslationRow, KbVersionWithAuthor } from './repository.ts';
import type { kbAttachments, KbArticleStatus, KbLocale } from './schema.ts';

export function presentSection(s: KbSectionRow, articleCount: number): KbSection {
  return {
    id: s.id,
    categoryId: s.categoryId,
    slug: s.slug,
    position: s.position,
    names: s.names,
    descriptions: s.descriptions,
    articleCount,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentCategory(c: KbCategoryRow, sections: KbSection[]): KbCategory {
  return {
    id: c.id,
    slug: c.slug,
    position: c.position,
    icon: c.icon,
    names: c.names,
    descriptions: c.descriptions,
    sections,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentTranslation(t: KbTranslationRow): KbTranslation {
  return {
    id: t.id,
    locale: t.locale,
    title: t.title,
    slug: t.slug,
    summary: t.summary,
    bodyHtml: t.bodyHtml,
    keywords: t.keywords,
    version: t.version,
    sourceVersion: t.sourceVersion,
    outdated: t.outdated,
    viewCount: t.viewCount,
    helpfulYes: t.helpfulYes,
    helpfulNo: t.helpfulNo,
    updatedById: t.updatedById,
    updatedAt: t.updatedAt.toISOString(),
    url: articleUrl(t.locale, t.slug),
  };
}

export function presentArticleSummary(a: KbArticleRow, translations: KbTranslationRow[]): KbArticleSummary {
  return {
    id: a.id,
    sectionId: a.sectionId,
    position: a.position,
    status: a.status,
    tags: a.tags,
    sourceLocale: a.sourceLocale,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    translations: translations.map((t) => ({
      locale: t.locale,
      title: t.title,
      slug: t.slug,
      summary: t.summary,
      version: t.version,
      outdated: t.outdated,
      url: articleUrl(t.locale, t.slug),
    })),
  };
}

export function presentArticle(
  a: KbArticleRow,
  translations: KbTranslationRow[],
  extra: {
    related: Map<string, { status: KbArticleStatus; titles: Partial<Record<KbLocale, string>> }>;
    versionCounts: Partial<Record<KbLocale, number>>;
    visibleStatuses: KbArticleStatus[];
    editable: boolean;
  },
): KbArticle {
  return {
    ...presentArticleSummary(a, []),
    authorId: a.authorId,
    createdAt: a.createdAt.toISOString(),
    // Deleted articles drop out; drafts are named only to those who may open them.
    related: a.related.flatMap((id) => {
      const r = extra.related.get(id);
      return r && extra.visibleStatuses.includes(r.status) ? [{ id, status: r.status, titles: r.titles }] : [];
    }),
    translations: Object.fromEntries(translations.map((t) => [t.locale, presentTranslation(t)])),
    versionCounts: extra.versionCounts,
    editable: extra.editable,
  };
}

export function presentVersionSummary(v: KbVersionWithAuthor): KbVersionSummary {
  return {
    version: v.version,
    locale: v.locale,
    title: v.title,
    slug: v.slug,
    status: v.status,
    authorId: v.authorId,
    authorName: v.authorName,
    restoredFrom: v.restoredFrom,
    createdAt: v.createdAt.toISOString(),
  };
}

export function presentVersion(v: KbVersionWithAuthor): KbVersion {
  return { ...presentVersionSummary(v), summary: v.summary, bodyHtml: v.bodyHtml, keywords: v.keywords, tags: v.tags };
}

export function presentAttachment(a: typeof kbAttachments.$inferSelect): KbAttachment {
  return {
    id: a.id,
    articleId: a.articleId,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    contentUrl: `/api/v1/kb/attachments/${a.id}/content`,
    publicUrl: kbFileUrl(a.id, a.filename),
    createdAt: a.createdAt.toISOString(),
  };
}
