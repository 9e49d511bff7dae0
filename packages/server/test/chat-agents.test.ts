/**
 * The agents' side of chat: rings for online agents below their chat limit, the accept race,
 * transfer, end and conversion to an email ticket, and the chat metrics written to the ticket
 * log (accepted with its wait, missed, dropped, ended; METRICS.md §2.6).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { agentSocket, goOnline, makeChatChannel, newVisitor, say, visitorSocket } from './chat-support.ts';

const T0 = new Date('2026-03-02T10:00:00Z');
let s: TestServer;
let clock: ManualClock;
let base: string;
let admin: TestAgent;
let anna: TestAgent;
let ben: TestAgent;
let carla: TestAgent;
let team: { id: string };
let channel: { id: string };

before(async () => {
  clock = new ManualClock(T0);
  s = await startTestServer({ clock, env: { SERVUS_ROLES: 'http,ws', CHAT_LEAVE_GRACE_SECONDS: '5' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin', name: 'Admin' });
  anna = await makeAgent(s, { name: 'Anna' });
  ben = await makeAgent(s, { name: 'Ben' });
  carla = await makeAgent(s, { name: 'Carla' });
  team = await makeTeam(s, 'Chat team', [anna, ben]);
  await makeTeam(s, 'Second line', [carla]);
  channel = await makeChatChannel(s, admin, { teamId: team.id, missedAfterSeconds: 60, preChatForm: { enabled: true, requireEmail: false, topics: ['Bestellung', 'Rechnung'] } });
});
after(() => s.close());

/** A visitor who wrote `text`; returns the chat's ticket id and the open socket. */
async function chatWith(text: string, form?: Record<string, string>) {
  const v = await newVisitor(s, channel.id, { locale: 'de' });
  const sock = await visitorSocket(base, v.token);
  sock.send({ type: 'hello', lastSeq: 0 });
  if (form) {
    sock.send({ type: 'start', form });
    await sock.waitFor((m) => m.type === 'status', 'status');
  }
  sock.send(say(text));
  const ack = await sock.waitFor((m) => m.type === 'ack', 'ack');
  const [row] = (await s.servus.services.database.raw.executeSql('select ticket_id from messages where id = $1', [ack.id])).rows;
  return { ticketId: row.ticket_id as string, sock, token: v.token };
}

async function log(ticketId: string): Promise<any[]> {
  const res = await call(s, 'GET', `/api/v1/tickets/${ticketId}/events?limit=500`, { as: admin });
  return res.body.data;
}
const chatEvents = async (ticketId: string) => (await log(ticketId)).filter((e) => e.type.startsWith('chat_')).map((e) => e.type);

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('ringing and taking chats', () => {
  it('offers live chat only while an agent of the channel is online', async () => {
    const offline = await call(s, 'GET', `/api/v1/chat/channels/${channel.id}/widget-config?lang=de`);
    assert.equal(offline.body.online, false);
    await goOnline(s, anna);
    await goOnline(s, ben);
    const online = await call(s, 'GET', `/api/v1/chat/channels/${channel.id}/widget-config?lang=de`);
    assert.deepEqual([online.body.online, online.body.locale, online.body.preChatForm.topics], [true, 'de', ['Bestellung', 'Rechnung']]);
  });

  it('rings the online team members; the first accept wins, the second gets 409, and the ring stops', async () => {
    const a = await agentSocket(base, anna);
    const b = await agentSocket(base, ben);
    const c = await agentSocket(base, carla);
    await goOnline(s, carla);
    const chat = await chatWith('Wer ist da?');
    const ringA = await a.waitFor((m) => m.type === 'chat.ring' && m.ticketId === chat.ticketId, 'Anna rung');
    await b.waitFor((m) => m.type === 'chat.ring' && m.ticketId === chat.ticketId, 'Ben rung');
    assert.equal(ringA.preview, 'Wer ist da?');
    await c.never((m) => m.type === 'chat.ring', 'a ring for another team');

    const [ra, rb] = await Promise.all([
      call(s, 'POST', `/api/v1/chats/${chat.ticketId}/accept`, { as: anna }),
      call(s, 'POST', `/api/v1/chats/${chat.ticketId}/accept`, { as: ben }),
    ]);
    assert.deepEqual([ra.status, rb.status].sort(), [200, 409]);
    const [winner, loser, loserSock] = ra.status === 200 ? [anna, ben, b] : [ben, anna, a];
    assert.match((ra.status === 409 ? ra : rb).body.error.message, /another agent/);
    await loserSock.waitFor((m) => m.type === 'chat.ring_stopped' && m.ticketId === chat.ticketId, 'ring stopped');
    const detail = await call(s, 'GET', `/api/v1/chats/${chat.ticketId}`, { as: loser });
    assert.equal(detail.body.status, 'active');
    assert.equal(detail.body.agent.id, winner.id);
    const ticket = await call(s, 'GET', `/api/v1/tickets/${chat.ticketId}`, { as: admin });
    assert.deepEqual([ticket.body.assigneeId, ticket.body.status], [winner.id, 'open']);
    const joined = await chat.sock.waitFor((m) => m.type === 'message' && m.message.author === 'system', 'joined line');
    assert.match(joined.message.text, /hat den Chat übernommen/);
    await chat.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'active', 'status active');
    assert.equal((await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/end`, { as: winner })).status, 200);
    for (const x of [a, b, c, chat.sock]) await x.close();
  });

  it('stops ringing an agent at their chat limit and refuses their accept', async () => {
    assert.equal((await call(s, 'PATCH', `/api/v1/agents/${ben.id}/routing`, { as: admin, body: { capacity: { chat: 1 } } })).status, 200);
    const b = await agentSocket(base, ben);
    const first = await chatWith('Erster Chat');
    await b.waitFor((m) => m.type === 'chat.ring' && m.ticketId === first.ticketId, 'ring');
    assert.equal((await call(s, 'POST', `/api/v1/chats/${first.ticketId}/accept`, { as: ben })).status, 200);
    const second = await chatWith('Zweiter Chat');
    await b.never((m) => m.type === 'chat.ring' && m.ticketId === second.ticketId, 'a ring beyond the limit', 500);
    const refused = await call(s, 'POST', `/api/v1/chats/${second.ticketId}/accept`, { as: ben });
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /chat limit \(1\)/);
    const waiting = await call(s, 'GET', '/api/v1/chats?status=waiting', { as: anna });
    assert.ok(waiting.body.data.some((c: any) => c.ticketId === second.ticketId && c.preview === 'Zweiter Chat' && c.agent === null));
    await call(s, 'POST', `/api/v1/chats/${first.ticketId}/end`, { as: ben });
    await b.waitFor((m) => m.type === 'chat.ring' && m.ticketId === second.ticketId, 'ring once a place is free');
    await call(s, 'POST', `/api/v1/chats/${second.ticketId}/end`, { as: ben });
    for (const x of [b, first.sock, second.sock]) await x.close();
  });
});

describe('transfer, end and convert', () => {
  it('transfers to an online agent, then to another team’s queue where it rings again', async () => {
    const c = await agentSocket(base, carla);
    const chat = await chatWith('Bitte weiterleiten');
    assert.equal((await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/accept`, { as: anna })).status, 200);
    const offlineAgent = await makeAgent(s, { name: 'Dora' });
    assert.equal((await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/transfer`, { as: anna, body: { agentId: offlineAgent.id } })).status, 409);
    const toBen = await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/transfer`, { as: anna, body: { agentId: ben.id } });
    assert.equal(toBen.status, 200);
    assert.equal(toBen.body.agent.name, 'Ben');
    await chat.sock.waitFor((m) => m.type === 'message' && m.message.text === 'Sie chatten jetzt mit Ben.', 'transfer line');

    const second = (await call(s, 'GET', '/api/v1/teams', { as: admin })).body.data.find((t: any) => t.name === 'Second line');
    const toTeam = await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/transfer`, { as: ben, body: { teamId: second.id } });
    assert.equal(toTeam.status, 200);
    assert.deepEqual([toTeam.body.status, toTeam.body.agent], ['waiting', null]);
    await c.waitFor((m) => m.type === 'chat.ring' && m.ticketId === chat.ticketId, 'Carla rung');
    assert.equal((await call(s, 'GET', `/api/v1/chats/${chat.ticketId}`, { as: anna })).status, 404, 'out of Anna’s teams now');
    const transfers = (await log(chat.ticketId)).filter((e) => e.type === 'chat_transferred');
    assert.deepEqual(transfers.map((e) => [e.before.agentId, e.after.agentId, e.after.teamId]), [
      [anna.id, ben.id, team.id],
      [ben.id, null, second.id],
    ]);
    assert.equal((await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/accept`, { as: carla })).status, 200);
    await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/end`, { as: carla });
    await c.close();
    await chat.sock.close();
  });

  it('ends a served chat: the visitor is told, the ticket is solved, the log has the duration', async () => {
    const chat = await chatWith('Kurze Frage');
    clock.advance(5_000);
    await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/accept`, { as: anna });
    await call(s, 'POST', `/api/v1/tickets/${chat.ticketId}/messages`, { as: anna, body: { text: 'Kurze Antwort.' } });
    clock.advance(55_000);
    const ended = await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/end`, { as: anna });
    assert.equal(ended.body.status, 'ended');
    const status = await chat.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'ended status');
    await chat.sock.waitFor((m) => m.type === 'message' && m.message.text === 'Der Chat wurde beendet.', 'ended line');
    // The served chat asks for a rating in the widget, in the visitor's language.
    const survey = status.conversation.survey;
    assert.equal(survey.scale, 2);
    assert.match(survey.question, /zufrieden/i);
    const rated = await call(s, 'POST', `/api/v1/surveys/${encodeURIComponent(survey.token)}`, { body: { score: 2, comment: 'Sehr schnell' } });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    const onTicket = await call(s, 'GET', `/api/v1/tickets/${chat.ticketId}/surveys`, { as: anna });
    assert.deepEqual(onTicket.body.data.map((x: any) => [x.channel, x.response.score, x.response.good, x.response.comment]), [['chat', 2, true, 'Sehr schnell']]);
    chat.sock.send(say('Noch etwas!'));
    await chat.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'waiting', 'a new conversation');
    const ticket = await call(s, 'GET', `/api/v1/tickets/${chat.ticketId}`, { as: anna });
    assert.equal(ticket.body.status, 'solved');
    const events = await log(chat.ticketId);
    assert.deepEqual(events.find((e) => e.type === 'chat_accepted').after.waitSeconds, 5);
    assert.deepEqual([events.find((e) => e.type === 'chat_ended').after.reason, events.find((e) => e.type === 'chat_ended').after.durationSeconds], ['agent_ended', 60]);
    assert.ok(!events.some((e) => e.type === 'chat_missed' || e.type === 'chat_dropped'));
    await chat.sock.close();
  });

  it('converts a chat into an email ticket that stays open, and refuses without an email address', async () => {
    const anonymous = await chatWith('Ohne Adresse');
    const refused = await call(s, 'POST', `/api/v1/chats/${anonymous.ticketId}/convert`, { as: anna });
    assert.equal(refused.status, 409);
    const chat = await chatWith('Bitte per Mail', { name: 'Erika Muster', email: 'erika@kunde.example', topic: 'Rechnung' });
    const converted = await call(s, 'POST', `/api/v1/chats/${chat.ticketId}/convert`, { as: anna });
    assert.equal(converted.status, 200);
    await chat.sock.waitFor((m) => m.type === 'message' && m.message.text === 'Wir antworten Ihnen per E-Mail an erika@kunde.example.', 'converted line');
    const ticket = await call(s, 'GET', `/api/v1/tickets/${chat.ticketId}?include=requester`, { as: anna });
    assert.deepEqual([ticket.body.channel, ticket.body.status, ticket.body.requester.email, ticket.body.subject], ['email', 'open', 'erika@kunde.example', 'Chat mit Erika Muster · Rechnung']);
    assert.deepEqual(await chatEvents(chat.ticketId), ['chat_started', 'chat_ended', 'chat_converted']);
    await chat.sock.close();
    await anonymous.sock.close();
  });
});

describe('chat metrics in the ticket log', () => {
  it('a visitor who gives up unanswered after the threshold is missed; one who leaves sooner is not', async () => {
    const a = await agentSocket(base, anna);
    const missed = await chatWith('Hallo?');
    const early = await chatWith('Doch nicht');
    await a.waitFor((m) => m.type === 'chat.ring' && m.ticketId === missed.ticketId, 'ring');
    await early.sock.close();
    clock.advance(70_000);
    missed.sock.send({ type: 'end' });
    await missed.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'ended');
    await a.waitFor((m) => m.type === 'chat.ring_stopped' && m.ticketId === missed.ticketId, 'the ring stops when the visitor gives up');
    const [out] = (await s.servus.services.database.raw.executeSql("select count(*)::int as n from outbox_events where type = 'chat.missed' and payload->'payload'->>'ticketId' = $1", [missed.ticketId])).rows;
    assert.equal(out.n, 1, 'chat.missed is emitted once');
    assert.deepEqual(await chatEvents(missed.ticketId), ['chat_started', 'chat_missed', 'chat_ended']);
    assert.equal((await log(missed.ticketId)).find((e) => e.type === 'chat_missed').after.waitedSeconds, 70);
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${missed.ticketId}`, { as: anna })).body.status, 'new', 'a missed chat stays in the queue');
    // The other left the page at once: gone once the grace period passed, too soon to count as missed.
    await until('the early leaver’s chat to end', async () => (await chatEvents(early.ticketId)).includes('chat_ended'));
    assert.deepEqual(await chatEvents(early.ticketId), ['chat_started', 'chat_ended']);
    assert.equal((await log(early.ticketId)).find((e) => e.type === 'chat_ended').after.reason, 'visitor_left');
    await missed.sock.close();
    await a.close();
  });

  it('a visitor who leaves with their own message unanswered after an agent’s reply is dropped', async () => {
    const chat = await chatWith('Frage eins');
    await call(s, 'POST', `/api/v1/tickets/${chat.ticketId}/messages`, { as: anna, body: { text: 'Antwort eins' } });
    chat.sock.send(say('Frage zwei'));
    await chat.sock.waitFor((m) => m.type === 'ack' && m.seq === 3, 'second ack');
    await chat.sock.close();
    clock.advance(10_000);
    await until('the chat to end', async () => (await chatEvents(chat.ticketId)).includes('chat_ended'));
    assert.deepEqual(await chatEvents(chat.ticketId), ['chat_started', 'chat_accepted', 'chat_dropped', 'chat_ended']);
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${chat.ticketId}`, { as: anna })).body.status, 'open');
  });

  it('a visitor who ends a served chat ends it; the ticket is solved', async () => {
    const chat = await chatWith('Danke vorab');
    await call(s, 'POST', `/api/v1/tickets/${chat.ticketId}/messages`, { as: anna, body: { text: 'Gern geschehen.' } });
    chat.sock.send({ type: 'end' });
    await chat.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'ended');
    assert.deepEqual(await chatEvents(chat.ticketId), ['chat_started', 'chat_accepted', 'chat_ended']);
    assert.equal((await log(chat.ticketId)).find((e) => e.type === 'chat_ended').after.reason, 'visitor_ended');
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${chat.ticketId}`, { as: anna })).body.status, 'solved');
    await chat.sock.close();
  });
});


