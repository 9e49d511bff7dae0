/**
 * The load side of `npm run bench:chat`: real WebSocket visitors (session over HTTP, then the
 * widget socket with hello) and one agent socket that receives every chat message, with the
 * delivery time of each message measured from the visitor's send to the agent's receipt.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** The website the benchmark's chat channel allows. */
export const BENCH_ORIGIN = 'https://bench.example';

export interface Visitor {
  token: string;
  ws: WebSocket;
  closed: boolean;
  /** Client ids of this visitor's messages the server acknowledged. */
  acked: Set<string>;
}

/** What the load generator saw go wrong. */
export interface LoadErrors {
  sessions: number;
  connects: number;
  closes: number;
  messageErrors: number;
  first: string | null;
}

export function noErrors(): LoadErrors {
  return { sessions: 0, connects: 0, closes: 0, messageErrors: 0, first: null };
}

const note = (e: LoadErrors, what: keyof Omit<LoadErrors, 'first'>, detail: string) => {
  e[what]++;
  e.first ??= `${what}: ${detail}`;
};

/** One visitor: a session on the channel, then the widget socket, hello sent once it is open. */
async function openVisitor(base: string, channelId: string, errors: LoadErrors): Promise<Visitor | null> {
  const res = await fetch(`${base}/api/v1/chat/channels/${channelId}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN },
    body: JSON.stringify({ locale: 'en' }),
  }).catch((err: Error) => ({ status: 0, text: async () => err.message }) as Response);
  if (res.status !== 200) {
    note(errors, 'sessions', `${res.status} ${await res.text()}`);
    return null;
  }
  const { token } = (await res.json()) as { token: string };
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/chat/ws?token=${token}`, { headers: { origin: BENCH_ORIGIN }, perMessageDeflate: false });
  const v: Visitor = { token, ws, closed: false, acked: new Set() };
  const ok = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('unexpected-response', (_q, r) => {
      note(errors, 'connects', `HTTP ${r.statusCode}`);
      resolve(false);
    });
    ws.once('error', (err) => {
      note(errors, 'connects', err.message);
      resolve(false);
    });
  });
  if (!ok) return null;
  ws.on('close', () => {
    if (!v.closed) note(errors, 'closes', 'a visitor socket closed');
    v.closed = true;
  });
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { type: string; code?: string; message?: string; clientId?: string };
    if (m.type === 'error') note(errors, 'messageErrors', `${m.code} ${m.message}`);
    if (m.type === 'ack') v.acked.add(m.clientId!);
  });
  ws.send(JSON.stringify({ type: 'hello', lastSeq: 0 }));
  return v;
}

/** Opens visitors until `pool` holds `target`, `concurrency` at a time (gives up after 50 failures). */
export async function growTo(pool: Visitor[], target: number, base: string, channelId: string, errors: LoadErrors, concurrency = 40): Promise<void> {
  let failures = 0;
  let opening = 0;
  const worker = async () => {
    while (pool.length + opening < target && failures < 50) {
      opening++;
      const v = await openVisitor(base, channelId, errors).finally(() => opening--);
      if (v) pool.push(v);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Each visitor writes a first message (which opens its chat), `concurrency` at a time, each waiting for its ack. */
export async function openChats(visitors: Visitor[], concurrency = 10, timeoutMs = 30_000): Promise<number> {
  let next = 0;
  let opened = 0;
  const worker = async () => {
    while (next < visitors.length) {
      const v = visitors[next++]!;
      const clientId = randomUUID();
      v.ws.send(JSON.stringify({ type: 'message', clientId, text: 'Hallo, ich habe eine Frage zu meiner Bestellung.' }));
      const deadline = Date.now() + timeoutMs;
      while (!v.acked.has(clientId) && Date.now() < deadline && !v.closed) await new Promise((r) => setTimeout(r, 10));
      if (v.acked.has(clientId)) opened++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return opened;
}

/** The agent's socket (/ws), signed in by its session cookie; records when each chat message arrived. */
export async function openAgent(base: string, cookie: string): Promise<{ ws: WebSocket; arrivals: Map<string, number> }> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`, { headers: { cookie }, perMessageDeflate: false });
  const arrivals = new Map<string, number>();
  ws.on('message', (d) => {
    const at = performance.now();
    const m = JSON.parse(d.toString()) as { type: string; message?: { clientId: string | null } };
    if (m.type === 'chat.message' && m.message?.clientId) arrivals.set(m.message.clientId, at);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, arrivals };
}

export interface Delivery {
  sent: number;
  delivered: number;
  /** Milliseconds from the visitor's send to the agent's receipt, sorted. */
  latencies: number[];
  /** The slowest deliveries: when they were sent (ms into the stretch) and how long they took. */
  slowest: { at: number; ms: number }[];
}

/**
 * Sends `rate` messages per second for `seconds`, round robin over `senders`, then waits up to
 * 5 s for the stragglers. A message that never arrives counts as not delivered.
 */
export async function measureDelivery(senders: Visitor[], agent: { arrivals: Map<string, number> }, rate: number, seconds: number): Promise<Delivery> {
  const sentAt = new Map<string, number>();
  const total = Math.round(rate * seconds);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const v = senders[i % senders.length]!;
    if (v.closed) continue;
    const clientId = randomUUID();
    sentAt.set(clientId, performance.now());
    v.ws.send(JSON.stringify({ type: 'message', clientId, text: `Nachricht ${i}: Wann kommt meine Bestellung?` }));
  }
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline && [...sentAt.keys()].some((id) => !agent.arrivals.has(id))) await new Promise((r) => setTimeout(r, 50));
  const timed = [...sentAt].flatMap(([id, t]) => (agent.arrivals.has(id) ? [{ at: t - start, ms: agent.arrivals.get(id)! - t }] : []));
  const latencies = timed.map((x) => x.ms).sort((a, b) => a - b);
  const slowest = timed.sort((a, b) => b.ms - a.ms).slice(0, 8).map((x) => ({ at: Math.round(x.at), ms: Math.round(x.ms) }));
  return { sent: sentAt.size, delivered: latencies.length, latencies, slowest };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
