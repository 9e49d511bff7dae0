/**
 * The public help center in the browser, with the demo knowledge base created through the API:
 * a German visitor browses from the home page to an article, finds articles despite typos,
 * answers "Was this helpful?" in place; the contact form suggests an article while the subject
 * is typed, opening it is counted, and the message then becomes a ticket an agent sees.
 * Pages run only the help center's own script: a CSP violation would show as a console error.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn, type ApiSession } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';
import { DEMO_KB_ARTICLES, DEMO_KB_CATEGORIES } from '../../packages/server/src/demo/kb/index.ts';

const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };

let server: ServusServer;
let api: ApiSession;
/** Article ids by demo key. */
const ids = new Map<string, string>();

/** The demo help center through the knowledge-base API, as an editor would write it. */
async function seedDemoKb(): Promise<void> {
  const sections = new Map<string, string>();
  for (const c of DEMO_KB_CATEGORIES) {
    const cat = await api.call<{ id: string }>('POST', '/api/v1/kb/categories', { slug: c.key, icon: c.icon, names: { de: c.de.name, en: c.en.name }, descriptions: { de: c.de.description, en: c.en.description } });
    for (const s of c.sections) {
      const sec = await api.call<{ id: string }>('POST', '/api/v1/kb/sections', { categoryId: cat.id, slug: s.key, names: { de: s.de.name, en: s.en.name }, descriptions: { de: s.de.description, en: s.en.description } });
      sections.set(s.key, sec.id);
    }
  }
  for (const a of DEMO_KB_ARTICLES) {
    const created = await api.call<{ id: string }>('POST', '/api/v1/kb/articles', {
      sectionId: sections.get(a.section),
      locale: 'de',
      status: a.status ?? 'published',
      tags: a.tags,
      title: a.de.title,
      summary: a.de.summary,
      bodyHtml: a.de.body,
    });
    if (a.en) await api.call('PUT', `/api/v1/kb/articles/${created.id}/translations/en`, { baseVersion: 0, title: a.en.title, summary: a.en.summary, bodyHtml: a.en.body });
    ids.set(a.key, created.id);
  }
}

before(async () => {
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name } });
  api = await apiSignIn(server.url, ADMIN);
  await api.call('PATCH', '/api/v1/auth/me', { locale: 'en' });
  await seedDemoKb();
});

after(async () => {
  await server?.stop();
});

test(
  'a German visitor browses to an article, searches with typos and says the article helped',
  withBrowser(() => ({ baseURL: server.url, locale: 'de-DE' }), async ({ page, watch }) => {
    await page.goto('/help');
    assert.equal(new URL(page.url()).pathname, '/help/de', 'German browsers land on the German help center');
    await page.getByRole('heading', { name: 'Wie können wir Ihnen helfen?' }).waitFor();
    const internal = DEMO_KB_ARTICLES.find((a) => a.status === 'internal')!;
    assert.equal(await page.getByText(internal.de.title).count(), 0, 'internal articles are not on the home page');

    // Home → category → section → article.
    await page.getByRole('link', { name: 'Konto & Sicherheit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Konto & Sicherheit' }).waitFor();
    await page.getByRole('link', { name: 'Anmeldung & Passwort', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmeldung & Passwort' }).waitFor();
    await page.getByRole('link', { name: 'Passwort vergessen: neues Passwort festlegen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Passwort vergessen: neues Passwort festlegen' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Brotkrümelnavigation' });
    assert.equal(await crumbs.getByRole('link').allTextContents().then((l) => l.join(' › ')), 'Hilfe-Center › Konto & Sicherheit › Anmeldung & Passwort');
    const articleUrl = page.url();

    // "Was this helpful?" answers in place, then takes a comment.
    await page.getByRole('button', { name: 'Ja', exact: true }).click();
    await page.getByText('Danke für Ihre Rückmeldung!').waitFor();
    assert.equal(page.url(), articleUrl, 'the vote did not leave the page');
    await page.getByRole('textbox', { name: /Möchten Sie uns noch etwas mitteilen/ }).fill('Hat sofort geklappt, danke!');
    await page.getByRole('button', { name: 'Kommentar senden' }).click();
    await page.getByText('Ihr Kommentar ist angekommen. Vielen Dank!').waitFor();
    const article = await api.call<{ translations: { de: { helpfulYes: number; viewCount: number } } }>('GET', `/api/v1/kb/articles/${ids.get('password-reset')}`);
    assert.equal(article.translations.de.helpfulYes, 1);

    // Search with typos, from the header's search box.
    for (const [query, expected] of [
      ['pasword vergesen', 'Passwort vergessen: neues Passwort festlegen'],
      ['Bondrucker druckt nich', 'Bondrucker BP-80 druckt keine Belege'],
    ]) {
      const box = page.getByRole('searchbox', { name: 'Hilfe-Center durchsuchen' }).first();
      await box.fill(query);
      await box.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Suchergebnisse für „${query}“` }).waitFor();
      const first = page.locator('ol.results > li').first();
      assert.equal(await first.getByRole('heading').textContent(), expected, `first result for “${query}”`);
    }
    await page.goto(`/help/de/search?q=${encodeURIComponent(internal.de.title)}`);
    assert.equal(await page.getByRole('link', { name: internal.de.title }).count(), 0, 'search never shows an internal article');
    assert.deepEqual(watch.unexpected(), []);
  }),
);

test(
  'the contact form suggests an article while typing; the opened suggestion is counted and the message becomes a ticket',
  withBrowser(() => ({ baseURL: server.url, locale: 'de-DE' }), async ({ page, context, watch }) => {
    await page.goto('/help/de/contact');
    const opened = Date.now();
    await page.getByRole('textbox', { name: /Ihr Name/ }).fill('Klara Kundin');
    await page.getByRole('textbox', { name: /E-Mail-Adresse/ }).fill('klara@kunde.example');
    await page.getByRole('textbox', { name: /Betreff/ }).pressSequentially('Bondrucker druckt nich', { delay: 40 });
    const suggestions = page.getByRole('region', { name: 'Vielleicht hilft Ihnen das:' }).or(page.locator('#suggestions'));
    const suggestion = suggestions.getByRole('link', { name: /Bondrucker BP-80 druckt keine Belege/ });
    await suggestion.waitFor();

    // The suggestion opens in a new tab, through the address that records the opening.
    const [tab] = await Promise.all([context.waitForEvent('page'), suggestion.click()]);
    await tab.getByRole('heading', { level: 1, name: 'Bondrucker BP-80 druckt keine Belege' }).waitFor();
    await tab.close();
    const range = `from=${new Date(opened - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const report = await api.call<{ suggested: number; opened: number; candidates: number; followedByTicket: number }>('GET', `/api/v1/reports/deflection?${range}`);
    assert.ok(report.suggested >= 1);
    assert.equal(report.opened, 1);
    assert.equal(report.candidates, 1, 'opened and no ticket yet: a deflection candidate');

    // The customer still writes: the form waits for a person's fill time and the proof-of-work.
    await page.getByRole('textbox', { name: /Ihre Nachricht/ }).fill('Seit heute früh kommt kein Bon mehr aus dem BP-80, auch nach neuer Papierrolle nicht.');
    const wait = 3_500 - (Date.now() - opened);
    if (wait > 0) await page.waitForTimeout(wait);
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await page.getByRole('heading', { name: 'Vielen Dank für Ihre Nachricht' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/help/de/contact/sent');
    assert.equal(await page.getByText('Seit heute früh').count(), 0, 'the confirmation does not echo the message');
    const after = await api.call<{ opened: number; candidates: number; followedByTicket: number }>('GET', `/api/v1/reports/deflection?${range}`);
    assert.deepEqual({ opened: after.opened, candidates: after.candidates, followedByTicket: after.followedByTicket }, { opened: 1, candidates: 0, followedByTicket: 1 });
    assert.deepEqual(watch.unexpected(), []);

    // An agent sees the ticket in the inbox.
    await signInAs(page, ADMIN);
    await page.getByRole('link', { name: /^Unassigned/ }).click();
    await page.getByText('Bondrucker druckt nich').first().click();
    await page.getByRole('heading', { name: /Bondrucker druckt nich/ }).waitFor();
    await page.getByText('Klara Kundin').first().waitFor();
  }),
);
