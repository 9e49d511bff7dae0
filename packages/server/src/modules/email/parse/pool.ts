import { Worker } from 'node:worker_threads';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.ts';
import type { ParsedMail } from './types.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker.ts';

/** Why ParsePool could not deliver a result: over the time limit, the worker died, or parseMail threw. */
export class ParseFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'crash' | 'error',
    message: string,
  ) {
    super(message);
    this.name = 'ParseFailure';
  }
}

export interface ParsePoolOptions {
  /** Worker threads (default 2). */
  size?: number;
  /** Root of the content-addressed blob store attachments are written to. */
  blobRoot: string;
  limits?: Partial<ParseLimits>;
  /** Old-generation heap of one worker in MB (default 256); past it the worker dies, not the server. */
  maxHeapMb?: number;
}

/**
 * Starts worker.ts with TypeScript support. `execArgv: ['--import', 'tsx']` does not work on
 * Node 20: a worker does not apply --import module hooks to its own entry module and fails with
 * ERR_UNKNOWN_FILE_EXTENSION. So the worker registers tsx itself, then imports worker.ts.
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)});
});`;

interface Task {
  id: number;
  rawPath: string;
  maxBytes?: number;
  timeoutMs: number;
  resolve: (mail: ParsedMail) => void;
  reject: (err: ParseFailure) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  gone: boolean;
}

/**
 * Parses messages in worker threads, one message per worker at a time, so a hostile message
 * can neither block nor crash the server (SECURITY 10, 11): a parse over `maxTimeMs` has its
 * worker terminated, a worker that dies (out of memory, native crash) fails only its message,
 * and a fresh worker takes the next one. Workers are reused; tasks queue while all are busy.
 * Idle workers do not keep the process alive.
 *
 * @example
 * const pool = new ParsePool({ blobRoot: path.join(dataDir, 'blobs') });
 * const mail = await pool.parse('/data/inbound/1234.eml', channel.maxMessageBytes);
 */
export class ParsePool {
  private readonly size: number;
  private readonly limits: ParseLimits;
  private readonly init: WorkerInit;
  private readonly maxHeapMb: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: ParsePoolOptions) {
    this.size = Math.max(1, Math.floor(opts.size ?? 2));
    this.limits = { ...DEFAULT_PARSE_LIMITS, ...opts.limits };
    this.init = { blobRoot: opts.blobRoot, limits: this.limits };
    this.maxHeapMb = opts.maxHeapMb ?? 256;
  }

  /**
   * Parses the raw message at `rawPath` (at most `maxBytes`, default limits.maxBytes). Rejects
   * with ParseFailure. `opts.maxTimeMs` overrides the time limit for this message.
   */
  parse(rawPath: string, maxBytes?: number, opts: { maxTimeMs?: number } = {}): Promise<ParsedMail> {
    if (this.closed) return Promise.reject(new ParseFailure('error', 'parse pool is closed'));
    return new Promise<ParsedMail>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, rawPath, maxBytes, timeoutMs: opts.maxTimeMs ?? this.limits.maxTimeMs, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker; queued and running parses reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ParseFailure('error', 'parse pool is closed'));
    const slots = [...this.slots];
    for (const slot of slots) this.retire(slot, new ParseFailure('error', 'parse pool is closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Hands queued tasks to idle workers and starts workers for the rest, up to `size`. */
  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.ready && !slot.task) this.dispatch(slot, this.queue.shift()!);
    }
    let starting = 0;
    for (const slot of this.slots) if (!slot.ready) starting++;
    for (let n = Math.min(this.queue.length - starting, this.size - this.slots.size); n > 0; n--) this.spawn();
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    task.timer = setTimeout(() => {
      this.retire(slot, new ParseFailure('timeout', `parsing took longer than ${task.timeoutMs} ms`));
      this.pump();
    }, task.timeoutMs);
    slot.worker.postMessage({ id: task.id, rawPath: task.rawPath, maxBytes: task.maxBytes } satisfies WorkerRequest);
  }

  private spawn(): void {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      execArgv: [],
      workerData: this.init,
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    const slot: Slot = { worker, ready: false, task: null, gone: false };
    this.slots.add(slot);
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (err) => this.onDeath(slot, `parse worker crashed: ${err.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `parse worker exited with code ${code}`));
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (slot.gone) return;
    if (reply.type === 'ready') {
      slot.ready = true;
    } else if (slot.task && slot.task.id === reply.id) {
      const task = slot.task;
      slot.task = null;
      clearTimeout(task.timer);
      if (reply.type === 'done') task.resolve(reply.result);
      else task.reject(new ParseFailure('error', reply.message));
    }
    this.pump();
    if (!slot.task) slot.worker.unref();
  }

  /** A worker died: its message fails; one that never started fails the queue instead of respawning forever. */
  private onDeath(slot: Slot, message: string): void {
    if (slot.gone) return;
    const neverStarted = !slot.ready;
    this.retire(slot, new ParseFailure('crash', message));
    if (neverStarted) {
      for (const task of this.queue.splice(0)) task.reject(new ParseFailure('error', `parse worker failed to start: ${message}`));
    }
    this.pump();
  }

  /** Takes a worker out of service, terminates it and rejects its running task with `failure`. */
  private retire(slot: Slot, failure: ParseFailure): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    const task = slot.task;
    slot.task = null;
    if (task) {
      clearTimeout(task.timer);
      task.reject(failure);
    }
    void slot.worker.terminate();
  }
}
