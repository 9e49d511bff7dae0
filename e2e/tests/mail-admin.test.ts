/**
 * The admin's side of email in the browser: set up a channel against the Dovecot mailbox, test
 * the connection, and handle a quarantined mail on the mail health page — with hostile header
 * text shown as text, never run.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn, getJson } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';
import { dovecotFromEnv, type Dovecot } from '../support/mail.ts';

const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };

let dovecot: Dovecot;
let server: ServusServer;
let auth: { cookie: string; 'x-csrf-token': string };

before(async () => {
  dovecot = dovecotFromEnv();
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name } });
  auth = (await apiSignIn(server.url, ADMIN)).headers;
});

after(async () => {
  await server?.stop();
});

test(
  'an admin sets up a channel, tests it and reprocesses a quarantined mail',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await signInAs(page, ADMIN);

    await page.goto('/admin/channels');
    await page.getByText('No email channels yet.').waitFor();
    await page.getByRole('button', { name: 'New channel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Support');
    await dialog.getByLabel(/^Email address/).fill('Agent@Servus.test');
    await dialog.getByLabel('Fetch mail from an IMAP mailbox').check();
    await dialog.getByLabel(/^IMAP server/).fill(dovecot.host);
    await dialog.getByLabel(/^IMAP port/).fill(String(dovecot.port));
    await dialog.getByLabel(/^TLS from the start \(usually port 993/).uncheck();
    await dialog.getByLabel(/^IMAP user name/).fill('agent@servus.test');
    await dialog.getByLabel(/^IMAP password/).fill('not the password');
    await dialog.getByLabel('Send replies through an SMTP server').uncheck();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('cell', { name: 'agent@servus.test' }).waitFor();

    // A wrong password is reported as such.
    await page.getByRole('button', { name: 'Test connection Support' }).or(page.getByRole('button', { name: /^Test/ })).first().click();
    await page.getByText(/Login refused/).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');

    // Correct it: the stored password is never shown, a new one replaces it.
    await page.getByRole('button', { name: 'Edit Support' }).click();
    await page.getByText('Stored — leave empty to keep it.').first().waitFor();
    await page.getByRole('dialog').getByLabel(/^IMAP password/).fill(dovecot.users.get('agent@servus.test')!);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Test/ }).first().click();
    await page.getByText(/^Connected; \d+ messages? in INBOX/).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');

    // A mail with two From: headers (and a hostile subject) goes to quarantine.
    const channels = await getJson<{ data: { id: string }[] }>(`${server.url}/api/v1/channels`, { headers: auth });
    const hostile = '"><img src=x onerror=alert(1)> Rechnung';
    const upload = await fetch(`${server.url}/api/v1/channels/${channels.body.data[0]!.id}/inbound`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'message/rfc822' },
      body: `From: kunde@beispiel.example\r\nFrom: chef@beispiel.example\r\nTo: agent@servus.test\r\nSubject: ${hostile}\r\nMessage-ID: <zwei-absender@beispiel.example>\r\n\r\nBitte zahlen.\r\n`,
    });
    assert.equal(upload.status, 202);
    const { id } = (await upload.json()) as { id: string };
    for (let i = 0; i < 100; i++) {
      const mail = await getJson<{ status: string }>(`${server.url}/api/v1/mail/inbound/${id}`, { headers: auth });
      if (mail.body.status !== 'pending') break;
      await new Promise((r) => setTimeout(r, 100));
    }

    await page.goto('/admin/mail-health');
    await page.getByText('Quarantined').first().waitFor();
    const row = page.getByRole('row', { name: /Rechnung/ });
    await row.getByText(hostile).waitFor();
    await row.getByText(/multiple_from|two From|From: headers/).first().waitFor();
    await row.getByRole('button', { name: /^Reprocess/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reprocess' }).click();
    await page.getByText(/Processed again|Message processed/).first().waitFor();

    assert.deepEqual(watch.dialogs, [], 'no script from the subject ran');
    assert.deepEqual(watch.unexpected(), []);
  }),
);
