import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from './db.ts';
import { AppError } from './errors.ts';
import { sha256Hex } from './crypto.ts';
import { idempotencyKeys } from './schema.ts';

/**
 * Runs a create call at most once per `Idempotency-Key` and caller. A retry with the same key
 * and body gets the stored response (header `Idempotent-Replayed: true`); the same key with a
 * different body is 422; a retry while the first call is still running is 409.
 */
export async function idempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  run: () => Promise<T>,
): Promise<T> {
  const header = req.headers['idempotency-key'];
  if (header === undefined) {
    reply.code(status);
    return run();
  }
  const key = String(header);
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1-255 visible ASCII characters', [
      { path: 'headers.idempotency-key', message: 'invalid' },
    ]);
  }
  const principal = req.actor?.id ?? `ip:${req.ip}`;
  const route = `${req.method} ${req.routeOptions.url}`;
  const requestHash = sha256Hex(`${route}\n${req.url}\n${JSON.stringify(req.body ?? null)}`);
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ principal, key, route, requestHash })
    .onConflictDoNothing()
    .returning();
  const where = and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key));
  if (claimed.length === 0) {
    const [prior] = await db.select().from(idempotencyKeys).where(where);
    if (!prior || prior.requestHash !== requestHash) {
      throw new AppError('idempotency_conflict', 'this Idempotency-Key was used with a different request');
    }
    if (prior.status === null) throw new AppError('conflict', 'a request with this Idempotency-Key is still in progress');
    reply.header('idempotent-replayed', 'true').code(prior.status);
    return prior.body as T;
  }
  try {
    const result = await run();
    await db.update(idempotencyKeys).set({ status, body: result as object }).where(where);
    reply.code(status);
    return result;
  } catch (err) {
    await db.delete(idempotencyKeys).where(where);
    throw err;
  }
}
