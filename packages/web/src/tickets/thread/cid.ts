import type { Attachment } from '../../api/types';

/** Image types the attachment endpoint may hand to an `<img>` (never SVG). */
export const INLINE_IMAGE_TYPES = /^image\/(png|jpeg|gif|webp)$/i;

function normalizeCid(raw: string): string {
  let v = raw.trim().replace(/^cid:/i, '');
  try {
    v = decodeURIComponent(v);
  } catch {
    // keep the raw value when it is not valid percent-encoding
  }
  return v.replace(/^<|>$/g, '').trim().toLowerCase();
}

/**
 * The attachment a `cid:` reference points to: by its Content-ID when the server reports one,
 * else by file name (mail clients often use `image001.png@01D9…`). Only PNG, JPEG, GIF and
 * WebP images qualify, so an inline reference can never load HTML or SVG.
 */
export function resolveCid(ref: string, attachments: readonly Attachment[]): Attachment | null {
  const cid = normalizeCid(ref);
  if (!cid) return null;
  const images = attachments.filter((a) => INLINE_IMAGE_TYPES.test(a.contentType));
  const byId = images.find((a) => a.contentId && normalizeCid(a.contentId) === cid);
  if (byId) return byId;
  const local = cid.split('@')[0];
  return images.find((a) => a.filename.toLowerCase() === cid || a.filename.toLowerCase() === local) ?? null;
}

/**
 * The attachments the HTML shows inline through `cid:` references, so the attachment list can
 * leave them out instead of showing the same image twice. Only parts the server marked `inline`
 * count: a regular attachment stays listed even when the HTML also shows it.
 */
export function inlineShownIds(html: string, attachments: readonly Attachment[]): Set<string> {
  const shown = new Set<string>();
  if (!html || !attachments.some((a) => a.inline)) return shown;
  for (const m of html.matchAll(/\bcid:([^"'\s>)]+)/gi)) {
    const att = resolveCid(m[1], attachments);
    if (att?.inline) shown.add(att.id);
  }
  return shown;
}
