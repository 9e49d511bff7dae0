import sanitizeHtml from 'sanitize-html';

/** Limits past which HTML is not parsed at all: the text is kept and the HTML replaced. */
const MAX_HTML_CHARS = 1_000_000;

const EMAIL_PROFILE: sanitizeHtml.IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
    'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q',
    's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'name', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    table: ['cellpadding', 'cellspacing', 'border', 'width'],
    font: ['color', 'size'],
    '*': ['style', 'dir', 'lang'],
  },
  allowedStyles: {
    '*': {
      color: [/^#[0-9a-f]{3,8}$/i, /^rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)$/i, /^[a-z]+$/i],
      'background-color': [/^#[0-9a-f]{3,8}$/i, /^rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)$/i, /^[a-z]+$/i],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(bold|normal|\d{3})$/],
      'font-style': [/^(italic|normal)$/],
      'text-decoration': [/^(underline|line-through|none)$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Images only from https or inline cid: parts; anything else (relative, data:, http:) is dropped.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^(https:|cid:)/i.test(frame.attribs.src ?? ''),
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
  },
};

/** Sanitizes customer or agent HTML with the e-mail allowlist: no scripts, handlers, forms, frames or CSS urls. */
export function sanitizeMessageHtml(html: string): string {
  if (html.length > MAX_HTML_CHARS) return textToHtml(htmlToText(html.slice(0, MAX_HTML_CHARS)));
  return sanitizeHtml(html, EMAIL_PROFILE);
}

/** Plain text of an HTML fragment (for search and previews). */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\s*(br|\/p|\/div|\/li|\/tr|\/h[1-6])\s*\/?>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {}, nonTextTags: EMAIL_PROFILE.nonTextTags });
  return decodeEntities(text).replace(/\u00a0/g, ' ').replace(/(?<![ \t])[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? _m);
}

/** Escapes text for HTML and keeps its line breaks. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Text and safe HTML for a message body given as text, HTML or both. */
export function messageBody(input: { text?: string; html?: string }): { text: string; html: string } {
  const html = input.html?.trim() ? sanitizeMessageHtml(input.html) : textToHtml(input.text ?? '');
  const text = input.text?.trim() ? input.text.trim() : htmlToText(html);
  return { text, html };
}

/**
 * A display filename that is safe to show and to send in Content-Disposition: no path parts,
 * control, bidi-override or zero-width characters, at most 200 characters with its extension.
 */
export function safeFilename(name: string | undefined): string {
  let n = (name ?? '').normalize('NFC');
  n = n.split(/[\\/]/).pop() ?? '';
  n = n.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  n = n.replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(n)) n = `_${n}`;
  if (n.length > 200) {
    const dot = n.lastIndexOf('.');
    const ext = dot > 0 && n.length - dot <= 16 ? n.slice(dot) : '';
    n = n.slice(0, 200 - ext.length) + ext;
  }
  return n || 'attachment';
}
