import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ChannelMailHealth, MailHealth } from '@servus/shared';
import { inTransaction, makeCtx, type Ctx, type Services } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import type { Role } from '../../platform/config.ts';
import { listChannels } from '../channels/repository.ts';
import { MailSigner } from './signing.ts';
import { ParsePool } from './parse/pool.ts';
import { MailProcessor } from './process.ts';
import { SmtpReceiver } from './smtp-receiver.ts';
import { ImapManager } from './imap/manager.ts';
import { cachingResolver, type DnsResolver } from './auth.ts';
import { queueReply } from './outbound/queue.ts';
import { mailSendJob } from './outbound/send.ts';
import { closeOutboundTransports } from './outbound/transport.ts';

/** A channel that has not fetched for this long is reported stale (SECURITY 22). */
export const STALE_AFTER_MS = 15 * 60_000;

export interface MailOptions {
  /** Secret the Message-ID and reply-token signatures derive from. */
  secret: string;
  roles: ReadonlySet<Role>;
  /** DNS for SPF/DKIM/DMARC; tests give a resolver with fixed records. */
  resolver?: DnsResolver;
}

/**
 * The email channel in one process: parsing workers, the processor, and — by role — the SMTP
 * receiver (`smtp`), IMAP polling and outbound queueing (`worker`).
 */
export class Mail {
  readonly signer: MailSigner;
  private readonly pool: ParsePool;
  private readonly resolver: DnsResolver;
  private processorInstance: MailProcessor | null = null;
  private receiver: SmtpReceiver | null = null;
  private imap: ImapManager | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The port the SMTP receiver listens on (when this process has the smtp role). */
  smtpPort: number | null = null;

  constructor(
    private readonly services: Services,
    private readonly opts: MailOptions,
  ) {
    this.signer = new MailSigner(opts.secret);
    this.pool = new ParsePool({ blobRoot: path.join(services.config.DATA_DIR, 'blobs'), size: services.config.MAIL_PARSE_WORKERS });
    this.resolver = opts.resolver ?? cachingResolver(undefined, { timeoutMs: services.config.MAIL_DNS_TIMEOUT_MS });
  }

  /** The processor, made on first use: its context needs the job queue, which starts after this object. */
  get processor(): MailProcessor {
    this.processorInstance ??= new MailProcessor(this.ctx(), {
      signer: this.signer,
      pool: this.pool,
      resolver: this.resolver,
      mta: this.services.config.PUBLIC_URL ? new URL(this.services.config.PUBLIC_URL).hostname : os.hostname(),
    }, this.services.config.MAIL_PROCESS_CONCURRENCY);
    return this.processorInstance;
  }

  private ctx(): Ctx {
    return makeCtx(this.services, SYSTEM_ACTOR);
  }

  /** Background jobs: sending mail, and a sweep for mail a crash or another process left pending. */
  jobs(): JobDefinition[] {
    const ctx = () => this.ctx();
    const sweep: JobDefinition = {
      name: 'mail.sweep',
      schema: z.object({}).passthrough(),
      cron: '* * * * *',
      handler: async () => {
        await this.processor.sweep();
        await this.imap?.sync();
      },
    };
    // The job reads its context when it runs, so it sees the job queue started after this.
    return [mailSendJob({ get ctx() { return ctx(); } }), sweep];
  }

  /** Starts what this process's roles ask for. */
  async start(): Promise<void> {
    const { config, log } = this.services;
    const kick = (id: string) => this.processor.kick(id);
    if (this.opts.roles.has('worker')) {
      this.unsubscribe = this.services.events.subscribe(async (e) => {
        if (e.type !== 'message.created' || e.payload.kind !== 'public' || (e.payload.authorKind !== 'agent' && e.payload.authorKind !== 'automation')) return;
        const ctx = this.ctx();
        await inTransaction(ctx, (tx) => queueReply(tx, ctx, this.signer, e.payload.messageId));
      });
      this.imap = new ImapManager(this.ctx(), { onStored: kick, instanceId: `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}` });
      await this.imap.sync();
      void this.processor.sweep(0).catch((err: unknown) => log.error({ err }, 'mail sweep failed'));
    }
    if (this.opts.roles.has('smtp')) {
      this.receiver = new SmtpReceiver(this.ctx(), kick, { maxBytes: 100 * 1024 * 1024 });
      this.smtpPort = await this.receiver.listen(config.SMTP_PORT, config.HOST);
      log.info({ port: this.smtpPort }, 'SMTP receiver listening');
    }
  }

  /** Picks up a channel's new or changed IMAP settings at once instead of on the next sweep. */
  async channelsChanged(): Promise<void> {
    await this.imap?.sync();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.receiver?.close();
    await this.imap?.stop();
    await this.processorInstance?.stop();
    await this.pool.close();
    closeOutboundTransports();
  }

  /** Per channel: fetch state, backlog, failures, quarantine and loops. */
  async health(): Promise<MailHealth> {
    const db = this.services.database.db;
    const now = this.services.clock.now();
    const list = await listChannels(db);
    const counts = await queryRows<{ channel_id: string; status: string; reason: string | null; n: number; last: Date | string | null }>(
      db,
      sql`select channel_id, status, case when reason = 'own_loop' then reason end as reason, count(*)::int as n, max(received_at) as last
          from inbound_mails where status <> 'processed' group by 1, 2, 3`,
    );
    const out = await queryRows<{ channel_id: string; status: string; n: number }>(
      db,
      sql`select channel_id, status, count(*)::int as n from outbound_mails where status in ('queued', 'failed') group by 1, 2`,
    );
    const states = await queryRows<{ channel_id: string; last_fetch_at: Date | string | null; last_error: string | null; last_error_at: Date | string | null }>(
      db,
      sql`select channel_id, last_fetch_at, last_error, last_error_at from mailbox_states`,
    );
    const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
    const channels: ChannelMailHealth[] = list.map((c) => {
      const mine = counts.filter((r) => r.channel_id === c.id);
      const n = (status: string, reason?: string) => mine.filter((r) => r.status === status && (reason === undefined || r.reason === reason)).reduce((s, r) => s + r.n, 0);
      const state = states.find((s) => s.channel_id === c.id);
      const lastFetch = state?.last_fetch_at ? new Date(state.last_fetch_at) : null;
      const since = lastFetch ?? c.updatedAt;
      const imapConfigured = Boolean(c.imap) && c.active;
      return {
        channelId: c.id,
        name: c.name,
        address: c.address,
        active: c.active,
        imapConfigured,
        lastFetchAt: iso(lastFetch),
        lastError: state?.last_error ?? null,
        lastErrorAt: iso(state?.last_error_at),
        stale: imapConfigured && now.getTime() - since.getTime() > STALE_AFTER_MS,
        backlog: n('pending'),
        failed: n('failed'),
        quarantined: n('quarantined'),
        outboundQueued: out.filter((r) => r.channel_id === c.id && r.status === 'queued').reduce((s, r) => s + r.n, 0),
        outboundFailed: out.filter((r) => r.channel_id === c.id && r.status === 'failed').reduce((s, r) => s + r.n, 0),
        loopWarnings: n('ignored', 'own_loop'),
        lastLoopAt: iso(mine.find((r) => r.reason === 'own_loop')?.last),
      };
    });
    return { channels };
  }
}
