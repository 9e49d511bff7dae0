/**
 * Mail peers for browser tests: the Dovecot that .ci/run starts (DOVECOT_IMAP_HOST/PORT and
 * DOVECOT_USERS), and a small MTA in front of it that takes SMTP and delivers each message
 * into the recipient's Dovecot INBOX by IMAP APPEND, the way a real mail server would. Plus
 * tags (`user+tag@`) are delivered to the user, as most servers do.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';

export interface Dovecot {
  host: string;
  port: number;
  /** Mailbox address → password. */
  users: Map<string, string>;
}

/** The Dovecot of this run, or an error that says how to get one. */
export function dovecotFromEnv(): Dovecot {
  const { DOVECOT_IMAP_HOST: host, DOVECOT_IMAP_PORT: port, DOVECOT_USERS: list } = process.env;
  if (!host || !port || !list) {
    throw new Error('this test needs a Dovecot: set DOVECOT_IMAP_HOST, DOVECOT_IMAP_PORT and DOVECOT_USERS (user:password,…), as .ci/run does');
  }
  const users = new Map(list.split(',').map((pair) => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)] as [string, string]));
  return { host, port: Number(port), users };
}

/** An IMAP session as `user`, closed by the caller. */
export async function imapAs(d: Dovecot, user: string): Promise<ImapFlow> {
  const client = new ImapFlow({ host: d.host, port: d.port, secure: false, auth: { user, pass: d.users.get(user)! }, logger: false });
  await client.connect();
  return client;
}

export interface Mta {
  port: number;
  close(): Promise<void>;
}

const baseOf = (address: string) => address.toLowerCase().replace(/\+[^@]*@/, '@');

/** An SMTP server on 127.0.0.1 that delivers into Dovecot mailboxes and refuses unknown users. */
export async function startMta(d: Dovecot): Promise<Mta> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'any' }),
    onRcptTo(address, _session, cb) {
      cb(d.users.has(baseOf(address.address)) ? undefined : Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const users = [...new Set(session.envelope.rcptTo.map((r) => baseOf(r.address)))];
        (async () => {
          for (const user of users) {
            const client = await imapAs(d, user);
            try {
              await client.append('INBOX', raw);
            } finally {
              await client.logout();
            }
          }
        })().then(() => cb(), (err: Error) => cb(Object.assign(err, { responseCode: 451 })));
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
