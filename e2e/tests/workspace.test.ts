/**
 * The agent workspace as two agents use it: sign in, work the Unassigned view, assign, reply
 * and set pending, see each other live, get caught by a stale reply, switch to German, search.
 * With SERVUS_UPDATE_SCREENSHOTS=1 (`npm run screenshots`) it also refreshes the README
 * screenshots of the inbox and a ticket page in both languages.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, signInAs, type BrowserSession } from '../support/browser.ts';
import { apiSignIn, getJson } from '../support/http.ts';
import { REPO_ROOT, startServer, type ServusServer } from '../support/server.ts';

const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };
const ANNA = { email: 'anna@example.com', password: 'anna password 123', name: 'Anna Achter' };
const BEN = { email: 'ben@example.com', password: 'ben password 123', name: 'Ben Berger' };
const SHOTS = path.join(REPO_ROOT, 'docs/screenshots');

let server: ServusServer;
let ticket: { id: string; number: number };

before(async () => {
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name } });
  const { call: api } = await apiSignIn(server.url, ADMIN);
  const anna = await api('POST', '/api/v1/agents', { ...ANNA, role: 'agent', locale: 'en' });
  const ben = await api('POST', '/api/v1/agents', { ...BEN, role: 'agent', locale: 'en' });
  await api('POST', '/api/v1/teams', { name: 'Technik', memberIds: [anna.id, ben.id] });
  const subjects = ['Rechnung März doppelt abgebucht', 'Cannot log in since the update', 'Lieferung ist nicht angekommen', 'Feature request: dark mode'];
  for (const [i, subject] of subjects.entries()) {
    await api('POST', '/api/v1/tickets', {
      subject,
      channel: i % 2 ? 'email' : 'web',
      priority: i === 1 ? 'high' : 'normal',
      requester: { email: `kunde${i}@beispiel.de`, name: ['Jürgen Müller', 'Zoë Weiß', 'Olga Ostermann', 'Peter Park'][i] },
      message: { text: `${subject}.\n\nViele Grüße` },
    });
  }
  ticket = await api('POST', '/api/v1/tickets', {
    subject: 'Drucker druckt nur leere Seiten',
    channel: 'email',
    requester: { email: 'hans.huber@beispiel.de', name: 'Hans Huber' },
    message: { text: 'Seit gestern kommen nur leere Seiten aus dem Drucker. Was kann ich tun?' },
  });
});
after(async () => {
  await server?.stop();
});

async function openTicketFromUnassigned(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Unassigned/ }).click();
  await page.getByText('Drucker druckt nur leere Seiten').click();
  await page.waitForURL(`**/tickets/${ticket.id}**`);
  await page.getByRole('heading', { name: /Drucker druckt nur leere Seiten/ }).waitFor();
}

/** Waits until a form control (found by its label) shows a value matching `re`. */
async function waitForValue(page: Page, label: string, re: RegExp): Promise<void> {
  const field = page.getByLabel(label, { exact: true }).first();
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await field.inputValue().catch(() => '');
    if (re.test(last)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${label} shows "${last}", expected ${re}`);
}

/** Waits until `text` is visible on the page or inside one of its frames (messages render in sandboxed iframes). */
async function seeText(page: Page, text: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.getByText(text).first().isVisible().catch(() => false)) return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`"${text}" did not appear on ${page.url()}`);
}

async function writeReply(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: /^(Message text|Nachrichtentext)$/ });
  await editor.click();
  await editor.pressSequentially(text, { delay: 5 });
}

test('two agents work the same ticket live; a stale reply is caught; German and search work', async (t) => {
  const a: BrowserSession = await openBrowser({ baseURL: server.url, locale: 'en-US' });
  const b: BrowserSession = await openBrowser({ baseURL: server.url, locale: 'en-US' });
  const shoot = async (s: BrowserSession, name: string) => {
    if (process.env.SERVUS_UPDATE_SCREENSHOTS !== '1') return;
    await s.page.waitForTimeout(300);
    await s.page.screenshot({ path: path.join(SHOTS, name) });
  };
  try {
    await signInAs(a.page, ANNA);
    await openTicketFromUnassigned(a.page);

    // Assign to me: the sidebar shows Anna as the assignee.
    await a.page.getByRole('button', { name: 'Assign to me' }).click();
    await waitForValue(a.page, 'Assignee', new RegExp(ANNA.name));

    // Ben opens the same ticket: both see each other.
    await signInAs(b.page, BEN);
    await b.page.goto(`/tickets/${ticket.id}`);
    await a.page.getByText(`${BEN.name} is also viewing`).waitFor();
    await b.page.getByText(`${ANNA.name} is also viewing`).waitFor();

    // Ben starts typing: Anna sees it.
    await writeReply(b.page, 'Haben Sie den Toner geprüft?');
    await a.page.getByText(/Ben Berger is typing/).waitFor();

    // Anna replies and sets pending; Ben sees the reply and the status without reloading.
    await writeReply(a.page, 'Bitte einmal den Druckkopf reinigen.');
    await a.page.getByRole('button', { name: 'Send and change status' }).click();
    await a.page.getByRole('menuitem', { name: 'Send and set Pending' }).click();
    await a.page.getByText('Reply sent, status set to Pending').waitFor();
    await seeText(b.page, 'Bitte einmal den Druckkopf reinigen.');
    await waitForValue(b.page, 'Status', /^Pending$/);
    await shoot(a, 'ticket-en.png');

    // Ben's draft was written against the old version: the server refuses it and the UI says so.
    const stale = await getJson(`${server.url}/api/v1/tickets/${ticket.id}`, { headers: { cookie: (await b.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    assert.equal(stale.body.status, 'pending');
    await b.page.getByRole('button', { name: /^Send$/ }).click();
    await b.page.getByText('This ticket changed since you opened it — review the new activity, then send again.').waitFor();
    const thread = await getJson(`${server.url}/api/v1/tickets/${ticket.id}/messages`, { headers: { cookie: (await b.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    assert.ok(!thread.body.data.some((m: { text: string }) => m.text.includes('Toner')), 'the stale reply was not stored');
    await b.page.getByRole('button', { name: /^Send$/ }).click();
    await b.page.getByText('Reply sent').first().waitFor();

    // The inbox in English, for the README.
    await a.page.getByRole('link', { name: /^All open/ }).click();
    await a.page.getByText('Cannot log in since the update').waitFor();
    await shoot(a, 'inbox-en.png');

    // Search while typing.
    await a.page.getByRole('combobox', { name: /Search tickets, customers and organizations/ }).or(a.page.getByRole('textbox', { name: /Search tickets, customers and organizations/ })).first().fill('Drucker');
    await a.page.getByRole('option', { name: /Drucker druckt nur leere Seiten/ }).or(a.page.getByRole('link', { name: /Drucker druckt nur leere Seiten/ })).first().waitFor();

    // Switch to German in the settings: labels follow.
    await a.page.goto('/settings');
    const languageLabel = a.page.locator('label', { hasText: /^Language$/ });
    await a.page.locator(`[id="${await languageLabel.getAttribute('for')}"]`).click();
    await a.page.getByRole('option', { name: 'Deutsch' }).click();
    await a.page.getByRole('button', { name: /^Save$/ }).click();
    await a.page.getByRole('link', { name: /^Nicht zugewiesen/ }).waitFor();
    await a.page.getByRole('link', { name: /^Alle offenen/ }).click();
    await a.page.getByText('Cannot log in since the update').waitFor();
    await shoot(a, 'inbox-de.png');
    await a.page.goto(`/tickets/${ticket.id}`);
    await seeText(a.page, 'Bitte einmal den Druckkopf reinigen.');
    await a.page.getByText('Eigenschaften').first().waitFor();
    await shoot(a, 'ticket-de.png');

    assert.deepEqual([...a.watch.dialogs, ...b.watch.dialogs], []);
  } catch (err) {
    await a.page.screenshot({ path: path.join(REPO_ROOT, 'e2e/artifacts/workspace-anna.png'), fullPage: true }).catch(() => {});
    await b.page.screenshot({ path: path.join(REPO_ROOT, 'e2e/artifacts/workspace-ben.png'), fullPage: true }).catch(() => {});
    t.diagnostic('screenshots: e2e/artifacts/workspace-*.png');
    throw err;
  } finally {
    await a.close();
    await b.close();
  }
});
