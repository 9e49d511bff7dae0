/**
 * Scripted installs: SERVUS_ADMIN_EMAIL and SERVUS_ADMIN_PASSWORD create the first admin at
 * start, so there is no setup page, and that admin can sign in through the API.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { urlPath, withBrowser, type PageProblem } from '../support/browser.ts';
import { cookieHeaderFrom, getJson } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const ADMIN = { email: 'ops@example.com', password: 'bootstrap secret 123', name: 'Ops Admin' };

let server: ServusServer;
before(async () => {
  server = await startServer({
    env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name },
  });
});
after(async () => {
  await server?.stop();
});

test('health reports the embedded database, its migration and the job queue', async () => {
  const { status, body } = await getJson(`${server.url}/healthz`);
  assert.equal(status, 200);
  assert.equal(body.status, 'ok');
  assert.equal(body.db, 'pglite');
  assert.equal(typeof body.migration, 'string', `migration version missing: ${JSON.stringify(body)}`);
  assert.ok(body.migration.length > 0);
  assert.equal(typeof body.queue?.depth, 'number', `queue depth missing: ${JSON.stringify(body)}`);
  assert.ok(body.queue.depth >= 0);
});

test(
  'no setup page when the admin comes from the environment',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    const setup = await page.goto('/setup');
    assert.equal(setup?.status(), 404);

    const shell = await page.goto('/');
    assert.equal(shell?.status(), 200);
    assert.match(shell!.headers()['content-type'] ?? '', /^text\/html/);
    assert.equal(new URL(shell!.url()).pathname, '/', 'the web app does not redirect to /setup');

    const api = await getJson(`${server.url}/api/v1/setup`);
    assert.deepEqual(api.body, { needsSetup: false });
    const post = await getJson(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Intruder', email: 'intruder@example.com', password: 'another long password' }),
    });
    assert.equal(post.status, 404, 'a second admin cannot be created through setup');

    // Let the web app finish what it loads at start before judging its console.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(watch.dialogs, []);
    // Expected: the 404 of /setup above.
    const expected = (p: PageProblem) => p.kind === 'console' && urlPath(p.url) === '/setup' && / 404 /.test(p.text);
    assert.deepEqual(watch.unexpected(expected), []);
  }),
);

test('the bootstrapped admin signs in through the API', async () => {
  const wrong = await getJson(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: 'not the password' }),
  });
  assert.equal(wrong.status, 401, JSON.stringify(wrong.body));

  const login = await getJson(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  assert.equal(login.body.agent.email, ADMIN.email);
  assert.equal(login.body.agent.name, ADMIN.name);
  assert.equal(login.body.agent.role, 'admin');
  assert.equal(typeof login.body.csrfToken, 'string');

  const cookie = cookieHeaderFrom(login.res);
  assert.match(cookie, /servus_session=/);
  const me = await getJson(`${server.url}/api/v1/auth/me`, { headers: { cookie } });
  assert.equal(me.status, 200, JSON.stringify(me.body));
  assert.equal(me.body.agent.email, ADMIN.email);
  assert.equal(me.body.csrfToken, login.body.csrfToken);
});
