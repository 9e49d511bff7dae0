import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { ImapFlow } from 'imapflow';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { ChannelRow } from '../../channels/repository.ts';
import type { ImapConfig } from '../../channels/schema.ts';
import { storeInbound, type StoredInbound } from '../intake.ts';
import { inboundMails, mailboxStates } from '../schema.ts';
import { describeImapError, imapClientOptions } from './client.ts';

/** How long a lease is valid, and how often its holder renews it. */
const LEASE_MS = 30_000;
const LEASE_RENEW_MS = 10_000;
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;
/** Quiet time before imapflow starts IDLE; low, so new mail is announced within a second. */
const IDLE_DELAY_MS = 300;
/** IDLE is restarted this often (servers may drop an IDLE after 30 min). */
const MAX_IDLE_MS = 5 * 60_000;
/** A message's download is asked for in chunks of this size. */
const DOWNLOAD_CHUNK = 512 * 1024;
/** How many messages' sizes one FETCH asks for. */
const SIZE_BATCH = 500;
/** Enough of a header block for storeInbound, which keeps 64 KiB of it. */
const HEADER_BYTES = 64 * 1024;
/** After this many failed downloads of the same message it is quarantined and the rest flows on. */
const MAX_FETCH_ATTEMPTS = 3;
/** How long stop() lets the message being stored finish before it cuts the connection. */
const STOP_GRACE_MS = 5_000;

export interface MailboxPollerOptions {
  /** Called with the inbound row's id after a message is stored (and again for a re-fetched row still pending). */
  onStored: (inboundId: string) => void;
  /** Unique per process: the lease owner written to `mailbox_states`. */
  instanceId: string;
  /** Fallback poll when IDLE announces nothing; default 60 s. */
  pollSeconds?: number;
}

/** Errors that came from the IMAP server or connection, as opposed to storage or the database. */
const imapErrors = new WeakSet<object>();
function markImap(err: unknown): unknown {
  if (err && typeof err === 'object') imapErrors.add(err);
  return err;
}
/** Runs an IMAP call, marking what it throws as an IMAP error. */
async function imapCall<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw markImap(err);
  }
}

/**
 * A pass-through whose errors reach the streams it is piped into. `.pipe()` alone leaves the
 * destination open when the source fails, so a download that breaks off would leave its
 * consumer (storeInbound) waiting forever.
 */
class ForwardingStream extends PassThrough {
  override pipe<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T {
    this.once('error', (err) => {
      const d = dest as unknown as NodeJS.EventEmitter & { destroy?: (e: Error) => void };
      // The consumer may not listen yet (it opens its file first); it learns of the error
      // from the stream's errored state then, and the process must not crash meanwhile.
      d.on('error', () => {});
      d.destroy?.(err);
    });
    return super.pipe(dest, options);
  }
}

/**
 * Keeps one IMAP connection for one channel and stores every message above the UID watermark,
 * in UID order, through `storeInbound` (which moves the watermark in the same transaction).
 * Flags are never relied on or changed (a message someone else marked read is still fetched),
 * except that with `deleteAfterImport` a message is deleted once it is stored. Oversize mail is
 * quarantined from its header alone, without downloading the body. New mail is announced by
 * IDLE; a poll every `pollSeconds` is the fallback. Only the holder of the mailbox's lease in
 * `mailbox_states` fetches, so two processes never fetch the same mailbox. Errors are recorded
 * on the mailbox state and retried with backoff (1 s doubling to 60 s).
 */
export class MailboxPoller {
  readonly channel: ChannelRow;
  private readonly cfg: ImapConfig;
  private readonly pollMs: number;
  private client: ImapFlow | null = null;
  /** The client while it connects, so stop() can cut a slow connect short. */
  private connecting: ImapFlow | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Set by IDLE news while a round runs, so the next round starts at once. */
  private dirty = false;
  private wakeUp: (() => void) | null = null;
  private leaseValidUntil = 0;
  private renewTimer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;
  /** When the mailbox was last selected (performance.now()). */
  private selectedAt = 0;
  /** Whether the open connection has had its delete-after-import cleanup. */
  private cleaned = false;
  /** Failed downloads per `uidValidity:uid`, with the last error. */
  private readonly failures = new Map<string, { attempts: number; error: string }>();

  constructor(
    private readonly ctx: Ctx,
    channel: ChannelRow,
    private readonly opts: MailboxPollerOptions,
  ) {
    if (!channel.imap) throw new Error(`channel ${channel.id} has no IMAP settings`);
    this.channel = channel;
    this.cfg = channel.imap;
    this.pollMs = Math.max(1, opts.pollSeconds ?? 60) * 1000;
  }

  /** Starts fetching in the background; errors never escape (they are recorded and retried). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.renewTimer = setInterval(() => {
      this.renewing ??= this.renewLease().finally(() => (this.renewing = null));
    }, LEASE_RENEW_MS);
    this.running = this.run().catch((err: unknown) => {
      this.ctx.log.error({ channelId: this.channel.id, error: String(err) }, 'IMAP poller crashed');
    });
  }

  /** Lets the message in hand finish, logs out and releases the lease. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
    this.wakeUp?.();
    const force = setTimeout(() => {
      this.connecting?.close();
      this.client?.close();
    }, STOP_GRACE_MS);
    try {
      await this.running;
    } finally {
      clearTimeout(force);
      this.running = null;
    }
  }

  private async run(): Promise<void> {
    let backoff = BACKOFF_MIN_MS;
    while (!this.stopping) {
      try {
        if (!(await this.takeLease())) {
          // Someone else fetches this mailbox; hold no connection, try again later.
          await this.disconnect();
          await this.pause(LEASE_RENEW_MS);
          continue;
        }
        if (!this.client) await this.connect();
        this.dirty = false;
        const complete = await this.round();
        if (this.stopping) break;
        if (!complete) continue; // lost the lease mid-round
        await this.recordSuccess();
        backoff = BACKOFF_MIN_MS;
        if (!this.dirty) await this.pause(this.pollMs);
      } catch (err) {
        if (this.stopping) break;
        const message = imapErrors.has(err as object)
          ? describeImapError(err, this.cfg)
          : `Could not store mail: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
        this.ctx.log.warn({ channelId: this.channel.id, error: message, retryInMs: backoff }, 'IMAP fetch failed');
        await this.recordError(message);
        await this.disconnect();
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      }
    }
    await this.disconnect();
    await this.renewing;
    await this.releaseLease();
  }

  /** Waits `ms`, or less when IDLE news, a dropped connection, a lost lease or stop() wakes it. */
  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private wake(): void {
    this.dirty = true;
    this.wakeUp?.();
  }

  private async connect(): Promise<void> {
    const client = new ImapFlow(
      imapClientOptions(this.cfg, {
        autoIdleDelay: IDLE_DELAY_MS,
        maxIdleTime: MAX_IDLE_MS,
        connectionTimeout: 30_000,
        greetingTimeout: 16_000,
      }),
    );
    // An error event comes with the close; without a listener it would crash the process.
    client.on('error', () => {});
    client.on('exists', () => this.wake());
    client.on('close', () => {
      if (this.client === client) this.wake();
    });
    this.connecting = client;
    try {
      if (!this.cfg.password) throw markImap(new Error(`no IMAP password is set for ${this.cfg.user}`));
      await imapCall(client.connect());
      // Read-only unless we delete: then nothing about the mailbox can change through us.
      await imapCall(client.mailboxOpen(this.cfg.mailbox, { readOnly: !this.cfg.deleteAfterImport }));
    } catch (err) {
      client.close();
      throw err;
    } finally {
      this.connecting = null;
    }
    this.client = client;
    this.selectedAt = performance.now();
    this.cleaned = false;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    if (client.usable) {
      await Promise.race([client.logout().catch(() => {}), new Promise((r) => setTimeout(r, 3000).unref())]);
    }
    client.close();
  }

  /** One pass over everything above the watermark. False when it stopped early (lease lost or stop()). */
  private async round(): Promise<boolean> {
    const client = this.client;
    if (!client?.usable || !client.mailbox) throw markImap(Object.assign(new Error('connection lost'), { code: 'EConnectionClosed' }));
    if (performance.now() - this.selectedAt >= this.pollMs) {
      // Selected afresh at every fallback poll: a session whose mailbox was deleted and created
      // again may go on answering from the old one without a word (Dovecot does, measured).
      await imapCall(client.mailboxOpen(client.mailbox.path, { readOnly: !this.cfg.deleteAfterImport }));
      this.selectedAt = performance.now();
      if (!client.mailbox) throw markImap(Object.assign(new Error('mailbox closed'), { code: 'EConnectionClosed' }));
    }
    const uidValidity = Number(client.mailbox.uidValidity);
    const [state] = await this.ctx.db
      .select({ uidValidity: mailboxStates.uidValidity, lastUid: mailboxStates.lastUid })
      .from(mailboxStates)
      .where(eq(mailboxStates.channelId, this.channel.id));
    let lastUid = state?.lastUid ?? 0;
    if (state?.uidValidity !== uidValidity) {
      // A new mailbox under the same name (or a server that renumbered it): every UID is new.
      // Starting over at 0 re-reads mail that was stored before; the dedupe key keeps it single.
      if (state?.uidValidity != null) {
        this.ctx.log.warn({ channelId: this.channel.id, was: state.uidValidity, now: uidValidity }, 'IMAP UIDVALIDITY changed; fetching the mailbox again');
      }
      lastUid = 0;
      this.failures.clear();
      await this.ctx.db
        .update(mailboxStates)
        .set({ uidValidity, lastUid: 0 })
        .where(eq(mailboxStates.channelId, this.channel.id));
    }
    if (this.cfg.deleteAfterImport && !this.cleaned && lastUid > 0) {
      await this.deleteImported(client, uidValidity, lastUid);
    }
    this.cleaned = true;
    // The new UIDs first, then their sizes a batch at a time, so a mailbox with half a million
    // unread messages costs a list of numbers, not half a million message objects.
    // `N:*` always includes the highest UID, even when it is below N; hence the filter.
    const found = await imapCall(client.search({ uid: `${lastUid + 1}:*` }, { uid: true }));
    if (!Array.isArray(found)) throw markImap(new Error(`the server refused UID SEARCH ${lastUid + 1}:*`));
    const uids = found.filter((u) => u > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length; i += SIZE_BATCH) {
      const batch = uids.slice(i, i + SIZE_BATCH);
      const listed = await imapCall(client.fetchAll(batch.join(','), { uid: true, size: true }, { uid: true }));
      const sizes = new Map(listed.map((m) => [m.uid, m.size ?? 0]));
      for (const uid of batch) {
        if (this.stopping || !this.hasLease()) return false;
        const size = sizes.get(uid);
        if (size === undefined) continue; // expunged meanwhile
        await this.importOne(client, uidValidity, uid, size);
      }
    }
    return true;
  }

  private async importOne(client: ImapFlow, uidValidity: number, uid: number, size: number): Promise<void> {
    const imap = { uidValidity, uid };
    const channel = this.channel;
    const key = `${uidValidity}:${uid}`;
    const failed = this.failures.get(key);
    /** The error, if any, with which the server failed to hand over this message. */
    let fetchFailure: unknown = null;
    let result: StoredInbound;
    let keepOnServer = false;
    try {
      if (failed && failed.attempts >= MAX_FETCH_ATTEMPTS) {
        // A poison message: the server failed to hand it over again and again (SECURITY 10).
        const quarantined = await this.quarantineUnreadable(client, imap, size, failed.error);
        if (!quarantined) return;
        result = quarantined;
        keepOnServer = true;
      } else if (size > channel.maxMessageBytes) {
        // Quarantined from its header alone: the body is never downloaded.
        const headers = await this.fetchHeader(client, uid).catch((err: unknown) => Promise.reject((fetchFailure = err)));
        if (!headers) return; // expunged meanwhile
        result = await storeInbound(this.ctx, { channel, source: 'imap', raw: { oversize: size, headers }, imap });
        keepOnServer = true;
      } else {
        const download = await imapCall(
          client.download(String(uid), undefined, { uid: true, chunkSize: DOWNLOAD_CHUNK, maxBytes: channel.maxMessageBytes + 1 }),
        ).catch((err: unknown) => Promise.reject((fetchFailure = err)));
        const content = download.content;
        if (!content) return; // expunged meanwhile
        const raw = new ForwardingStream();
        content.on('error', (err) => {
          fetchFailure = markImap(err);
          raw.destroy(err);
        });
        content.pipe(raw);
        try {
          result = await storeInbound(this.ctx, { channel, source: 'imap', raw, imap });
        } catch (err) {
          content.destroy(); // stops the chunked download if storing failed first
          throw err;
        }
        // Larger on the wire than announced: storeInbound kept only its head.
        keepOnServer = result.status === 'quarantined';
      }
      this.failures.delete(key);
    } catch (err) {
      if (fetchFailure !== null && err === fetchFailure) {
        this.failures.set(key, { attempts: (failed?.attempts ?? 0) + 1, error: describeImapError(err, this.cfg) });
      }
      throw err;
    }
    if (!result.duplicate || result.status === 'pending') {
      try {
        this.opts.onStored(result.id);
      } catch (err) {
        this.ctx.log.error({ channelId: channel.id, inboundId: result.id, error: String(err) }, 'onStored failed');
      }
    }
    // Only now, with the message committed, may it leave the server.
    if (this.cfg.deleteAfterImport && !keepOnServer) await imapCall(client.messageDelete(String(uid), { uid: true }));
  }

  /** The first 64 KiB of a message's header block (BODY.PEEK[HEADER]), or null if it is gone. */
  private async fetchHeader(client: ImapFlow, uid: number): Promise<Buffer | null> {
    const res = await imapCall(
      client.fetchOne(String(uid), { uid: true, bodyParts: [{ key: 'header', start: 0, maxLength: HEADER_BYTES }] }, { uid: true }),
    );
    if (!res) return null;
    return res.headers ?? res.bodyParts?.get('header') ?? Buffer.alloc(0);
  }

  /**
   * A message the server failed to deliver MAX_FETCH_ATTEMPTS times: kept from its header (if
   * even that can be read) and quarantined, so the mail behind it keeps flowing.
   */
  private async quarantineUnreadable(client: ImapFlow, imap: { uidValidity: number; uid: number }, size: number, why: string): Promise<StoredInbound | null> {
    const headers = await this.fetchHeader(client, imap.uid).catch(() => Buffer.alloc(0));
    if (!headers) return null; // expunged meanwhile
    const detail = `the server failed ${MAX_FETCH_ATTEMPTS} times to hand it over (${why}); only its header was kept, the message is still on the server`;
    const result = await storeInbound(this.ctx, { channel: this.channel, source: 'imap', raw: { oversize: size, headers, why: { reason: 'fetch_failed', detail } }, imap });
    this.ctx.log.error({ channelId: this.channel.id, uid: imap.uid, error: why }, 'IMAP message quarantined after repeated fetch failures');
    return result;
  }

  /**
   * With delete-after-import, deletes messages at or below the watermark that are still on the
   * server: stored, but the process stopped before it could delete them. Quarantined ones stay.
   */
  private async deleteImported(client: ImapFlow, uidValidity: number, lastUid: number): Promise<void> {
    const found = await imapCall(client.search({ uid: `1:${lastUid}` }, { uid: true }));
    if (!Array.isArray(found)) throw markImap(new Error(`the server refused UID SEARCH 1:${lastUid}`));
    const present = found.filter((u) => u <= lastUid);
    for (let i = 0; i < present.length; i += 500) {
      const batch = present.slice(i, i + 500);
      const stored = await this.ctx.db
        .select({ uid: inboundMails.imapUid })
        .from(inboundMails)
        .where(
          and(
            eq(inboundMails.channelId, this.channel.id),
            eq(inboundMails.imapUidValidity, uidValidity),
            inArray(inboundMails.imapUid, batch),
            or(isNull(inboundMails.reason), sql`${inboundMails.reason} not in ('oversize', 'fetch_failed')`),
          ),
        );
      const uids = stored.map((r) => r.uid).filter((u): u is number => u !== null);
      if (uids.length > 0) await imapCall(client.messageDelete(uids.join(','), { uid: true }));
    }
  }

  private hasLease(): boolean {
    return performance.now() < this.leaseValidUntil;
  }

  /** Takes or renews the mailbox's lease; false while another process holds it. */
  private async takeLease(): Promise<boolean> {
    const me = this.opts.instanceId;
    const startedAt = performance.now();
    const now = this.ctx.clock.now();
    const take = () =>
      this.ctx.db
        .update(mailboxStates)
        .set({ leaseOwner: me, leaseUntil: new Date(now.getTime() + LEASE_MS) })
        .where(
          and(
            eq(mailboxStates.channelId, this.channel.id),
            or(isNull(mailboxStates.leaseOwner), eq(mailboxStates.leaseOwner, me), lt(mailboxStates.leaseUntil, now)),
          ),
        )
        .returning({ channelId: mailboxStates.channelId });
    let rows = await take();
    if (rows.length === 0) {
      const inserted = await this.ctx.db
        .insert(mailboxStates)
        .values({ channelId: this.channel.id })
        .onConflictDoNothing()
        .returning({ channelId: mailboxStates.channelId });
      if (inserted.length > 0) rows = await take();
    }
    // Counted from before the query, with a margin, so we stop before anyone else may start.
    this.leaseValidUntil = rows.length > 0 ? startedAt + LEASE_MS - 2_000 : 0;
    return rows.length > 0;
  }

  private async renewLease(): Promise<void> {
    if (this.stopping) return;
    const had = this.hasLease();
    try {
      const has = await this.takeLease();
      // Lost it: the round in progress stops; taken (back): fetch now rather than at the next poll.
      if (has !== had) this.wake();
    } catch (err) {
      // The lease stays valid until it runs out; then the round stops by itself.
      this.ctx.log.warn({ channelId: this.channel.id, error: String(err) }, 'could not renew the IMAP lease');
    }
  }

  private async releaseLease(): Promise<void> {
    this.leaseValidUntil = 0;
    await this.ctx.db
      .update(mailboxStates)
      .set({ leaseOwner: null, leaseUntil: null })
      .where(and(eq(mailboxStates.channelId, this.channel.id), eq(mailboxStates.leaseOwner, this.opts.instanceId)))
      .catch((err: unknown) => this.ctx.log.warn({ channelId: this.channel.id, error: String(err) }, 'could not release the IMAP lease'));
  }

  private async recordSuccess(): Promise<void> {
    await this.ctx.db
      .update(mailboxStates)
      .set({ lastFetchAt: this.ctx.clock.now(), lastError: null, lastErrorAt: null })
      .where(eq(mailboxStates.channelId, this.channel.id));
  }

  private async recordError(message: string): Promise<void> {
    await this.ctx.db
      .update(mailboxStates)
      .set({ lastError: message, lastErrorAt: this.ctx.clock.now() })
      .where(eq(mailboxStates.channelId, this.channel.id))
      .catch((err: unknown) => this.ctx.log.warn({ channelId: this.channel.id, error: String(err) }, 'could not record the IMAP error'));
  }
}
