import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { safeEqual, sha256Hex } from '../../platform/crypto.ts';
import { apiTokens, sessions } from './schema.ts';
import { findLiveSession, findLiveToken, teamIdsOf } from './repository.ts';
import { readSessionCookie } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling from a Bearer token or the session cookie. Cookie-authenticated
 * writes must carry the session's CSRF token in `X-CSRF-Token`. Returns null when anonymous;
 * a present but invalid credential is 401, never silently anonymous.
 */
export async function authenticate(services: Services, req: FastifyRequest): Promise<AgentActor | null> {
  const db = services.database.db;
  const now = services.clock.now();
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) throw new AppError('unauthorized', 'malformed Authorization header; expected "Bearer <token>"');
    const found = await findLiveToken(db, sha256Hex(m[1]!), now);
    if (!found) throw new AppError('unauthorized', 'invalid or expired API token');
    // Record use at most once a minute to keep reads cheap.
    if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.token.id));
    }
    return {
      kind: 'agent',
      id: found.agent.id,
      role: found.agent.role,
      teamIds: await teamIdsOf(db, found.agent.id),
      via: 'token',
      tokenId: found.token.id,
    };
  }
  const token = readSessionCookie(req);
  if (!token) return null;
  const sessionId = sha256Hex(token);
  const found = await findLiveSession(db, sessionId, now);
  if (!found) return null;
  if (!SAFE_METHODS.has(req.method)) {
    const sent = String(req.headers['x-csrf-token'] ?? '');
    if (!safeEqual(sent, found.session.csrfToken)) {
      throw new AppError('forbidden', 'missing or invalid X-CSRF-Token header');
    }
  }
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    kind: 'agent',
    id: found.agent.id,
    role: found.agent.role,
    teamIds: await teamIdsOf(db, found.agent.id),
    via: 'session',
    sessionId,
  };
}
