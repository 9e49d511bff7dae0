/**
 * Links into the public help center and the video embeds articles may carry. Shared so the
 * server (sanitizer, demo, answer bot) and the agent app (editor, reply composer) agree on them.
 */

const TRANSLITERATE: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/** A URL slug from a title: "Bondrucker druckt nicht – was tun?" → "bondrucker-druckt-nicht-was-tun". */
export function slugify(title: string, maxLength = 80): string {
  const ascii = title
    .replace(/[äöüßÄÖÜ]/g, (c) => TRANSLITERATE[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'artikel';
}

/** The languages the knowledge base is written in. */
export const KB_LANGUAGES = ['de', 'en'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

/** The public address of an article in the help center: `/help/de/articles/bondrucker-druckt-nicht`. */
export function articleUrl(locale: KbLanguage, slug: string): string {
  return `/help/${locale}/articles/${encodeURIComponent(slug)}`;
}

/** The public address of a knowledge-base file (image, video, PDF); the name is only for people and downloads. */
export function kbFileUrl(id: string, filename: string): string {
  return `/help/files/${id}/${encodeURIComponent(filename)}`;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com', 'youtu.be']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/**
 * The one embed address Servus renders for a YouTube or Vimeo link, or null for anything else.
 * YouTube always plays from youtube-nocookie.com (no tracking cookies before play); Vimeo from its
 * player host. Accepts watch, short, embed and share links, e.g. `https://youtu.be/<id>`.
 */
export function videoEmbedUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (YOUTUBE_HOSTS.has(host)) {
    let id: string | null | undefined = null;
    if (host === 'youtu.be') id = parts.length === 1 ? parts[0] : null;
    else if (parts.length === 1 && parts[0] === 'watch') id = url.searchParams.get('v');
    else if (parts.length === 2 && ['embed', 'shorts', 'live', 'v'].includes(parts[0]!)) id = parts[1];
    return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  }
  if (VIMEO_HOSTS.has(host)) {
    const id = host === 'player.vimeo.com' ? (parts[0] === 'video' && parts.length === 2 ? parts[1] : null) : parts.length === 1 ? parts[0] : null;
    return id && /^\d{1,12}$/.test(id) ? `https://player.vimeo.com/video/${id}` : null;
  }
  return null;
}
