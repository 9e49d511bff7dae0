/**
 * Two real Servus processes on one PostgreSQL database (the --pg suite): a visitor connected to
 * process A and an agent connected to process B talk as if they shared one: messages both
 * ways, ringing, typing and read receipts, ticket events. B serves HTTP and sockets only; its
 * commits reach A's workers (which claim the outbox) and A's commits reach B's sockets. The
 * fan-out runs over LISTEN/NOTIFY, or over Redis when REDIS_URL is set for the run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SHOP, agentSocket, say, visitorSocket, type Socket } from './chat-support.ts';

const PG = process.env.TEST_DATABASE_URL;
const REDIS = process.env.REDIS_URL;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = { email: 'admin@fanout.example', password: 'fanout-admin-password' };

interface Proc {
  base: string;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node --import tsx packages/server/src/main.ts` with these roles and waits for /healthz. */
async function startProcess(databaseUrl: string, roles: string, secret: string): Promise<Proc> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-fanout-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SERVUS_ROLES: roles,
    SESSION_SECRET: secret,
    SERVUS_ADMIN_EMAIL: ADMIN.email,
    SERVUS_ADMIN_PASSWORD: ADMIN.password,
    SMTP_PORT: '0',
    LOG_LEVEL: 'info',
    ...(REDIS && { REDIS_URL: REDIS }),
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server (${roles}) exited:\n${out}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200).catch(() => false);
    if (ok) return { base, output: () => out, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server (${roles}) did not become healthy:\n${out}`);
}

/** Calls a process's API with an API token. */
async function api(base: string, token: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function tokenFor(base: string, who: { email: string; password: string }): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${base}/api/v1/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'fanout' }) });
  return ((await r.json()) as { secret: string }).secret;
}

describe('two server processes on one database', { skip: !PG && 'needs PostgreSQL (TEST_DATABASE_URL, the --pg suite)' }, () => {
  const dbName = `servus_fanout_${randomBytes(5).toString('hex')}`;
  let a: Proc;
  let b: Proc;
  let adminToken: string;
  const anna = { email: 'anna@fanout.example', password: 'anna-password-123' };
  let annaToken: string;
  let channelId: string;
  let dbUrl: string;

  before(async () => {
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(PG!);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    const secret = randomBytes(32).toString('hex');
    a = await startProcess(url.toString(), 'http,ws,worker,cron', secret);
    b = await startProcess(url.toString(), 'http,ws', secret);
    adminToken = await tokenFor(a.base, ADMIN);
    const agent = await api(a.base, adminToken, 'POST', '/api/v1/agents', { email: anna.email, name: 'Anna', password: anna.password });
    const team = await api(a.base, adminToken, 'POST', '/api/v1/teams', { name: 'Fan-out', memberIds: [agent.body.id] });
    const channel = await api(b.base, adminToken, 'POST', '/api/v1/chat-channels', { name: 'Shop', teamId: team.body.id, allowedOrigins: [SHOP] });
    channelId = channel.body.id;
    annaToken = await tokenFor(b.base, anna);
    assert.equal((await api(b.base, annaToken, 'PATCH', '/api/v1/me/routing', { status: 'online' })).status, 200);
  });

  after(async () => {
    await a?.stop();
    await b?.stop();
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it(`carries the chat between a visitor on A and an agent on B (${REDIS ? 'Redis' : 'LISTEN/NOTIFY'})`, async () => {
    assert.match(a.output(), new RegExp(`realtime fan-out through ${REDIS ? 'redis' : 'postgres'}`));
    const agent: Socket = await agentSocket(b.base, anna);
    const session = await fetch(`${a.base}/api/v1/chat/channels/${channelId}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP }, body: JSON.stringify({ locale: 'en' }) });
    const { token } = (await session.json()) as { token: string };
    const visitor = await visitorSocket(a.base, token);
    const welcome = await visitor.waitFor((m) => m.type === 'welcome', 'welcome');
    assert.equal(welcome.online, true, 'Anna is online (set through B)');
    visitor.send({ type: 'hello', lastSeq: 0 });

    visitor.send(say('Hello from process A', randomUUID()));
    const ack = await visitor.waitFor((m) => m.type === 'ack', 'ack on A');
    const ring = await agent.waitFor((m) => m.type === 'chat.ring', 'ring on B');
    const first = await agent.waitFor((m) => m.type === 'chat.message' && m.message.id === ack.id, 'message on B');
    assert.equal(first.message.text, 'Hello from process A');

    assert.equal((await api(b.base, annaToken, 'POST', `/api/v1/chats/${ring.ticketId}/accept`)).status, 200);
    await visitor.waitFor((m) => m.type === 'status' && m.conversation.status === 'active' && m.conversation.agent?.name === 'Anna', 'accepted, seen on A');
    assert.equal((await api(b.base, annaToken, 'POST', `/api/v1/tickets/${ring.ticketId}/messages`, { text: 'Hello from process B' })).status, 201);
    const answer = await visitor.waitFor((m) => m.type === 'message' && m.message.text === 'Hello from process B', 'answer on A');
    assert.deepEqual(visitor.received.filter((m) => m.type === 'message').map((m) => m.message.seq), [1, 2, 3], 'in order, no gaps: message, joined line, answer');

    visitor.send({ type: 'typing', typing: true });
    await agent.waitFor((m) => m.type === 'chat.typing' && m.ticketId === ring.ticketId && m.typing, 'visitor typing on B');
    agent.send({ type: 'chat.typing', ticketId: ring.ticketId, typing: true });
    await visitor.waitFor((m) => m.type === 'typing' && m.name === 'Anna' && m.typing, 'agent typing on A');
    agent.send({ type: 'chat.read', ticketId: ring.ticketId, seq: ack.seq });
    await visitor.waitFor((m) => m.type === 'read' && m.seq === ack.seq, 'read receipt on A');
    visitor.send({ type: 'read', seq: answer.message.seq });
    await agent.waitFor((m) => m.type === 'chat.read' && m.seq === answer.message.seq, 'read receipt on B');

    // A ticket change committed on A reaches the agent's socket on B.
    assert.equal((await api(a.base, adminToken, 'PATCH', `/api/v1/tickets/${ring.ticketId}`, { priority: 'high' })).status, 200);
    await agent.waitFor((m) => m.type === 'event' && m.event.type === 'ticket.updated' && m.event.payload.changes.includes('priority_changed'), 'ticket event on B');

    // Collision: an admin viewing the ticket on A and Anna on B see each other, typing included.
    const adminSock = await agentSocket(a.base, ADMIN);
    agent.send({ type: 'view', ticketId: ring.ticketId });
    adminSock.send({ type: 'view', ticketId: ring.ticketId });
    await agent.waitFor((m) => m.type === 'presence' && m.viewers.length === 2, 'two viewers on B');
    adminSock.send({ type: 'typing', ticketId: ring.ticketId, typing: true });
    const typing = await agent.waitFor((m) => m.type === 'presence' && m.viewers.some((v: any) => v.name === 'Admin' && v.typing), 'the admin typing, seen on B');
    assert.deepEqual(typing.viewers.map((v: any) => v.name), ['Admin', 'Anna']);
    await adminSock.close();
    await agent.waitFor((m) => m.type === 'presence' && m.viewers.length === 1, 'the admin left, seen on B');
    await agent.close();
    await visitor.close();
  });

  it('has the workers of A claim what B commits, at once instead of on the next timer round', async () => {
    const ticket = await api(b.base, adminToken, 'POST', '/api/v1/tickets', { subject: 'Committed on B', requester: { email: 'kunde@fanout.example' }, message: { text: 'Hallo' } });
    assert.equal(ticket.status, 201);
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const deadline = Date.now() + 2_000;
      let left = -1;
      while (Date.now() < deadline) {
        left = (await db.query('select count(*)::int as n from outbox_events where dispatched_at is null')).rows[0].n;
        if (left === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(left, 0, 'every event claimed within 2 s (the timer would take up to 5 s)');
    } finally {
      await db.end();
    }
  });
});
