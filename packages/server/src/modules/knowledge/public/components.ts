import { articleUrl } from '@servus/shared';
import type { HelpCenterSettingsRow } from '../settings.ts';
import type { KbLocale } from '../schema.ts';
import { esc, renderPublicPage, type PublicPageInput } from './layout.ts';
import type { PublicArticleLink } from './queries.ts';
import { textsFor } from './texts.ts';

/** What every help center page is rendered with. */
export interface PageCtx {
  lang: KbLocale;
  settings: HelpCenterSettingsRow;
  /** Absolute base of public links, e.g. `https://support.example.com`. */
  base: string;
}

export const homeUrl = (lang: KbLocale) => `/help/${lang}`;
export const categoryUrl = (lang: KbLocale, slug: string) => `/help/${lang}/categories/${encodeURIComponent(slug)}`;
export const sectionUrl = (lang: KbLocale, slug: string) => `/help/${lang}/sections/${encodeURIComponent(slug)}`;
export const searchUrl = (lang: KbLocale, q: string, page = 1) => `/help/${lang}/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`;
export const contactUrl = (lang: KbLocale) => `/help/${lang}/contact`;
export { articleUrl };

/** A help center page in the themed frame, with the parts switched on in the settings. */
export function helpPage(c: PageCtx, p: Omit<PublicPageInput, 'lang' | 'theme' | 'area' | 'features'> & { area?: PublicPageInput['area'] }): string {
  return renderPublicPage({
    ...p,
    lang: c.lang,
    theme: c.settings.theme,
    area: p.area ?? 'help',
    features: { contact: c.settings.contactFormEnabled, portal: c.settings.portalEnabled },
  });
}

/** The trail from the help center home to the current page; the last item is the page itself. */
export function breadcrumbs(lang: KbLocale, items: { label: string; href?: string }[]): string {
  const t = textsFor(lang);
  const all = [{ label: t.home, href: homeUrl(lang) }, ...items];
  return `<nav class="crumbs" aria-label="${esc(t.breadcrumbs)}"><ol>${all
    .map((i, n) => (n === all.length - 1 || !i.href ? `<li><span aria-current="page">${esc(i.label)}</span></li>` : `<li><a href="${esc(i.href)}">${esc(i.label)}</a></li>`))
    .join('')}</ol></nav>`;
}

/** A list of article links, optionally with their summaries. */
export function articleList(lang: KbLocale, articles: PublicArticleLink[], withSummary = false): string {
  return `<ul class="articles">${articles
    .map((a) => `<li><a href="${esc(articleUrl(lang, a.slug))}">${esc(a.title)}</a>${withSummary && a.summary ? `<p>${esc(a.summary)}</p>` : ''}</li>`)
    .join('')}</ul>`;
}

/** The big search form of the home and search pages. */
export function searchForm(lang: KbLocale, q = '', id = 'q'): string {
  const t = textsFor(lang);
  return `<form class="search" role="search" action="/help/${lang}/search" method="get">
<label class="visually-hidden" for="${id}">${esc(t.searchLabel)}</label>
<input id="${id}" type="search" name="q" value="${esc(q)}" maxlength="300" placeholder="${esc(t.searchPlaceholder)}" autocomplete="off" data-suggest="${lang}">
<button type="submit">${esc(t.searchButton)}</button>
</form>`;
}

/** "Still need help?" with a link to the contact form, when the form is switched on. */
export function contactPrompt(c: PageCtx): string {
  if (!c.settings.contactFormEnabled) return '';
  const t = textsFor(c.lang);
  return `<aside class="contact-prompt"><h2>${esc(t.stillNeedHelp)}</h2><a class="button" href="${contactUrl(c.lang)}">${esc(t.contactUs)}</a></aside>`;
}

/** The one page for everything the public may not see or that does not exist. */
export function notFoundPage(c: PageCtx): string {
  const t = textsFor(c.lang);
  return helpPage(c, {
    title: t.notFoundTitle,
    noindex: true,
    headerSearch: { q: '' },
    body: `<section class="message"><h1>${esc(t.notFoundTitle)}</h1><p>${esc(t.notFoundBody)}</p>${searchForm(c.lang, '', 'nf-q')}<p><a href="${homeUrl(c.lang)}">${esc(t.backHome)}</a></p></section>`,
  });
}

/** A page with a title and a paragraph (rate limits, refused requests). */
export function messagePage(c: PageCtx, title: string, text: string, area: PublicPageInput['area'] = 'help'): string {
  return helpPage(c, { title, noindex: true, area, body: `<section class="message"><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="${homeUrl(c.lang)}">${esc(textsFor(c.lang).backHome)}</a></p></section>` });
}

/** Open Graph tags for link previews. */
export function openGraph(c: PageCtx, o: { title: string; description: string; url: string; type?: 'website' | 'article' }): string {
  return [
    `<meta property="og:type" content="${o.type ?? 'website'}">`,
    `<meta property="og:site_name" content="${esc(c.settings.theme.name)}">`,
    `<meta property="og:title" content="${esc(o.title)}">`,
    o.description ? `<meta property="og:description" content="${esc(o.description.slice(0, 300))}">` : '',
    `<meta property="og:url" content="${esc(o.url)}">`,
    `<meta property="og:locale" content="${c.lang === 'de' ? 'de_DE' : 'en_US'}">`,
  ]
    .filter(Boolean)
    .join('\n');
}
