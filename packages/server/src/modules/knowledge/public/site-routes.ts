import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { queryRows } from '../../../platform/db.ts';
import { KB_INLINE_TYPES, publicAttachment } from '../attachments.ts';
import type { KbLocale } from '../schema.ts';
import { articleUrl, categoryUrl, homeUrl, sectionUrl } from './components.ts';
import { enabledSettings } from './context.ts';
import { getHelpCenterSettings } from '../settings.ts';
import { FingerprintCache, kbFingerprint } from './cache.ts';
import { baseUrl } from './http.ts';
import { esc } from './layout.ts';

const xml = (s: string) => esc(s);

/** One `<url>` with its language alternates. */
function urlEntry(loc: string, lastmod: Date | null, alternates: { lang: string; href: string }[]): string {
  const alts = alternates.length > 1 ? alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.lang}" href="${xml(a.href)}"/>`).join('') : '';
  return `<url><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}${alts}</url>`;
}

/**
 * The sitemap of the help center: the homes, the categories and sections that hold published
 * articles, and every published article translation with its other language. Drafts,
 * internal and archived articles are never in it.
 */
export async function helpSitemap(services: Services, base: string, defaultLocale: KbLocale): Promise<string> {
  const db = services.database.db;
  const articles = await queryRows<{ article_id: string; locale: KbLocale; slug: string; updated_at: string }>(
    db,
    sql`select t.article_id, t.locale, t.slug, t.updated_at
          from kb_article_translations t join kb_articles a on a.id = t.article_id
         where a.status = 'published'
         order by t.article_id, t.locale`,
  );
  const places = await queryRows<{ kind: 'c' | 's'; slug: string; locale: KbLocale }>(
    db,
    sql`select distinct 'c' as kind, c.slug, t.locale
          from kb_articles a join kb_article_translations t on t.article_id = a.id
          join kb_sections s on s.id = a.section_id join kb_categories c on c.id = s.category_id
         where a.status = 'published'
        union
        select distinct 's', s.slug, t.locale
          from kb_articles a join kb_article_translations t on t.article_id = a.id join kb_sections s on s.id = a.section_id
         where a.status = 'published'
        order by 1, 2, 3`,
  );
  const entries: string[] = [];
  const homes = (['de', 'en'] as const).map((l) => ({ lang: l, href: `${base}${homeUrl(l)}` }));
  for (const l of [defaultLocale, defaultLocale === 'de' ? 'en' : 'de'] as const) entries.push(urlEntry(`${base}${homeUrl(l)}`, null, homes));
  const grouped = <T extends { locale: KbLocale }>(rows: T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return [...m.values()];
  };
  for (const group of grouped(places, (r) => `${r.kind}:${r.slug}`)) {
    const href = (r: (typeof group)[number]) => `${base}${r.kind === 'c' ? categoryUrl(r.locale, r.slug) : sectionUrl(r.locale, r.slug)}`;
    const alts = group.map((r) => ({ lang: r.locale, href: href(r) }));
    for (const r of group) entries.push(urlEntry(href(r), null, alts));
  }
  for (const group of grouped(articles, (r) => r.article_id)) {
    const alts = group.map((r) => ({ lang: r.locale, href: `${base}${articleUrl(r.locale, r.slug)}` }));
    for (const r of group) entries.push(urlEntry(`${base}${articleUrl(r.locale, r.slug)}`, new Date(r.updated_at), alts));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
}

/** A filename safe inside a quoted header value, with the exact name in RFC 5987 form beside it. */
function disposition(kind: 'inline' | 'attachment', filename: string): string {
  return `${kind}; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A single byte range from a `Range` header (videos seek with them), or null to send everything. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

/** The sitemap, robots.txt and the public files of published articles. */
export function helpSiteRoutes(app: App, services: Services): void {
  const hide = { schema: { hide: true } };
  const sitemaps = new FingerprintCache<string>(8);

  app.get('/help/sitemap.xml', hide, async (req, reply) => {
    const settings = await enabledSettings(services, reply);
    if (!settings) return reply;
    const base = baseUrl(services, req);
    const body = await sitemaps.get(`${base} ${settings.defaultLocale}`, await kbFingerprint(services.database.db), () => helpSitemap(services, base, settings.defaultLocale));
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(body);
  });

  // The agent workspace and the API are no business of search engines; the help center is.
  app.get('/robots.txt', hide, async (req, reply) => {
    const { enabled } = await getHelpCenterSettings(services.database.db);
    const lines = ['User-agent: *', 'Disallow: /api/', 'Disallow: /app', 'Disallow: /admin', 'Disallow: /portal', 'Disallow: /s/', 'Disallow: /help/*/suggested/', 'Disallow: /help/*/search'];
    if (enabled) lines.push('Allow: /help/', '', `Sitemap: ${baseUrl(services, req)}/help/sitemap.xml`);
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(`${lines.join('\n')}\n`);
  });

  const serveFile = async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const settings = await enabledSettings(services, reply);
    if (!settings) return reply;
    const file = await publicAttachment(services.database.db, req.params.id);
    if (!file) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');
    const inline = KB_INLINE_TYPES.has(file.contentType);
    const etag = `"${file.blobSha256}"`;
    reply
      .header('content-type', inline ? file.contentType : file.contentType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream')
      .header('content-disposition', disposition(inline ? 'inline' : 'attachment', file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      // Short: the file stops being public the moment its article is unpublished.
      .header('cache-control', 'public, max-age=300')
      .header('etag', etag)
      .header('accept-ranges', 'bytes');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    const path = services.storage.pathFor(file.blobSha256);
    const range = byteRange(req.headers.range, file.size);
    if (range === 'invalid') return reply.code(416).header('content-range', `bytes */${file.size}`).send();
    if (range) {
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(fs.createReadStream(path, { start: range.start, end: range.end }));
    }
    return reply.header('content-length', String(file.size)).send(fs.createReadStream(path));
  };
  app.get<{ Params: { id: string } }>('/help/files/:id', hide, serveFile);
  app.get<{ Params: { id: string; name: string } }>('/help/files/:id/:name', hide, serveFile);
}
