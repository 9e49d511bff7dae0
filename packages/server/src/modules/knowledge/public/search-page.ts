import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import type { KbLocale } from '../schema.ts';
import { planSearch, searchArticles, type ArticleHit } from '../search.ts';
import type { QueryPlan } from '../search/query-plan.ts';
import { anyWordQuery } from '../search/rank.ts';
import { articleUrl, breadcrumbs, contactUrl, helpPage, searchForm, searchUrl, type PageCtx } from './components.ts';
import { esc } from './layout.ts';
import { placesOf, type SectionPlace } from './queries.ts';
import { textsFor } from './texts.ts';

export const SEARCH_PAGE_SIZE = 10;
/** Deeper than this no one reads; the search ranks at most 50 articles. */
export const SEARCH_MAX_PAGES = 5;

// Control characters cannot occur in stored text (the editor strips them), so they mark the
// matches safely through escaping: escape first, then turn the markers into <mark>.
const START = '\u0001';
const STOP = '\u0002';

/** Escapes a snippet and turns the match markers into `<mark>`; unbalanced markers are dropped. */
export function markSnippet(text: string): string {
  const clean = text.replace(/[\u0000\u0003-\u0008]/g, '');
  let open = false;
  let out = '';
  for (const part of clean.split(/([\u0001\u0002])/)) {
    if (part === START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === STOP) {
      if (open) out += '</mark>';
      open = false;
    } else out += esc(part);
  }
  return open ? `${out}</mark>` : out;
}

/** Passages of each hit's body around the query's words (stems, corrections and compounds included). */
async function snippets(db: Executor, plan: QueryPlan, lang: KbLocale, hits: ArticleHit[]): Promise<Map<string, string>> {
  if (hits.length === 0 || plan.groups.length === 0) return new Map();
  const cfg = lang === 'de' ? 'german' : 'english';
  const opts = `StartSel=${START}, StopSel=${STOP}, MaxWords=32, MinWords=14, MaxFragments=2, FragmentDelimiter=" … "`;
  const rows = await queryRows<{ id: string; snippet: string }>(
    db,
    sql`select t.id, ts_headline(${cfg}::regconfig, left(t.body_text, 20000), ${anyWordQuery(plan.groups)}::tsquery, ${opts}) as snippet
          from kb_article_translations t where t.id in (${sql.join(hits.map((h) => sql`${h.translationId}::uuid`), sql`, `)})`,
  );
  return new Map(rows.filter((r) => r.snippet.includes(START)).map((r) => [r.id, r.snippet]));
}

export interface SearchResults {
  q: string;
  page: number;
  hits: (ArticleHit & { snippet: string | null; place: SectionPlace | undefined })[];
  /** Whether another page follows. */
  more: boolean;
  /** How many were found up to this page (a lower bound when `more`). */
  found: number;
}

/** One page of public search results with their passages and places. */
export async function searchPublic(db: Executor, lang: KbLocale, q: string, page: number): Promise<SearchResults> {
  const query = q.trim().slice(0, 300);
  if (!query) return { q: query, page: 1, hits: [], more: false, found: 0 };
  const all = await searchArticles(db, { q: query, locale: lang, audience: 'public', limit: Math.min(page * SEARCH_PAGE_SIZE + 1, SEARCH_PAGE_SIZE * SEARCH_MAX_PAGES) });
  const shown = all.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const more = page < SEARCH_MAX_PAGES && all.length > page * SEARCH_PAGE_SIZE;
  // The passages highlight the words the search understood: corrections, stems and compound parts.
  const plan = shown.length ? await planSearch(db, query, lang, 'public') : { groups: [] };
  const [marks, places] = await Promise.all([snippets(db, plan, lang, shown), placesOf(db, lang, shown.map((h) => h.sectionId))]);
  return {
    q: query,
    page,
    hits: shown.map((h) => ({ ...h, snippet: marks.get(h.translationId) ?? null, place: places.get(h.sectionId) })),
    more,
    found: Math.min(all.length, page * SEARCH_PAGE_SIZE),
  };
}

/** The search results page, or the empty state with a way to contact support. */
export function searchPage(c: PageCtx, r: SearchResults): string {
  const t = textsFor(c.lang);
  const title = r.q ? t.searchTitle(r.q) : t.searchEmptyTitle;
  let content: string;
  if (!r.q) {
    content = `<p class="empty">${esc(t.enterQuery)}</p>`;
  } else if (r.hits.length === 0) {
    const contact = c.settings.contactFormEnabled ? `<p><a class="button" href="${contactUrl(c.lang)}">${esc(t.contactUs)}</a></p>` : '';
    content = `<div class="empty" role="status"><p><strong>${esc(t.noResults)}</strong></p><p>${esc(t.noResultsHint)}</p>${contact}</div>`;
  } else {
    const items = r.hits
      .map((h) => {
        const where = h.place ? `<p class="where">${esc(h.place.category.name)} › ${esc(h.place.section.name)}</p>` : '';
        const text = h.snippet ? markSnippet(h.snippet) : esc(h.summary);
        return `<li><h2><a href="${esc(articleUrl(c.lang, h.slug))}">${esc(h.title)}</a></h2>${where}<p class="snippet">${text}</p></li>`;
      })
      .join('');
    const pager = `<nav class="pager" aria-label="${esc(t.pagination)}">${r.page > 1 ? `<a rel="prev" href="${esc(searchUrl(c.lang, r.q, r.page - 1))}">${esc(t.previous)}</a>` : ''}${r.more ? `<a rel="next" href="${esc(searchUrl(c.lang, r.q, r.page + 1))}">${esc(t.next)}</a>` : ''}</nav>`;
    content = `<p class="count" role="status">${esc(t.resultCount(r.found, r.more))}</p><ol class="results" start="${(r.page - 1) * SEARCH_PAGE_SIZE + 1}">${items}</ol>${r.page > 1 || r.more ? pager : ''}`;
  }
  return helpPage(c, {
    title,
    noindex: true,
    canonical: `${c.base}${searchUrl(c.lang, r.q, r.page)}`,
    body: `${breadcrumbs(c.lang, [{ label: t.searchEmptyTitle }])}<h1>${esc(title)}</h1>${searchForm(c.lang, r.q)}${content}`,
    scripts: ['/help/assets/help.js'],
  });
}
