import { EventEmitter } from 'node:events';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { outboxEvents } from './schema.ts';
import type { ActorKind } from './actor.ts';

/** Every domain event and its payload. Names are `<entity>.<past_tense>`. */
export interface DomainEventMap {
  'ticket.created': { ticketId: string; number: number; teamId: string | null; assigneeId: string | null };
  'ticket.updated': { ticketId: string; number: number; teamId: string | null; assigneeId: string | null; changes: string[]; version: number };
  'ticket.merged': { ticketId: string; sourceIds: string[] };
  'message.created': { ticketId: string; messageId: string; kind: 'public' | 'note' | 'system'; authorKind: ActorKind | 'contact' };
  'contact.created': { contactId: string };
  'contact.updated': { contactId: string };
  'organization.created': { organizationId: string };
  'agent.created': { agentId: string };
  'agent.updated': { agentId: string };
}

export type DomainEventType = keyof DomainEventMap;
export type DomainEvent = {
  [K in DomainEventType]: { type: K; payload: DomainEventMap[K]; actor: { kind: ActorKind; id: string | null } };
}[DomainEventType];

export type Emit = (event: DomainEvent) => void;

/** How long a dispatch request waits for others to join it. */
const KICK_DELAY_MS = 5;
export type DispatchedEvent = DomainEvent & { id: number; createdAt: Date };

/**
 * Reads committed events from the outbox and hands them to in-process subscribers (realtime)
 * exactly once per process run. Runs right after each commit and on a timer, which also
 * picks up events left behind by a crash between commit and dispatch.
 */
export class EventDispatcher {
  private readonly bus = new EventEmitter();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private scheduled: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db, private readonly onError: (err: unknown) => void) {
    this.bus.setMaxListeners(0);
  }

  subscribe(listener: (event: DispatchedEvent) => void | Promise<void>): () => void {
    const wrapped = (e: DispatchedEvent) => {
      Promise.resolve()
        .then(() => listener(e))
        .catch(this.onError);
    };
    this.bus.on('event', wrapped);
    return () => this.bus.off('event', wrapped);
  }

  /**
   * Asks for a dispatch round soon. Calls within a few milliseconds share one round, so a busy
   * server drains the outbox once for many commits instead of once per commit.
   */
  kick(): void {
    if (this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      this.round();
    }, KICK_DELAY_MS);
  }

  private round(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.round();
        }
      });
  }

  start(intervalMs = 5000): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.scheduled) clearTimeout(this.scheduled);
    this.timer = null;
    this.scheduled = null;
    await this.running;
  }

  /** Resolves once everything committed so far has been dispatched (tests use it). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await this.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(outboxEvents)
          .where(isNull(outboxEvents.dispatchedAt))
          .orderBy(asc(outboxEvents.id))
          .limit(200)
          .for('update', { skipLocked: true });
        if (rows.length === 0) return rows;
        await tx
          .update(outboxEvents)
          .set({ dispatchedAt: sql`now()` })
          .where(and(inArray(outboxEvents.id, rows.map((r) => r.id))));
        return rows;
      });
      for (const row of batch) {
        const payload = row.payload as { payload: unknown; actor: DomainEvent['actor'] };
        this.bus.emit('event', {
          id: row.id,
          type: row.type,
          payload: payload.payload,
          actor: payload.actor,
          createdAt: row.createdAt,
        } as DispatchedEvent);
      }
      if (batch.length < 200) return;
    }
  }
}
