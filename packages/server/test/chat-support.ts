/**
 * Helpers for the chat tests: a chat channel made through the admin API, visitor sessions and
 * real WebSockets for visitors (/api/v1/chat/ws) and agents (/ws) that record what they get.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { call, type TestAgent, type TestServer } from './harness.ts';

export const SHOP = 'https://shop.example';

/** Creates a chat channel (allowing SHOP unless told otherwise) and returns it with its identity secret. */
export async function makeChatChannel(s: TestServer, admin: TestAgent, body: Record<string, unknown> = {}) {
  const res = await call(s, 'POST', '/api/v1/chat-channels', { as: admin, body: { name: `Shop chat ${randomUUID().slice(0, 6)}`, allowedOrigins: [SHOP], ...body } });
  if (res.status !== 201) throw new Error(`chat channel: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; secret: string; teamId: string | null; [k: string]: unknown };
}

/** Starts (or resumes) a visitor session as a browser on `origin` would. */
export function session(s: TestServer, channelId: string, body: Record<string, unknown> = {}, origin = SHOP) {
  return call(s, 'POST', `/api/v1/chat/channels/${channelId}/sessions`, { body, headers: { origin } });
}

export async function newVisitor(s: TestServer, channelId: string, body: Record<string, unknown> = {}) {
  const res = await session(s, channelId, body);
  if (res.status !== 200) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; visitorId: string; conversation: any };
}

/** Puts an agent online for routing (and so for chat). */
export async function goOnline(s: TestServer, agent: TestAgent, status: 'online' | 'away' | 'offline' = 'online') {
  const res = await call(s, 'PATCH', '/api/v1/me/routing', { as: agent, body: { status } });
  if (res.status !== 200) throw new Error(`status: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface Socket {
  ws: WebSocket;
  received: any[];
  send(m: unknown): void;
  waitFor(pred: (m: any) => boolean, what: string, ms?: number): Promise<any>;
  /** Resolves after `ms` and fails if anything matching arrived meanwhile. */
  never(pred: (m: any) => boolean, what: string, ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens a WebSocket and records every message; rejects with `HTTP <status>` when the upgrade is refused. */
export async function openSocket(url: string, headers: Record<string, string>): Promise<Socket> {
  const ws = new WebSocket(url, { headers });
  const received: any[] = [];
  ws.on('message', (d) => received.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: any) => boolean, what: string, ms = 15_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const hit = received.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(received).slice(0, 2000)}`);
  };
  return {
    ws,
    received,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    waitFor,
    async never(pred, what, ms = 300) {
      await new Promise((r) => setTimeout(r, ms));
      const hit = received.find(pred);
      if (hit) throw new Error(`did not expect ${what}, got ${JSON.stringify(hit)}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}

/** The visitor's WebSocket, opened from `origin`. */
export function visitorSocket(base: string, token: string, origin = SHOP): Promise<Socket> {
  return openSocket(`${base.replace(/^http/, 'ws')}/api/v1/chat/ws?token=${encodeURIComponent(token)}`, { origin });
}

/** Signs an agent in (session cookie) against a server listening at `base`. */
export async function agentCookie(base: string, agent: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent.email, password: agent.password }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** The agent's WebSocket (/ws). */
export async function agentSocket(base: string, agent: { email: string; password: string }): Promise<Socket> {
  const sock = await openSocket(`${base.replace(/^http/, 'ws')}/ws`, { cookie: await agentCookie(base, agent) });
  await sock.waitFor((m) => m.type === 'hello', 'hello');
  return sock;
}

/** A visitor message as the widget sends it. */
export function say(text: string, clientId: string = randomUUID()) {
  return { type: 'message', clientId, text };
}
