/**
 * The Servus server a mail benchmark runs against, seen from outside: start it, set up an admin
 * token and a channel, upload mail, warm it up with tickets, and wait until its mail health
 * shows nothing pending.
 */
import { CHANNEL_ADDRESS, makeMails, rawOf } from './mail-gen.ts';
import { createApiToken, freePort, startServer, type ServerHandle } from './server.ts';

/** How long one timed phase may take before the run gives up on it. */
export const PHASE_TIMEOUT_MS = Number(process.env.BENCH_PHASE_TIMEOUT ?? 240) * 1000;
/** Channel size limit: room for the 20 MiB attachment (about 27 MB base64 on the wire). */
const CHANNEL_MAX_BYTES = 64 * 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


export interface Api {
  server: ServerHandle;
  token: string;
  channelId: string;
  smtpPort: number;
}

export async function api<T>(a: { server: ServerHandle; token: string }, method: string, url: string, body?: unknown): Promise<T> {
  const r = await fetch(`${a.server.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${a.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Starts the server with all roles and an SMTP port; optionally through the profiling entry. */
export async function start(target: { dataDir: string; databaseUrl?: string }, entry?: string): Promise<{ server: ServerHandle; smtpPort: number; startSeconds: number }> {
  const smtpPort = await freePort();
  // startServer passes this process's environment on to the server.
  process.env.SMTP_PORT = String(smtpPort);
  delete process.env.SERVUS_ROLES;
  delete process.env.MAIL_PARSE_WORKERS;
  const t = performance.now();
  const server = await startServer({ ...target, ...(entry && { entry }) });
  return { server, smtpPort, startSeconds: (performance.now() - t) / 1000 };
}

export async function setUp(server: ServerHandle, smtpPort: number): Promise<Api> {
  const token = await createApiToken(server.baseUrl);
  const channel = await api<{ id: string }>({ server, token }, 'POST', '/api/v1/channels', {
    name: 'Support',
    address: CHANNEL_ADDRESS,
    displayName: 'Firma Support',
    maxMessageBytes: CHANNEL_MAX_BYTES,
  });
  return { server, token, channelId: channel.id, smtpPort };
}

export interface Health {
  channels: { channelId: string; backlog: number; failed: number; quarantined: number }[];
}

/** Resolves once the channel has nothing pending or failed (and `ready()` holds), polling every 100 ms. */
export async function drained(a: Api, ready: () => boolean, timeoutMs = PHASE_TIMEOUT_MS, progress?: (h: Health['channels'][number]) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastLog = Date.now();
  for (;;) {
    if (ready()) {
      const h = await api<Health>(a, 'GET', '/api/v1/mail/health');
      const c = h.channels.find((x) => x.channelId === a.channelId)!;
      if (c.backlog === 0 && c.failed === 0) return;
      if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        progress?.(c);
      }
    }
    if (Date.now() > deadline) throw new Error(`not drained within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

export async function upload(a: Api, raw: Buffer): Promise<void> {
  const r = await fetch(`${a.server.baseUrl}/api/v1/channels/${a.channelId}/inbound`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.token}`, 'content-type': 'message/rfc822' },
    body: raw,
  });
  const text = await r.text();
  if (r.status !== 202) throw new Error(`upload: ${r.status} ${text.slice(0, 300)}`);
}

/** Warm-up: new-ticket mails by upload, then the tickets they opened (number, subject, requester). */
export async function warmUp(a: Api, n: number, concurrency: number): Promise<{ tickets: { number: number; subject: string; requester: string }[]; seconds: number }> {
  const mails = makeMails(n, { offset: 0, replyShare: 0, tickets: [] });
  const raws = await Promise.all(mails.map((m) => rawOf(m.options)));
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < raws.length; i = next++) await upload(a, raws[i]!);
    }),
  );
  await drained(a, () => true);
  const seconds = (performance.now() - t) / 1000;
  const tickets: { number: number; subject: string; requester: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { status: string; subject: string | null; from: string | null; ticketNumber: number | null }[]; nextCursor: string | null } = await api(
      a,
      'GET',
      `/api/v1/mail/inbound?channelId=${a.channelId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const m of page.data) if (m.status === 'processed' && m.ticketNumber && m.from && m.subject) tickets.push({ number: m.ticketNumber, subject: m.subject, requester: m.from });
    cursor = page.nextCursor;
  } while (cursor);
  if (tickets.length === 0) throw new Error('the warm-up opened no tickets');
  return { tickets, seconds };
}
