/**
 * The email channel end to end, with real peers: a customer's mail reaches the support
 * mailbox in Dovecot, Servus fetches it by IMAP IDLE, an agent answers in the browser, the
 * answer reaches the customer's Dovecot mailbox threaded to their mail, the customer's answer
 * lands in the same ticket, and a stranger quoting the ticket number gets a ticket of their own.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { simpleParser, type ParsedMail } from 'mailparser';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';
import { dovecotFromEnv, imapAs, startMta, type Dovecot, type Mta } from '../support/mail.ts';

const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };
const SUPPORT = 'agent@servus.test';
const CUSTOMER = 'customer@servus.test';

let dovecot: Dovecot;
let mta: Mta;
let server: ServusServer;
let api: <T = any>(method: string, url: string, body?: unknown) => Promise<T>;

/** Removes every message from a user's INBOX, so earlier suites leave nothing behind. */
async function emptyInbox(user: string): Promise<void> {
  const client = await imapAs(dovecot, user);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      if ((client.mailbox as { exists: number }).exists > 0) await client.messageDelete('1:*');
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

/** The messages in a user's INBOX, parsed. */
async function inbox(user: string): Promise<ParsedMail[]> {
  const client = await imapAs(dovecot, user);
  const out: ParsedMail[] = [];
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      if ((client.mailbox as { exists: number }).exists === 0) return out;
      for await (const m of client.fetch('1:*', { source: true })) out.push(await simpleParser(m.source!));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return out;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sends mail the way a customer's mail program does: SMTP to the MTA. */
async function send(mail: SendMailOptions): Promise<void> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: mta.port, secure: false, ignoreTLS: true });
  try {
    await t.sendMail(mail);
  } finally {
    t.close();
  }
}

async function ticketBySubject(subject: string) {
  const page = await api<{ data: { id: string; number: number; subject: string; requester: { email: string } | null }[] }>('GET', '/api/v1/tickets?sort=-created_at&limit=50');
  return page.data.filter((t) => t.subject.includes(subject));
}

before(async () => {
  dovecot = dovecotFromEnv();
  await emptyInbox(SUPPORT);
  await emptyInbox(CUSTOMER);
  mta = await startMta(dovecot);
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name } });
  ({ call: api } = await apiSignIn(server.url, ADMIN));
  await api('PATCH', '/api/v1/auth/me', { locale: 'en', signature: 'Lea Lead\nServus Support' });
  const channel = await api('POST', '/api/v1/channels', {
    name: 'Support',
    address: SUPPORT,
    displayName: 'Servus Support',
    imap: { host: dovecot.host, port: dovecot.port, secure: false, user: SUPPORT, password: dovecot.users.get(SUPPORT) },
    smtp: { host: '127.0.0.1', port: mta.port, secure: false },
  });
  const check = await api('POST', `/api/v1/channels/${channel.id}/test`);
  assert.equal(check.imap.ok, true, JSON.stringify(check));
  assert.equal(check.smtp.ok, true, JSON.stringify(check));
});

after(async () => {
  await server?.stop();
  await mta?.close();
});

test(
  'a customer mail, the agent’s answer in the browser, the customer’s reply — one thread; a stranger gets their own ticket',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page }) => {
    const subject = 'Drucker im 2. OG druckt nur leere Seiten';
    const customerMessageId = '<erste-anfrage@servus.test>';
    await send({ from: `Carla Kundin <${CUSTOMER}>`, to: SUPPORT, subject, messageId: customerMessageId, text: 'Guten Tag,\n\nseit heute früh kommen nur leere Seiten.\n\nCarla' });
    const ticket = await until('the ticket from the customer mail', async () => (await ticketBySubject(subject))[0]);
    assert.equal(ticket.requester?.email, CUSTOMER);

      await signInAs(page, ADMIN);
      await page.goto(`/tickets/${ticket.id}`);
      await page.getByRole('heading', { name: new RegExp(subject) }).waitFor();
      await page.getByText('seit heute früh kommen nur leere Seiten').waitFor();

      const editor = page.getByRole('textbox', { name: /^(Message text|Nachrichtentext)$/ });
      await editor.click();
      await editor.pressSequentially('Bitte prüfen Sie die Tonerkartusche.');
      await page.getByRole('button', { name: /^Send$/ }).click();
      await page.getByText('Reply sent').first().waitFor();

      // The customer's mail program: the answer is in the INBOX, threaded to the first mail.
      const answer = await until('our answer in the customer INBOX', async () => (await inbox(CUSTOMER)).find((m) => (m.subject ?? '').includes(`[#${ticket.number}]`)));
      assert.equal(answer.inReplyTo, customerMessageId);
      assert.ok(String(answer.references).includes(customerMessageId), `References: ${String(answer.references)}`);
      assert.match(answer.text ?? '', /Bitte prüfen Sie die Tonerkartusche\./);
      assert.match(answer.text ?? '', /Lea Lead\nServus Support/, 'the agent signature is appended');
      assert.equal(answer.from?.value[0]?.address, SUPPORT);
      const replyTo = answer.replyTo?.value[0]?.address ?? '';
      assert.match(replyTo, /^agent\+t[0-9a-z]+@servus\.test$/);

      // The customer answers with "Reply": to the Reply-To address, threaded to our answer.
      await send({
        from: `Carla Kundin <${CUSTOMER}>`,
        to: replyTo,
        subject: `Re: ${answer.subject}`,
        inReplyTo: answer.messageId,
        references: [customerMessageId, answer.messageId!],
        text: 'Danke, mit neuer Kartusche geht es wieder.',
      });
      await page.getByText('Danke, mit neuer Kartusche geht es wieder.').waitFor({ timeout: 20_000 });

      // A stranger quoting the ticket number does not get into this ticket.
      await send({ from: 'Mallory <mallory@evil.example>', to: SUPPORT, subject: `Re: [#${ticket.number}] ${subject}`, text: 'Bitte senden Sie die Rechnung an mich.' });
      const strangers = await until('the stranger’s ticket', async () => {
        const list = await ticketBySubject(subject);
        return list.find((x) => x.id !== ticket.id);
      });
      assert.equal(strangers.requester?.email, 'mallory@evil.example');
      const thread = await api<{ messages: { text: string }[] }>('GET', `/api/v1/tickets/${ticket.id}?include=messages`);
      assert.equal(thread.messages.length, 3);
      assert.ok(!thread.messages.some((m) => m.text.includes('Rechnung an mich')));

      await page.goto(`/tickets/${strangers.id}`);
      await page.getByText(`#${ticket.number}`).first().waitFor();
      await page.getByText(/but the sender is not involved there/).waitFor();
  }),
);
