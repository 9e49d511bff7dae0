/**
 * Browser-facing defences of the setup page: a Content-Security-Policy that forbids inline
 * script, and markup typed into the form coming back as inert text.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withBrowser } from '../support/browser.ts';
import { parseCsp } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const PAYLOAD = '"><img src=x onerror=alert(1)>';

let server: ServusServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test(
  'setup page is served with a CSP that blocks inline script',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    const res = await page.goto('/setup');
    assert.equal(res?.status(), 200);
    const headers = res!.headers();
    const header = headers['content-security-policy'];
    assert.ok(header, 'the setup page has a Content-Security-Policy');
    const csp = parseCsp(header);
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
    assert.ok(scriptSrc, `no script-src or default-src in "${header}"`);
    assert.ok(!scriptSrc.includes("'unsafe-inline'"), `script-src allows inline script: "${header}"`);
    assert.ok(!scriptSrc.includes("'unsafe-eval'"), `script-src allows eval: "${header}"`);
    assert.ok(!scriptSrc.includes('*'), `script-src allows any origin: "${header}"`);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.ok(csp.get('frame-ancestors')?.includes("'none'") || headers['x-frame-options'] === 'DENY', 'the page cannot be framed');

    // The browser must actually enforce it: an injected inline handler is refused.
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="window.__servusXss = 1">');
          setTimeout(() => resolve('none'), 3_000);
        }),
    );
    assert.match(violated, /^script-src/);
    assert.equal(await page.evaluate(() => (window as unknown as { __servusXss?: number }).__servusXss), undefined);
    assert.deepEqual(watch.dialogs, []);
  }),
);

test(
  'markup entered as the admin name comes back as text and runs nothing',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, context, watch }) => {
    await page.goto('/setup');
    await page.getByLabel('Your name', { exact: true }).fill(PAYLOAD);
    await page.getByLabel('Email', { exact: true }).fill('xss@example.com');
    await page.getByLabel('Password').fill('a perfectly long password');

    // Read the API's answer on the way through, before the page navigates away from it.
    let setupAnswer: { status: number; body: any } | undefined;
    await page.route('**/api/v1/setup', async (route) => {
      const response = await route.fetch();
      setupAnswer = { status: response.status(), body: await response.json() };
      await route.fulfill({ response });
    });
    await Promise.all([page.waitForURL(`${server.url}/`), page.getByRole('button', { name: 'Create administrator' }).click()]);
    await page.unroute('**/api/v1/setup');

    assert.equal(setupAnswer?.status, 201, JSON.stringify(setupAnswer));
    assert.equal(setupAnswer.body.agent.name, PAYLOAD, 'the name is stored and returned verbatim, as JSON text');

    // Opened directly, the JSON is shown by Chromium as plain text: no element is created from it.
    const me = await page.goto('/api/v1/auth/me');
    assert.equal(me?.status(), 200);
    assert.match(me!.headers()['content-type'] ?? '', /^application\/json/);
    assert.ok((await page.locator('body').innerText()).includes(JSON.stringify(PAYLOAD).slice(1, -1)));
    assert.equal(await page.locator('img').count(), 0, 'no <img> element came out of the payload');
    assert.equal((await context.cookies(server.url)).some((c) => c.name === 'servus_session'), true);

    await page.waitForTimeout(500);
    assert.deepEqual(watch.dialogs, [], 'no dialog was opened by the payload');
    assert.deepEqual(watch.unexpected(), [], 'nothing tried to load or run');
  }),
);
