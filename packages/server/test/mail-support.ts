/**
 * Mail test peers: a real SMTP sink that records what it receives, raw message builders, and
 * helpers to deliver mail to a test server and wait until it has been processed.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { call, type TestAgent, type TestServer } from './harness.ts';

export interface SinkMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  mails: SinkMail[];
  /** Resolves once `n` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<SinkMail[]>;
  /** Answer every DATA with this SMTP error instead of accepting. */
  reject: { code: number; message: string } | null;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that accepts everything and keeps it for assertions. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SinkMail[] = [];
  const waiters: (() => void)[] = [];
  const sink: SmtpSink = {
    port: 0,
    mails,
    reject: null,
    async waitFor(n, timeoutMs = 10_000) {
      const started = Date.now();
      while (mails.length < n) {
        if (Date.now() - started > timeoutMs) throw new Error(`SMTP sink got ${mails.length} of ${n} mails in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return mails;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'test' }),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.reject) {
          cb(Object.assign(new Error(sink.reject.message), { responseCode: sink.reject.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((parsed) => {
          mails.push({
            envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
            raw,
            parsed,
          });
          for (const w of waiters.splice(0)) w();
          cb();
        }, cb);
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}

export interface RawMailOptions {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
}

/** A plain RFC 5322 message with CRLF line endings. */
export function rawMail(o: RawMailOptions = {}): Buffer {
  const lines = [
    `From: ${o.from ?? 'Kunde <kunde@kunde.example>'}`,
    `To: ${o.to ?? 'hilfe@firma.example'}`,
    ...(o.cc ? [`Cc: ${o.cc}`] : []),
    `Subject: ${o.subject ?? 'Drucker druckt nicht'}`,
    'Date: Sun, 22 Nov 2026 10:00:00 +0100',
    ...(o.messageId === null ? [] : [`Message-ID: <${o.messageId ?? `${randomBytes(8).toString('hex')}@kunde.example`}>`]),
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    ...(o.references ? [`References: ${o.references}`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
  ];
  if (o.html) {
    const b = `b-${randomBytes(6).toString('hex')}`;
    lines.push(`Content-Type: multipart/alternative; boundary="${b}"`, '', `--${b}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.text ?? '', `--${b}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.html, `--${b}--`, '');
  } else {
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.text ?? 'Guten Tag, der Drucker im 2. Stock druckt nicht mehr.', '');
  }
  return Buffer.from(lines.join('\r\n'));
}

/** Creates an email channel through the API; `smtpPort` points outbound mail at a sink. */
export async function makeChannel(s: TestServer, admin: TestAgent, o: { address?: string; smtpPort?: number; autoAck?: boolean; maxMessageBytes?: number; teamId?: string } = {}) {
  const res = await call(s, 'POST', '/api/v1/channels', {
    as: admin,
    body: {
      name: `Support ${randomBytes(3).toString('hex')}`,
      address: o.address ?? 'hilfe@firma.example',
      displayName: 'Firma Support',
      ...(o.smtpPort && { smtp: { host: '127.0.0.1', port: o.smtpPort, secure: false } }),
      ...(o.autoAck !== undefined && { autoAck: { enabled: o.autoAck, subject: '[#{{number}}] Eingangsbestätigung', body: 'Ihre Anfrage #{{number}} ist eingegangen.' } }),
      ...(o.maxMessageBytes && { maxMessageBytes: o.maxMessageBytes }),
      ...(o.teamId && { teamId: o.teamId }),
    },
  });
  if (res.status !== 201) throw new Error(`makeChannel failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; address: string };
}

/** Delivers raw MIME through the upload route and waits until it has been processed. */
export async function deliver(s: TestServer, admin: TestAgent, channelId: string, raw: Buffer) {
  const res = await s.servus.app.inject({
    method: 'POST',
    url: `/api/v1/channels/${channelId}/inbound`,
    headers: { ...admin.auth, 'content-type': 'message/rfc822' },
    payload: raw,
  });
  if (res.statusCode !== 202) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  await s.servus.mail.processor.idle();
  const stored = JSON.parse(res.body) as { id: string; duplicate: boolean; status: string };
  const mail = await call(s, 'GET', `/api/v1/mail/inbound/${stored.id}`, { as: admin });
  return { ...stored, mail: mail.body as { status: string; reason: string | null; detail: string | null; ticketId: string | null; ticketNumber: number | null } };
}

/** The ticket with its thread. */
export async function ticketWithThread(s: TestServer, as: TestAgent, id: string) {
  const res = await call(s, 'GET', `/api/v1/tickets/${id}?include=messages,requester`, { as });
  if (res.status !== 200) throw new Error(`ticket ${id}: ${res.status}`);
  return res.body;
}
