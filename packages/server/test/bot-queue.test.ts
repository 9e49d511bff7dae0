/**
 * While the answer bot has a chat, the agents are left alone: routing does not assign its
 * ticket and the team gets no "new ticket" notification, as it does for a chat without the bot.
 * Once the bot hands over, the chat enters the queue at once and routing assigns it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeChatChannel } from './chat-support.ts';
import { eventually, routeTeam, setRouting, ticketOf } from './routing-fixtures.ts';
import { botVisitor, seedKb, setBot } from './bot-support.ts';

let s: TestServer;
let base: string;
let admin: TestAgent;
let ann: TestAgent;
let channel: { id: string };
let teamId: string;

before(async () => {
  s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws,worker' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin' });
  ann = await makeAgent(s, { name: 'Ann' });
  const team = await makeTeam(s, 'Kasse', [ann]);
  teamId = team.id;
  await routeTeam(s, admin, team.id, { mode: 'round_robin' });
  await setRouting(s, admin, ann, { status: 'online', defaultCapacity: 5 });
  channel = await makeChatChannel(s, admin, { teamId: team.id });
  await seedKb(s, admin);
});
after(() => s?.close());

/** Ann's notifications about one ticket. */
const notesAbout = async (ticketId: string) => (await call(s, 'GET', '/api/v1/notifications?limit=100', { as: ann })).body.data.filter((n: any) => n.ticketId === ticketId);

describe('the queue while the bot answers', () => {
  it('a chat without the bot is routed and notified at once (the comparison)', async () => {
    await setBot(s, admin, { chatEnabled: false });
    const v = await botVisitor(s, base, channel.id, 'de');
    v.sock.send({ type: 'message', clientId: crypto.randomUUID(), text: 'Hallo, ist jemand da?' });
    const ack = await v.sock.waitFor((m) => m.type === 'ack', 'ack');
    const [row] = (await s.servus.services.database.raw.executeSql('select ticket_id from messages where id = $1', [ack.id])).rows;
    const ticketId = row.ticket_id as string;
    await eventually('the chat routed to Ann', async () => ((await ticketOf(s, admin, ticketId)).assigneeId === ann.id ? true : undefined));
    await eventually('Ann notified', async () => ((await notesAbout(ticketId)).length > 0 ? true : undefined));
    await call(s, 'POST', `/api/v1/chats/${ticketId}/end`, { as: admin });
    await v.close();
  });

  it('a chat with the bot is neither routed nor notified until the visitor asks for a person; then it is routed at once', async () => {
    await setBot(s, admin, { chatEnabled: true });
    const v = await botVisitor(s, base, channel.id, 'de');
    const answer = await v.ask('Passwort vergessen');
    assert.equal(answer.bot.kind, 'answer');
    // Long enough for the worker to have routed and notified a chat without the bot (see above).
    await sleep(2_500);
    const during = await ticketOf(s, admin, v.ticketId);
    assert.deepEqual([during.assigneeId, during.status], [null, 'new']);
    assert.deepEqual(await notesAbout(v.ticketId), []);
    const queue = (await call(s, 'GET', '/api/v1/routing/teams', { as: admin })).body.data.find((t: any) => t.teamId === teamId);
    assert.equal(queue.queued, 0, 'not counted in the team’s queue');

    v.action('human');
    await v.nextBot();
    await eventually('the chat routed to Ann after the handover', async () => ((await ticketOf(s, admin, v.ticketId)).assigneeId === ann.id ? true : undefined));
    await v.close();
  });
});
