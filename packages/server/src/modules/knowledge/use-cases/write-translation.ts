import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../../platform/db.ts';
import { isUniqueViolation } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { articleText, referencedFileIds, sanitizeArticleHtml } from '../article-html.ts';
import { slugify } from '../slug.ts';
import { kbArticleTranslations, kbArticleVersions, kbArticles, kbAttachments, type KbArticleStatus, type KbLocale } from '../schema.ts';
import { articleIdBySlug, findTranslation, type KbArticleRow, type KbTranslationRow } from '../repository.ts';

/** What an editor writes in one language. */
export interface TranslationText {
  title: string;
  slug?: string;
  summary: string;
  bodyHtml: string;
  keywords: string;
}

export interface WriteOptions {
  authorId: string | null;
  now: Date;
  /** The article's status recorded with this version (its current one unless it changes in the same save). */
  status: KbArticleStatus;
  tags: string[];
  /** Set when the text comes from restoring this older version. */
  restoredFrom?: number;
}

/** 409 with the failing field when another article of the language holds the slug. */
export function slugTaken(locale: KbLocale): AppError {
  return new AppError('conflict', `another ${locale === 'de' ? 'German' : 'English'} article already uses this slug`, [
    { path: 'body.slug', message: 'already in use; choose another' },
  ]);
}

/**
 * Writes one language of an article as a new version: the sanitized body and its text, a
 * version row, and the translation links. Saving the source language marks the other language
 * outdated; saving the other language records which source version it now follows. Files the
 * body uses and that belong to no article yet become this article's.
 */
export async function writeTranslation(tx: Tx, article: KbArticleRow, locale: KbLocale, text: TranslationText, opts: WriteOptions): Promise<KbTranslationRow> {
  const bodyHtml = sanitizeArticleHtml(text.bodyHtml);
  const slug = text.slug ?? slugify(text.title);
  const holder = await articleIdBySlug(tx, locale, slug);
  if (holder && holder !== article.id) throw slugTaken(locale);

  const current = await findTranslation(tx, article.id, locale);
  const version = (current?.version ?? 0) + 1;
  const isSource = article.sourceLocale === locale;
  let sourceVersion: number | null = null;
  if (!isSource) {
    const source = await findTranslation(tx, article.id, article.sourceLocale);
    sourceVersion = source?.version ?? null;
  }
  const values = {
    title: text.title,
    slug,
    summary: text.summary,
    bodyHtml,
    bodyText: articleText(bodyHtml),
    keywords: text.keywords,
    version,
    sourceVersion,
    outdated: false,
    updatedById: opts.authorId,
    updatedAt: opts.now,
  };
  let row: KbTranslationRow;
  try {
    if (current) {
      [row] = (await tx.update(kbArticleTranslations).set(values).where(eq(kbArticleTranslations.id, current.id)).returning()) as [KbTranslationRow];
    } else {
      [row] = (await tx.insert(kbArticleTranslations).values({ ...values, articleId: article.id, locale, createdAt: opts.now }).returning()) as [KbTranslationRow];
    }
  } catch (err) {
    // Two saves racing for one slug: the unique index decides.
    if (isUniqueViolation(err)) throw slugTaken(locale);
    throw err;
  }
  await tx.insert(kbArticleVersions).values({
    articleId: article.id,
    locale,
    version,
    title: values.title,
    slug,
    summary: values.summary,
    bodyHtml,
    keywords: values.keywords,
    status: opts.status,
    tags: opts.tags,
    authorId: opts.authorId,
    restoredFrom: opts.restoredFrom ?? null,
    createdAt: opts.now,
  });
  if (isSource) {
    // The other language now lags behind its source (it was written against an older version).
    await tx
      .update(kbArticleTranslations)
      .set({ outdated: true })
      .where(and(eq(kbArticleTranslations.articleId, article.id), ne(kbArticleTranslations.locale, locale)));
  }
  const fileIds = referencedFileIds(bodyHtml);
  if (fileIds.length > 0) {
    await tx.update(kbAttachments).set({ articleId: article.id }).where(and(inArray(kbAttachments.id, fileIds), isNull(kbAttachments.articleId)));
  }
  await tx.update(kbArticles).set({ updatedAt: opts.now }).where(eq(kbArticles.id, article.id));
  return row;
}

/**
 * Records a status change as a new version of every language (same text, new status). A
 * translation that was up to date stays up to date: only a change of the source's text makes
 * the other language outdated, not its status.
 */
export async function versionStatusChange(tx: Tx, article: KbArticleRow, status: KbArticleStatus, opts: { authorId: string | null; now: Date; tags: string[]; except?: KbLocale }): Promise<void> {
  const rows = await tx.select().from(kbArticleTranslations).where(eq(kbArticleTranslations.articleId, article.id));
  const source = rows.find((r) => r.locale === article.sourceLocale);
  const sourceNext = source && source.locale !== opts.except ? source.version + 1 : source?.version;
  for (const t of rows) {
    if (t.locale === opts.except) continue;
    const version = t.version + 1;
    const followsSource = t.locale !== article.sourceLocale && !t.outdated && source !== undefined;
    await tx
      .update(kbArticleTranslations)
      .set({ version, ...(followsSource && { sourceVersion: sourceNext ?? null }), updatedById: opts.authorId, updatedAt: opts.now })
      .where(eq(kbArticleTranslations.id, t.id));
    await tx.insert(kbArticleVersions).values({
      articleId: article.id,
      locale: t.locale,
      version,
      title: t.title,
      slug: t.slug,
      summary: t.summary,
      bodyHtml: t.bodyHtml,
      keywords: t.keywords,
      status,
      tags: opts.tags,
      authorId: opts.authorId,
      createdAt: opts.now,
    });
  }
}
