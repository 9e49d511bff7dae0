import type { Attachment } from '../../api/types';
import { resolveCid } from './cid';

export interface SrcdocOptions {
  /** Message HTML as sanitized by the server. */
  html: string;
  attachments: readonly Attachment[];
  /** The agent clicked "show images": remote https images may load. */
  allowRemoteImages: boolean;
  lang?: string;
}

export interface Srcdoc {
  srcdoc: string;
  /** Remote images held back (0 when allowed or none). */
  blockedImages: number;
}

const DROP_ELEMENTS = 'script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, option, meta, link, base, style, svg, math, template, noscript, audio, video, source, track, portal';
const SAFE_HREF = /^(https?:|mailto:|tel:|#)/i;

/** The policy inside the frame: no scripts, no fetches; images from attachments, and from https only when allowed. */
export function frameCsp(allowRemoteImages: boolean): string {
  const img = allowRemoteImages ? "'self' data: https:" : "'self' data:";
  return `default-src 'none'; script-src 'none'; object-src 'none'; img-src ${img}; style-src 'unsafe-inline'; font-src data:; media-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
}

const FRAME_STYLE = `
html{color-scheme:light}
body{margin:0;padding:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;overflow-wrap:anywhere;background:transparent}
p{margin:0 0 .6em}
img{max-width:100%;height:auto}
img[data-blocked]{display:inline-block;min-width:24px;min-height:16px;background:#f1f3f5;border:1px dashed #ced4da}
blockquote{margin:.4em 0;padding-left:.8em;border-left:3px solid #d0d7de;color:#57606a}
pre{white-space:pre-wrap}
table{max-width:100%;border-collapse:collapse}
a{color:#3b5bdb}
`;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The `srcdoc` for a message frame. The server already sanitized the HTML; this strips
 * anything active again (defence in depth), maps `cid:` images to the message's attachments,
 * holds back remote images until allowed, and puts a strict CSP and no-referrer policy first
 * in the document. The result is meant for `<iframe sandbox srcdoc>` without `allow-scripts`.
 */
export function buildSrcdoc(opts: SrcdocOptions): Srcdoc {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${opts.html}</body></html>`, 'text/html');
  const body = doc.body;
  for (const el of Array.from(body.querySelectorAll(DROP_ELEMENTS))) el.remove();

  let blocked = 0;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const isUrlAttr = name === 'src' || name === 'href' || name === 'srcset' || name === 'background' || name === 'poster' || name === 'action' || name === 'formaction' || name === 'xlink:href' || name === 'ping' || name === 'lowsrc' || name === 'dynsrc' || name === 'longdesc';
      if (name.startsWith('on') || name === 'srcdoc' || name === 'id' || name === 'class' || (isUrlAttr && name !== 'src' && name !== 'href')) el.removeAttribute(attr.name);
      else if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(attr.value)) el.removeAttribute(attr.name);
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href !== null && !SAFE_HREF.test(href.trim())) el.removeAttribute('href');
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer nofollow');
    } else if (el.hasAttribute('href')) {
      el.removeAttribute('href');
    }
    if (tag !== 'img') {
      el.removeAttribute('src');
      continue;
    }
    const src = (el.getAttribute('src') ?? '').trim();
    if (/^cid:/i.test(src)) {
      const att = resolveCid(src, opts.attachments);
      if (att) el.setAttribute('src', `/api/v1/attachments/${encodeURIComponent(att.id)}`);
      else {
        el.removeAttribute('src');
        el.setAttribute('data-blocked', 'missing');
      }
    } else if (/^https:/i.test(src)) {
      if (!opts.allowRemoteImages) {
        el.removeAttribute('src');
        el.setAttribute('data-blocked', 'remote');
        blocked++;
      }
    } else {
      el.removeAttribute('src');
    }
  }

  const lang = opts.lang ? ` lang="${escapeAttr(opts.lang)}"` : '';
  const srcdoc =
    `<!doctype html><html${lang}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(frameCsp(opts.allowRemoteImages))}">` +
    `<meta name="referrer" content="no-referrer">` +
    `<style>${FRAME_STYLE}</style></head><body>${body.innerHTML}</body></html>`;
  return { srcdoc, blockedImages: blocked };
}
