/**
 * The answer bot in the browser: a visitor on a shop's page asks in German about a frequent
 * problem; the bot answers in the widget with the passage and a link to the help-center article
 * and asks whether that helped; the visitor asks for a person, the agent in the workspace is
 * rung, takes the chat and sees the whole conversation and the article the bot suggested.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, signInAs, withBrowser } from '../support/browser.ts';
import type { ApiSession } from '../support/http.ts';
import type { ServusServer } from '../support/server.ts';
import { chatFrame, pageWithSnippet, threadShows, startWidgetWorld, type CustomerSite } from '../support/widget.ts';

const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };
const QUESTION = 'Mein Bondrucker druckt keine Belege mehr. Was kann ich tun?';

let server: ServusServer;
let api: ApiSession;
let site: CustomerSite;
let articleSlug: string;
const pages: Record<string, string> = {};

before(async () => {
  ({ server, api, site } = await startWidgetWorld(ADMIN, pages));

  // A small help center: the article the visitor's question is about, and one beside it.
  const category = await api.call<{ id: string }>('POST', '/api/v1/kb/categories', { names: { de: 'Hardware', en: 'Hardware' } });
  const section = await api.call<{ id: string }>('POST', '/api/v1/kb/sections', { categoryId: category.id, names: { de: 'Bondrucker', en: 'Receipt printers' } });
  const printer = await api.call<{ translations: { de: { slug: string } } }>('POST', '/api/v1/kb/articles', {
    sectionId: section.id,
    locale: 'de',
    status: 'published',
    title: 'Bondrucker druckt nicht',
    summary: 'Papierrolle und Verbindung zur Kasse prüfen.',
    bodyHtml: `<p>Wenn der Bondrucker keine Belege mehr druckt, liegt es fast immer an der Papierrolle oder an der Verbindung zur Kasse.</p>
<h2>Papierrolle prüfen</h2><p>Öffnen Sie die Klappe und legen Sie die Thermopapierrolle so ein, dass die beschichtete Seite zum Druckkopf zeigt.</p>`,
  });
  articleSlug = printer.translations.de.slug;
  await api.call('POST', '/api/v1/kb/articles', { sectionId: section.id, locale: 'de', status: 'published', title: 'Kassenlade öffnet nicht', bodyHtml: '<p>Die Kassenlade öffnet sich nur, wenn sie am Bondrucker angeschlossen ist.</p>' });

  await api.call('PATCH', '/api/v1/bot/settings', { chatEnabled: true });
  const channel = await api.call<{ snippet: string }>('POST', '/api/v1/chat-channels', { name: 'Kassen-Hilfe', allowedOrigins: [site.origin] });
  pages['/'] = pageWithSnippet(channel.snippet, { lang: 'de', title: 'Kassen-Shop' });
});

after(async () => {
  await site?.stop();
  await server?.stop();
});



test(
  'the bot answers a German question in the widget, then hands the visitor to an agent who sees the conversation and the suggested article',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await signInAs(page, ADMIN);
    await api.call('PATCH', '/api/v1/me/routing', { status: 'online' });
    await page.goto('/');

    const visitor = await openBrowser({ locale: 'de-DE' });
    try {
      const v = visitor.page;
      await v.goto(`${site.origin}/`);
      await v.getByRole('button', { name: /^Chat öffnen/ }).click();
      const frame = chatFrame(v);
      await frame.getByText('Unser Assistent antwortet zuerst aus unserem Hilfe-Center.').waitFor();
      const input = frame.getByRole('textbox', { name: 'Ihre Nachricht' });
      await input.fill(QUESTION);
      await input.press('Enter');

      // The bot answers with the passage, the article as a link, and asks whether that helped.
      const answer = frame.locator('li[data-author="bot"][data-bot-kind="answer"]');
      await answer.getByText(/liegt es fast immer an der Papierrolle/).waitFor();
      const link = answer.getByRole('link', { name: 'Bondrucker druckt nicht' });
      assert.equal(await link.getAttribute('href'), `/help/de/articles/${articleSlug}`);
      assert.equal(await link.getAttribute('target'), '_blank');
      const ask = answer.getByRole('group', { name: 'Hat das Ihre Frage beantwortet?' });
      await ask.getByRole('button', { name: 'Ja' }).waitFor();
      // Nobody is rung while the bot answers.
      await page.waitForTimeout(800);
      assert.equal(await page.locator('[data-chat-ring]').count(), 0, 'no ring while the bot has the chat');

      // The visitor wants a person: the chat goes to the queue at once.
      await ask.getByRole('button', { name: 'Mit einem Menschen sprechen' }).click();
      await frame.getByText(/Gern, ich verbinde Sie mit einer Kollegin oder einem Kollegen/).waitFor();
      await frame.getByText('Sie werden mit dem nächsten freien Mitarbeiter verbunden …').waitFor();
      assert.equal(await ask.count(), 0, 'the question is gone once the chat is handed over');

      // The agent hears the ring, takes the chat and sees the whole conversation and the suggestion.
      const ring = page.locator('[data-chat-ring]');
      await ring.getByText(/verbinde Sie|Bondrucker/).first().waitFor();
      await ring.getByRole('button', { name: 'Accept' }).click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
      await threadShows(page, QUESTION);
      await threadShows(page, 'liegt es fast immer an der Papierrolle');
      await threadShows(page, 'Gern, ich verbinde Sie');
      const suggested = page.getByRole('region', { name: 'Suggested by the bot' });
      await suggested.getByText('Handed over by the bot').waitFor();
      assert.equal(await suggested.getByRole('link', { name: 'Bondrucker druckt nicht (DE)' }).getAttribute('href'), `/help/de/articles/${articleSlug}`);
      await page.locator('[data-chat-status="active"]').waitFor();

      // The agent answers; the visitor reads it in the widget.
      const editor = page.getByRole('textbox', { name: 'Message text' });
      await editor.click();
      await editor.pressSequentially('Ich helfe Ihnen gern weiter.', { delay: 10 });
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await frame.locator('li.message.agent').filter({ hasText: 'Ich helfe Ihnen gern weiter.' }).waitFor();

      assert.deepEqual(visitor.watch.unexpected(), []);
    } finally {
      await visitor.close();
    }
    assert.deepEqual(watch.unexpected(), []);
  }),
);
