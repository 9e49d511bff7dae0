import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { call, makeAgent, makeTeam, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';

let s: TestServer;
let base: string;
let anna: TestAgent;
let ben: TestAgent;
let outsider: TestAgent;
let teamTicket: any;

async function sessionCookie(a: TestAgent): Promise<string> {
  const res = await call(s, 'POST', '/api/v1/auth/login', { body: { email: a.email, password: a.password } });
  return String(res.headers['set-cookie']).split(';')[0]!;
}

/** A real WebSocket client that records what it receives. */
async function connect(a: TestAgent, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/ws`, { headers: { cookie: await sessionCookie(a), ...headers } });
  const received: any[] = [];
  ws.on('message', (d) => received.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: any) => boolean, what: string) => {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const hit = received.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(received)}`);
  };
  return { ws, received, waitFor, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

before(async () => {
  s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  anna = await makeAgent(s, { name: 'Anna' });
  ben = await makeAgent(s, { name: 'Ben' });
  outsider = await makeAgent(s, { name: 'Olga' });
  const team = await makeTeam(s, 'Technik', [anna, ben]);
  await makeTeam(s, 'Elsewhere', [outsider]);
  teamTicket = await makeTicket(s, anna, { teamId: team.id });
});
after(() => s.close());

describe('realtime', () => {
  it('shows who views a ticket and who is typing', async () => {
    const a = await connect(anna);
    const b = await connect(ben);
    await a.waitFor((m) => m.type === 'hello', 'hello');
    a.send({ type: 'view', ticketId: teamTicket.id });
    b.send({ type: 'view', ticketId: teamTicket.id });
    await a.waitFor((m) => m.type === 'presence' && m.viewers.length === 2, 'two viewers');
    b.send({ type: 'typing', ticketId: teamTicket.id, typing: true });
    const typing = await a.waitFor((m) => m.type === 'presence' && m.viewers.some((v: any) => v.name === 'Ben' && v.typing), 'Ben typing');
    assert.deepEqual(typing.viewers.map((v: any) => v.name), ['Anna', 'Ben']);
    b.ws.close();
    await a.waitFor((m) => m.type === 'presence' && m.viewers.length === 1 && m.viewers[0].name === 'Anna', 'Ben left');
    a.ws.close();
  });

  it('pushes ticket changes to agents who may see them, and to nobody else', async () => {
    const a = await connect(anna);
    const o = await connect(outsider);
    o.send({ type: 'view', ticketId: teamTicket.id });
    const reply = await call(s, 'POST', `/api/v1/tickets/${teamTicket.id}/messages`, { as: ben, body: { text: 'Schon erledigt.' } });
    assert.equal(reply.status, 201);
    const ev = await a.waitFor((m) => m.type === 'event' && m.event.type === 'message.created', 'message event');
    assert.equal(ev.event.payload.ticketId, teamTicket.id);
    assert.equal(ev.event.actor.id, ben.id);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!o.received.some((m) => m.type === 'event' || m.type === 'presence'), JSON.stringify(o.received));
    a.ws.close();
    o.ws.close();
  });

  it('refuses anonymous and cross-site connections, and rejects malformed messages', async () => {
    await assert.rejects(() => new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/ws`);
      ws.once('open', resolve);
      ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    }), /HTTP 401/);
    await assert.rejects(() => connect(anna, { origin: 'https://evil.example' }), /HTTP 403/);
    const a = await connect(anna);
    a.ws.send('not json');
    a.send({ type: 'view', ticketId: 'x' });
    await a.waitFor((m) => m.type === 'error', 'error reply');
    a.ws.close();
  });
});
