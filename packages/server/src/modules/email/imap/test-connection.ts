import { ImapFlow } from 'imapflow';
import type { ConnectionCheck } from '@servus/shared';
import type { ImapConfig } from '../../channels/schema.ts';
import { describeImapError, imapClientOptions } from './client.ts';

const TIMEOUT_SECONDS = 10;

/**
 * Checks a channel's IMAP settings: connects (10 s limits), logs in and opens the mailbox
 * read-only, so nothing in it changes. Never throws; the message says what went wrong.
 */
export async function testImap(cfg: ImapConfig): Promise<ConnectionCheck> {
  if (!cfg.password) return { ok: false, message: `No IMAP password is set for ${cfg.user}` };
  const ms = TIMEOUT_SECONDS * 1000;
  const client = new ImapFlow(
    imapClientOptions(cfg, { connectionTimeout: ms, greetingTimeout: ms, socketTimeout: ms, disableAutoIdle: true }),
  );
  // imapflow reports a failed connection once more as an event; without a listener it would throw.
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const overall = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), 3 * ms);
  });
  try {
    const mailbox = await Promise.race([
      (async () => {
        await client.connect();
        return client.mailboxOpen(cfg.mailbox, { readOnly: true });
      })(),
      overall,
    ]);
    const n = mailbox.exists;
    return { ok: true, message: `Connected; ${n} message${n === 1 ? '' : 's'} in ${mailbox.path}`, messages: n };
  } catch (err) {
    return { ok: false, message: describeImapError(err, cfg, TIMEOUT_SECONDS) };
  } finally {
    clearTimeout(timer);
    if (client.usable) await client.logout().catch(() => {});
    client.close();
  }
}
