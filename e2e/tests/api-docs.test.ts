/**
 * The OpenAPI document and its Swagger UI: the UI renders in a real browser and lists the
 * ticket routes the server registers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withBrowser } from '../support/browser.ts';
import { getJson } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

let server: ServusServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('/api/docs/json is an OpenAPI 3 document with the ticket routes', async () => {
  const { status, body } = await getJson(`${server.url}/api/docs/json`);
  assert.equal(status, 200);
  assert.match(String(body.openapi), /^3\./);
  const paths = Object.keys(body.paths ?? {});
  for (const p of ['/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/tickets/{id}/merge']) {
    assert.ok(paths.includes(p), `${p} missing from paths: ${paths.join(', ')}`);
  }
  assert.ok(body.paths['/api/v1/tickets/{id}/merge'].post, 'merge is a POST');
  assert.ok(!paths.includes('/setup'), 'pages hidden from the API are not documented');
});

test(
  '/api/docs renders the ticket routes in Chromium',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await page.goto('/api/docs');
    await page.getByRole('heading', { name: /Servus API/ }).waitFor({ timeout: 30_000 });

    // Every tag is listed folded; opening "tickets" shows its operations.
    const ticketsTag = page.locator('.opblock-tag[data-tag="tickets"]');
    await ticketsTag.waitFor({ state: 'visible' });
    assert.ok((await page.locator('.opblock-tag').count()) >= 20, 'every tag is listed');
    await ticketsTag.click();

    // Swagger UI puts zero-width spaces before each slash so long paths can wrap.
    const tickets = page.locator('.opblock-summary-path[data-path="/api/v1/tickets"]').first();
    await tickets.waitFor({ state: 'visible' });
    assert.equal((await tickets.innerText()).replace(/\u200b/g, '').trim(), '/api/v1/tickets');
    await page.locator('.opblock-summary-path[data-path="/api/v1/tickets/{id}/merge"]').first().waitFor({ state: 'visible' });
    const visibleText = (await page.locator('body').innerText()).replace(/\u200b/g, '');
    assert.ok(visibleText.includes('/api/v1/tickets/{id}/merge'), 'the merge route is listed');
    assert.ok(visibleText.includes('Merge other tickets into this one'), 'operations show their summaries');
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.unexpected(), [], 'Swagger UI loads without console errors');
  }),
);
