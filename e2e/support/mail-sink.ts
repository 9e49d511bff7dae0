/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps it parsed, for browser tests
 * that read the server's system mail (sign-in links, invitations) without a mailbox behind it.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface CapturedMail {
  to: string[];
  parsed: ParsedMail;
}

export interface MailSink {
  port: number;
  mails: CapturedMail[];
  /** The first mail to `address` that arrives (or has arrived), or an error after `timeoutMs`. */
  waitForMailTo(address: string, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'sink' }),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then((parsed) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed });
          cb();
        }, cb);
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    async waitForMailTo(address, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => m.to.includes(address.toLowerCase()));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms (got mail to: ${mails.flatMap((m) => m.to).join(', ') || 'nobody'})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
