import type { Ctx } from '../../../platform/context.ts';
import { listChannels } from '../../channels/repository.ts';
import { MailboxPoller } from './poller.ts';

export interface ImapManagerOptions {
  /** Called with an inbound row's id once a fetched message is stored. */
  onStored: (inboundId: string) => void;
  /** Unique per process (e.g. host, pid and a random suffix): the owner of the mailbox leases. */
  instanceId: string;
  /** Fallback poll interval when IDLE reports nothing; default 60 s. */
  pollSeconds?: number;
}

/**
 * One MailboxPoller per active email channel with IMAP settings. Call `sync()` at start, after a
 * channel changed and now and then; which process actually fetches a mailbox is decided by the
 * pollers' leases, so every worker may run a manager.
 */
export class ImapManager {
  private readonly pollers = new Map<string, { poller: MailboxPoller; updatedAt: number }>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly opts: ImapManagerOptions,
  ) {}

  /**
   * Starts a poller for each active email channel with IMAP settings, restarts one whose channel
   * changed (by `updatedAt`) and stops those whose channel is gone, inactive or without IMAP.
   * Calls run one after another.
   */
  sync(): Promise<void> {
    const run = this.queue.then(() => this.syncNow());
    this.queue = run.catch(() => {});
    return run;
  }

  /** Stops every poller (each finishes the message in hand and releases its lease). */
  stop(): Promise<void> {
    this.stopped = true;
    const run = this.queue.then(async () => {
      const all = [...this.pollers.values()];
      this.pollers.clear();
      await Promise.all(all.map((p) => p.poller.stop()));
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async syncNow(): Promise<void> {
    if (this.stopped) return;
    const channels = await listChannels(this.ctx.db, { activeOnly: true });
    const wanted = new Map(channels.filter((c) => c.kind === 'email' && c.active && c.imap).map((c) => [c.id, c]));
    const outdated: MailboxPoller[] = [];
    for (const [id, entry] of this.pollers) {
      const channel = wanted.get(id);
      if (!channel || channel.updatedAt.getTime() !== entry.updatedAt) {
        outdated.push(entry.poller);
        this.pollers.delete(id);
      }
    }
    await Promise.all(outdated.map((p) => p.stop()));
    for (const [id, channel] of wanted) {
      if (this.pollers.has(id)) continue;
      const poller = new MailboxPoller(this.ctx, channel, this.opts);
      this.pollers.set(id, { poller, updatedAt: channel.updatedAt.getTime() });
      poller.start();
    }
  }
}
