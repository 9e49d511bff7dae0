/**
 * The answer bot in live chat, over real WebSockets: it answers in the visitor's language with
 * the best passage and a link to its article; Yes solves the ticket as resolved by the bot; No,
 * "talk to a person" or asking for a human hands the chat to the agents' queue at once, where
 * the agent sees the whole conversation and the suggested articles; no answer means an honest
 * "I don't know" and a handover; leaving without confirming is abandoned, never missed. Bot
 * messages are automation: they never count as an agent's reply.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { agentSocket, goOnline, makeChatChannel } from './chat-support.ts';
import { botVisitor, seedKb, setBot, type SeededArticle } from './bot-support.ts';

const T0 = new Date('2026-04-06T09:00:00Z');
let s: TestServer;
let clock: ManualClock;
let base: string;
let admin: TestAgent;
let anna: TestAgent;
let kb: Record<string, SeededArticle>;
let channel: { id: string };

before(async () => {
  clock = new ManualClock(T0);
  s = await startTestServer({ clock, env: { SERVUS_ROLES: 'http,ws', CHAT_LEAVE_GRACE_SECONDS: '5' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin', name: 'Admin' });
  anna = await makeAgent(s, { name: 'Anna' });
  const team = await makeTeam(s, 'Kasse', [anna]);
  channel = await makeChatChannel(s, admin, { teamId: team.id, missedAfterSeconds: 10 });
  kb = await seedKb(s, admin);
  await setBot(s, admin, { chatEnabled: true });
});
after(() => s.close());

const ticket = async (id: string) => (await call(s, 'GET', `/api/v1/tickets/${id}`, { as: admin })).body;
const chat = async (id: string) => (await call(s, 'GET', `/api/v1/chats/${id}`, { as: admin })).body;
const chatEvents = async (id: string) =>
  (await call(s, 'GET', `/api/v1/tickets/${id}/events?limit=500`, { as: admin })).body.data.filter((e: any) => e.type.startsWith('chat_'));
const session = async (ticketId: string) =>
  (await s.servus.services.database.raw.executeSql('select outcome, answers, channel from bot_sessions where ticket_id = $1', [ticketId])).rows[0] as { outcome: string; answers: number; channel: string };

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('answering', () => {
  it('answers a German question with the passage, its article as a link and "Hat das Ihre Frage beantwortet?"; Yes solves the ticket as resolved by the bot', async () => {
    const v = await botVisitor(s, base, channel.id, 'de');
    const answer = await v.ask('Mein Bondrucker druckt keine Belege mehr, was kann ich tun?');
    assert.equal(answer.bot.kind, 'answer');
    assert.equal(answer.bot.ask, true);
    assert.deepEqual(answer.bot.articles[0], { n: 1, title: 'Bondrucker druckt nicht', url: `/help/de/articles/${kb.printer!.slug.de}` });
    assert.match(answer.bot.answer, /Bondrucker keine Belege mehr druckt/);
    assert.ok(answer.bot.answer.length <= 480, 'trimmed to a readable length');
    assert.match(answer.text, /Hat das Ihre Frage beantwortet\?$/);
    assert.ok(answer.text.includes(`/help/de/articles/${kb.printer!.slug.de}`), 'the plain text carries the link for agents and transcripts');
    assert.ok(!answer.bot.articles.some((a: any) => /intern|Entwurf/.test(a.title)), 'never an internal article or a draft');

    const withBot = await chat(v.ticketId);
    assert.equal(withBot.status, 'bot');
    assert.deepEqual(withBot.messages.map((m: any) => m.author), ['visitor', 'bot']);
    const waiting = await call(s, 'GET', '/api/v1/chats?status=waiting', { as: admin });
    assert.ok(!waiting.body.data.some((c: any) => c.ticketId === v.ticketId), 'not in the agents’ queue while the bot answers');
    const botList = await call(s, 'GET', '/api/v1/chats?status=bot', { as: admin });
    assert.ok(botList.body.data.some((c: any) => c.ticketId === v.ticketId));
    assert.equal((await session(v.ticketId)).outcome, 'answering');

    clock.advance(20_000);
    v.action('yes');
    const thanks = await v.nextBot();
    assert.equal(thanks.bot.kind, 'confirmed');
    assert.match(thanks.text, /Das freut mich/);
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'the chat ends');
    const t = await ticket(v.ticketId);
    assert.equal(t.status, 'solved');
    assert.ok(t.tags.includes('bot_resolved'));
    assert.deepEqual([t.firstReplyAt, t.agentReplyCount], [null, 0], 'bot messages are no agent reply');
    assert.deepEqual(await session(v.ticketId), { outcome: 'confirmed', answers: 1, channel: 'chat' });
    const ended = (await chatEvents(v.ticketId)).find((e: any) => e.type === 'chat_ended');
    assert.equal(ended.after.reason, 'bot_resolved');
    await v.close();
  });

  it('answers in English for an English visitor, from the English article only', async () => {
    const v = await botVisitor(s, base, channel.id, 'en');
    const answer = await v.ask('I forgot my password, how can I reset it?');
    assert.equal(answer.bot.kind, 'answer');
    assert.equal(answer.bot.articles[0].url, `/help/en/articles/${kb.password!.slug.en}`);
    assert.equal(answer.bot.articles[0].title, 'Forgot your password: setting a new one');
    assert.match(answer.bot.answer, /Forgot password\?/);
    assert.match(answer.text, /Did this answer your question\?$/);
    assert.ok(!/Passwort/.test(answer.text), 'nothing in German');
    await v.close();
  });

  it('says it does not know when no passage answers the question, and hands over at once', async () => {
    await goOnline(s, anna);
    const v = await botVisitor(s, base, channel.id, 'de');
    const reply = await v.ask('Wie wird das Wetter morgen in Hamburg?');
    assert.equal(reply.bot.kind, 'no_answer');
    assert.deepEqual(reply.bot.articles, []);
    assert.match(reply.text, /keine passende Antwort gefunden/);
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'waiting', 'queued');
    assert.deepEqual(await session(v.ticketId), { outcome: 'handed_over', answers: 0, channel: 'chat' });
    await v.close();
  });
});

describe('handing over', () => {
  it('No puts the chat in the queue at once: the agent is rung and sees the whole conversation and the suggested article', async () => {
    await goOnline(s, anna);
    const a = await agentSocket(base, anna);
    const v = await botVisitor(s, base, channel.id, 'de');
    await v.ask('Bondrucker druckt nicht');
    await a.never((m) => m.type === 'chat.ring' && m.ticketId === v.ticketId, 'a ring while the bot answers', 400);
    clock.advance(30_000);
    v.action('no');
    const handover = await v.nextBot();
    assert.equal(handover.bot.kind, 'handover');
    assert.match(handover.text, /Schade, dass das nicht geholfen hat/);
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'waiting', 'queued');
    const ring = await a.waitFor((m) => m.type === 'chat.ring' && m.ticketId === v.ticketId, 'Anna rung');
    assert.equal(ring.waitingSince, clock.now().toISOString(), 'it waits from the handover');

    const detail = (await call(s, 'GET', `/api/v1/chats/${v.ticketId}`, { as: anna })).body;
    assert.deepEqual(detail.messages.map((m: any) => m.author), ['visitor', 'bot', 'bot']);
    assert.equal(detail.messages[0].text, 'Bondrucker druckt nicht');
    assert.deepEqual(detail.bot, {
      outcome: 'handed_over',
      answers: 1,
      suggested: [{ title: 'Bondrucker druckt nicht', url: `/help/de/articles/${kb.printer!.slug.de}`, locale: 'de' }],
    });

    clock.advance(12_000);
    assert.equal((await call(s, 'POST', `/api/v1/chats/${v.ticketId}/accept`, { as: anna })).status, 200);
    await call(s, 'POST', `/api/v1/tickets/${v.ticketId}/messages`, { as: anna, body: { text: 'Ich helfe Ihnen gern weiter.' } });
    const accepted = (await chatEvents(v.ticketId)).find((e: any) => e.type === 'chat_accepted');
    assert.equal(accepted.after.waitSeconds, 12, 'the wait counts from the handover, not from the bot’s start');
    const t = await ticket(v.ticketId);
    assert.equal(t.firstReplyAt, clock.now().toISOString(), 'the first reply is the agent’s, not the bot’s');
    assert.equal(t.agentReplyCount, 1);
    await call(s, 'POST', `/api/v1/chats/${v.ticketId}/end`, { as: anna });
    await a.close();
    await v.close();
  });

  it('"Mitarbeiter bitte" hands over without an answer; "Talk to a person" does the same in English', async () => {
    await goOnline(s, anna);
    const de = await botVisitor(s, base, channel.id, 'de');
    const reply = await de.ask('Mitarbeiter bitte');
    assert.equal(reply.bot.kind, 'handover');
    assert.match(reply.text, /Gern, ich verbinde Sie/);
    await de.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'waiting', 'queued');
    assert.deepEqual(await session(de.ticketId), { outcome: 'handed_over', answers: 0, channel: 'chat' });

    const en = await botVisitor(s, base, channel.id, 'en');
    await en.ask('Where do I find my invoice as PDF?');
    en.action('human');
    const passed = await en.nextBot();
    assert.equal(passed.bot.kind, 'handover');
    assert.match(passed.text, /passing you on to a colleague/);
    await en.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'waiting', 'queued');
    assert.deepEqual(await session(en.ticketId), { outcome: 'handed_over', answers: 1, channel: 'chat' });
    // A second click changes nothing: the bot no longer has the chat.
    en.action('yes');
    await en.sock.never((m) => m.type === 'message' && m.message.bot?.kind === 'confirmed', 'a late confirmation', 400);
    assert.equal((await session(en.ticketId)).outcome, 'handed_over');
    for (const v of [de, en]) await call(s, 'POST', `/api/v1/chats/${v.ticketId}/end`, { as: admin });
    await de.close();
    await en.close();
  });

  it('an agent who answers a chat the bot still has takes it over', async () => {
    const v = await botVisitor(s, base, channel.id, 'de');
    await v.ask('Wo finde ich meine Rechnung?');
    await call(s, 'POST', `/api/v1/tickets/${v.ticketId}/messages`, { as: anna, body: { text: 'Ich schaue kurz nach.' } });
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'active', 'taken over');
    assert.equal((await session(v.ticketId)).outcome, 'handed_over');
    v.action('yes');
    await v.sock.never((m) => m.type === 'message' && m.message.bot?.kind === 'confirmed', 'a confirmation after the takeover', 400);
    await call(s, 'POST', `/api/v1/chats/${v.ticketId}/end`, { as: anna });
    await v.close();
  });

  it('with nobody online, "talk to a person" ends the chat with the way to the offline form', async () => {
    await goOnline(s, anna, 'offline');
    const v = await botVisitor(s, base, channel.id, 'de');
    await v.ask('Passwort vergessen');
    v.action('human');
    const offline = await v.nextBot();
    assert.equal(offline.bot.kind, 'offline');
    assert.match(offline.text, /niemand aus unserem Team erreichbar/);
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'ended');
    assert.equal((await session(v.ticketId)).outcome, 'handed_over');
    const events = await chatEvents(v.ticketId);
    assert.deepEqual(events.map((e: any) => e.type), ['chat_started', 'chat_ended']);
    assert.equal(events[1].after.reason, 'bot_offline');
    assert.equal((await ticket(v.ticketId)).status, 'new', 'the ticket stays with the team');
    const form = await call(s, 'POST', `/api/v1/chat/channels/${channel.id}/offline`, { body: { token: v.token, email: 'kasse@laden.example', message: 'Bitte rufen Sie mich an.' }, headers: { origin: 'https://shop.example' } });
    assert.equal(form.status, 201);
    await v.close();
  });
});

describe('leaving', () => {
  it('a visitor who leaves after an answer without confirming is abandoned, and not a missed chat', async () => {
    const v = await botVisitor(s, base, channel.id, 'de');
    await v.ask('Wie lade ich meine Rechnung herunter?');
    await v.close();
    clock.advance(60_000);
    await until('the chat to end', async () => (await chatEvents(v.ticketId)).some((e: any) => e.type === 'chat_ended'));
    assert.deepEqual((await chatEvents(v.ticketId)).map((e: any) => [e.type, e.after?.reason ?? null]), [
      ['chat_started', null],
      ['chat_ended', 'visitor_left'],
    ]);
    assert.deepEqual(await session(v.ticketId), { outcome: 'abandoned', answers: 1, channel: 'chat' });
    const t = await ticket(v.ticketId);
    assert.equal(t.status, 'new', 'no confirmation, no resolution');
    assert.ok(!t.tags.includes('bot_resolved'));
  });

  it('a visitor who ends the chat while the bot has it abandons it too', async () => {
    const v = await botVisitor(s, base, channel.id, 'en');
    await v.ask('Receipt printer does not print');
    v.sock.send({ type: 'end' });
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'ended');
    assert.equal((await session(v.ticketId)).outcome, 'abandoned');
    await v.close();
  });
});
