/**
 * The public help center's pages: language choice, home, category, section and article pages
 * with their meta tags and language alternates, search, the sitemap and robots.txt, and what
 * the public must never see (drafts, internal and archived articles, their files and sections).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, startTestServer, type TestServer } from './harness.ts';
import { makeHelpKb, page, type HelpKb } from './help-center-support.ts';

let s: TestServer;
let kb: HelpKb;
const base = 'https://hilfe.example.com';

before(async () => {
  s = await startTestServer({ env: { PUBLIC_URL: base } });
  kb = await makeHelpKb(s);
});
after(() => s?.close());

describe('language choice', () => {
  it('sends /help to the language the browser prefers, else the default language', async () => {
    const en = await page(s, '/help', { headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' } });
    assert.equal(en.status, 302);
    assert.equal(en.headers.location, '/help/en');
    const de = await page(s, '/help', { headers: { 'accept-language': 'fr-CH, de;q=0.8, en;q=0.3' } });
    assert.equal(de.headers.location, '/help/de');
    const none = await page(s, '/help/', { headers: { 'accept-language': 'fr' } });
    assert.equal(none.status, 302);
    assert.equal(none.headers.location, '/help/de', 'German is the default language');
  });

  it('answers 404 for a language the help center does not have', async () => {
    const res = await page(s, '/help/fr');
    assert.equal(res.status, 404);
    assert.match(res.body, /Seite nicht gefunden/);
  });
});

describe('home, category and section pages', () => {
  it('shows the category with its section and published articles, and nothing hidden', async () => {
    const res = await page(s, '/help/de');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    assert.match(res.body, /<form class="search" role="search" action="\/help\/de\/search"/);
    assert.match(res.body, new RegExp(`href="/help/de/categories/${kb.categorySlug}">Hardware</a>`));
    assert.match(res.body, new RegExp(`href="/help/de/sections/${kb.sectionSlug}">Bondrucker</a>`));
    assert.match(res.body, /Bondrucker druckt nicht/);
    assert.match(res.body, /<link rel="alternate" hreflang="en" href="https:\/\/hilfe\.example\.com\/help\/en">/);
    assert.match(res.body, /<link rel="alternate" hreflang="x-default" href="https:\/\/hilfe\.example\.com\/help\/de">/);
    for (const hidden of ['Rückerstattung ohne Beleg', 'Entwurf', 'TM-88', 'Interne Abläufe', kb.internalSectionSlug]) assert.ok(!res.body.includes(hidden), `home shows ${hidden}`);
  });

  it('lists the English articles only on the English home', async () => {
    const res = await page(s, '/help/en');
    assert.match(res.body, /Receipt printer is not printing/);
    assert.match(res.body, />Receipt printers</);
    assert.ok(!res.body.includes('Kassenlade'), 'a German-only article is not in the English help center');
  });

  it('renders category and section pages with breadcrumbs; a section of internal articles does not exist', async () => {
    const cat = await page(s, `/help/de/categories/${kb.categorySlug}`);
    assert.equal(cat.status, 200);
    assert.match(cat.body, /<nav class="crumbs" aria-label="Brotkrümelnavigation"><ol><li><a href="\/help\/de">Hilfe-Center<\/a><\/li><li><span aria-current="page">Hardware<\/span>/);
    assert.ok(!cat.body.includes('Interne Abläufe'));
    const sec = await page(s, `/help/de/sections/${kb.sectionSlug}`);
    assert.equal(sec.status, 200);
    assert.match(sec.body, /Was tun, wenn der Bondrucker keine Belege mehr druckt\?/);
    assert.match(sec.body, new RegExp(`<link rel="canonical" href="${base}/help/de/sections/${kb.sectionSlug}">`));
    assert.ok(!sec.body.includes('Rückerstattung') && !sec.body.includes('TM-88') && !sec.body.includes('Entwurf'));
    assert.equal((await page(s, `/help/de/sections/${kb.internalSectionSlug}`)).status, 404);
    assert.equal((await page(s, `/help/de/sections/${kb.sectionSlug}?page=9`)).status, 404);
  });

  it('answers a repeated request with 304 when the page did not change', async () => {
    const first = await page(s, `/help/de/categories/${kb.categorySlug}`);
    assert.match(String(first.headers['cache-control']), /public, max-age=\d+/);
    const etag = String(first.headers.etag);
    const again = await page(s, `/help/de/categories/${kb.categorySlug}`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
  });
});

describe('article page', () => {
  it('shows title, date, body, breadcrumbs, tags, feedback and the meta tags of the article', async () => {
    const res = await page(s, `/help/de/articles/${kb.published.de}`);
    assert.equal(res.status, 200);
    const html = res.body;
    assert.match(html, /<title>Bondrucker druckt nicht – Help Center<\/title>/);
    assert.match(html, /<h1 id="article-title">Bondrucker druckt nicht<\/h1>/);
    assert.match(html, /Aktualisiert am <time datetime="\d{4}-\d\d-\d\dT/);
    assert.match(html, /<h2>Papier prüfen<\/h2>/);
    assert.match(html, /<meta name="description" content="Was tun, wenn der Bondrucker keine Belege mehr druckt\?">/);
    assert.match(html, new RegExp(`<link rel="canonical" href="${base}/help/de/articles/${kb.published.de}">`));
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="de" href="${base}/help/de/articles/${kb.published.de}">`));
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="en" href="${base}/help/en/articles/${kb.published.en}">`));
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="x-default" href="${base}/help/de/articles/${kb.published.de}">`));
    assert.match(html, /<meta property="og:title" content="Bondrucker druckt nicht">/);
    assert.match(html, /<meta property="og:description" content="Was tun, wenn der Bondrucker keine Belege mehr druckt\?">/);
    assert.match(html, /<meta property="og:type" content="article">/);
    assert.match(html, new RegExp(`<a href="/help/de/sections/${kb.sectionSlug}">Bondrucker</a>`));
    assert.match(html, /<a href="\/help\/de\/search\?q=drucker">drucker<\/a>/);
    assert.match(html, /War dieser Artikel hilfreich\?/);
    assert.match(html, /<button type="submit" name="helpful" value="yes">Ja<\/button>/);
    assert.match(html, /<a class="button" href="\/help\/de\/contact">Schreiben Sie uns<\/a>/);
    assert.ok(!html.includes('Rückerstattung'), 'an internal related article is not listed');
  });

  it('lists published related articles; an article in one language has no alternates', async () => {
    const res = await page(s, `/help/de/articles/${kb.germanOnly.de}`);
    assert.match(res.body, /<h2 id="related">Verwandte Artikel<\/h2>/);
    assert.match(res.body, new RegExp(`<a href="/help/de/articles/${kb.published.de}">Bondrucker druckt nicht</a>`));
    assert.ok(!res.body.includes('hreflang='), 'no language alternates for a German-only article');
  });

  it('redirects a slug of the other language to the article in the language of the address', async () => {
    const res = await page(s, `/help/en/articles/${kb.published.de}`);
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, `/help/en/articles/${kb.published.en}`);
    const back = await page(s, `/help/de/articles/${kb.published.en}`);
    assert.equal(back.headers.location, `/help/de/articles/${kb.published.de}`);
    assert.equal((await page(s, `/help/en/articles/${kb.germanOnly.de}`)).status, 404, 'no English translation: 404');
  });

  it('answers the same 404 page for an unknown slug and for internal, draft and archived articles', async () => {
    const unknown = await page(s, '/help/de/articles/gibt-es-nicht');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body, /Seite nicht gefunden/);
    assert.match(unknown.body, /<meta name="robots" content="noindex">/);
    for (const slug of [kb.internal.de, kb.draft.de, kb.archived.de]) {
      const res = await page(s, `/help/de/articles/${slug}`);
      assert.equal(res.status, 404, slug);
      assert.equal(res.body, unknown.body, `the 404 of ${slug} differs from an unknown slug's`);
      assert.deepEqual(Object.keys(res.headers).sort(), Object.keys(unknown.headers).sort());
    }
    const internalEn = await page(s, `/help/en/articles/${kb.internal.en}`);
    assert.equal(internalEn.status, 404);
    assert.equal(internalEn.body, (await page(s, '/help/en/articles/no-such-article')).body);
    assert.equal((await page(s, `/help/de/articles/${kb.internal.en}`)).status, 404, 'the other language of an internal article does not redirect');
  });

  it('keeps working links after a rename: the old slug redirects to the new one', async () => {
    const renamed = `${kb.germanOnly.de}-neu`;
    const cur = (await call(s, 'GET', `/api/v1/kb/articles/${kb.germanOnly.id}`, { as: kb.editor })).body;
    const de = cur.translations.de;
    const saved = await call(s, 'PUT', `/api/v1/kb/articles/${kb.germanOnly.id}/translations/de`, { as: kb.editor, body: { baseVersion: de.version, title: de.title, slug: renamed, summary: de.summary, bodyHtml: de.bodyHtml } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const res = await page(s, `/help/de/articles/${kb.germanOnly.de}`);
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, `/help/de/articles/${renamed}`);
    kb.germanOnly.de = renamed;
  });
});

describe('search', () => {
  it('finds the article despite a typo and highlights the words, escaped', async () => {
    const res = await page(s, `/help/de/search?q=${encodeURIComponent('Bondrucker druckt nich')}`);
    assert.equal(res.status, 200);
    assert.match(res.body, new RegExp(`<a href="/help/de/articles/${kb.published.de}">Bondrucker druckt nicht</a>`));
    assert.match(res.body, /<mark>Bondrucker<\/mark>/);
    assert.match(res.body, /<meta name="robots" content="noindex">/);
    for (const hidden of ['Rückerstattung', 'Entwurf', 'TM-88', '4711']) assert.ok(!res.body.includes(hidden), `search shows ${hidden}`);
  });

  it('stops showing an article the moment it is made internal, also for a question asked before', async () => {
    const url = `/help/de/search?q=${encodeURIComponent('Kassenlade klemmt')}`;
    assert.match((await page(s, url)).body, /Kassenlade klemmt<\/a>/);
    assert.equal((await call(s, 'PATCH', `/api/v1/kb/articles/${kb.germanOnly.id}`, { as: kb.editor, body: { status: 'internal' } })).status, 200);
    try {
      assert.ok(!(await page(s, url)).body.includes('Kassenlade klemmt</a>'), 'the cached results were not reused');
      assert.equal((await page(s, `/help/de/sections/${kb.sectionSlug}`)).body.includes('Kassenlade'), false);
      assert.equal((await page(s, '/help/de')).body.includes('Kassenlade'), false, 'the cached category tree was not reused');
    } finally {
      assert.equal((await call(s, 'PATCH', `/api/v1/kb/articles/${kb.germanOnly.id}`, { as: kb.editor, body: { status: 'published' } })).status, 200);
    }
    assert.match((await page(s, url)).body, /Kassenlade klemmt<\/a>/);
  });

  it('escapes the query everywhere it is shown', async () => {
    const q = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await page(s, `/help/de/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200);
    assert.ok(!res.body.includes('<script>alert(1)'), 'the query is not in the page as markup');
    assert.ok(!res.body.includes('<img src=x'), 'no injected image');
    assert.match(res.body, /&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('shows an empty state with the contact link when nothing matches', async () => {
    const res = await page(s, '/help/en/search?q=zzqxv');
    assert.match(res.body, /Sorry, we found no article about that\./);
    assert.match(res.body, /href="\/help\/en\/contact"/);
  });

  it('never finds internal, draft or archived articles through the JSON search', async () => {
    for (const q of ['Geheimcode 4711', 'Rückerstattung ohne Beleg', 'Modell X', 'TM-88', 'Bondrucker']) {
      const res = await call(s, 'GET', `/api/v1/help/search?lang=de&q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      const urls = res.body.data.map((h: { url: string }) => h.url);
      for (const slug of [kb.internal.de, kb.draft.de, kb.archived.de]) assert.ok(!urls.some((u: string) => u.includes(slug)), `${q} found ${slug}`);
    }
    const found = await call(s, 'GET', '/api/v1/help/search?lang=en&q=reciept%20printr');
    assert.deepEqual(found.body.data[0], { title: 'Receipt printer is not printing', summary: 'What to do when the receipt printer stops printing receipts.', url: `/help/en/articles/${kb.published.en}` });
  });

  it('rate-limits the JSON search per address', async () => {
    let last = 0;
    for (let i = 0; i < 61 && last !== 429; i++) {
      const res = await s.servus.app.inject({ method: 'GET', url: '/api/v1/help/search?lang=de&q=drucker', remoteAddress: '198.51.100.99' });
      last = res.statusCode;
      if (last === 429) assert.ok(Number(res.headers['retry-after']) > 0);
    }
    assert.equal(last, 429);
  });
});

describe('sitemap, robots.txt and files', () => {
  it('lists published translations with their alternates and nothing hidden', async () => {
    const res = await page(s, '/help/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /application\/xml/);
    const xml = res.body;
    assert.match(xml, new RegExp(`<url><loc>${base}/help/de/articles/${kb.published.de}</loc><lastmod>[^<]+</lastmod><xhtml:link rel="alternate" hreflang="de" href="${base}/help/de/articles/${kb.published.de}"/><xhtml:link rel="alternate" hreflang="en" href="${base}/help/en/articles/${kb.published.en}"/></url>`));
    assert.ok(xml.includes(`${base}/help/de/articles/${kb.germanOnly.de}`));
    for (const hidden of [kb.internal.de, kb.internal.en, kb.draft.de, kb.archived.de, kb.internalSectionSlug]) assert.ok(!xml.includes(hidden), `sitemap lists ${hidden}`);
  });

  it('points robots.txt to the sitemap', async () => {
    const res = await page(s, '/robots.txt');
    assert.equal(res.status, 200);
    assert.match(res.body, new RegExp(`Sitemap: ${base}/help/sitemap.xml`));
    assert.match(res.body, /Disallow: \/api\//);
  });

  it('serves a published article’s file, and 404 for an internal article’s file', async () => {
    const ok = await page(s, `/help/files/${kb.files.published}/drucker.png`);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['content-type'], 'image/png');
    assert.equal(ok.headers['x-content-type-options'], 'nosniff');
    assert.match(String(ok.headers['content-disposition']), /^inline; filename="drucker.png"/);
    assert.match(String(ok.headers['cache-control']), /max-age=\d+/);
    const ranged = await page(s, `/help/files/${kb.files.published}/drucker.png`, { headers: { range: 'bytes=0-9' } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers['content-length'], '10');
    assert.equal((await page(s, `/help/files/${kb.files.internal}/geheim.png`)).status, 404);
    assert.equal((await page(s, '/help/files/00000000-0000-4000-8000-000000000000/x.png')).status, 404);
  });
});

describe('a switched-off help center', () => {
  it('answers 404 on every page, the search and the sitemap while off', async () => {
    const off = await call(s, 'PATCH', '/api/v1/help-center/settings', { as: kb.admin, body: { enabled: false } });
    assert.equal(off.status, 200);
    try {
      for (const url of ['/help', '/help/de', `/help/de/articles/${kb.published.de}`, '/help/de/contact', '/help/sitemap.xml', `/help/files/${kb.files.published}/drucker.png`]) {
        assert.equal((await page(s, url)).status, 404, url);
      }
      assert.equal((await call(s, 'GET', '/api/v1/help/search?lang=de&q=drucker')).status, 404);
      assert.ok(!(await page(s, '/robots.txt')).body.includes('Sitemap:'));
    } finally {
      await call(s, 'PATCH', '/api/v1/help-center/settings', { as: kb.admin, body: { enabled: true } });
    }
  });
});
