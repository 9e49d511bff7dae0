import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { LOGIN_LINK_TTL_MS } from './constants.ts';
import { portalLoginTokens } from './schema.ts';

/** A sign-in link token: 32 random bytes, base64url (43 characters). Anything else is never looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * Creates a sign-in link for a contact and returns the token, which exists only in the mail:
 * the database keeps its SHA-256. Earlier unused links of the contact keep working until they
 * expire or until one of the contact's links is used to sign in (see `consumeLoginToken`), so
 * a customer who asked twice can click whichever mail arrives first.
 */
export async function createLoginToken(db: Executor, contactId: string, returnTo: string, now: Date): Promise<{ id: string; token: string }> {
  const token = randomToken(32);
  const [row] = await db
    .insert(portalLoginTokens)
    .values({ contactId, tokenHash: sha256Hex(token), returnTo, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_LINK_TTL_MS) })
    .returning({ id: portalLoginTokens.id });
  return { id: row!.id, token };
}

/** Whether a token is an unused, unexpired link, without using it (the page a link opens). */
export async function loginTokenUsable(db: Executor, token: string, now: Date): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const [row] = await db
    .select({ id: portalLoginTokens.id })
    .from(portalLoginTokens)
    .where(and(eq(portalLoginTokens.tokenHash, sha256Hex(token)), isNull(portalLoginTokens.usedAt), gt(portalLoginTokens.expiresAt, now)));
  return Boolean(row);
}

/**
 * Uses a sign-in link: one atomic UPDATE marks it used only if it is still unused and
 * unexpired, so two clicks at once cannot both sign in. The contact's other open links are
 * spent with it: once signed in, a forwarded or older mail no longer opens the account.
 * Returns the contact and where to go, or null for an unknown, used or expired link.
 */
export async function consumeLoginToken(db: Executor, token: string, now: Date): Promise<{ contactId: string; returnTo: string } | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .update(portalLoginTokens)
    .set({ usedAt: now })
    .where(and(eq(portalLoginTokens.tokenHash, sha256Hex(token)), isNull(portalLoginTokens.usedAt), gt(portalLoginTokens.expiresAt, now)))
    .returning({ id: portalLoginTokens.id, contactId: portalLoginTokens.contactId, returnTo: portalLoginTokens.returnTo });
  if (!row) return null;
  await db
    .update(portalLoginTokens)
    .set({ usedAt: now })
    .where(and(eq(portalLoginTokens.contactId, row.contactId), ne(portalLoginTokens.id, row.id), isNull(portalLoginTokens.usedAt)));
  return { contactId: row.contactId, returnTo: row.returnTo };
}

/** Removes a link whose mail could not be sent. */
export async function deleteLoginToken(db: Executor, id: string): Promise<void> {
  await db.delete(portalLoginTokens).where(eq(portalLoginTokens.id, id));
}

/** Removes expired links; after expiry a token is refused whether its row exists or not. */
export async function pruneLoginTokens(db: Executor, now: Date): Promise<void> {
  await db.delete(portalLoginTokens).where(lt(portalLoginTokens.expiresAt, now));
}
