/**
 * A customer signs in to the portal by magic link: asks for a link, opens it from the mail,
 * presses "Sign in", sees exactly their own requests (another customer's is absent), opens
 * one, replies, and the reply appears – on the page and for the agents.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withBrowser } from '../support/browser.ts';
import { apiSignIn, type ApiSession } from '../support/http.ts';
import { startMailSink, type MailSink } from '../support/mail-sink.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const ADMIN = { email: 'admin@firma.example', password: 'admin password 123', name: 'Ada Admin' };
const KIM = 'kim.kunde@kunde.example';
let server: ServusServer;
let sink: MailSink;
let api: ApiSession;
let kimTicket: { id: string; number: number };

before(async () => {
  sink = await startMailSink();
  server = await startServer({
    env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Firma Support <support@firma.example>' },
  });
  api = await apiSignIn(server.url, ADMIN);
  const kim = await api.call('POST', '/api/v1/contacts', { email: KIM, name: 'Kim Kunde', locale: 'en' });
  const otto = await api.call('POST', '/api/v1/contacts', { email: 'otto@andere.example', name: 'Otto Other' });
  kimTicket = await api.call('POST', '/api/v1/tickets', { subject: 'Printer prints blank pages', requester: { id: kim.id }, message: { text: 'Since Monday every page comes out blank.' }, channel: 'email' });
  await api.call('POST', '/api/v1/tickets', { subject: 'Question about my invoice', requester: { id: kim.id }, message: { text: 'Is VAT included?' }, channel: 'chat', status: 'solved' });
  await api.call('POST', '/api/v1/tickets', { subject: 'Otto’s confidential contract', requester: { id: otto.id }, message: { text: 'Secret terms.' }, channel: 'email' });
  await api.call('POST', `/api/v1/tickets/${kimTicket.id}/messages`, { kind: 'public', text: 'Please send us a photo of a printed page.' });
  await api.call('POST', `/api/v1/tickets/${kimTicket.id}/messages`, { kind: 'note', text: 'Internal: probably the toner again' });
});
after(async () => {
  await server?.stop();
  await sink?.close();
});

test(
  'a customer signs in by magic link, sees only their own requests and replies to one',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await page.goto('/portal');
    await page.getByRole('heading', { name: 'Sign in to see your requests' }).waitFor();
    await page.getByRole('textbox', { name: 'Email address' }).fill(KIM);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText('If we know this address, a sign-in link is on its way.').waitFor();

    const mail = await sink.waitForMailTo(KIM);
    assert.equal(mail.parsed.subject, 'Your sign-in link for Help Center');
    const link = /https?:\/\/[^\s/]+(\/portal\/login\/[A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')?.[1];
    assert.ok(link, `no sign-in link in the mail: ${mail.parsed.text}`);

    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My requests' }).waitFor();

    const list = page.getByRole('table', { name: 'My requests' });
    await list.getByRole('link', { name: 'Printer prints blank pages' }).waitFor();
    await list.getByRole('link', { name: 'Question about my invoice' }).waitFor();
    assert.equal(await list.getByRole('row').count(), 3, 'a header row and exactly two requests');
    assert.equal(await page.getByText('Otto’s confidential contract').count(), 0, 'another customer’s request is absent');
    await list.getByText('Solved').waitFor();

    await list.getByRole('link', { name: 'Printer prints blank pages' }).click();
    await page.getByRole('heading', { name: 'Printer prints blank pages' }).waitFor();
    await page.getByText('Please send us a photo of a printed page.').waitFor();
    assert.equal(await page.getByText('Internal: probably the toner again').count(), 0, 'internal notes never show');

    const reply = 'Photo attached in my next mail – the page is completely white.';
    await page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply was sent.').waitFor();
    await page.getByText(reply).waitFor();

    const thread = await api.call('GET', `/api/v1/tickets/${kimTicket.id}/messages`);
    const last = thread.data.at(-1);
    assert.deepEqual([last.kind, last.author.kind, last.text], ['public', 'contact', reply]);
    assert.deepEqual(watch.unexpected(), []);
    assert.deepEqual(watch.dialogs, []);
  }),
);
