/**
 * When nobody is online the widget's offline form opens a ticket answered by email, left out of
 * the chat counts; a visitor can have the transcript of their chat mailed to them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { SHOP, makeChatChannel, newVisitor, say, visitorSocket } from './chat-support.ts';
import { startSmtpSink, type SmtpSink } from '../src/modules/email/outbound/smtp-sink.test-helper.ts';

let s: TestServer;
let sink: SmtpSink;
let base: string;
let admin: TestAgent;
let anna: TestAgent;
let team: { id: string };
let channel: { id: string };

before(async () => {
  sink = await startSmtpSink();
  s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws', SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Servus <servus@firma.example>', CHAT_SESSIONS_PER_IP_PER_MINUTE: '5' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin' });
  anna = await makeAgent(s, { name: 'Anna' });
  team = await makeTeam(s, 'Shop', [anna]);
  channel = await makeChatChannel(s, admin, { teamId: team.id, texts: { en: { greeting: 'Hi!', offlineMessage: 'Leave us a note.' }, de: { greeting: 'Hallo!', offlineMessage: 'Schreiben Sie uns.' } } });
});
after(async () => {
  await s.close();
  await sink.close();
});

const offline = (body: Record<string, unknown>, origin = SHOP) => call(s, 'POST', `/api/v1/chat/channels/${channel.id}/offline`, { body, headers: { origin } });

describe('transcript', () => {
  it('mails the conversation to the visitor, and needs an address', async () => {
    const v = await newVisitor(s, channel.id, { locale: 'de' });
    const sock = await visitorSocket(base, v.token);
    sock.send({ type: 'hello', lastSeq: 0 });
    sock.send(say('Wo bleibt mein Paket?'));
    const ack = await sock.waitFor((m) => m.type === 'ack', 'ack');
    const [row] = (await s.servus.services.database.raw.executeSql('select ticket_id from messages where id = $1', [ack.id])).rows;
    await call(s, 'POST', `/api/v1/tickets/${row.ticket_id}/messages`, { as: anna, body: { text: 'Es kommt morgen.' } });
    await sock.waitFor((m) => m.type === 'message' && m.message.author === 'agent', 'answer');

    const none = await call(s, 'POST', `/api/v1/chat/transcript?token=${v.token}`, { body: {}, headers: { origin: SHOP } });
    assert.equal(none.status, 400);
    const sent = await call(s, 'POST', `/api/v1/chat/transcript?token=${v.token}`, { body: { email: 'paula@kunde.example' }, headers: { origin: SHOP } });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.sentTo, 'paula@kunde.example');
    const mail = sink.received.find((m) => m.rcptTo.includes('paula@kunde.example'));
    assert.ok(mail, 'a mail arrived');
    const raw = mail!.raw.toString('utf8');
    assert.match(raw, /Subject: =\?UTF-8\?Q\?Ihr_Chatverlauf/);
    assert.match(raw, /Sie: Wo bleibt mein Paket\?/);
    assert.match(raw, /Anna: Es kommt morgen\./);
    await sock.close();
  });
});

describe('offline form', () => {
  it('says nobody is online, and turns the form into an email ticket marked as an offline message', async () => {
    const cfg = await call(s, 'GET', `/api/v1/chat/channels/${channel.id}/widget-config?lang=de`);
    assert.deepEqual([cfg.body.online, cfg.body.greeting, cfg.body.offlineMessage], [false, 'Hallo!', 'Schreiben Sie uns.']);
    const v = await newVisitor(s, channel.id);
    const res = await offline({ token: v.token, name: 'Otto Normal', email: 'Otto@Kunde.example', message: 'Bitte rufen Sie mich zurück.\nDanke!' });
    assert.equal(res.status, 201);
    const list = await call(s, 'GET', '/api/v1/tickets?limit=100', { as: anna });
    const t = list.body.data.find((x: any) => x.number === res.body.ticketNumber);
    assert.deepEqual([t.channel, t.teamId, t.requester.email, t.requester.name, t.subject], ['email', team.id, 'otto@kunde.example', 'Otto Normal', 'Offline message: Bitte rufen Sie mich zurück. Danke!']);
    const events = await call(s, 'GET', `/api/v1/tickets/${t.id}/events`, { as: anna });
    assert.deepEqual(events.body.data.map((e: any) => e.type), ['created', 'reply', 'team_changed', 'chat_offline_message']);
    assert.equal((await call(s, 'GET', '/api/v1/chats?status=waiting', { as: anna })).body.data.length, 0, 'not a chat');
  });

  it('refuses other websites and floods from one address', async () => {
    assert.equal((await offline({ email: 'a@kunde.example', message: 'x' }, 'https://evil.example')).status, 403);
    // Five new chats or offline messages a minute from one address here: the transcript's session and the first form used three.
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await offline({ email: `flood${i}@kunde.example`, message: 'Spam' })).status);
    assert.deepEqual(codes, [201, 201, 429, 429]);
  });
});
