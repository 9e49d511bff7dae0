/**
 * A new colleague joins: an admin invites them from the admin area (no mail server here, so the
 * one-time link is shown to copy), the invitee opens it, chooses a password, lands in the
 * workspace and works a ticket. The link then no longer works.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from '../support/browser.ts';
import { apiSignIn, getJson } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const ADMIN = { email: 'admin@firma.example', password: 'admin password 123', name: 'Ada Admin' };
let server: ServusServer;

before(async () => {
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name } });
  const api = await apiSignIn(server.url, ADMIN);
  await api.call('POST', '/api/v1/tickets', { subject: 'Passwort vergessen', requester: { email: 'kundin@beispiel.de', name: 'Karla Kundin' }, message: { text: 'Ich komme nicht mehr in mein Konto.' } });
});
after(async () => {
  await server?.stop();
});

test('an invited agent sets a password through the one-time link and works a ticket', async (t) => {
  const admin = await openBrowser({ baseURL: server.url, locale: 'en-US' });
  const invitee = await openBrowser({ baseURL: server.url, locale: 'de-DE' });
  try {
    await admin.page.goto('/login');
    await admin.page.getByRole('textbox', { name: /^Email/ }).fill(ADMIN.email);
    await admin.page.getByLabel(/^Password/).first().fill(ADMIN.password);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.getByRole('navigation').first().waitFor();

    await admin.page.goto('/admin/agents');
    await admin.page.getByRole('button', { name: 'Invite agent' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Invite agent' });
    await dialog.getByRole('textbox', { name: /^Email/ }).fill('neu@firma.example');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Nora Neu');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const link = (await admin.page.getByTestId('invite-url').textContent())?.trim() ?? '';
    assert.match(link, /\/invite\/[A-Za-z0-9_-]{40,}$/);

    // The invitee's browser is German: the invitation page speaks German.
    await invitee.page.goto(new URL(link).pathname);
    await invitee.page.getByText('Nora Neu', { exact: false }).first().waitFor();
    const passwords = invitee.page.locator('input[type=password]');
    await passwords.nth(0).fill('ein gutes langes Passwort');
    await passwords.nth(1).fill('ein gutes langes Passwort');
    await invitee.page.getByRole('button', { name: /Konto anlegen|Create account/ }).click();
    await invitee.page.getByRole('navigation').first().waitFor();

    // The new agent works a ticket: opens it from "Nicht zugewiesen" and assigns it to herself.
    await invitee.page.getByRole('link', { name: /^Nicht zugewiesen/ }).click();
    await invitee.page.getByText('Passwort vergessen').click();
    await invitee.page.getByRole('button', { name: /Mir zuweisen/ }).click();
    const deadline = Date.now() + 15_000;
    let assignee = '';
    while (Date.now() < deadline && !/Nora Neu/.test(assignee)) {
      assignee = await invitee.page.getByLabel('Zuständig', { exact: true }).first().inputValue().catch(() => '');
      await invitee.page.waitForTimeout(100);
    }
    assert.match(assignee, /Nora Neu/);

    // Single use: the link is dead now.
    const again = await getJson(`${server.url}/api/v1/invites/${link.split('/').pop()}`);
    assert.equal(again.status, 404);
    assert.deepEqual([...admin.watch.dialogs, ...invitee.watch.dialogs], []);
  } catch (err) {
    await admin.page.screenshot({ path: 'artifacts/invite-admin.png', fullPage: true }).catch(() => {});
    await invitee.page.screenshot({ path: 'artifacts/invite-invitee.png', fullPage: true }).catch(() => {});
    t.diagnostic('screenshots: e2e/artifacts/invite-*.png');
    throw err;
  } finally {
    await admin.close();
    await invitee.close();
  }
});
