import { EventEmitter } from 'node:events';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { outboxEvents } from './schema.ts';
import type { ActorKind } from './actor.ts';
import { BUS_MESSAGE_MAX_BYTES, type Bus } from './bus.ts';

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
  'agent.status_changed': { agentId: string; status: 'online' | 'away' | 'offline'; previousStatus: 'online' | 'away' | 'offline' };
  'agent.routing_updated': { agentId: string };
  'team.routing_updated': { teamId: string };
  'ticket.escalated': { ticketId: string; number: number; fromTeamId: string | null; toTeamId: string; tier: number; kind: 'hierarchical' | 'functional'; reason: string };
  /** An SLA target of a ticket is about to breach, or breached (once per target instance). */
  'ticket.sla_warning': { ticketId: string; number: number; metric: string; dueAt: string | null };
  'ticket.sla_breached': { ticketId: string; number: number; metric: string; dueAt: string | null };
  /** An in-app notification for one agent; pushed to that agent's open tabs only. */
  'notification.created': { agentId: string; notification: { id: string; kind: string; ticketId: string | null; title: string; body: string; readAt: string | null; createdAt: string } };
  /** An agent read notifications (these ids, or all); keeps the agent's other tabs in step. */
  'notification.read': { agentId: string; ids: string[] | 'all' };
  /** A chat nobody answered in time; the chat's ticket carries the conversation. */
  'chat.missed': { ticketId: string };
  /** A chat opened, was handed over by the answer bot, accepted, transferred, ended or turned into a regular ticket. */
  'chat.updated': { ticketId: string; conversationId: string; status: 'bot' | 'waiting' | 'active' | 'ended'; agentId: string | null; change: 'started' | 'handed_over' | 'accepted' | 'transferred' | 'ended' | 'converted' };
  /** A message got its place (`seq`) in a chat conversation. */
  'chat.message_posted': { ticketId: string; conversationId: string; messageId: string; seq: number; author: 'visitor' | 'agent' | 'bot' | 'system' };
  /** A customer rated a survey or changed the rating; `good` is the CSAT verdict (null for NPS). */
  'survey.rated': { surveyId: string; ticketId: string | null; kind: 'csat' | 'nps' | 'ces'; score: number; scale: number; good: boolean | null; changed: boolean };
}

/**
 * Which automation rules led to an event: the chain of rule ids (the last one wrote it) and
 * its length. Events of people and the system carry none.
 */
export interface EventCause {
  ruleIds: string[];
  depth: number;
}

export type DomainEventType = keyof DomainEventMap;
export type DomainEvent = {
  [K in DomainEventType]: { type: K; payload: DomainEventMap[K]; actor: { kind: ActorKind; id: string | null }; cause?: EventCause };
}[DomainEventType];

export type Emit = (event: DomainEvent) => void;

/** How long a dispatch request waits for others to join it. */
const KICK_DELAY_MS = 5;
/** How many recently delivered event ids each process remembers, so an event that arrives twice is delivered live once. */
const LIVE_SEEN_MAX = 20_000;
export type DispatchedEvent = DomainEvent & { id: number; createdAt: Date };

/** A committed event as it travels on the bus: whole when small, else only its id (the receiver loads it). */
type LiveMessage = { id: number; type: string; payload: unknown; actor: DomainEvent['actor']; cause?: EventCause; at: string } | { ref: number };

/**
 * Hands committed domain events to two kinds of subscribers.
 *
 * - Work subscribers (`subscribe`: SLA recompute, routing, automation, notifications, mail)
 *   run only in the processes that claim the outbox: worker-role processes. Other processes
 *   nudge the workers through the bus after each commit, and a timer picks up anything left
 *   behind by a crash between commit and dispatch. Each event is claimed by one worker once.
 * - Live subscribers (`subscribeLive`: the agent and visitor sockets) run in every process.
 *   The committing process publishes its events on the bus right after commit; the worker
 *   that claims an event publishes it again, which covers events written to the outbox
 *   directly and commits whose process died before publishing. Each process delivers an
 *   event id once.
 */
export class EventDispatcher {
  private readonly work = new EventEmitter();
  private readonly live = new EventEmitter();
  private readonly seen = new Set<number>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private scheduled: NodeJS.Timeout | null = null;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    /** The bus between the processes; chat and the agent sockets use it too. */
    readonly bus: Bus,
    private readonly opts: { claims: boolean },
    private readonly onError: (err: unknown) => void,
  ) {
    this.work.setMaxListeners(0);
    this.live.setMaxListeners(0);
    this.unsubscribe.push(bus.subscribe('events', (m) => void this.receiveLive(m as LiveMessage).catch(this.onError)));
    if (opts.claims) this.unsubscribe.push(bus.subscribe('events.kick', () => this.kick()));
  }

  /** Work subscriber: runs in worker processes, once per event across the installation. */
  subscribe(listener: (event: DispatchedEvent) => void | Promise<void>): () => void {
    return this.listen(this.work, listener);
  }

  /** Live subscriber: runs in every process, for pushing events to the sockets it holds. */
  subscribeLive(listener: (event: DispatchedEvent) => void | Promise<void>): () => void {
    return this.listen(this.live, listener);
  }

  private listen(emitter: EventEmitter, listener: (event: DispatchedEvent) => void | Promise<void>): () => void {
    const wrapped = (e: DispatchedEvent) => {
      Promise.resolve()
        .then(() => listener(e))
        .catch(this.onError);
    };
    emitter.on('event', wrapped);
    return () => emitter.off('event', wrapped);
  }

  /** Called after a transaction committed these outbox rows: live delivery at once, work soon. */
  committed(events: DispatchedEvent[]): void {
    for (const e of events) this.publishLive(e);
    this.kick();
  }

  /**
   * Asks for a dispatch round soon. Calls within a few milliseconds share one round, so a busy
   * server drains the outbox once for many commits instead of once per commit. A process that
   * does not claim events passes the request on to the workers.
   */
  kick(): void {
    if (this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      if (this.opts.claims) this.round();
      else this.bus.publish('events.kick', {});
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

  /** Starts the timer that drains what commits left behind; only claiming processes have one. */
  start(intervalMs = 5000): void {
    if (!this.opts.claims) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.scheduled) clearTimeout(this.scheduled);
    this.timer = null;
    this.scheduled = null;
    for (const u of this.unsubscribe.splice(0)) u();
    await this.running;
  }

  /**
   * Drains the outbox in this process now, whatever its roles, and resolves once everything
   * committed so far has been handed to the subscribers (tests, the demo and the
   * `system.dispatch-events` job use it).
   */
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
        const e = fromRow(row);
        this.work.emit('event', e);
        this.publishLive(e);
      }
      if (batch.length < 200) return;
    }
  }

  private publishLive(e: DispatchedEvent): void {
    const whole: LiveMessage = { id: e.id, type: e.type, payload: e.payload, actor: e.actor, ...(e.cause && { cause: e.cause }), at: e.createdAt.toISOString() };
    const json = JSON.stringify(whole);
    this.bus.publish('events', Buffer.byteLength(json) <= BUS_MESSAGE_MAX_BYTES ? whole : { ref: e.id });
  }

  private async receiveLive(m: LiveMessage): Promise<void> {
    const id = 'ref' in m ? m.ref : m.id;
    if (this.seen.has(id)) return;
    this.remember(id);
    let event: DispatchedEvent | undefined;
    if ('ref' in m) {
      const [row] = await this.db.select().from(outboxEvents).where(eq(outboxEvents.id, m.ref));
      if (!row) return;
      event = fromRow(row);
    } else {
      event = { id: m.id, type: m.type, payload: m.payload, actor: m.actor, ...(m.cause && { cause: m.cause }), createdAt: new Date(m.at) } as DispatchedEvent;
    }
    if (this.live.listenerCount('event') > 0) this.live.emit('event', event);
  }

  private remember(id: number): void {
    this.seen.add(id);
    if (this.seen.size > LIVE_SEEN_MAX) {
      // Sets iterate in insertion order: drop the oldest tenth.
      let drop = LIVE_SEEN_MAX / 10;
      for (const old of this.seen) {
        this.seen.delete(old);
        if (--drop <= 0) break;
      }
    }
  }
}

function fromRow(row: typeof outboxEvents.$inferSelect): DispatchedEvent {
  const payload = row.payload as { payload: unknown; actor: DomainEvent['actor']; cause?: EventCause };
  return {
    id: row.id,
    type: row.type,
    payload: payload.payload,
    actor: payload.actor,
    ...(payload.cause && { cause: payload.cause }),
    createdAt: row.createdAt,
  } as DispatchedEvent;
}
