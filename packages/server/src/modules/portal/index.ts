/** The customer portal: magic-link sign-in, a customer's requests, replies and new requests. */
import type { Executor } from '../../platform/db.ts';
import { prunePortalSessions } from './sessions.ts';
import { pruneLoginTokens } from './tokens.ts';

export { portalRoutes } from './routes.ts';
export { portalJobs, sendLoginLink } from './sign-in-link.ts';
export { LOGIN_LINK_TTL_MS, SESSION_TTL_MS } from './constants.ts';

/** Housekeeping: removes expired sessions and sign-in links (both are refused after expiry anyway). */
export async function prunePortal(db: Executor, now: Date): Promise<void> {
  await prunePortalSessions(db, now);
  await pruneLoginTokens(db, now);
}
