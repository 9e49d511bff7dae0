import type { KbLocale } from '../schema.ts';
import type { PublicArticle } from './article-queries.ts';
import { articleList, articleUrl, breadcrumbs, categoryUrl, contactPrompt, helpPage, openGraph, searchUrl, sectionUrl, type PageCtx } from './components.ts';
import { esc } from './layout.ts';
import type { PublicArticleLink } from './queries.ts';
import { formatDate, textsFor } from './texts.ts';

/** Where the visitor is in the "Was this helpful?" exchange. */
export type FeedbackState =
  | { step: 'ask' }
  | { step: 'voted'; helpful: boolean; comment?: string; error?: boolean }
  | { step: 'saved' };

export const COMMENT_MAX = 2000;

/** The "Was this helpful?" block: Yes/No, then an optional comment, then thanks. Works without JavaScript. */
export function feedbackBlock(lang: KbLocale, slug: string, state: FeedbackState): string {
  const t = textsFor(lang);
  const action = `${articleUrl(lang, slug)}/feedback`;
  let inner: string;
  if (state.step === 'ask') {
    inner = `<form method="post" action="${esc(action)}" class="vote" data-feedback>
<p id="fb-q">${esc(t.helpfulQuestion)}</p>
<div role="group" aria-labelledby="fb-q"><button type="submit" name="helpful" value="yes">${esc(t.yes)}</button><button type="submit" name="helpful" value="no">${esc(t.no)}</button></div>
</form>`;
  } else if (state.step === 'voted') {
    inner = `<p class="notice" role="status">${esc(t.thanks)}</p>
<form method="post" action="${esc(action)}" class="comment" data-feedback>
<input type="hidden" name="helpful" value="${state.helpful ? 'yes' : 'no'}">
<label for="fb-comment">${esc(t.commentLabel)}</label>
<p class="hint" id="fb-hint">${esc(t.commentHint)}</p>
<textarea id="fb-comment" name="comment" rows="3" maxlength="${COMMENT_MAX}" aria-describedby="fb-hint${state.error ? ' fb-error' : ''}"${state.error ? ' aria-invalid="true"' : ''}>${esc(state.comment ?? '')}</textarea>
${state.error ? `<p class="field-error" id="fb-error">${esc(t.commentTooLong)}</p>` : ''}
<button type="submit">${esc(t.commentSend)}</button>
</form>`;
  } else {
    inner = `<p class="notice" role="status">${esc(t.commentSaved)}</p>`;
  }
  return `<section class="feedback" id="feedback" aria-label="${esc(t.helpfulQuestion)}">${inner}</section>`;
}

/** An article page: breadcrumbs, title, date, body, tags, feedback, related articles. */
export function articlePage(c: PageCtx, a: PublicArticle, related: PublicArticleLink[], feedback: FeedbackState): string {
  const t = textsFor(c.lang);
  const self = `${c.base}${articleUrl(c.lang, a.slug)}`;
  const other = a.other ? { lang: a.other.locale, href: `${c.base}${articleUrl(a.other.locale, a.other.slug)}` } : null;
  const alternates = other ? [{ lang: c.lang, href: self }, other] : [];
  const xDefault = other && other.lang === c.settings.defaultLocale ? other.href : self;
  const tags = a.tags.length
    ? `<div class="tags"><h2 class="visually-hidden">${esc(t.tags)}</h2><ul>${a.tags.map((tag) => `<li><a href="${esc(searchUrl(c.lang, tag))}">${esc(tag)}</a></li>`).join('')}</ul></div>`
    : '';
  const iso = a.updatedAt.toISOString();
  const body = `${breadcrumbs(c.lang, [
    { label: a.category.name, href: categoryUrl(c.lang, a.category.slug) },
    { label: a.section.name, href: sectionUrl(c.lang, a.section.slug) },
    { label: a.title },
  ])}
<article class="article" aria-labelledby="article-title">
<header><h1 id="article-title">${esc(a.title)}</h1><p class="meta">${esc(t.updated)} <time datetime="${iso}">${esc(formatDate(c.lang, a.updatedAt))}</time></p></header>
<div class="article-body">${a.bodyHtml}</div>
${tags}
</article>
${feedbackBlock(c.lang, a.slug, feedback)}
${related.length ? `<section class="related" aria-labelledby="related"><h2 id="related">${esc(t.related)}</h2>${articleList(c.lang, related)}</section>` : ''}
${contactPrompt(c)}`;
  return helpPage(c, {
    title: a.title,
    description: a.summary || a.title,
    canonical: self,
    alternates,
    xDefault,
    noindex: feedback.step !== 'ask',
    head: [
      openGraph(c, { title: a.title, description: a.summary, url: self, type: 'article' }),
      `<meta property="article:modified_time" content="${iso}">`,
      ...a.tags.map((tag) => `<meta property="article:tag" content="${esc(tag)}">`),
    ].join('\n'),
    headerSearch: { q: '' },
    scripts: ['/help/assets/help.js'],
    body,
  });
}
