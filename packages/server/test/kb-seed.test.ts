import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { makeCtx } from '../src/platform/context.ts';
import { seedKnowledgeBase, type KnowledgeSeedResult } from '../src/demo/kb/seed.ts';
import { DEMO_KB_ARTICLES, DEMO_KB_CATEGORIES } from '../src/demo/kb/index.ts';
import { makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';

describe('demo knowledge base', () => {
  let s: TestServer;
  let admin: TestAgent;
  let first: KnowledgeSeedResult;
  const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(s.servus.services.database.db, query);

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    first = await seedKnowledgeBase({ ...makeCtx(s.servus.services, admin.actor), actor: admin.actor });
  });
  after(() => s.close());

  it('creates every category, section and article of the demo set', async () => {
    const sections = DEMO_KB_CATEGORIES.reduce((n, c) => n + c.sections.length, 0);
    assert.deepEqual(first, { categories: DEMO_KB_CATEGORIES.length, sections, articles: DEMO_KB_ARTICLES.length, total: DEMO_KB_ARTICLES.length });
    assert.ok(DEMO_KB_ARTICLES.length >= 40, 'the demo help center has at least 40 articles');
    const [n] = await q<{ articles: number; translations: number }>(sql`select (select count(*)::int from kb_articles) as articles, (select count(*)::int from kb_article_translations) as translations`);
    const withEnglish = DEMO_KB_ARTICLES.filter((a) => a.en).length;
    assert.equal(n!.articles, DEMO_KB_ARTICLES.length);
    assert.equal(n!.translations, DEMO_KB_ARTICLES.length + withEnglish);
  });

  it('gives every language version 1 with a version row, the English one following the German source', async () => {
    const rows = await q<{ locale: string; version: number; source_version: number | null; outdated: boolean; versions: number }>(sql`
      select t.locale, t.version, t.source_version, t.outdated,
             (select count(*)::int from kb_article_versions v where v.article_id = t.article_id and v.locale = t.locale) as versions
        from kb_article_translations t`);
    for (const r of rows) {
      assert.equal(r.version, 1);
      assert.equal(r.versions, 1);
      assert.equal(r.outdated, false);
      assert.equal(r.source_version, r.locale === 'de' ? null : 1);
    }
  });

  it('publishes with a date, keeps internal articles internal, and stores the search text', async () => {
    const rows = await q<{ status: string; published_at: Date | null; body_text: string }>(sql`
      select a.status, a.published_at, t.body_text from kb_articles a join kb_article_translations t on t.article_id = a.id and t.locale = 'de'`);
    const internal = DEMO_KB_ARTICLES.filter((a) => a.status === 'internal').length;
    assert.equal(rows.filter((r) => r.status === 'internal').length, internal);
    for (const r of rows) {
      assert.equal(r.published_at !== null, r.status === 'published');
      assert.ok(r.body_text.length > 50 && !/<\/?[a-z]+[\s>]/i.test(r.body_text), `plain text for search: ${r.body_text.slice(0, 80)}`);
    }
  });

  it('links related articles by key and embeds videos as no-cookie players', async () => {
    const withRelated = DEMO_KB_ARTICLES.find((a) => (a.related?.length ?? 0) > 0)!;
    const [row] = await q<{ related: string[] }>(sql`
      select a.related from kb_articles a join kb_article_translations t on t.article_id = a.id
       where t.locale = 'de' and t.title = ${withRelated.de.title}`);
    const titles = await q<{ title: string }>(sql`select title from kb_article_translations where locale = 'de' and article_id in (${sql.join(row!.related.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const expected = withRelated.related!.map((k) => DEMO_KB_ARTICLES.find((a) => a.key === k)!.de.title).sort();
    assert.deepEqual(titles.map((t) => t.title).sort(), expected);

    const video = DEMO_KB_ARTICLES.find((a) => a.video);
    if (video) {
      const [t] = await q<{ body_html: string }>(sql`select body_html from kb_article_translations where locale = 'de' and title = ${video.de.title}`);
      const host = video.video!.provider === 'youtube' ? 'https://www.youtube-nocookie.com/embed/' : 'https://player.vimeo.com/video/';
      assert.ok(t!.body_html.includes(`src="${host}${video.video!.id}"`), t!.body_html.slice(-300));
      assert.match(t!.body_html, /sandbox="allow-scripts allow-same-origin allow-presentation"/);
    }
  });

  it('runs again without duplicating anything', async () => {
    const again = await seedKnowledgeBase({ ...makeCtx(s.servus.services, admin.actor), actor: admin.actor });
    assert.deepEqual(again, { categories: 0, sections: 0, articles: 0, total: DEMO_KB_ARTICLES.length });
    const [n] = await q<{ n: number }>(sql`select count(*)::int as n from kb_articles`);
    assert.equal(n!.n, DEMO_KB_ARTICLES.length);
  });
});
