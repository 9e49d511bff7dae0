/**
 * Article suggestions in the automatic acknowledgement of a new email ticket: with the bot's
 * email suggestions on, the ack links up to three published articles in the ticket's language
 * that match the subject and first message (never an internal article or a draft), still
 * without echoing a word of the customer's mail; each ack is recorded as a bot session of
 * channel email, which never counts as confirmed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { deliver, makeChannel, rawMail, startSmtpSink, type SmtpSink } from './mail-support.ts';
import { seedKb, setBot, type SeededArticle } from './bot-support.ts';

const PUBLIC = 'https://hilfe.kasse.example';
let s: TestServer;
let admin: TestAgent;
let sink: SmtpSink;
let channel: { id: string; address: string };
let kb: Record<string, SeededArticle>;

before(async () => {
  sink = await startSmtpSink();
  s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker,smtp', PUBLIC_URL: PUBLIC } });
  admin = await makeAgent(s, { role: 'admin' });
  channel = await makeChannel(s, admin, { smtpPort: sink.port, autoAck: true });
  kb = await seedKb(s, admin);
});
after(async () => {
  await s.close();
  await sink.close();
});

async function ackFor(mail: Parameters<typeof rawMail>[0]) {
  const before = sink.mails.length;
  const delivered = await deliver(s, admin, channel.id, rawMail({ to: channel.address, ...mail }));
  const [ack] = (await sink.waitFor(before + 1)).slice(before);
  return { ack: ack!, ticketId: delivered.mail.ticketId! };
}
const sessions = async (ticketId: string) =>
  (await s.servus.services.database.raw.executeSql('select channel, outcome, answers, suggested, ended_at from bot_sessions where ticket_id = $1', [ticketId])).rows as any[];

describe('email suggestions', () => {
  it('are off by default: the acknowledgement is the template alone, and nothing is recorded', async () => {
    const { ack, ticketId } = await ackFor({ from: 'anna@laden.example', subject: 'Passwort vergessen', text: 'Ich habe mein Passwort vergessen.' });
    assert.equal(ack.parsed.text?.trim(), `Ihre Anfrage #${(await call(s, 'GET', `/api/v1/tickets/${ticketId}`, { as: admin })).body.number} ist eingegangen.`);
    assert.deepEqual(await sessions(ticketId), []);
  });

  it('link published articles in German that match the mail, never internal ones or drafts, and repeat nothing the customer wrote', async () => {
    await setBot(s, admin, { emailSuggestions: true });
    const { ack, ticketId } = await ackFor({
      from: 'Bernd Kasse <bernd@laden.example>',
      subject: 'Passwort vergessen',
      text: 'Hallo, ich habe mein Passwort vergessen und komme seit heute Morgen nicht mehr ins Backoffice. Kundennummer 88412.',
    });
    const text = ack.parsed.text ?? '';
    const html = String(ack.parsed.html ?? '');
    const url = `${PUBLIC}/help/de/articles/${kb.password!.slug.de}`;
    assert.match(text, /Vielleicht hilft Ihnen einer dieser Artikel/);
    assert.ok(text.includes(`- Passwort vergessen: neues Passwort festlegen: ${url}`), text);
    assert.ok(html.includes(`<a href="${url}">Passwort vergessen: neues Passwort festlegen</a>`), html);
    for (const leak of ['intern', 'Entwurf', '2027', 'entsperren']) assert.ok(!text.includes(leak) && !html.includes(leak), `no ${leak} article`);
    for (const echo of ['Backoffice', '88412', 'heute Morgen', 'Bernd']) assert.ok(!ack.raw.toString().includes(echo), `the ack does not echo "${echo}"`);
    const [row] = await sessions(ticketId);
    assert.deepEqual([row.channel, row.outcome, row.answers, row.suggested.length, row.ended_at !== null], ['email', 'handed_over', 1, 1, true]);
  });

  it('answer an English mail with English articles, up to three', async () => {
    const { ack, ticketId } = await ackFor({
      from: 'carol@shop.example',
      subject: 'Receipt printer does not print and I need my invoice',
      text: 'Hi, the receipt printer does not print any more. Also, where can I download my invoice as a PDF? Thanks',
    });
    const text = ack.parsed.text ?? '';
    assert.match(text, /One of these articles from our help center may already help you:/);
    assert.ok(text.includes(`${PUBLIC}/help/en/articles/${kb.printer!.slug.en}`), text);
    assert.ok(text.includes(`${PUBLIC}/help/en/articles/${kb.invoice!.slug.en}`), text);
    assert.ok(!text.includes('/help/de/'), 'nothing in German');
    const links = text.split('\n').filter((l) => l.startsWith('- '));
    assert.ok(links.length >= 2 && links.length <= 3);
    assert.equal((await sessions(ticketId))[0].answers, links.length);
  });

  it('record a session without links when nothing matches, and the ack goes out as usual', async () => {
    const { ack, ticketId } = await ackFor({ from: 'dora@laden.example', subject: 'Terminanfrage Sommerfest', text: 'Können wir uns im Juli treffen?' });
    assert.ok(!/Artikel/.test(ack.parsed.text ?? ''));
    const [row] = await sessions(ticketId);
    assert.deepEqual([row.channel, row.outcome, row.answers], ['email', 'handed_over', 0]);
    const report = await call(s, 'GET', '/api/v1/reports/bot', { as: admin });
    assert.deepEqual(report.body.byChannel.email, { sessions: 3, answered: 2, confirmed: 0, handedOver: 3, abandoned: 0, answering: 0, confirmationRate: 0 });
  });
});
