import { createHash, createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../platform/context.ts';
import { resolveSessionSecret } from '../../system/settings.ts';
import { KB_LOCALES, type KbLocale } from '../schema.ts';
import { PUBLIC_PAGE_HEADERS } from './layout.ts';

/** The language in a help center path, or null for anything that is not one. */
export function parseLang(value: string): KbLocale | null {
  return (KB_LOCALES as readonly string[]).includes(value) ? (value as KbLocale) : null;
}

/**
 * The visitor's preferred language among German and English from `Accept-Language`
 * (`de-AT,de;q=0.9,en;q=0.5` → de), or `fallback` when the browser names neither.
 */
export function preferredLang(header: string | undefined, fallback: KbLocale): KbLocale {
  let best: { lang: KbLocale; q: number } | null = null;
  for (const part of (header ?? '').slice(0, 500).split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const lang = parseLang((tag ?? '').trim().toLowerCase().split('-')[0] ?? '');
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? fallback;
}

/** The absolute base of public links: PUBLIC_URL, or the address the request came in on. */
export function baseUrl(services: Services, req: FastifyRequest): string {
  return (services.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

/** Crawlers, link previews, monitors and command-line clients: their visits are not views. */
const BOT_UA = /bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python|httpclient|http-client|okhttp|axios|node-fetch|undici|java\/|libwww|scrapy|phantom|puppeteer|playwright|autocannon/i;

/** Whether the User-Agent looks like a person's browser. */
export function isHumanAgent(ua: string | undefined): boolean {
  return !!ua && ua.length >= 20 && /mozilla|opera/i.test(ua) && !BOT_UA.test(ua);
}

const keys = new WeakMap<object, Buffer>();

/** The help center's signing key, derived from the server secret (never the secret itself). */
export async function helpKey(services: Services): Promise<Buffer> {
  const cached = keys.get(services.database);
  if (cached) return cached;
  const secret = await resolveSessionSecret(services.database.db, services.config.SESSION_SECRET);
  const key = createHmac('sha256', secret).update('servus help center v1').digest();
  keys.set(services.database, key);
  return key;
}

/** A keyed hash of `parts`: stable for the same input, meaningless without the server's key. */
export function keyedHash(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}

/**
 * Whether a form POST comes from our own pages. Browsers send `Origin` (and `Sec-Fetch-Site`)
 * with form posts; one naming another site is a cross-site request and refused.
 */
export function sameOrigin(services: Services, req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === 'null') return false;
  try {
    const o = new URL(origin);
    if (services.config.PUBLIC_URL && o.origin === new URL(services.config.PUBLIC_URL).origin) return true;
    return o.host === req.host;
  } catch {
    return false;
  }
}

export type CacheMode = 'public' | 'private';

/**
 * Sends a public HTML page with the strict page headers. Cacheable pages carry an ETag and a
 * short max-age, and a matching `If-None-Match` gets 304; `private` pages (forms with tokens,
 * answers to a visitor's own post) are never stored.
 */
export function sendPage(req: FastifyRequest, reply: FastifyReply, status: number, html: string, cache: CacheMode = 'public'): FastifyReply {
  reply.headers(PUBLIC_PAGE_HEADERS).type('text/html; charset=utf-8');
  if (cache === 'private' || status !== 200) {
    return reply.code(status).header('cache-control', 'no-store').send(html);
  }
  const etag = `"${createHash('sha1').update(html).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=60').header('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.code(200).send(html);
}
