/**
 * Live chat in the browser: an admin sets up a chat channel for a shop on another origin; a
 * visitor writes from the shop's page, the agent hears the ring, accepts and answers; both see
 * each other typing, the visitor sees delivery and read marks and keeps the history across a
 * reload. A site that is not allowed cannot use the widget, and with nobody online the widget
 * becomes a message form that creates a ticket.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { openBrowser, signInAs, withBrowser, type PageProblem } from '../support/browser.ts';
import { getJson, type ApiSession } from '../support/http.ts';
import type { ServusServer } from '../support/server.ts';
import { chatFrame, pageWithSnippet, threadShows, startWidgetWorld, type CustomerSite } from '../support/widget.ts';

/** A 1×1 transparent PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };

let server: ServusServer;
let api: ApiSession;
let site: CustomerSite;
const pages: Record<string, string> = {};

before(async () => {
  ({ server, api, site } = await startWidgetWorld(ADMIN, pages));
});

after(async () => {
  await site?.stop();
  await server?.stop();
});


async function openWidget(page: Page): Promise<FrameLocator> {
  await page.getByRole('button', { name: /^Open chat/ }).click();
  return chatFrame(page);
}

/** Chromium reports a frame refused by frame-ancestors, and failed loads, as console errors; those are expected here. */
const frameRefusal = (p: PageProblem) => /frame-ancestors|Refused to (frame|display)|ERR_BLOCKED_BY_RESPONSE|status of 40[13]/.test(p.text);


async function setStatus(status: 'online' | 'offline'): Promise<void> {
  await api.call('PATCH', '/api/v1/me/routing', { status });
}

test(
  'a visitor on an allowed site chats with an agent who accepts the ring; history survives a reload',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await signInAs(page, ADMIN);
    await setStatus('online');

    // The admin creates the channel for the shop's origin and copies the snippet.
    await page.goto('/admin/chat-channels');
    await page.getByText(/No chat channels yet/).waitFor();
    await page.getByRole('button', { name: 'New chat channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chat channel' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Shop chat');
    const origins = dialog.getByPlaceholder('https://www.example.com');
    await origins.fill(site.origin);
    await origins.press('Enter');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const ready = page.getByRole('dialog', { name: 'Chat channel Shop chat' });
    const snippet = (await ready.getByTestId('chat-snippet').textContent())!;
    assert.match(snippet, /^<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-channel="[0-9a-f-]{36}" async><\/script>$/);
    await ready.getByTestId('chat-secret').waitFor();
    await ready.getByRole('button', { name: 'Done' }).click();
    pages['/'] = pageWithSnippet(snippet);
    await page.goto('/');

    const visitor = await openBrowser({ locale: 'en-US' });
    try {
      const v = visitor.page;
      await v.goto(`${site.origin}/`);
      // The page's own CSS hides every button; the launcher lives in a shadow root and stays.
      const frame = await openWidget(v);
      const input = frame.getByRole('textbox', { name: 'Your message' });
      await input.waitFor();
      assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'opening the chat puts the keyboard in the message box');
      await input.fill('Hello, where is my order 4711?');
      await input.press('Enter');
      const own = frame.locator('li.message.own').filter({ hasText: 'where is my order 4711' });
      await own.locator('[data-delivery="sent"]').waitFor();

      // The agent hears the ring and accepts.
      const ring = page.locator('[data-chat-ring]');
      await ring.getByText('where is my order 4711').waitFor();
      await ring.getByRole('button', { name: 'Accept' }).click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
      await threadShows(page, 'Hello, where is my order 4711?');
      await page.locator('[data-chat-status="active"]').waitFor();

      // The agent has read it: two ticks for the visitor.
      await own.locator('[data-delivery="read"]').waitFor();

      // The visitor types; the agent sees it with what is typed so far.
      await input.pressSequentially('It was', { delay: 30 });
      await page.getByText(/The visitor is typing/).waitFor();
      await input.fill('');

      // The agent types a reply: the visitor sees it; then the answer arrives.
      const editor = page.getByRole('textbox', { name: 'Message text' });
      await editor.click();
      await editor.pressSequentially('Your parcel left our warehouse today.', { delay: 20 });
      await frame.getByText(/Lea Lead is typing/).waitFor();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await frame.locator('li.message.agent').filter({ hasText: 'Your parcel left our warehouse today.' }).waitFor();
      await frame.getByText(/Lea Lead is typing/).waitFor({ state: 'hidden' });

      // A reload keeps the conversation.
      await v.reload();
      const again = await openWidget(v);
      await again.getByText('Hello, where is my order 4711?').waitFor();
      await again.getByText('Your parcel left our warehouse today.').waitFor();
      assert.deepEqual(
        await again.locator('li.message').evaluateAll((els) => els.map((e) => e.getAttribute('data-author'))),
        ['visitor', 'agent'],
        'each message once, in order',
      );

      // A screenshot goes along: uploaded first (type and size checked), then sent.
      await again.locator('input[type="file"]').setInputFiles({ name: 'tracking.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
      await again.getByRole('button', { name: 'Remove tracking.png' }).waitFor();
      await again.getByRole('textbox', { name: 'Your message' }).press('Enter');
      const link = again.getByRole('link', { name: 'Attachment: tracking.png' });
      await link.waitFor();
      const href = (await link.getAttribute('href'))!;
      assert.match(href, /^\/api\/v1\/chat\/attachments\/[0-9a-f-]{36}\?token=/);
      assert.equal((await fetch(`${server.url}${href}`)).status, 200, 'the visitor can open their own file');
      await threadShows(page, 'tracking.png');

      // The agent ends the chat; the visitor rates it in the widget, and the rating shows on the ticket.
      await page.getByRole('button', { name: 'End chat' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'End chat' }).click();
      await again.getByText('How satisfied are you with how we handled your request?').waitFor();
      await again.getByRole('button', { name: 'Good' }).click();
      await again.getByLabel(/Anything you would like to add/).fill('Quick and friendly.');
      await again.getByRole('button', { name: 'Send feedback' }).click();
      await again.getByText('Thank you for your feedback!').waitFor();
      await page.reload();
      await page.getByText('“Quick and friendly.”').waitFor();

      assert.deepEqual(visitor.watch.unexpected(), []);
    } finally {
      await visitor.close();
    }
    assert.deepEqual(watch.unexpected(), []);
  }),
);

test(
  'a site that is not on the allowlist cannot use the widget',
  withBrowser(() => ({ locale: 'en-US' }), async ({ page, watch }) => {
    const { body: list } = await getJson<{ data: { id: string; snippet: string }[] }>(`${server.url}/api/v1/chat-channels`, { headers: api.headers });
    const channel = list.data[0]!;
    pages['/'] = pageWithSnippet(channel.snippet);
    await page.goto(`${site.otherOrigin}/`);
    const frame = await openWidget(page);
    // The frame is refused (frame-ancestors): the chat never appears, and the launcher goes away.
    await page.locator('[data-servus-chat]').waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await frame.getByRole('textbox', { name: 'Your message' }).count(), 0);

    // Nor can a script on that site start a session directly.
    const res = await fetch(`${server.url}/api/v1/chat/channels/${channel.id}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site.otherOrigin },
      body: JSON.stringify({}),
    });
    assert.ok(res.status >= 400 && res.status < 500, `session from a foreign origin answered ${res.status}`);
    assert.deepEqual(watch.unexpected(frameRefusal), []);
  }),
);

test(
  'with nobody online the widget takes a message that becomes a ticket answered by email',
  withBrowser(() => ({ locale: 'de-DE' }), async ({ page, watch }) => {
    await setStatus('offline');
    const team = await api.call<{ id: string }>('POST', '/api/v1/teams', { name: 'Nachtschicht' });
    const channel = await api.call<{ id: string; snippet: string }>('POST', '/api/v1/chat-channels', {
      name: 'Nachts',
      teamId: team.id,
      allowedOrigins: [site.origin],
      texts: { en: { greeting: '', offlineMessage: '' }, de: { greeting: '', offlineMessage: 'Gerade ist niemand da. Wir melden uns per E-Mail.' } },
    });
    pages['/nachts'] = pageWithSnippet(channel.snippet, { lang: 'de', title: 'Beispiel GmbH' });

    await page.goto(`${site.origin}/nachts`);
    await page.getByRole('button', { name: /^Chat öffnen/ }).click();
    const frame = chatFrame(page);
    await frame.getByText('Gerade ist niemand da. Wir melden uns per E-Mail.').waitFor();
    await frame.getByRole('button', { name: 'Nachricht senden' }).click();
    await frame.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
    await frame.getByRole('textbox', { name: /^Name/ }).fill('Olga Offline');
    await frame.getByRole('textbox', { name: /^E-Mail/ }).fill('olga@example.org');
    await frame.getByRole('textbox', { name: /^Nachricht/ }).fill('Bitte rufen Sie mich wegen der Rechnung an.');
    await frame.getByRole('button', { name: 'Nachricht senden' }).click();
    await frame.getByText(/antworten per E-Mail an olga@example\.org/).waitFor();

    const tickets = await api.call<{ data: { id: string; requester?: { email: string | null } | null }[] }>('GET', '/api/v1/tickets?sort=-created_at');
    const ticket = tickets.data.find((x) => x.requester?.email === 'olga@example.org');
    assert.ok(ticket, 'the offline message is a ticket from olga@example.org');
    const messages = await api.call<{ data: { text: string }[] }>('GET', `/api/v1/tickets/${ticket.id}/messages`);
    assert.ok(messages.data.some((m) => m.text.includes('Bitte rufen Sie mich wegen der Rechnung an.')));
    assert.deepEqual(watch.unexpected(), []);
  }),
);
