import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Redis } from 'ioredis';

/**
 * Topics on the bus. `events`: committed domain events for live delivery in every process;
 * `events.kick`: a nudge that asks worker processes to drain the outbox; `chat`: chat typing
 * and read receipts; `presence`: who views and types on which ticket, per process.
 */
export type BusTopic = 'events' | 'events.kick' | 'chat' | 'presence';
const TOPICS: readonly BusTopic[] = ['events', 'events.kick', 'chat', 'presence'];

export type BusHandler = (message: unknown) => void;

/**
 * Publish / subscribe of small JSON messages between the server processes of one installation.
 * Delivery is best effort and at most once: whoever needs certainty reads the database (the
 * chat replays by sequence number, the outbox is drained by workers).
 */
export interface Bus {
  readonly kind: 'memory' | 'postgres' | 'redis';
  /** Queues a message; messages published in the same tick travel together. Local subscribers get it in this process at once. */
  publish(topic: BusTopic, message: unknown): void;
  subscribe(topic: BusTopic, handler: BusHandler): () => void;
  close(): Promise<void>;
}

/**
 * Largest serialized message, in bytes. PostgreSQL refuses NOTIFY payloads of 8000 bytes or
 * more, so publishers send ids and small fields and receivers load the rest.
 */
export const BUS_MESSAGE_MAX_BYTES = 7_000;
/** Messages held while the connection to PostgreSQL or Redis is down; older ones are dropped. */
const MAX_PENDING = 20_000;

/** Opens the bus this deployment needs: Redis with REDIS_URL, else LISTEN/NOTIFY on PostgreSQL, else in-process (PGlite). */
export async function openBus(opts: { databaseUrl?: string; redisUrl?: string; onError: (err: unknown) => void }): Promise<Bus> {
  if (opts.redisUrl) return RedisBus.open(opts.redisUrl, opts.onError);
  if (opts.databaseUrl) return PostgresBus.open(opts.databaseUrl, opts.onError);
  return new LocalBus();
}

/** The envelope on the wire: the sending process and a batch of messages. */
interface Envelope {
  o: string;
  m: unknown[];
}

/** Local delivery plus batching; subclasses only move envelopes between processes. */
abstract class BaseBus implements Bus {
  abstract readonly kind: Bus['kind'];
  protected readonly origin = randomBytes(8).toString('hex');
  private readonly local = new EventEmitter();
  protected pending: { topic: BusTopic; json: string }[] = [];
  private scheduled = false;
  protected closed = false;

  constructor() {
    this.local.setMaxListeners(0);
  }

  publish(topic: BusTopic, message: unknown): void {
    if (this.closed) return;
    const json = JSON.stringify(message);
    if (Buffer.byteLength(json) > BUS_MESSAGE_MAX_BYTES) throw new Error(`bus message on "${topic}" is larger than ${BUS_MESSAGE_MAX_BYTES} bytes`);
    queueMicrotask(() => this.deliverLocal(topic, message));
    if (!this.remote) return;
    this.pending.push({ topic, json });
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  subscribe(topic: BusTopic, handler: BusHandler): () => void {
    this.local.on(topic, handler);
    return () => this.local.off(topic, handler);
  }

  private deliverLocal(topic: BusTopic, message: unknown): void {
    for (const handler of this.local.listeners(topic) as BusHandler[]) {
      try {
        handler(message);
      } catch (err) {
        this.onHandlerError(err);
      }
    }
  }

  protected onHandlerError(_err: unknown): void {}

  /** Whether messages also travel to other processes. */
  protected get remote(): boolean {
    return true;
  }

  /** Hands what arrived from another process to the local subscribers; our own envelopes were delivered already. */
  protected receive(topic: string, payload: string): void {
    if (!(TOPICS as readonly string[]).includes(topic)) return;
    let env: Envelope;
    try {
      env = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (env.o === this.origin || !Array.isArray(env.m)) return;
    for (const m of env.m) this.deliverLocal(topic as BusTopic, m);
  }

  /** Packs pending messages per topic into envelopes of at most `max` bytes, in publish order. */
  protected takeBatches(max: number): { topic: BusTopic; payload: string }[] {
    const out: { topic: BusTopic; payload: string }[] = [];
    const open = new Map<BusTopic, { parts: string[]; size: number }>();
    const head = `{"o":"${this.origin}","m":[`;
    const close = (topic: BusTopic) => {
      const b = open.get(topic);
      if (b && b.parts.length) out.push({ topic, payload: `${head}${b.parts.join(',')}]}` });
      open.delete(topic);
    };
    for (const { topic, json } of this.pending) {
      const size = Buffer.byteLength(json) + 1;
      const b = open.get(topic);
      if (b && b.size + size > max) close(topic);
      const cur = open.get(topic) ?? { parts: [], size: head.length + 2 };
      cur.parts.push(json);
      cur.size += size;
      open.set(topic, cur);
    }
    for (const topic of [...open.keys()]) close(topic);
    this.pending = [];
    return out;
  }

  protected requeue(batches: { topic: BusTopic; payload: string }[]): void {
    const again = batches.flatMap((b) => (JSON.parse(b.payload) as Envelope).m.map((m) => ({ topic: b.topic, json: JSON.stringify(m) })));
    this.pending = [...again, ...this.pending].slice(-MAX_PENDING);
  }

  protected abstract flush(): Promise<void>;

  async close(): Promise<void> {
    this.closed = true;
    this.local.removeAllListeners();
  }
}

/** One process only (PGlite): subscribers in this process are all there is. */
class LocalBus extends BaseBus {
  readonly kind = 'memory' as const;
  protected override get remote(): boolean {
    return false;
  }
  protected async flush(): Promise<void> {}
}

const channelOf = (topic: BusTopic) => `servus_${topic.replace(/\W/g, '_')}`;
const topicOf = (channel: string) => TOPICS.find((t) => channelOf(t) === channel) ?? '';

/**
 * LISTEN/NOTIFY on a dedicated PostgreSQL connection (not from the pool: a pooled connection
 * cannot keep listening). The same connection sends, so one process's messages arrive in the
 * order they were published. Reconnects with backoff and listens again.
 */
class PostgresBus extends BaseBus {
  readonly kind = 'postgres' as const;
  private client: pg.Client | null = null;
  private flushing: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;

  private constructor(private readonly url: string, private readonly onError: (err: unknown) => void) {
    super();
  }

  static async open(url: string, onError: (err: unknown) => void): Promise<PostgresBus> {
    const bus = new PostgresBus(url, onError);
    await bus.connect();
    return bus;
  }

  protected override onHandlerError(err: unknown): void {
    this.onError(err);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'servus-bus' });
    client.on('notification', (n) => this.receive(topicOf(n.channel), n.payload ?? ''));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    for (const t of TOPICS) await client.query(`LISTEN ${channelOf(t)}`);
    this.client = client;
    this.attempt = 0;
    if (this.pending.length) void this.flush();
  }

  private lost(client: pg.Client, err: Error | null): void {
    if (this.client !== client && this.client !== null) return;
    this.client = null;
    client.removeAllListeners('notification');
    if (this.closed) return;
    if (err) this.onError(err);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.retry || this.closed) return;
    const delay = Math.min(10_000, 250 * 2 ** this.attempt++);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch((err) => {
        this.onError(err);
        this.scheduleReconnect();
      });
    }, delay);
    this.retry.unref();
  }

  protected async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      while (this.pending.length && this.client) {
        const client = this.client;
        const batches = this.takeBatches(BUS_MESSAGE_MAX_BYTES + 800);
        for (let i = 0; i < batches.length; i++) {
          try {
            await client.query('select pg_notify($1, $2)', [channelOf(batches[i]!.topic), batches[i]!.payload]);
          } catch (err) {
            this.requeue(batches.slice(i));
            this.onError(err);
            return;
          }
        }
      }
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }

  override async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await super.close();
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}

/** Redis pub/sub: one connection publishes, one subscribes; ioredis reconnects and subscribes again by itself. */
class RedisBus extends BaseBus {
  readonly kind = 'redis' as const;
  private flushing: Promise<void> | null = null;

  private constructor(private readonly pub: Redis, private readonly sub: Redis, private readonly onError: (err: unknown) => void) {
    super();
  }

  static async open(url: string, onError: (err: unknown) => void): Promise<RedisBus> {
    const options = { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    const bus = new RedisBus(pub, sub, onError);
    pub.on('error', onError);
    sub.on('error', onError);
    sub.on('message', (channel: string, payload: string) => bus.receive(topicOf(channel), payload));
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(...TOPICS.map(channelOf));
    return bus;
  }

  protected override onHandlerError(err: unknown): void {
    this.onError(err);
  }

  protected async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      while (this.pending.length) {
        const batches = this.takeBatches(64 * 1024);
        try {
          const pipeline = this.pub.pipeline();
          for (const b of batches) pipeline.publish(channelOf(b.topic), b.payload);
          await pipeline.exec();
        } catch (err) {
          this.requeue(batches);
          this.onError(err);
          return;
        }
      }
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }

  override async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await super.close();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
