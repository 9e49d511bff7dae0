import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import type { ChatIdentity } from '@servus/shared';
import { safeEqual } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';

/** How long a signed identity is accepted after (and, for clock skew, before) its timestamp. */
export const IDENTITY_MAX_AGE_SECONDS = 600;

/**
 * The signature a customer's website computes for a signed-in user: lower-case hex
 * HMAC-SHA256 of `${userId}:${email}:${timestamp}` (the email in lower case, as the widget
 * sends it), keyed with the channel's identity secret.
 *
 * @example
 * signIdentity(secret, { userId: '42', email: 'ada@example.com', timestamp: 1767225600 })
 */
export function signIdentity(secret: string, id: { userId: string; email: string; timestamp: number }): string {
  return createHmac('sha256', secret).update(`${id.userId}:${id.email}:${id.timestamp}`).digest('hex');
}

/**
 * Checks a signed identity against the channel's secret and the clock. Every failure (no
 * secret, wrong signature, too old) is the same 401, so a caller learns nothing about which.
 */
export function verifyIdentity(secret: string | null, identity: z.infer<typeof ChatIdentity>, now: Date): void {
  const refused = () => new AppError('unauthorized', 'the identity could not be verified');
  if (!secret) throw refused();
  const age = Math.floor(now.getTime() / 1000) - identity.timestamp;
  if (Math.abs(age) > IDENTITY_MAX_AGE_SECONDS) throw refused();
  const expected = signIdentity(secret, identity);
  if (!safeEqual(identity.signature, expected)) throw refused();
}
