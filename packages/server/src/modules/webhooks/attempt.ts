import { performance } from 'node:perf_hooks';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { WebhookAttempt, WebhookDeliveryStatusName, WebhookErrorClass } from '@servus/shared';
import type { Ctx, Services } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { jobsIn, type JobDefinition } from '../../platform/jobs.ts';
import { allowedHosts } from './allowed-hosts.ts';
import { DEFAULT_SAFE_HTTP, DeliveryError, safePost, type SafeHttpOptions } from './safe-http.ts';
import { webhookDeliveries, webhooks } from './schema.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, USER_AGENT, signatureHeader } from './signing.ts';

/** Attempts of an automatic delivery: the first and five retries, the last about an hour after the first. */
export const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 2 * 60_000;
const MAX_DELAY_MS = 60 * 60_000;
/** How long one process holds a delivery while it sends it; longer than any exchange may take. */
const LEASE_MS = 2 * 60_000;
/** A job may run this much before its delivery's time, for clocks that differ between processes. */
const EARLY_MS = 5_000;

/**
 * The wait after the `attempt`-th failed attempt: 2, 4, 8, 16, 32 minutes. A receiver's longer
 * `Retry-After` (seconds or an HTTP date) is honoured up to an hour.
 */
function retryDelayMs(attempt: number, retryAfter: string | undefined, now: Date): number {
  const backoff = BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1);
  let asked = 0;
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) asked = Number(retryAfter.trim()) * 1000;
  else if (retryAfter && !Number.isNaN(Date.parse(retryAfter))) asked = Date.parse(retryAfter) - now.getTime();
  return Math.min(MAX_DELAY_MS, Math.max(backoff, asked));
}

interface Outcome {
  status: WebhookDeliveryStatusName;
  /** Whether a later attempt could succeed. */
  retry: boolean;
  responseStatus: number | null;
  errorClass: WebhookErrorClass | null;
  errorMessage: string | null;
  url: string;
  retryAfter?: string;
}

/**
 * 2xx is delivered. 408, 429 and 5xx, timeouts, refused connections, DNS and TLS failures are
 * retried. Any other answer (4xx, a redirect not followed) and a forbidden address fail at once.
 */
function judgeResponse(status: number, url: string, retryAfter?: string): Outcome {
  if (status >= 200 && status < 300) return { status: 'delivered', retry: false, responseStatus: status, errorClass: null, errorMessage: null, url };
  const retry = status === 408 || status === 429 || status >= 500;
  const redirect = status >= 300 && status < 400;
  return {
    status: 'failed',
    retry,
    responseStatus: status,
    errorClass: redirect ? 'redirect' : 'http_status',
    errorMessage: redirect ? `the receiver answered ${status}, a redirect that is not followed` : `the receiver answered ${status}`,
    url,
    retryAfter,
  };
}

function judgeError(err: DeliveryError): Outcome {
  const retry = ['dns', 'connection', 'timeout', 'tls'].includes(err.errorClass);
  return { status: 'failed', retry, responseStatus: null, errorClass: err.errorClass, errorMessage: err.message.slice(0, 500), url: err.url };
}

/** How deliveries reach the network; tests replace the resolver or the dialer. */
export interface DeliverOptions {
  http?: Partial<Omit<SafeHttpOptions, 'allowedHosts'>>;
}

/**
 * Makes one attempt at a due delivery: claims it (so no other process sends it meanwhile),
 * signs the stored body with the current timestamp and secret, sends it through the SSRF-safe
 * client and records the outcome. A retryable failure schedules the next attempt with backoff
 * until the delivery's attempts are used up. Returns the delivery's status afterwards, or null
 * when there was nothing to do (unknown, not due, finished, or being sent elsewhere).
 */
export async function deliverWebhook(services: Services, id: string, opts: DeliverOptions = {}): Promise<WebhookDeliveryStatusName | null> {
  const db = services.database.db;
  const claimedAt = services.clock.now();
  const [row] = await db
    .update(webhookDeliveries)
    .set({ lockedUntil: new Date(claimedAt.getTime() + LEASE_MS) })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, new Date(claimedAt.getTime() + EARLY_MS)),
        or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, claimedAt)),
      ),
    )
    .returning();
  if (!row) return null;
  const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, row.webhookId));
  if (!hook) return null;

  let outcome: Outcome;
  const started = performance.now();
  const manual = row.source === 'test' || row.source === 'redelivery';
  if (!hook.active && !manual) {
    outcome = { status: 'failed', retry: false, responseStatus: null, errorClass: 'inactive', errorMessage: 'the webhook was switched off before this was sent', url: hook.url };
  } else {
    const now = services.clock.now();
    const timestamp = Math.floor(now.getTime() / 1000);
    const secrets = [hook.secret, ...(hook.previousSecret && hook.previousSecretExpiresAt && hook.previousSecretExpiresAt > now ? [hook.previousSecret] : [])];
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [DELIVERY_HEADER]: row.id,
      [EVENT_HEADER]: row.event,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signatureHeader(row.body, timestamp, secrets),
    };
    try {
      const res = await safePost(hook.url, row.body, headers, { ...DEFAULT_SAFE_HTTP, ...opts.http, allowedHosts: await allowedHosts(db) });
      outcome = judgeResponse(res.status, res.url, res.retryAfter);
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      outcome = judgeError(err);
    }
  }
  const durationMs = Math.round(performance.now() - started);

  const at = services.clock.now();
  const attempts = row.attempts + 1;
  const again = outcome.retry && attempts < row.maxAttempts;
  const delay = again ? retryDelayMs(attempts, outcome.retryAfter, at) : 0;
  const status: WebhookDeliveryStatusName = again ? 'pending' : outcome.status;
  const entry: WebhookAttempt = { at: at.toISOString(), url: outcome.url, responseStatus: outcome.responseStatus, durationMs, errorClass: outcome.errorClass, errorMessage: outcome.errorMessage };
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts,
      lastAttemptAt: at,
      deliveredAt: status === 'delivered' ? at : null,
      nextAttemptAt: again ? new Date(at.getTime() + delay) : null,
      lockedUntil: null,
      responseStatus: outcome.responseStatus,
      durationMs,
      errorClass: outcome.errorClass,
      errorMessage: outcome.errorMessage,
      attemptLog: sql`${webhookDeliveries.attemptLog} || ${JSON.stringify([entry])}::jsonb`,
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
  if (again) await scheduleDelivery(services, id, { startAfterSeconds: Math.ceil(delay / 1000) });
  return status;
}

const DeliverPayload = z.object({ id: z.string().uuid() });

/** The `webhooks.deliver` job: one attempt at one delivery. Failures are retried by the delivery's own schedule, not by the queue. */
export function deliverJob(services: Services): JobDefinition<typeof DeliverPayload> {
  return {
    name: 'webhooks.deliver',
    schema: DeliverPayload,
    async handler(data) {
      await deliverWebhook(services, data.id);
    },
  };
}

/**
 * Queues an attempt at a delivery. With `tx`, the job is written in that transaction, so it
 * exists exactly when the delivery row commits and no worker looks for the row before then.
 */
export async function scheduleDelivery(services: Services | Ctx, id: string, opts: { tx?: Tx; startAfterSeconds?: number } = {}): Promise<void> {
  await services.jobs.send(deliverJob(services), { id }, {
    retryLimit: 2,
    expireInSeconds: 5 * 60,
    ...(opts.startAfterSeconds && { startAfter: opts.startAfterSeconds }),
    ...(opts.tx && { db: jobsIn(opts.tx) }),
  });
}
