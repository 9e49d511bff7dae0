import type { KbLocale } from '../schema.ts';
import { articleList, breadcrumbs, categoryUrl, contactPrompt, helpPage, homeUrl, openGraph, searchForm, sectionUrl, type PageCtx } from './components.ts';
import { esc } from './layout.ts';
import type { PublicArticleLink, PublicCategory, PublicSection } from './queries.ts';
import { textsFor } from './texts.ts';

const OTHER: Record<KbLocale, KbLocale> = { de: 'en', en: 'de' };

/** The canonical address and the languages a page exists in (home: both; categories and sections: where they have articles). */
function languages(c: PageCtx, path: (l: KbLocale) => string, langs: KbLocale[] = [c.lang, OTHER[c.lang]]) {
  const shown = langs.includes(c.lang) ? langs : [c.lang, ...langs];
  return {
    canonical: `${c.base}${path(c.lang)}`,
    alternates: shown.length > 1 ? shown.map((l) => ({ lang: l, href: `${c.base}${path(l)}` })) : [],
    xDefault: `${c.base}${path(shown.includes(c.settings.defaultLocale) ? c.settings.defaultLocale : c.lang)}`,
  };
}

function sectionBlock(c: PageCtx, s: PublicSection, headingLevel: 2 | 3): string {
  const t = textsFor(c.lang);
  const more = s.articleCount > s.articles.length ? `<a class="more" href="${esc(sectionUrl(c.lang, s.slug))}">${esc(t.allArticles(s.articleCount))}</a>` : '';
  return `<section class="section-block" aria-labelledby="s-${esc(s.id)}">
<h${headingLevel} id="s-${esc(s.id)}"><a href="${esc(sectionUrl(c.lang, s.slug))}">${esc(s.name)}</a></h${headingLevel}>
${articleList(c.lang, s.articles)}
${more}
</section>`;
}

/** The help center home: search, the categories with their sections and first articles, the most read articles. */
export function homePage(c: PageCtx, tree: PublicCategory[], popular: PublicArticleLink[]): string {
  const t = textsFor(c.lang);
  const categories = tree
    .map(
      (cat) => `<article class="category-card" aria-labelledby="c-${esc(cat.id)}">
<h3 id="c-${esc(cat.id)}"><a href="${esc(categoryUrl(c.lang, cat.slug))}">${esc(cat.name)}</a></h3>
${cat.description ? `<p class="lead">${esc(cat.description)}</p>` : ''}
<ul class="sections">${cat.sections
        .map((s) => `<li><a href="${esc(sectionUrl(c.lang, s.slug))}">${esc(s.name)}</a> <span class="count">${esc(t.articleCount(s.articleCount))}</span>${articleList(c.lang, s.articles.slice(0, 3))}</li>`)
        .join('')}</ul>
</article>`,
    )
    .join('\n');
  const body = `<section class="hero"><h1>${esc(t.homeLead)}</h1>${searchForm(c.lang)}</section>
${tree.length === 0 ? `<p class="empty">${esc(t.empty)}</p>` : `<section aria-labelledby="topics"><h2 id="topics">${esc(t.categories)}</h2><div class="cards">${categories}</div></section>`}
${popular.length > 0 ? `<section class="popular" aria-labelledby="popular"><h2 id="popular">${esc(t.popular)}</h2>${articleList(c.lang, popular, true)}</section>` : ''}
${contactPrompt(c)}`;
  const title = t.home;
  return helpPage(c, {
    title,
    description: t.homeLead,
    ...languages(c, homeUrl),
    head: openGraph(c, { title: `${title} – ${c.settings.theme.name}`, description: t.homeLead, url: `${c.base}${homeUrl(c.lang)}` }),
    scripts: ['/help/assets/help.js'],
    body,
  });
}

/** A category: its sections with their first articles. */
export function categoryPage(c: PageCtx, cat: PublicCategory, langs: KbLocale[]): string {
  const body = `${breadcrumbs(c.lang, [{ label: cat.name }])}
<h1>${esc(cat.name)}</h1>
${cat.description ? `<p class="lead">${esc(cat.description)}</p>` : ''}
<div class="section-list">${cat.sections.map((s) => sectionBlock(c, s, 2)).join('\n')}</div>
${contactPrompt(c)}`;
  return helpPage(c, {
    title: cat.name,
    description: cat.description || cat.name,
    ...languages(c, (l) => categoryUrl(l, cat.slug), langs),
    head: openGraph(c, { title: cat.name, description: cat.description, url: `${c.base}${categoryUrl(c.lang, cat.slug)}` }),
    headerSearch: { q: '' },
    body,
  });
}

export interface SectionPageInput {
  section: { slug: string; name: string; description: string };
  category: { slug: string; name: string };
  articles: PublicArticleLink[];
  page: number;
  pages: number;
  /** The languages the section has published articles in. */
  langs: KbLocale[];
}

/** A section: all its articles with summaries, a page at a time. */
export function sectionPage(c: PageCtx, s: SectionPageInput): string {
  const t = textsFor(c.lang);
  const href = (p: number) => `${sectionUrl(c.lang, s.section.slug)}${p > 1 ? `?page=${p}` : ''}`;
  const pager =
    s.pages > 1
      ? `<nav class="pager" aria-label="${esc(t.pagination)}">${s.page > 1 ? `<a rel="prev" href="${esc(href(s.page - 1))}">${esc(t.previous)}</a>` : ''}<span>${s.page} / ${s.pages}</span>${s.page < s.pages ? `<a rel="next" href="${esc(href(s.page + 1))}">${esc(t.next)}</a>` : ''}</nav>`
      : '';
  const body = `${breadcrumbs(c.lang, [{ label: s.category.name, href: categoryUrl(c.lang, s.category.slug) }, { label: s.section.name }])}
<h1>${esc(s.section.name)}</h1>
${s.section.description ? `<p class="lead">${esc(s.section.description)}</p>` : ''}
${articleList(c.lang, s.articles, true)}
${pager}
${contactPrompt(c)}`;
  const langs = languages(c, (l) => sectionUrl(l, s.section.slug), s.langs);
  return helpPage(c, {
    title: s.page > 1 ? `${s.section.name} (${s.page})` : s.section.name,
    description: s.section.description || s.section.name,
    ...langs,
    canonical: `${c.base}${href(s.page)}`,
    head: openGraph(c, { title: s.section.name, description: s.section.description, url: `${c.base}${href(s.page)}` }),
    headerSearch: { q: '' },
    body,
  });
}
