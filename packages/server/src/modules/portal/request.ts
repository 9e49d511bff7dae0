import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../platform/context.ts';
import { safeEqual } from '../../platform/crypto.ts';
import { getHelpCenterSettings, type HelpCenterSettingsRow } from '../knowledge/settings.ts';
import { notFoundPage, pageCtx, PORTAL_PAGE_HEADERS, type PageCtx } from './pages/frame.ts';
import { readPortalSession } from './sessions.ts';
import { acceptedLang, langOf, type Lang } from './texts.ts';

/** What a portal route works with once the portal is known to be on. */
export interface PortalRequestState extends PageCtx {
  settings: HelpCenterSettingsRow;
  now: Date;
}

/** Sends a portal page with the portal's headers. */
export function sendPage(reply: FastifyReply, status: number, html: string, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers({ ...PORTAL_PAGE_HEADERS, ...headers }).type('text/html; charset=utf-8').send(html);
}

/**
 * The language of a page: `?lang=` (the language switch), then the signed-in contact's
 * language, then the browser's, then the help center's default.
 */
export function pickLang(req: FastifyRequest, contactLocale: string | null | undefined, fallback: Lang): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  return langOf(typeof q === 'string' ? q : null) ?? langOf(contactLocale) ?? acceptedLang(req.headers['accept-language']) ?? fallback;
}

/**
 * Loads the settings and the signed-in customer. With the portal switched off, answers the
 * 404 page itself and returns null: then there is no portal at all.
 */
export async function loadPortal(services: Services, req: FastifyRequest, reply: FastifyReply): Promise<PortalRequestState | null> {
  const db = services.database.db;
  const settings = await getHelpCenterSettings(db);
  if (!settings.portalEnabled) {
    await sendPage(reply, 404, notFoundPage(pageCtx(pickLang(req, null, settings.defaultLocale), settings.theme, null, settings.contactFormEnabled)));
    return null;
  }
  const now = services.clock.now();
  const viewer = await readPortalSession(db, req, reply, now);
  return { ...pageCtx(pickLang(req, viewer?.locale, settings.defaultLocale), settings.theme, viewer, settings.contactFormEnabled), settings, now };
}

/** The fields of a submitted form: strings only, the first value of each name, NUL characters dropped. */
export function formOf(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const body = req.body;
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v.replace(/\u0000/g, '');
  }
  return out;
}

/** Whether a signed-in form carries the session's CSRF token (constant-time; an empty one never matches). */
export function csrfOk(state: PortalRequestState, form: Record<string, string>): boolean {
  return Boolean(state.viewer) && safeEqual(form.csrf ?? '', state.viewer!.csrfToken);
}

const RETURN_TO = /^\/portal(?:\/[A-Za-z0-9_-]+)*\/?(?:\?[A-Za-z0-9_=&-]*)?$/;

/**
 * Where to go after signing in: only a path of the portal itself (never another site, never
 * back into the sign-in pages); anything else is the portal's start page.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 200 || !RETURN_TO.test(value)) return '/portal';
  if (/^\/portal\/log(in|out)(\/|$|\?)/.test(value)) return '/portal';
  return value;
}

/** Sends a signed-out visitor to the sign-in page, remembering where they wanted to go. */
export function toSignIn(reply: FastifyReply, returnTo: string): FastifyReply {
  const target = safeReturnTo(returnTo);
  return reply.header('cache-control', 'no-store').redirect(target === '/portal' ? '/portal' : `/portal?returnTo=${encodeURIComponent(target)}`, 303);
}
