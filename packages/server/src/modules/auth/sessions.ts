import { and, eq, ne } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import type { Services } from '../../platform/context.ts';
import { sessions } from './schema.ts';

export const SESSION_COOKIE = 'servus_session';

/** Creates a session row and sets its cookie (httpOnly, SameSite=Lax, Secure behind TLS). */
export async function startSession(
  services: Services,
  req: FastifyRequest,
  reply: FastifyReply,
  agentId: string,
): Promise<{ csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = services.clock.now();
  const ttlMs = services.config.SESSION_TTL_HOURS * 3600_000;
  await services.database.db.insert(sessions).values({
    id: sha256Hex(token),
    agentId,
    csrfToken,
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 500),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: Math.floor(ttlMs / 1000),
    signed: true,
  });
  return { csrfToken };
}

/** The raw session token from the signed cookie, or null when missing or tampered with. */
export function readSessionCookie(req: FastifyRequest): string | null {
  const raw = req.cookies?.[SESSION_COOKIE];
  if (!raw) return null;
  const un = req.unsignCookie(raw);
  return un.valid && un.value ? un.value : null;
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of an agent except `keep` (after a password change or deactivation). */
export async function endOtherSessions(db: Executor, agentId: string, keep?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keep ? and(eq(sessions.agentId, agentId), ne(sessions.id, keep)) : eq(sessions.agentId, agentId));
}
