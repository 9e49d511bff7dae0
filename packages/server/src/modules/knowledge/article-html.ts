import sanitizeHtml from 'sanitize-html';
import { videoEmbedUrl } from '@servus/shared';
import { htmlToText, textToHtml } from '../../platform/sanitize.ts';

/** Past this size an article body is not parsed as HTML: its text is kept as paragraphs. */
const MAX_ARTICLE_HTML = 1_000_000;

/** Files the help center serves: `/help/files/<uuid>/<url-encoded name>`. */
const KB_FILE_PATH = /^\/help\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[A-Za-z0-9._~%!$&'()*+,;=:@-]{1,400}$/;
const HTTPS_URL = /^https:\/\/[^\s/?#\\]+(?:[/?#][^\s]*)?$/i;
const LINK_URL = /^(?:https?:\/\/[^\s/?#\\]+(?:[/?#][^\s]*)?|mailto:[^\s]+|\/(?![/\\])[^\s]*|#[^\s]*)$/i;
const DIMENSION = /^\d{1,4}$/;

/** The only attributes an embedded player gets, whatever the author wrote. */
const IFRAME_ATTRIBUTES = {
  allowfullscreen: '',
  loading: 'lazy',
  referrerpolicy: 'strict-origin-when-cross-origin',
  sandbox: 'allow-scripts allow-same-origin allow-presentation',
};

/** Browsers ignore control characters and blanks inside URLs; the checks below must see what the browser will. */
function cleanUrl(value: string | undefined): string {
  return (value ?? '').replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
}

function keepDimensions(from: Record<string, string>, to: Record<string, string>): void {
  for (const key of ['width', 'height'] as const) {
    if (from[key] && DIMENSION.test(from[key].trim())) to[key] = from[key].trim();
  }
}

// `allowedEmptyAttributes` is a sanitize-html option its type definitions do not list yet.
const ARTICLE_PROFILE = {
  allowedTags: [
    'h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'img', 'hr', 'figure', 'figcaption', 'video', 'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    video: ['src', 'controls', 'preload', 'width', 'height'],
    iframe: ['src', 'title', ...Object.keys(IFRAME_ATTRIBUTES)],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedEmptyAttributes: ['alt', 'allowfullscreen', 'controls'],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'], video: [], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowProtocolRelative: false,
  allowedIframeHostnames: ['www.youtube-nocookie.com', 'player.vimeo.com'],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['style', 'script', 'textarea', 'option', 'xmp', 'noscript', 'noembed', 'noframes', 'plaintext', 'title', 'head', 'template', 'object', 'svg', 'math'],
  transformTags: {
    // Headings start at h2: the page title is the h1.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    // Mail replies (article from a ticket reply) structure text in divs.
    div: 'p',
    a: (tagName, attribs) => {
      const href = cleanUrl(attribs.href);
      const out: Record<string, string> = { rel: 'noopener noreferrer' };
      if (LINK_URL.test(href)) out.href = href;
      if (attribs.title) out.title = attribs.title;
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = cleanUrl(attribs.src);
      const out: Record<string, string> = {};
      if (HTTPS_URL.test(src) || KB_FILE_PATH.test(src)) out.src = src;
      if (attribs.alt !== undefined) out.alt = attribs.alt;
      if (attribs.title) out.title = attribs.title;
      keepDimensions(attribs, out);
      return { tagName, attribs: out };
    },
    video: (tagName, attribs) => {
      const src = cleanUrl(attribs.src);
      const out: Record<string, string> = { controls: '', preload: 'metadata' };
      if (KB_FILE_PATH.test(src)) out.src = src;
      keepDimensions(attribs, out);
      return { tagName, attribs: out };
    },
    iframe: (tagName, attribs) => {
      const embed = videoEmbedUrl(cleanUrl(attribs.src));
      const out: Record<string, string> = { ...IFRAME_ATTRIBUTES };
      if (embed) out.src = embed;
      if (attribs.title) out.title = attribs.title;
      return { tagName, attribs: out };
    },
  },
  // An image, video or player without an allowed source is dropped whole, not left as an empty box.
  exclusiveFilter: (frame: sanitizeHtml.IFrame) => ['img', 'video', 'iframe'].includes(frame.tag) && !frame.attribs.src,
} as sanitizeHtml.IOptions;

/**
 * Makes article HTML safe to store and to show on public pages: the editor's formatting, tables,
 * images from https or the help center's own files, uploaded videos, and players from YouTube
 * (always the no-cookie host) and Vimeo with fixed sandbox attributes. Scripts, handlers, styles,
 * forms, other frames and every other URL scheme are removed.
 */
export function sanitizeArticleHtml(html: string): string {
  if (html.length > MAX_ARTICLE_HTML) return textToHtml(htmlToText(html.slice(0, MAX_ARTICLE_HTML)));
  return sanitizeHtml(html, ARTICLE_PROFILE).trim();
}

/** The plain text of an article body, for search, passages and the answer bot. */
export function articleText(html: string): string {
  return htmlToText(html);
}

/** Ids of the knowledge-base files an article body uses (images, videos, file links). */
export function referencedFileIds(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\/help\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//g)) ids.add(m[1]!);
  return [...ids];
}
