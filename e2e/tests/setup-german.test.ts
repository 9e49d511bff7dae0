/**
 * The setup page speaks German to a browser whose language is German, including the messages
 * it adds around the server's validation errors.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { urlPath, withBrowser } from '../support/browser.ts';
import { startServer, type ServusServer } from '../support/server.ts';

let server: ServusServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test(
  'setup page is German for a de-DE browser',
  withBrowser(() => ({ baseURL: server.url, locale: 'de-DE' }), async ({ page, watch }) => {
    assert.equal(await page.evaluate(() => navigator.language), 'de-DE');
    await page.goto('/setup');

    await page.getByRole('heading', { name: 'Willkommen bei Servus' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.equal((await page.locator('label[for=name]').innerText()).trim(), 'Ihr Name');
    assert.equal((await page.locator('label[for=email]').innerText()).trim(), 'E-Mail');
    assert.equal((await page.locator('label[for=password]').innerText()).trim(), 'Passwort (mindestens 10 Zeichen)');
    await page.getByLabel('Ihr Name', { exact: true }).waitFor();
    await page.getByLabel('E-Mail', { exact: true }).waitFor();
    await page.getByLabel('Passwort').waitFor();

    await page.getByLabel('Ihr Name', { exact: true }).fill('Grete Gruber');
    await page.getByLabel('E-Mail', { exact: true }).fill('keine-adresse');
    await page.getByLabel('Passwort').fill('lang genug und sicher');
    await page.getByRole('button', { name: 'Administrator anlegen' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /\S/ }).waitFor();
    assert.match(await alert.innerText(), /^Das hat nicht geklappt: .*email/);

    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(
      watch.unexpected((p) => p.kind === 'console' && p.text.startsWith('Failed to load resource') && urlPath(p.url) === '/api/v1/setup'),
      [],
    );
  }),
);
