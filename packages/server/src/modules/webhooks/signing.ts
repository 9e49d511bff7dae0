import { createHmac } from 'node:crypto';
import { randomToken } from '../../platform/crypto.ts';

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const SIGNATURE_HEADER = 'x-servus-signature';
export const TIMESTAMP_HEADER = 'x-servus-timestamp';
export const DELIVERY_HEADER = 'x-servus-delivery';
export const EVENT_HEADER = 'x-servus-event';
export const USER_AGENT = 'Servus-Webhooks/1';

/** A new signing secret: `whsec_` and 256 random bits. */
export function newWebhookSecret(): string {
  return `whsec_${randomToken(32)}`;
}

/**
 * The signature header value for one attempt. During a rotation's grace period it carries one
 * `v1=` per secret (new first), so a receiver that still has the old secret keeps verifying.
 *
 * @example
 * signatureHeader('{"id":"…"}', 1767225600, ['whsec_new', 'whsec_old'])
 * // "t=1767225600,v1=5d1c…,v1=9a0b…"
 */
export function signatureHeader(body: string, timestamp: number, secrets: string[]): string {
  const signatures = secrets.map((s) => `v1=${createHmac('sha256', s).update(`${timestamp}.${body}`).digest('hex')}`);
  return [`t=${timestamp}`, ...signatures].join(',');
}
