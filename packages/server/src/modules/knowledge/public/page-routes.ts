import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { articleUrl, messagePage, type PageCtx } from './components.ts';
import { enabledSettings, pageCtx, pageParam, sendNotFound } from './context.ts';
import { movedArticleSlug, publicArticle, publishedTranslation, relatedArticles } from './article-queries.ts';
import { openSuggestion } from './deflection.ts';
import { dayOf, recordView, recordVote } from './engagement.ts';
import { helpKey, isHumanAgent, keyedHash, preferredLang, sameOrigin, sendPage } from './http.ts';
import { articlePage, COMMENT_MAX, feedbackBlock, type FeedbackState } from './pages-article.ts';
import { categoryPage, homePage, sectionPage } from './pages-browse.ts';
import { languagesOf, popularArticles, publicSection, publicTree, sectionArticles, type PublicCategory } from './queries.ts';
import { FingerprintCache, kbFingerprint } from './cache.ts';
import type { KbLocale } from '../schema.ts';
import { searchPage, searchPublic, SEARCH_MAX_PAGES, type SearchResults } from './search-page.ts';
import { textsFor } from './texts.ts';

type Params<K extends string> = { Params: Record<K, string>; Querystring: Record<string, string | undefined> };

const SECTION_PAGE_SIZE = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9-]{1,200}$/;

/** A form body parsed as `application/x-www-form-urlencoded`, fields as strings. */
export type FormBody = Record<string, string>;

/**
 * The help center's pages: language choice, home, categories, sections, articles with
 * feedback and view counts, search, and the tracked links of contact-form suggestions.
 */
export function helpPageRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const hide = { schema: { hide: true } };
  // The category trees change only with an edit; every request checks the fingerprint first.
  const trees = new FingerprintCache<{ tree: PublicCategory[]; langs: KbLocale[] }>();
  const treeOf = async (lang: KbLocale, perSection: number, categorySlug?: string) =>
    trees.get(`${lang}:${perSection}:${categorySlug ?? ''}`, await kbFingerprint(db), async () => {
      const tree = await publicTree(db, lang, perSection, categorySlug);
      const langs = categorySlug && tree[0] ? await languagesOf(db, { categoryId: tree[0].id }) : [];
      return { tree, langs };
    });
  const searches = new FingerprintCache<SearchResults>(500);

  // The help center's address without a language: the visitor's language, else the default one.
  const chooseLanguage = async (req: FastifyRequest, reply: FastifyReply) => {
    const settings = await enabledSettings(services, reply);
    if (!settings) return reply;
    const lang = preferredLang(req.headers['accept-language'], settings.defaultLocale);
    return reply.header('vary', 'accept-language').header('cache-control', 'no-store').redirect(`/help/${lang}`, 302);
  };
  app.get('/help', hide, chooseLanguage);
  app.get('/help/', hide, chooseLanguage);

  app.get<Params<'lang'>>('/help/:lang', hide, async (req, reply) => {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (!c) return reply;
    const [{ tree }, popular] = await Promise.all([treeOf(c.lang, 5), popularArticles(db, c.lang, 6)]);
    return sendPage(req, reply, 200, homePage(c, tree, popular));
  });

  app.get<Params<'lang' | 'slug'>>('/help/:lang/categories/:slug', hide, async (req, reply) => {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (!c) return reply;
    const found = SLUG.test(req.params.slug) ? await treeOf(c.lang, 10, req.params.slug) : null;
    const cat = found?.tree[0];
    if (!cat) return sendNotFound(req, reply, c);
    return sendPage(req, reply, 200, categoryPage(c, cat, found.langs));
  });

  app.get<Params<'lang' | 'slug'>>('/help/:lang/sections/:slug', hide, async (req, reply) => {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (!c) return reply;
    const place = SLUG.test(req.params.slug) ? await publicSection(db, c.lang, req.params.slug) : null;
    const pages = place ? Math.ceil(place.articleCount / SECTION_PAGE_SIZE) : 0;
    const page = pageParam(req.query.page, pages);
    if (!place || page === null) return sendNotFound(req, reply, c);
    const [articles, langs] = await Promise.all([
      sectionArticles(db, c.lang, place.section.id, SECTION_PAGE_SIZE, (page - 1) * SECTION_PAGE_SIZE),
      languagesOf(db, { sectionId: place.section.id }),
    ]);
    return sendPage(req, reply, 200, sectionPage(c, { ...place, articles, page, pages, langs }));
  });

  /** The article page around a feedback state; also counts the view of a person's first visit today. */
  async function showArticle(req: FastifyRequest, reply: FastifyReply, c: PageCtx, slug: string, feedback: FeedbackState, status = 200) {
    const a = SLUG.test(slug) ? await publicArticle(db, c.lang, slug) : null;
    if (!a) {
      const moved = SLUG.test(slug) ? await movedArticleSlug(db, c.lang, slug) : null;
      if (moved) return reply.header('cache-control', 'public, max-age=300').redirect(articleUrl(c.lang, moved), 301);
      return sendNotFound(req, reply, c);
    }
    if (req.method === 'GET' && isHumanAgent(req.headers['user-agent'])) {
      const now = services.clock.now();
      await recordView(db, a.translationId, keyedHash(await helpKey(services), 'view', req.ip, req.headers['user-agent'] ?? '', dayOf(now)), now);
    }
    const related = await relatedArticles(db, c.lang, a.related.filter((id) => id !== a.articleId));
    return sendPage(req, reply, status, articlePage(c, a, related, feedback), feedback.step === 'ask' ? 'public' : 'private');
  }

  app.get<Params<'lang' | 'slug'>>('/help/:lang/articles/:slug', hide, async (req, reply) => {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (!c) return reply;
    const fb = req.query.feedback;
    const feedback: FeedbackState = fb === 'yes' || fb === 'no' ? { step: 'voted', helpful: fb === 'yes' } : fb === 'saved' ? { step: 'saved' } : { step: 'ask' };
    return showArticle(req, reply, c, req.params.slug, feedback);
  });

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    // "Was this helpful?": a vote, then optionally a comment. Without JavaScript the answer is a
    // redirect back to the article (post/redirect/get); help.js asks for JSON and swaps the block.
    // Votes count once per visitor anyway; the limit keeps comment floods out.
    const feedbackLimit = { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } };
    scope.post<Params<'lang' | 'slug'> & { Body: FormBody }>('/help/:lang/articles/:slug/feedback', feedbackLimit, async (req, reply) => {
      const c = await pageCtx(services, req, reply, req.params.lang);
      if (!c) return reply;
      const wantsJson = (req.headers.accept ?? '').includes('application/json');
      const form = (req.body ?? {}) as FormBody;
      const a = SLUG.test(req.params.slug) ? await publicArticle(db, c.lang, req.params.slug) : null;
      if (!a) return sendNotFound(req, reply, c);
      const t = textsFor(c.lang);
      if (!sameOrigin(services, req) || (form.helpful !== 'yes' && form.helpful !== 'no')) {
        return sendPage(req, reply, 400, messagePage(c, t.badRequestTitle, t.badRequestBody), 'private');
      }
      const helpful = form.helpful === 'yes';
      const comment = form.comment === undefined ? undefined : form.comment.replace(/\u0000/g, '').trim();
      const answer = (state: FeedbackState, status = 200) =>
        wantsJson ? reply.code(status).header('cache-control', 'no-store').send({ html: feedbackBlock(c.lang, a.slug, state) }) : showArticle(req, reply, c, a.slug, state, status);
      if (comment !== undefined && comment.length > COMMENT_MAX) return answer({ step: 'voted', helpful, comment, error: true }, 400);
      const voter = keyedHash(await helpKey(services), 'vote', req.ip, req.headers['user-agent'] ?? '');
      await recordVote(db, a.translationId, voter, helpful, comment || undefined, services.clock.now());
      const state: FeedbackState = comment ? { step: 'saved' } : { step: 'voted', helpful };
      if (wantsJson) return answer(state);
      return reply.redirect(`${articleUrl(c.lang, a.slug)}?feedback=${comment ? 'saved' : form.helpful}#feedback`, 303);
    });
  });

  app.get<Params<'lang'>>('/help/:lang/search', hide, async (req, reply) => {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (!c) return reply;
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    const page = pageParam(req.query.page, SEARCH_MAX_PAGES);
    if (page === null) return sendNotFound(req, reply, c);
    // The same question is asked often; its results stand until an article changes.
    const normalized = q.trim().replace(/\s+/g, ' ').slice(0, 300).toLowerCase();
    const results = await searches.get(`${c.lang}:${page}:${normalized}`, await kbFingerprint(db), () => searchPublic(db, c.lang, q, page));
    return sendPage(req, reply, 200, searchPage(c, { ...results, q: q.trim().slice(0, 300) }));
  });

  // A suggestion of the contact form, opened: recorded, then on to the article.
  app.get<Params<'lang' | 'id'>>('/help/:lang/suggested/:id', hide, async (req, reply) => {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (!c) return reply;
    const target = UUID.test(req.params.id) ? await openSuggestion(db, req.params.id, services.clock.now(), (id) => publishedTranslation(db, id)) : null;
    if (!target) return sendNotFound(req, reply, c);
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(articleUrl(target.locale, target.slug), 302);
  });
}
