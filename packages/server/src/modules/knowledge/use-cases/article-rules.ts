import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { kbArticles, kbSections, type KbArticleStatus } from '../schema.ts';

/** 400 naming the field when the section does not exist. */
export async function assertSection(tx: Tx, sectionId: string, path = 'body.sectionId'): Promise<void> {
  const [s] = await tx.select({ id: kbSections.id }).from(kbSections).where(eq(kbSections.id, sectionId));
  if (!s) throw new AppError('validation_failed', 'unknown section', [{ path, message: 'no such section' }]);
}

/** Related articles: existing, other than the article itself, each once, in the order given. */
export async function checkRelated(tx: Tx, articleId: string | null, related: string[]): Promise<string[]> {
  const unique = [...new Set(related)];
  if (articleId && unique.includes(articleId)) {
    throw new AppError('validation_failed', 'an article cannot be related to itself', [{ path: 'body.related', message: 'contains the article itself' }]);
  }
  if (unique.length === 0) return [];
  const found = await tx.select({ id: kbArticles.id }).from(kbArticles).where(inArray(kbArticles.id, unique));
  const known = new Set(found.map((r) => r.id));
  const missing = unique.findIndex((id) => !known.has(id));
  if (missing >= 0) throw new AppError('validation_failed', 'unknown related article', [{ path: `body.related.${related.indexOf(unique[missing]!)}`, message: 'no such article' }]);
  return unique;
}

/** Tags once each, in the order given. */
export function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}

/** The publication date after a status change: set when an article (re)enters published. */
export function publishedAtAfter(previous: { status: KbArticleStatus; publishedAt: Date | null }, next: KbArticleStatus, now: Date): Date | null {
  if (next === 'published' && previous.status !== 'published') return now;
  return previous.publishedAt;
}
