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
