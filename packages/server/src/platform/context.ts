import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database, Db, Tx } from './db.ts';
import type { Clock } from './clock.ts';
import type { Actor } from './actor.ts';
import type { DispatchedEvent, DomainEvent, Emit, EventCause, EventDispatcher } from './events.ts';
import type { BlobStorage } from './storage.ts';
import type { Jobs } from './jobs.ts';
import type { Mailer } from './mailer.ts';
import { outboxEvents } from './schema.ts';

/** The long-lived parts of a running server, built once in app.ts. */
export interface Services {
  config: Config;
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  events: EventDispatcher;
  storage: BlobStorage;
  jobs: Jobs;
  mailer: Mailer;
}

/** What every use case receives: the services plus who is acting. No container, no base class. */
export interface Ctx extends Services {
  db: Db;
  actor: Actor;
  /** Set while automation acts: stored with every event the work emits, so rule chains stay bounded. */
  cause?: EventCause;
}

export function makeCtx(services: Services, actor: Actor): Ctx {
  return { ...services, db: services.database.db, actor };
}

/**
 * Runs `fn` in one transaction; events it emits are written to the outbox in the same
 * transaction and dispatched only after commit.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  let written: DispatchedEvent[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const out = await fn(tx, (e) => pending.push(e));
    if (pending.length > 0) {
      const now = ctx.clock.now();
      const rows = await tx
        .insert(outboxEvents)
        .values(
          pending.map((e) => {
            const cause = e.cause ?? ctx.cause;
            return { type: e.type, payload: { payload: e.payload, actor: e.actor, ...(cause && { cause }) }, createdAt: now };
          }),
        )
        .returning({ id: outboxEvents.id, createdAt: outboxEvents.createdAt });
      written = pending.map((e, i) => ({ ...e, ...((e.cause ?? ctx.cause) && { cause: e.cause ?? ctx.cause }), id: rows[i]!.id, createdAt: rows[i]!.createdAt }) as DispatchedEvent);
    }
    return out;
  });
  // Live delivery to every process's sockets at once; the outbox claim runs the work later.
  if (written.length > 0) ctx.events.committed(written);
  return result;
}

/** The actor as stored in events and audit rows. */
export function actorRef(actor: Actor): { kind: Actor['kind']; id: string | null } {
  return { kind: actor.kind, id: actor.id };
}
