import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../platform/context.ts';
import { sendError } from '../../../platform/http.ts';
import { notFound } from '../../../platform/errors.ts';
import { getHelpCenterSettings, type HelpCenterSettingsRow } from '../settings.ts';
import type { KbLocale } from '../schema.ts';
import { notFoundPage, type PageCtx } from './components.ts';
import { baseUrl, parseLang, sendPage } from './http.ts';

/**
 * The page context of a help center request, or null after answering 404 itself: for a
 * language we do not serve (the help center's 404 page) or a switched-off help center (the
 * plain API 404, as if there were no help center at all).
 */
export async function pageCtx(services: Services, req: FastifyRequest, reply: FastifyReply, lang: string | null): Promise<PageCtx | null> {
  const settings = await getHelpCenterSettings(services.database.db);
  if (!settings.enabled) {
    sendError(reply, notFound('page'));
    return null;
  }
  const l = lang === null ? settings.defaultLocale : parseLang(lang);
  const c: PageCtx = { lang: l ?? settings.defaultLocale, settings, base: baseUrl(services, req) };
  if (!l) {
    sendPage(req, reply, 404, notFoundPage(c));
    return null;
  }
  return c;
}

/** Answers with the help center's one 404 page: the same for unknown and for hidden things. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply, c: PageCtx): FastifyReply {
  return sendPage(req, reply, 404, notFoundPage(c));
}

/** The settings when the help center is on, else null after answering the plain 404. */
export async function enabledSettings(services: Services, reply: FastifyReply): Promise<HelpCenterSettingsRow | null> {
  const settings = await getHelpCenterSettings(services.database.db);
  if (settings.enabled) return settings;
  sendError(reply, notFound('page'));
  return null;
}

/** A positive page number from `?page=`, 1 for anything else. */
export function pageParam(value: unknown, max: number): number | null {
  if (value === undefined || value === '') return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,3}$/.test(value)) return null;
  const n = Number(value);
  return n <= max ? n : null;
}

export type { KbLocale };
