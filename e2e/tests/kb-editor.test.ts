/**
 * An editor writes a knowledge-base article in the agent workspace: opens the section, starts a
 * new article, types the text, uploads an image into it, saves with Ctrl+S, publishes it and
 * finds both saves in the version history; the article's address survives a reload. The stored
 * article carries the image by its public help-center address and the sanitized text.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn, type ApiSession } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const EDITOR = { email: 'editor@example.com', password: 'editor password 123', name: 'Erika Editor' };
/** The smallest valid PNG (1×1). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let server: ServusServer;
let api: ApiSession;
let sectionId: string;

before(async () => {
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: EDITOR.email, SERVUS_ADMIN_PASSWORD: EDITOR.password, SERVUS_ADMIN_NAME: EDITOR.name } });
  api = await apiSignIn(server.url, EDITOR);
  await api.call('PATCH', '/api/v1/auth/me', { locale: 'en' });
  const category = await api.call<{ id: string }>('POST', '/api/v1/kb/categories', { names: { de: 'Hardware', en: 'Hardware' } });
  sectionId = (await api.call<{ id: string }>('POST', '/api/v1/kb/sections', { categoryId: category.id, names: { de: 'Bondrucker', en: 'Receipt printers' } })).id;
});

after(async () => {
  await server?.stop();
});

test(
  'an editor writes an article with an image, saves it with Ctrl+S, publishes it and sees its versions',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await signInAs(page, EDITOR);
    await page.getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
    await page.getByText('No articles in this section').waitFor();

    await page.getByRole('link', { name: 'New article' }).first().click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Clear a paper jam on the BP-80');
    assert.equal(await page.getByRole('textbox', { name: 'Slug' }).inputValue(), 'clear-a-paper-jam-on-the-bp-80');
    const body = page.getByRole('textbox', { name: 'Article text (English)' });
    await body.click();
    await page.keyboard.type('Open the cover and take out the roll.');
    await page.locator('input[type=file][accept="image/png,image/jpeg,image/gif,image/webp"]').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG });
    const image = body.locator('img[src*="/api/v1/kb/attachments/"]');
    await image.waitFor();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 1, await image.elementHandle());

    await page.keyboard.press('Control+s');
    await page.waitForURL(/\/knowledge\/articles\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByText('Article saved').first().waitFor();

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Published' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // Saved and reloaded: nothing left to save.
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });

    const stored = await api.call<{ status: string; publishedAt: string | null; translations: { en: { version: number; bodyHtml: string; url: string } } }>('GET', `/api/v1/kb/articles/${id}`);
    assert.equal(stored.status, 'published');
    assert.ok(stored.publishedAt);
    assert.equal(stored.translations.en.version, 2);
    assert.equal(stored.translations.en.url, '/help/en/articles/clear-a-paper-jam-on-the-bp-80');
    assert.match(stored.translations.en.bodyHtml, /<p>Open the cover and take out the roll\.<\/p>/);
    assert.match(stored.translations.en.bodyHtml, /<img src="\/help\/files\/[0-9a-f-]{36}\/cover\.png"/);

    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = page.getByRole('list', { name: 'Saved versions' });
    await versions.getByText('v2').waitFor();
    await versions.getByText('v1').waitFor();
    assert.equal(await versions.getByRole('listitem').count(), 2);

    // The article's address works as a link of its own (reload, bookmark).
    await page.reload();
    assert.equal(await page.getByRole('textbox', { name: 'Title' }).inputValue(), 'Clear a paper jam on the BP-80');

    const list = await api.call<{ data: { id: string }[] }>('GET', `/api/v1/kb/articles?sectionId=${sectionId}`);
    assert.deepEqual(list.data.map((a) => a.id), [id]);
    assert.deepEqual(watch.unexpected(), []);
    assert.deepEqual(watch.dialogs, []);
  }),
);
