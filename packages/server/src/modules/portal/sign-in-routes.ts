import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Email } from '@servus/shared';
import type { Services } from '../../platform/context.ts';
import { randomToken, safeEqual } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { LoginThrottle } from '../auth/throttle.ts';
import { recordAudit } from '../system/audit.ts';
import { LINKS_PER_ADDRESS, LINKS_PER_IP, SIGN_IN_COOKIE, SIGN_IN_FORM_TTL_MS } from './constants.ts';
import { messagePage, pageCtx, stalePage } from './pages/frame.ts';
import { confirmPage, expiredPage, linkSentPage, signInPage, staleSignInPage } from './pages/sign-in.ts';
import { csrfOk, formOf, loadPortal, safeReturnTo, sendPage, type PortalRequestState } from './request.ts';
import { clearSessionCookie, createPortalSession, endPortalSession, setSessionCookie } from './sessions.ts';
import { sendLinkJob } from './sign-in-link.ts';
import { consumeLoginToken, isTokenShaped, loginTokenUsable } from './tokens.ts';
import { langOf } from './texts.ts';

type Params = { token: string };

/** The 429 page, with Retry-After, for a throttled link request. */
function rateLimited(reply: FastifyReply, s: PortalRequestState, err: AppError): FastifyReply {
  const secs = Number(err.headers?.['retry-after'] ?? 60);
  return sendPage(reply, 429, messagePage(s, s.t.rateTitle, s.t.rateBody(Math.max(1, Math.ceil(secs / 60)))), { 'retry-after': String(secs) });
}

/** The browser's pre-sign-in key: kept while it is well-formed, so two open tabs of one link both work. */
function signInKey(req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies?.[SIGN_IN_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
  const key = randomToken(16);
  reply.setCookie(SIGN_IN_COOKIE, key, { path: '/portal/login', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: SIGN_IN_FORM_TTL_MS / 1000 });
  return key;
}

/**
 * Signing in: the start page for signed-out visitors is served by the list route; here are
 * the link request, the page a link opens, using the link, and signing out.
 */
export function signInRoutes(scope: FastifyInstance, services: Services): void {
  const db = services.database.db;

  scope.post('/login', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    const form = formOf(req);
    const returnTo = safeReturnTo(form.returnTo);
    const lang = langOf(form.lang) ?? s.lang;
    const page = lang === s.lang ? s : { ...s, ...pageCtx(lang, s.theme, s.viewer, s.contactForm) };
    const email = Email.safeParse(form.email ?? '');
    if (!email.success) return sendPage(reply, 400, signInPage(page, { email: (form.email ?? '').slice(0, 254), error: page.t.invalidEmail, returnTo }));
    if (!services.mailer.configured) return sendPage(reply, 503, messagePage(page, page.t.unavailableTitle, page.t.unavailableBody));
    // The same steps for every address: limits, then a queued job. Whether the address is
    // known is decided only by the job, so neither the answer nor its timing tells.
    const throttle = new LoginThrottle(db, () => services.clock.now());
    const addressKey = `portal-link:${email.data}`;
    const ipKey = `portal-link-ip:${req.ip}`;
    try {
      await throttle.assertOpen([addressKey, ipKey]);
    } catch (err) {
      if (err instanceof AppError && err.code === 'rate_limited') return rateLimited(reply, page, err);
      throw err;
    }
    await throttle.recordFailure(addressKey, LINKS_PER_ADDRESS);
    await throttle.recordFailure(ipKey, LINKS_PER_IP);
    // A link is only useful soon after it was asked for: a few quick retries, then give up.
    await services.jobs.send(sendLinkJob, { email: email.data, lang, returnTo }, { retryLimit: 3, retryDelay: 20 });
    return sendPage(reply, 200, linkSentPage(page, returnTo));
  });

  scope.get<{ Params: Params }>('/login/:token', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    const { token } = req.params;
    if (!(await loginTokenUsable(db, token, s.now))) return sendPage(reply, 410, expiredPage(s));
    return sendPage(reply, 200, confirmPage(s, token, signInKey(req, reply)));
  });

  scope.post<{ Params: Params }>('/login/:token', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    const { token } = req.params;
    const form = formOf(req);
    if (!safeEqual(form.csrf ?? '', req.cookies?.[SIGN_IN_COOKIE] ?? '')) {
      return sendPage(reply, isTokenShaped(token) ? 403 : 410, isTokenShaped(token) ? staleSignInPage(s) : expiredPage(s));
    }
    const signedIn = await db.transaction(async (tx) => {
      const used = await consumeLoginToken(tx, token, s.now);
      if (!used) return null;
      // A browser signs in as one customer at a time: an earlier session here ends.
      if (s.viewer) await endPortalSession(tx, s.viewer.sessionId);
      const sessionToken = await createPortalSession(tx, used.contactId, s.now);
      await recordAudit(tx, { actor: { kind: 'contact', id: used.contactId }, clock: services.clock }, 'portal.signed_in', 'contact', used.contactId, { ip: req.ip });
      return { sessionToken, returnTo: used.returnTo };
    });
    if (!signedIn) return sendPage(reply, 410, expiredPage(s));
    setSessionCookie(req, reply, signedIn.sessionToken);
    reply.clearCookie(SIGN_IN_COOKIE, { path: '/portal/login' });
    return reply.header('cache-control', 'no-store').redirect(safeReturnTo(signedIn.returnTo), 303);
  });

  scope.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    if (!s.viewer) return reply.redirect('/portal', 303);
    if (!csrfOk(s, formOf(req))) return sendPage(reply, 403, stalePage(s));
    await endPortalSession(db, s.viewer.sessionId);
    clearSessionCookie(reply);
    return reply.header('cache-control', 'no-store').redirect('/portal?signedOut=1', 303);
  });
}
