import { articleUrl, type KbArticleSummary } from '@servus/shared';
import type { KbLocale } from './api';

/** Where the link goes in the composer: a public reply or an internal note. */
export type LinkTarget = 'public' | 'note';

export interface ArticleLinkChoice {
  articleId: string;
  title: string;
  /** Absolute public address for published articles; the agents' page for internal ones. */
  href: string;
  status: KbArticleSummary['status'];
}

/**
 * Whether an article may be linked into this message, and why not. Customers can open only
 * published articles, so internal ones go into internal notes only; drafts and archived
 * articles are never linked.
 */
export function linkRefusal(status: KbArticleSummary['status'], target: LinkTarget): null | 'internalInPublic' | 'notPublished' {
  if (status === 'published') return null;
  if (status === 'internal') return target === 'note' ? null : 'internalInPublic';
  return 'notPublished';
}

/** The link for one article in one language, or null when it has no text in that language. */
export function linkFor(a: KbArticleSummary, locale: KbLocale, origin: string): ArticleLinkChoice | null {
  const tr = a.translations.find((t) => t.locale === locale);
  if (!tr) return null;
  const href = a.status === 'published' ? `${origin}${articleUrl(locale, tr.slug)}` : `${origin}/knowledge/articles/${a.id}`;
  return { articleId: a.id, title: tr.title, href, status: a.status };
}
