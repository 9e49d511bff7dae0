/**
 * "Was this helpful?" and view counts: one vote and one view a day per visitor, no views for
 * bots, comments escaped when shown again, and no votes on what the public cannot see.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, ManualClock, startTestServer, type TestServer } from './harness.ts';
import { makeHelpKb, page, type HelpKb } from './help-center-support.ts';

let s: TestServer;
let kb: HelpKb;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

before(async () => {
  s = await startTestServer({ clock });
  kb = await makeHelpKb(s);
});
after(() => s?.close());

/** The article's German counters as editors see them. */
async function counters(): Promise<{ viewCount: number; helpfulYes: number; helpfulNo: number }> {
  const res = await call(s, 'GET', `/api/v1/kb/articles/${kb.published.id}`, { as: kb.editor });
  const { viewCount, helpfulYes, helpfulNo } = res.body.translations.de;
  return { viewCount, helpfulYes, helpfulNo };
}

const vote = (form: Record<string, string>, o: { ip?: string; json?: boolean; headers?: Record<string, string> } = {}) =>
  page(s, `/help/de/articles/${kb.published.de}/feedback`, { form, ip: o.ip, headers: { ...(o.json ? { accept: 'application/json' } : {}), ...o.headers } });

describe('view counts', () => {
  it('counts a visitor once a day, a second visitor again, and the next day again', async () => {
    const before = (await counters()).viewCount;
    await page(s, `/help/de/articles/${kb.published.de}`, { ip: '192.0.2.10' });
    await page(s, `/help/de/articles/${kb.published.de}`, { ip: '192.0.2.10' });
    assert.equal((await counters()).viewCount, before + 1, 'a reload is not a second view');
    await page(s, `/help/de/articles/${kb.published.de}`, { ip: '192.0.2.11' });
    assert.equal((await counters()).viewCount, before + 2);
    clock.advance(24 * 3600_000);
    await page(s, `/help/de/articles/${kb.published.de}`, { ip: '192.0.2.10' });
    assert.equal((await counters()).viewCount, before + 3, 'the same visitor the next day counts again');
  });

  it('does not count crawlers, link previews or clients without a browser User-Agent', async () => {
    const before = (await counters()).viewCount;
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', 'facebookexternalhit/1.1', '', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0 Safari/537.36']) {
      await page(s, `/help/de/articles/${kb.published.de}`, { ip: '192.0.2.20', headers: { 'user-agent': ua } });
    }
    assert.equal((await counters()).viewCount, before);
  });

  it('puts the most viewed articles on the home page', async () => {
    const home = await page(s, '/help/de');
    assert.match(home.body, /<h2 id="popular">Beliebte Artikel<\/h2><ul class="articles"><li><a href="[^"]+">Bondrucker druckt nicht<\/a>/);
  });
});

describe('was this helpful?', () => {
  it('counts a visitor’s vote once; a changed answer moves the count', async () => {
    const start = await counters();
    const first = await vote({ helpful: 'yes' }, { ip: '192.0.2.30' });
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, `/help/de/articles/${kb.published.de}?feedback=yes#feedback`);
    await vote({ helpful: 'yes' }, { ip: '192.0.2.30' });
    assert.deepEqual(await counters(), { ...start, helpfulYes: start.helpfulYes + 1 });
    await vote({ helpful: 'no' }, { ip: '192.0.2.30' });
    assert.deepEqual(await counters(), { ...start, helpfulYes: start.helpfulYes, helpfulNo: start.helpfulNo + 1 });
    await vote({ helpful: 'yes' }, { ip: '192.0.2.31' });
    assert.deepEqual(await counters(), { ...start, helpfulYes: start.helpfulYes + 1, helpfulNo: start.helpfulNo + 1 });
  });

  it('thanks the visitor and offers a comment, without JavaScript', async () => {
    const res = await page(s, `/help/de/articles/${kb.published.de}?feedback=no`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /Danke für Ihre Rückmeldung!/);
    assert.match(res.body, /<input type="hidden" name="helpful" value="no">/);
    assert.match(res.body, /<textarea id="fb-comment" name="comment"/);
  });

  it('answers help.js with the next block as JSON', async () => {
    const res = await vote({ helpful: 'yes' }, { ip: '192.0.2.32', json: true });
    assert.equal(res.status, 200);
    const { html } = JSON.parse(res.body);
    assert.match(html, /^<section class="feedback" id="feedback"/);
    assert.match(html, /Danke für Ihre Rückmeldung!/);
    const saved = JSON.parse((await vote({ helpful: 'yes', comment: 'Hat geholfen' }, { ip: '192.0.2.32', json: true })).body);
    assert.match(saved.html, /Ihr Kommentar ist angekommen/);
  });

  it('stores a comment, and shows a refused one again escaped', async () => {
    const evil = '</textarea><script>alert(1)</script><img src=x onerror=alert(2)>';
    const ok = await vote({ helpful: 'no', comment: `Fehlt: Modell TM-20 ${evil}` }, { ip: '192.0.2.33' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.location, `/help/de/articles/${kb.published.de}?feedback=saved#feedback`);
    const long = await vote({ helpful: 'no', comment: `${evil}${'x'.repeat(2100)}` }, { ip: '192.0.2.33' });
    assert.equal(long.status, 400);
    assert.match(long.body, /Bitte fassen Sie sich kürzer/);
    assert.ok(!long.body.includes('<script>alert(1)'), 'the comment is not markup');
    assert.ok(!long.body.includes('<img src=x'), 'the comment is not markup');
    assert.match(long.body, /&lt;\/textarea&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('refuses votes from other sites and on articles the public cannot see', async () => {
    const cross = await vote({ helpful: 'yes' }, { ip: '192.0.2.34', headers: { origin: 'https://evil.example' } });
    assert.equal(cross.status, 400);
    const bad = await vote({ helpful: 'maybe' }, { ip: '192.0.2.34' });
    assert.equal(bad.status, 400);
    const before = await call(s, 'GET', `/api/v1/kb/articles/${kb.internal.id}`, { as: kb.editor });
    const hidden = await page(s, `/help/de/articles/${kb.internal.de}/feedback`, { form: { helpful: 'yes' }, ip: '192.0.2.34' });
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body, (await page(s, '/help/de/articles/gibt-es-nicht')).body);
    const after = await call(s, 'GET', `/api/v1/kb/articles/${kb.internal.id}`, { as: kb.editor });
    assert.equal(after.body.translations.de.helpfulYes, before.body.translations.de.helpfulYes);
  });
});
