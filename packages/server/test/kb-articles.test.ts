import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { expectStatus, makeArticle, makeSection, unique } from './kb-support.ts';

describe('knowledge-base articles: versions, translations, slugs', () => {
  let s: TestServer;
  let admin: TestAgent;
  let sectionId: string;

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    ({ sectionId } = await makeSection(s, admin));
  });
  after(() => s.close());

  const get = async (id: string) => expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${id}`, { as: admin }), 200, 'get article');
  const save = (id: string, locale: string, body: Record<string, unknown>) => call(s, 'PUT', `/api/v1/kb/articles/${id}/translations/${locale}`, { as: admin, body });

  it('creates an article as version 1 of its source language, with a slug from the title', async () => {
    const a = await makeArticle(s, admin, sectionId, { title: 'Bondrucker druckt nicht – was tun?', summary: 'Kurz', tags: ['drucker', 'Drucker', 'bp-80'] });
    assert.equal(a.status, 'draft');
    assert.equal(a.sourceLocale, 'de');
    assert.deepEqual(a.tags, ['drucker', 'bp-80']);
    assert.equal(a.translations.de.version, 1);
    assert.equal(a.translations.de.slug, 'bondrucker-druckt-nicht-was-tun');
    assert.equal(a.translations.de.url, '/help/de/articles/bondrucker-druckt-nicht-was-tun');
    assert.equal(a.translations.en, undefined);
    assert.deepEqual(a.versionCounts, { de: 1 });
    assert.equal(a.editable, true);
  });

  it('flags the translation outdated when the source changes, and clears it when the translation is saved', async () => {
    const a = await makeArticle(s, admin, sectionId);
    const en = expectStatus(await save(a.id, 'en', { baseVersion: 0, title: `Printer ${unique('x')}`, bodyHtml: '<p>Load paper.</p>' }), 200, 'add English');
    assert.deepEqual([en.version, en.sourceVersion, en.outdated], [1, 1, false]);

    const de2 = expectStatus(await save(a.id, 'de', { baseVersion: 1, title: a.translations.de.title, bodyHtml: '<p>Papier richtig herum einlegen.</p>' }), 200, 'save German');
    assert.equal(de2.version, 2);
    let now = await get(a.id);
    assert.equal(now.translations.en.outdated, true, 'English lags behind the changed German text');
    assert.equal(now.translations.en.sourceVersion, 1);
    const outdated = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?outdated=true&sectionId=${sectionId}`, { as: admin }), 200);
    assert.ok(outdated.data.some((x: { id: string }) => x.id === a.id));

    expectStatus(await save(a.id, 'en', { baseVersion: 1, title: now.translations.en.title, bodyHtml: '<p>Load the paper the right way round.</p>' }), 200, 'update English');
    now = await get(a.id);
    assert.deepEqual([now.translations.en.version, now.translations.en.sourceVersion, now.translations.en.outdated], [2, 2, false]);
    const current = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?outdated=false&sectionId=${sectionId}`, { as: admin }), 200);
    assert.ok(current.data.some((x: { id: string }) => x.id === a.id));
  });

  it('refuses a save based on an older version with 409 and keeps the newer text', async () => {
    const a = await makeArticle(s, admin, sectionId);
    expectStatus(await save(a.id, 'de', { baseVersion: 1, title: 'Erste Änderung', slug: unique('erste'), bodyHtml: '<p>A</p>' }), 200);
    const stale = await save(a.id, 'de', { baseVersion: 1, title: 'Zweite Änderung', bodyHtml: '<p>B</p>' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'version_conflict');
    assert.equal(stale.body.error.details.currentVersion, 2);
    assert.equal((await get(a.id)).translations.de.title, 'Erste Änderung');
    const early = await save(a.id, 'en', { baseVersion: 3, title: 'New language', bodyHtml: '' });
    assert.equal(early.status, 409, 'a new language starts from version 0');
  });

  it('lists, shows and restores versions; a restore is a new version and history stays', async () => {
    const a = await makeArticle(s, admin, sectionId, { title: 'Kartenleser koppeln', slug: unique('kartenleser'), bodyHtml: '<p>Alt</p>' });
    expectStatus(await save(a.id, 'en', { baseVersion: 0, title: 'Pair the card reader', slug: unique('pair'), bodyHtml: '<p>Old</p>' }), 200);
    expectStatus(await save(a.id, 'de', { baseVersion: 1, title: 'Kartenleser neu koppeln', slug: a.translations.de.slug, bodyHtml: '<p>Neu</p>' }), 200);

    const list = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de`, { as: admin }), 200);
    assert.deepEqual(list.data.map((v: { version: number }) => v.version), [2, 1]);
    assert.equal(list.data[0].authorId, admin.id);
    const v1 = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de/1`, { as: admin }), 200);
    assert.equal(v1.bodyHtml, '<p>Alt</p>');
    assert.equal(v1.title, 'Kartenleser koppeln');

    const stale = await call(s, 'POST', `/api/v1/kb/articles/${a.id}/versions/de/1/restore`, { as: admin, body: { baseVersion: 1 } });
    assert.equal(stale.status, 409, 'restoring over a newer save than the editor saw');
    const restored = expectStatus(await call(s, 'POST', `/api/v1/kb/articles/${a.id}/versions/de/1/restore`, { as: admin, body: { baseVersion: 2 } }), 200);
    assert.equal(restored.version, 3);
    assert.equal(restored.bodyHtml, '<p>Alt</p>');
    assert.equal(restored.title, 'Kartenleser koppeln');
    const after = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de?limit=2`, { as: admin }), 200);
    assert.deepEqual(after.data.map((v: { version: number; restoredFrom: number | null }) => [v.version, v.restoredFrom]), [[3, 1], [2, null]]);
    assert.equal(after.nextCursor, '2');
    const older = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de?limit=2&before=2`, { as: admin }), 200);
    assert.deepEqual(older.data.map((v: { version: number }) => v.version), [1]);
    assert.equal((await get(a.id)).translations.en.outdated, true, 'restoring the source is a change of the source');
    assert.equal((await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de/9`, { as: admin })).status, 404);
  });

  it('keeps slugs unique per language with a clear 409, and lets the other language use the same slug', async () => {
    const slug = unique('papierstau');
    await makeArticle(s, admin, sectionId, { slug });
    const dup = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', title: 'Anderer Titel', slug } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'conflict');
    assert.deepEqual(dup.body.error.details, [{ path: 'body.slug', message: 'already in use; choose another' }]);
    const other = await makeArticle(s, admin, sectionId, { slug: unique('anders') });
    expectStatus(await save(other.id, 'en', { baseVersion: 0, title: 'Paper jam', slug, bodyHtml: '' }), 200, 'same slug in English');
    const taken = await save(other.id, 'de', { baseVersion: 1, title: 'Umbenannt', slug, bodyHtml: '' });
    assert.equal(taken.status, 409);
    const bad = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', title: 'X', slug: 'Groß und Klein' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
    assert.ok(bad.body.error.details.some((d: { path: string }) => d.path === 'body.slug'));
  });

  it('versions a status change for every language, sets the publication date, and keeps an up-to-date translation current', async () => {
    const a = await makeArticle(s, admin, sectionId);
    expectStatus(await save(a.id, 'en', { baseVersion: 0, title: `Published ${unique('p')}`, bodyHtml: '<p>x</p>' }), 200);
    const published = expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${a.id}`, { as: admin, body: { status: 'published' } }), 200);
    assert.equal(published.status, 'published');
    assert.ok(published.publishedAt);
    assert.deepEqual(published.versionCounts, { de: 2, en: 2 });
    assert.equal(published.translations.en.outdated, false, 'a status change is not a text change');
    const v = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/en/2`, { as: admin }), 200);
    assert.equal(v.status, 'published');

    const internal = expectStatus(await call(s, 'PUT', `/api/v1/kb/articles/${a.id}/translations/de`, { as: admin, body: { baseVersion: 2, title: a.translations.de.title, bodyHtml: '<p>Nur intern</p>', status: 'internal' } }), 200);
    assert.equal(internal.version, 3, 'text and status in one save make one version');
    const now = await get(a.id);
    assert.equal(now.status, 'internal');
    assert.equal(now.publishedAt, published.publishedAt, 'the first publication date stays');
    assert.equal(now.translations.en.outdated, true);
    assert.equal(expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de/3`, { as: admin }), 200).status, 'internal');
  });

  it('sanitizes the body on save and derives the search text from it', async () => {
    const a = await makeArticle(s, admin, sectionId, {
      bodyHtml: '<h1>Titel</h1><p onclick="x()">Hallo <script>alert(1)</script><img src=x onerror=alert(1)></p><iframe src="https://youtu.be/dQw4w9WgXcQ"></iframe>',
    });
    const html: string = a.translations.de.bodyHtml;
    assert.ok(!/<script|alert|onclick|onerror|<img/i.test(html), html);
    assert.match(html, /^<h2>Titel<\/h2><p>Hallo <\/p><iframe [^>]*src="https:\/\/www.youtube-nocookie.com\/embed\/dQw4w9WgXcQ"/);
    const html2 = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', title: '"><img src=x onerror=alert(1)>', bodyHtml: '' } });
    assert.equal(expectStatus(html2, 201).translations.de.title, '"><img src=x onerror=alert(1)>', 'titles are text, escaped where shown');
  });

  it('checks related articles and drops a deleted article from every related list', async () => {
    const target = await makeArticle(s, admin, sectionId, { title: 'Ziel', slug: unique('ziel') });
    const a = await makeArticle(s, admin, sectionId, { related: [target.id, target.id] });
    assert.deepEqual(a.related.map((r: { id: string }) => r.id), [target.id]);
    assert.equal(a.related[0].titles.de, 'Ziel');
    const self = await call(s, 'PATCH', `/api/v1/kb/articles/${a.id}`, { as: admin, body: { related: [a.id] } });
    assert.equal(self.status, 400);
    const unknown = await call(s, 'PATCH', `/api/v1/kb/articles/${a.id}`, { as: admin, body: { related: [target.id, '00000000-0000-4000-8000-00000000abcd'] } });
    assert.deepEqual([unknown.status, unknown.body.error.details[0].path], [400, 'body.related.1']);

    assert.equal((await call(s, 'DELETE', `/api/v1/kb/articles/${target.id}`, { as: admin })).status, 204);
    assert.equal((await call(s, 'GET', `/api/v1/kb/articles/${target.id}`, { as: admin })).status, 404);
    assert.equal((await call(s, 'DELETE', `/api/v1/kb/articles/${target.id}`, { as: admin })).status, 404);
    assert.deepEqual((await get(a.id)).related, []);
  });

  it('lists by section in order, pages with a cursor, and filters by status, tag, language and search', async () => {
    const { sectionId: own } = await makeSection(s, admin);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeArticle(s, admin, own, { title: `Liste ${i} ${unique('l')}`, tags: i % 2 ? ['odd'] : [], status: i === 4 ? 'published' : 'draft' }));
    expectStatus(await save(made[0].id, 'en', { baseVersion: 0, title: `List ${unique('en')}`, bodyHtml: '' }), 200);
    const ids = made.map((m) => m.id);
    expectStatus(await call(s, 'PUT', `/api/v1/kb/sections/${own}/articles/order`, { as: admin, body: { ids: [...ids].reverse() } }), 204);

    const p1 = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${own}&sort=position&limit=3`, { as: admin }), 200);
    const p2 = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${own}&sort=position&limit=3&cursor=${p1.nextCursor}`, { as: admin }), 200);
    assert.deepEqual([...p1.data, ...p2.data].map((a: { id: string }) => a.id), [...ids].reverse());
    assert.equal(p2.nextCursor, null);

    const byTag = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${own}&tag=odd`, { as: admin }), 200);
    assert.deepEqual(byTag.data.map((a: { id: string }) => a.id).sort(), [ids[1], ids[3]].sort());
    const published = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${own}&status=published`, { as: admin }), 200);
    assert.deepEqual(published.data.map((a: { id: string }) => a.id), [ids[4]]);
    const english = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${own}&locale=en`, { as: admin }), 200);
    assert.deepEqual(english.data.map((a: { id: string }) => a.id), [ids[0]]);
    const found = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent(made[2].translations.de.title)}`, { as: admin }), 200);
    assert.equal(found.data[0]?.id, ids[2], 'editors find drafts by title');
    const cursor = await call(s, 'GET', '/api/v1/kb/articles?cursor=nonsense', { as: admin });
    assert.equal(cursor.status, 400);
  });

  it('refuses a body past the size limit and unknown fields with the failing path', async () => {
    const big = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', title: 'Groß', bodyHtml: 'x'.repeat(500_001) } });
    assert.equal(big.status === 400 || big.status === 413, true, `status ${big.status}`);
    const extra = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', title: 'X', authorId: admin.id } });
    assert.equal(extra.status, 400);
    assert.ok(extra.body.error.details.some((d: { path: string }) => d.path === 'body.authorId'));
    const noSection = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId: '00000000-0000-4000-8000-00000000abcd', locale: 'de', title: 'X' } });
    assert.deepEqual([noSection.status, noSection.body.error.details[0].path], [400, 'body.sectionId']);
  });
});
