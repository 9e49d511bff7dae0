/**
 * The widget protocol over real WebSockets: messages stored before they are acknowledged,
 * gap-free order per conversation, resends stored once, replay after a reconnect, typing and
 * read receipts both ways, plain-text storage, size caps and flood limits.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { agentSocket, goOnline, makeChatChannel, newVisitor, say, visitorSocket, type Socket } from './chat-support.ts';

let s: TestServer;
let base: string;
let admin: TestAgent;
let anna: TestAgent;
let channel: { id: string };

before(async () => {
  s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws', CHAT_VISITOR_MESSAGES_PER_10S: '20' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin', name: 'Admin' });
  anna = await makeAgent(s, { name: 'Anna' });
  const team = await makeTeam(s, 'Shop support', [anna]);
  channel = await makeChatChannel(s, admin, { teamId: team.id });
  await goOnline(s, anna);
});
after(() => s.close());

const rows = async (sql: string, params: unknown[]) => (await s.servus.services.database.raw.executeSql(sql, params)).rows;

/** A visitor with an open socket that has said hello. */
async function visitor() {
  const v = await newVisitor(s, channel.id, { locale: 'en' });
  const sock = await visitorSocket(base, v.token);
  await sock.waitFor((m) => m.type === 'welcome', 'welcome');
  sock.send({ type: 'hello', lastSeq: 0 });
  return { ...v, sock };
}

const acks = (sock: Socket) => sock.received.filter((m) => m.type === 'ack');

/** The chat ticket a stored message belongs to. */
async function ticketOf(messageId: string): Promise<string> {
  return (await rows('select ticket_id from messages where id = $1', [messageId]))[0].ticket_id;
}

describe('chat protocol', () => {
  it('stores each message before acknowledging it, numbers them 1, 2, 3 … in order, and rings and delivers them to the agent', async () => {
    const agent = await agentSocket(base, anna);
    const v = await visitor();
    // Each ack is checked against the database the moment it arrives.
    const stored: Promise<boolean>[] = [];
    v.sock.ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.type === 'ack') stored.push(rows('select 1 from chat_messages where message_id = $1', [m.id]).then((r) => r.length === 1));
    });
    const texts = ['Hallo!', 'Mein Drucker brennt.', 'Was soll ich tun?', 'Bitte schnell 🙏'];
    const ids = texts.map(() => randomUUID());
    texts.forEach((t, i) => v.sock.send(say(t, ids[i])));
    await v.sock.waitFor(() => acks(v.sock).length === 4, 'four acks');
    assert.deepEqual(acks(v.sock).map((a) => [a.clientId, a.seq]), ids.map((id, i) => [id, i + 1]));
    assert.deepEqual(await Promise.all(stored), [true, true, true, true]);

    const status = v.sock.received.find((m) => m.type === 'status');
    assert.equal(status.conversation.status, 'waiting');
    const own = await v.sock.waitFor((m) => m.type === 'message' && m.message.seq === 4, 'own messages back');
    assert.equal(own.message.clientId, ids[3]);
    assert.deepEqual(v.sock.received.filter((m) => m.type === 'message').map((m) => m.message.seq), [1, 2, 3, 4]);

    const ring = await agent.waitFor((m) => m.type === 'chat.ring', 'ring');
    assert.ok(ring.channelName.startsWith('Shop chat'));
    await agent.waitFor((m) => m.type === 'chat.message' && m.message.seq === 4, 'all four at the agent');
    const atAgent = agent.received.filter((m) => m.type === 'chat.message' && m.ticketId === ring.ticketId);
    assert.deepEqual(atAgent.map((m) => m.message.text), texts);

    // The chat is a ticket of channel chat in the shared inbox.
    const list = await call(s, 'GET', '/api/v1/tickets?channel=chat&limit=100', { as: anna });
    const t = list.body.data.find((x: any) => x.id === ring.ticketId);
    assert.equal(t.channel, 'chat');
    assert.equal(t.status, 'new');
    assert.equal(t.requester.name, '');
    await agent.close();
    await v.sock.close();
  });

  it('stores a resent message once and answers it with the same ack, also after a reconnect', async () => {
    const v = await visitor();
    const clientId = randomUUID();
    v.sock.send(say('Einmal bitte', clientId));
    const first = await v.sock.waitFor((m) => m.type === 'ack', 'first ack');
    v.sock.send(say('Einmal bitte', clientId));
    await v.sock.waitFor(() => acks(v.sock).length === 2, 'second ack');
    await v.sock.close();
    const again = await visitorSocket(base, v.token);
    again.send({ type: 'hello', lastSeq: first.seq });
    again.send(say('Einmal bitte', clientId));
    const third = await again.waitFor((m) => m.type === 'ack', 'ack after reconnect');
    for (const a of [acks(v.sock)[1], third]) assert.deepEqual([a.id, a.seq, a.at], [first.id, first.seq, first.at]);
    assert.equal((await rows("select count(*)::int as n from messages where body_text = 'Einmal bitte'", []))[0].n, 1);
    await again.close();
  });

  it('replays everything after the last seen message, in order, when the widget reconnects', async () => {
    const v = await visitor();
    v.sock.send(say('Erste Frage'));
    const ack = await v.sock.waitFor((m) => m.type === 'ack', 'ack');
    await v.sock.close();
    const ticketId = await ticketOf(ack.id);
    for (const text of ['Antwort eins', 'Antwort zwei', 'Antwort drei']) {
      assert.equal((await call(s, 'POST', `/api/v1/tickets/${ticketId}/messages`, { as: anna, body: { text } })).status, 201);
    }
    const back = await visitorSocket(base, v.token);
    const welcome = await back.waitFor((m) => m.type === 'welcome', 'welcome');
    assert.equal(welcome.conversation.status, 'active', 'answering a waiting chat takes it');
    assert.equal(welcome.conversation.agent.name, 'Anna');
    back.send({ type: 'hello', lastSeq: ack.seq });
    await back.waitFor((m) => m.type === 'message' && m.message.text === 'Antwort drei', 'replay');
    const replayed = back.received.filter((m) => m.type === 'message').map((m) => [m.message.seq, m.message.author, m.message.text]);
    assert.deepEqual(replayed, [
      [2, 'agent', 'Antwort eins'],
      [3, 'agent', 'Antwort zwei'],
      [4, 'agent', 'Antwort drei'],
    ]);
    assert.equal(back.received.filter((m) => m.type === 'message')[0].message.authorName, 'Anna');
    await back.close();
  });

  it('passes typing and read receipts both ways', async () => {
    const agent = await agentSocket(base, anna);
    const v = await visitor();
    v.sock.send(say('Tippen Sie?'));
    const ack = await v.sock.waitFor((m) => m.type === 'ack', 'ack');
    const ticketId = await ticketOf(ack.id);
    const ring = await agent.waitFor((m) => m.type === 'chat.ring' && m.ticketId === ticketId, 'ring');
    assert.equal((await call(s, 'POST', `/api/v1/chats/${ring.ticketId}/accept`, { as: anna })).status, 200);

    v.sock.send({ type: 'typing', typing: true });
    await agent.waitFor((m) => m.type === 'chat.typing' && m.ticketId === ring.ticketId && m.typing, 'visitor typing');
    agent.send({ type: 'chat.typing', ticketId: ring.ticketId, typing: true });
    await v.sock.waitFor((m) => m.type === 'typing' && m.typing && m.name === 'Anna', 'agent typing');

    agent.send({ type: 'chat.read', ticketId: ring.ticketId, seq: ack.seq });
    await v.sock.waitFor((m) => m.type === 'read' && m.seq === ack.seq, 'agent read the message');
    const joined = await v.sock.waitFor((m) => m.type === 'message' && m.message.author === 'system', 'joined line');
    v.sock.send({ type: 'read', seq: joined.message.seq });
    await agent.waitFor((m) => m.type === 'chat.read' && m.ticketId === ring.ticketId && m.seq === joined.message.seq, 'visitor read receipt');
    const chat = await call(s, 'GET', `/api/v1/chats/${ring.ticketId}`, { as: anna });
    assert.equal(chat.body.visitorReadSeq, joined.message.seq);
    assert.equal(chat.body.agentReadSeq, ack.seq);
    await agent.close();
    await v.sock.close();
  });

  it('stores visitor text as plain text, refuses oversized messages and floods', async () => {
    const v = await visitor();
    v.sock.send(say('<img src=x onerror=alert(1)><script>alert(2)</script>**fett**'));
    const ack = await v.sock.waitFor((m) => m.type === 'ack', 'ack');
    const [m] = await rows('select body_text, body_html from messages where id = $1', [ack.id]);
    assert.equal(m.body_text, '<img src=x onerror=alert(1)><script>alert(2)</script>**fett**');
    assert.doesNotMatch(m.body_html, /<img|<script/);

    v.sock.send(say('x'.repeat(4001)));
    const big = await v.sock.waitFor((x) => x.type === 'error', 'too large');
    assert.equal(big.code, 'too_large');
    v.sock.send('{"type":"message","clientId":"not a uuid","text":"hi"}');
    await v.sock.waitFor((x) => x.type === 'error' && x.code === 'invalid', 'invalid');

    const flood = Array.from({ length: 25 }, () => randomUUID());
    flood.forEach((id, i) => v.sock.send(say(`Flut ${i}`, id)));
    const limited = () => v.sock.received.filter((x) => x.type === 'error' && x.code === 'rate_limited').length;
    const acked = () => acks(v.sock).filter((a) => flood.includes(a.clientId)).length;
    await v.sock.waitFor(() => limited() + acked() === 25, 'an answer to each of the 25', 60_000);
    // 20 in 10 seconds, counted as they arrive (the three messages above took up to three of them).
    const stored = await rows("select count(*)::int as n from messages where body_text like 'Flut %'", []);
    assert.equal(stored[0].n, acked());
    assert.ok(acked() >= 17 && acked() <= 20 && limited() === 25 - acked(), `stored ${acked()} of 25, ${limited()} refused`);
    await v.sock.close();
  });
});
