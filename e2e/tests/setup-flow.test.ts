/**
 * A fresh installation: the web app sends the first visitor to the one-time setup page, which
 * shows the server's validation errors, creates the admin, signs them in and then disappears.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { urlPath, withBrowser, type PageProblem } from '../support/browser.ts';
import { browserCookieHeader, getJson } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

let server: ServusServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

/** Fills the setup form, submits it and returns the API's answer to that submission. */
async function submitSetup(page: Page, fields: { name: string; email: string; password: string }): Promise<Response> {
  await page.getByLabel('Your name', { exact: true }).fill(fields.name);
  await page.getByLabel('Email', { exact: true }).fill(fields.email);
  await page.getByLabel('Password').fill(fields.password);
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/setup' && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Create administrator' }).click(),
  ]);
  return res;
}

/** Waits until the alert area shows a message and returns it. */
async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: /\S/ }).waitFor();
  return (await alert.innerText()).trim();
}

/** Asserts that the alert shows every field error the server sent, as `field: message`. */
function assertShowsServerError(shown: string, body: ErrorBody, field: string): void {
  assert.equal(body.error.code, 'validation_failed');
  const details = body.error.details ?? [];
  assert.ok(details.some((d) => d.path === `body.${field}`), `the server should name ${field}: ${JSON.stringify(body)}`);
  assert.match(shown, /^That did not work:/);
  for (const d of details) assert.ok(shown.includes(`${d.path.replace(/^body\./, '')}: ${d.message}`), `alert "${shown}" lacks ${d.path}`);
}

// The deliberate 400 answers above make Chromium log "Failed to load resource"; nothing else may.
const expectedProblem = (p: PageProblem) =>
  p.kind === 'console' && /^Failed to load resource: .* 400/.test(p.text) && urlPath(p.url) === '/api/v1/setup';

test(
  'setup page creates the first admin and then disappears',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, context, watch }) => {
    await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/setup', 'an installation without admin redirects to /setup');

    await page.getByRole('heading', { name: 'Welcome to Servus' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal((await page.locator('label[for=name]').innerText()).trim(), 'Your name');
    assert.equal((await page.locator('label[for=email]').innerText()).trim(), 'Email');
    assert.match((await page.locator('label[for=password]').innerText()).trim(), /^Password\b/);

    const badEmail = await submitSetup(page, { name: 'Ada Admin', email: 'not-an-email', password: 'a long enough password' });
    assert.equal(badEmail.status(), 400);
    assertShowsServerError(await alertText(page), (await badEmail.json()) as ErrorBody, 'email');

    const shortPassword = await submitSetup(page, { name: 'Ada Admin', email: 'ada@example.com', password: 'short' });
    assert.equal(shortPassword.status(), 400);
    const shown = await alertText(page);
    assertShowsServerError(shown, (await shortPassword.json()) as ErrorBody, 'password');
    assert.ok(!shown.includes('email:'), `the earlier email error should be gone: "${shown}"`);

    const [created, shell] = await Promise.all([
      submitSetup(page, { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery staple' }),
      page.waitForResponse((r) => r.request().isNavigationRequest() && new URL(r.url()).pathname === '/'),
      page.waitForURL(`${server.url}/`),
    ]);
    assert.equal(created.status(), 201);
    assert.equal(shell.status(), 200, 'the web app is served at / once the admin exists');
    assert.match(shell.headers()['content-type'] ?? '', /^text\/html/);

    const session = (await context.cookies(server.url)).find((c) => c.name === 'servus_session');
    assert.ok(session, 'setup signs the admin in with a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');

    const setupAgain = await fetch(`${server.url}/setup`);
    assert.equal(setupAgain.status, 404, '/setup is gone once an admin exists');
    const api = await getJson(`${server.url}/api/v1/setup`);
    assert.deepEqual(api.body, { needsSetup: false });

    const me = await getJson(`${server.url}/api/v1/auth/me`, { headers: { cookie: await browserCookieHeader(context, server.url) } });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.agent.email, 'ada@example.com');
    assert.equal(me.body.agent.name, 'Ada Admin');
    assert.equal(me.body.agent.role, 'admin');

    const anonymous = await fetch(`${server.url}/api/v1/auth/me`);
    assert.equal(anonymous.status, 401, 'without the cookie nobody is signed in');

    await page.waitForLoadState('networkidle');
    assert.deepEqual(watch.dialogs, [], 'no alert/confirm/prompt dialogs');
    assert.deepEqual(watch.unexpected(expectedProblem), [], 'no JavaScript or console errors');
  }),
);
