/**
 * The help center settings: admins only, strict validation of theme colours and the logo
 * address, theme fields that merge, the bot's settings left alone, and the effect on pages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { getHelpCenterSettings } from '../src/modules/knowledge/settings.ts';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { page } from './help-center-support.ts';

let s: TestServer;
let admin: TestAgent;
let agent: TestAgent;
const URL = '/api/v1/help-center/settings';

before(async () => {
  s = await startTestServer();
  admin = await makeAgent(s, { role: 'admin' });
  agent = await makeAgent(s);
});
after(() => s?.close());

describe('help center settings', () => {
  it('shows the defaults to admins and refuses other agents', async () => {
    const res = await call(s, 'GET', URL, { as: admin });
    assert.equal(res.status, 200);
    assert.deepEqual({ ...res.body, updatedAt: undefined }, {
      enabled: true,
      theme: { name: 'Help Center', logoUrl: '', primaryColor: '#1c5fd4', accentColor: '#0f8a5f' },
      defaultLocale: 'de',
      contactFormEnabled: true,
      portalEnabled: true,
      updatedAt: undefined,
    });
    assert.equal((await call(s, 'GET', URL, { as: agent })).status, 403);
    assert.equal((await call(s, 'PATCH', URL, { as: agent, body: { enabled: false } })).status, 403);
    assert.equal((await call(s, 'GET', URL)).status, 401);
  });

  it('refuses colours, logos and fields that are not allowed, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ theme: { primaryColor: 'red' } }, 'body.theme.primaryColor'],
      [{ theme: { accentColor: '#12345' } }, 'body.theme.accentColor'],
      [{ theme: { primaryColor: '#123456; background:url(https://evil.example)' } }, 'body.theme.primaryColor'],
      [{ theme: { logoUrl: 'http://example.com/logo.png' } }, 'body.theme.logoUrl'],
      [{ theme: { logoUrl: 'javascript:alert(1)' } }, 'body.theme.logoUrl'],
      [{ theme: { logoUrl: 'https://example.com/a.png" onerror="alert(1)' } }, 'body.theme.logoUrl'],
      [{ theme: { logoUrl: '/etc/passwd' } }, 'body.theme.logoUrl'],
      [{ theme: { name: '' } }, 'body.theme.name'],
      [{ defaultLocale: 'fr' }, 'body.defaultLocale'],
      [{ bot: { chatEnabled: true } }, 'body.bot'],
      [{ theme: { name: 'X', css: 'body{}' } }, 'body.theme.css'],
    ];
    for (const [body, path] of cases) {
      const res = await call(s, 'PATCH', URL, { as: admin, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.ok(res.body.error.details.some((d: { path: string }) => d.path === path), `${JSON.stringify(body)} → ${JSON.stringify(res.body.error.details)}`);
    }
  });

  it('merges theme fields, keeps the answer bot’s settings and themes the pages', async () => {
    const botBefore = (await getHelpCenterSettings(s.servus.services.database.db)).bot;
    const res = await call(s, 'PATCH', URL, {
      as: admin,
      body: { theme: { name: 'Kassenprofi Hilfe', primaryColor: '#7a1fa2', logoUrl: 'https://cdn.example.com/logo.svg' }, defaultLocale: 'en' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.theme, { name: 'Kassenprofi Hilfe', logoUrl: 'https://cdn.example.com/logo.svg', primaryColor: '#7a1fa2', accentColor: '#0f8a5f' });
    assert.equal(res.body.defaultLocale, 'en');
    assert.deepEqual((await getHelpCenterSettings(s.servus.services.database.db)).bot, botBefore);
    const home = await page(s, '/help/de');
    assert.match(home.body, /<style>:root \{ --primary: #7a1fa2; --accent: #0f8a5f; \}<\/style>/);
    assert.match(home.body, /<img src="https:\/\/cdn\.example\.com\/logo\.svg" alt="" height="32"><span>Kassenprofi Hilfe<\/span>/);
    assert.match(home.body, /<title>Hilfe-Center – Kassenprofi Hilfe<\/title>/);
    assert.equal((await page(s, '/help', { headers: { 'accept-language': 'fr' } })).headers.location, '/help/en', 'the new default language');
  });

  it('hides the contact form and the portal link when they are switched off', async () => {
    assert.equal((await call(s, 'PATCH', URL, { as: admin, body: { contactFormEnabled: false, portalEnabled: false } })).status, 200);
    const home = await page(s, '/help/en');
    assert.ok(!home.body.includes('href="/help/en/contact"'), 'no contact link');
    assert.ok(!home.body.includes('href="/portal"'), 'no portal link');
    assert.equal((await page(s, '/help/en/contact')).status, 404);
    assert.equal((await call(s, 'POST', '/api/v1/help/suggestions', { body: { q: 'drucker', lang: 'en' } })).status, 404);
    assert.equal((await call(s, 'PATCH', URL, { as: admin, body: { contactFormEnabled: true, portalEnabled: true } })).status, 200);
    assert.ok((await page(s, '/help/en')).body.includes('href="/help/en/contact"'));
  });

  it('records who changed which settings', async () => {
    const rows = await queryRows<{ actor_id: string; details: { fields: string[] } }>(
      s.servus.services.database.db,
      sql`select actor_id, details from audit_log where action = 'help_center_settings.updated' order by created_at`,
    );
    assert.ok(rows.length >= 3);
    assert.equal(rows[0]!.actor_id, admin.id);
    assert.deepEqual(rows[0]!.details.fields.sort(), ['defaultLocale', 'theme.logoUrl', 'theme.name', 'theme.primaryColor']);
  });
});

describe('the assets', () => {
  it('serves the stylesheet and the script with long caching for versioned addresses', async () => {
    const home = await page(s, '/help/de');
    const css = /href="(\/help\/assets\/help\.css\?v=[^"]+)"/.exec(home.body)![1]!;
    const res = await page(s, css);
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /text\/css/);
    assert.match(String(res.headers['cache-control']), /immutable/);
    assert.match(res.body, /--primary/);
    const js = await page(s, '/help/assets/help.js');
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.equal(js.headers['x-content-type-options'], 'nosniff');
    assert.match(String(js.headers['cache-control']), /max-age=300/);
  });
});
