import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { contacts, organizations } from '../contacts/schema.ts';
import { SESSION_COOKIE, SESSION_TOUCH_MS, SESSION_TTL_MS } from './constants.ts';
import { portalSessions } from './schema.ts';

/** The signed-in customer of a portal request, with what decides which tickets they see. */
export interface PortalViewer {
  /** SHA-256 of the cookie value: the session's row id. */
  sessionId: string;
  csrfToken: string;
  contactId: string;
  name: string;
  email: string | null;
  locale: string | null;
  timeZone: string | null;
  organizationId: string | null;
  /** The contact's organization lets its members see all of its requests. */
  orgShared: boolean;
}

const cookieOptions = (req: FastifyRequest, maxAgeMs: number) => ({
  path: '/portal',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: req.protocol === 'https',
  maxAge: Math.floor(maxAgeMs / 1000),
});

/** Creates a session for a contact and returns the cookie value; only its SHA-256 is stored. */
export async function createPortalSession(db: Executor, contactId: string, now: Date): Promise<string> {
  const token = randomToken(32);
  await db.insert(portalSessions).values({
    id: sha256Hex(token),
    contactId,
    csrfToken: randomToken(32),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return token;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind https, for the portal's paths only. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_TTL_MS));
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/portal' });
}

/**
 * The signed-in customer, or null. A visit extends the session (sliding expiry) at most once
 * per SESSION_TOUCH_MS, renewing the cookie with it.
 */
export async function readPortalSession(db: Executor, req: FastifyRequest, reply: FastifyReply, now: Date): Promise<PortalViewer | null> {
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  const id = sha256Hex(token);
  const [row] = await db
    .select({
      lastSeenAt: portalSessions.lastSeenAt,
      csrfToken: portalSessions.csrfToken,
      contact: { id: contacts.id, name: contacts.name, email: contacts.email, locale: contacts.locale, timeZone: contacts.timeZone, organizationId: contacts.organizationId },
      orgShared: organizations.portalShared,
    })
    .from(portalSessions)
    .innerJoin(contacts, eq(contacts.id, portalSessions.contactId))
    .leftJoin(organizations, eq(organizations.id, contacts.organizationId))
    .where(and(eq(portalSessions.id, id), gt(portalSessions.expiresAt, now)));
  if (!row) {
    clearSessionCookie(reply);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await db.update(portalSessions).set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) }).where(eq(portalSessions.id, id));
    setSessionCookie(req, reply, token);
  }
  const c = row.contact;
  return {
    sessionId: id,
    csrfToken: row.csrfToken,
    contactId: c.id,
    name: c.name,
    email: c.email,
    locale: c.locale,
    timeZone: c.timeZone,
    organizationId: c.organizationId,
    orgShared: Boolean(c.organizationId && row.orgShared),
  };
}

/** Ends a session (the caller removes or replaces the cookie). */
export async function endPortalSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(portalSessions).where(eq(portalSessions.id, sessionId));
}

/** Removes expired sessions (housekeeping; an expired session is refused either way). */
export async function prunePortalSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(portalSessions).where(lt(portalSessions.expiresAt, now));
}
