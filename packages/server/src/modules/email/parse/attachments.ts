import { PassThrough } from 'node:stream';
import { fileTypeFromFile, supportedMimeTypes } from 'file-type';
import libmime from 'libmime';
import type { AttachmentStream } from 'mailparser';
import { safeFilename } from '../../../platform/sanitize.ts';
import type { BlobStorage } from '../../../platform/storage.ts';
import { capString } from './headers.ts';
import type { ParsedAttachment } from './types.ts';

/** Types a browser would run or render as a document: never shown inline (SECURITY 3). */
const ACTIVE_TYPE = /^(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)$|\+xml$/;
/** Raster images that may be shown inside the body. */
const INLINE_IMAGE = /^image\/(?:png|jpeg|gif|webp|bmp|avif|apng)$/;
/** Sniffed containers that say less than a specific declared type (a .doc is a CFB file). */
const GENERIC_SNIFF = new Set(['application/zip', 'application/x-cfb', 'application/xml']);
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

/** An attachment in storage plus what parseMail still needs to decide `inline`. */
export interface StoredAttachment extends ParsedAttachment {
  disposition: string | null;
  /** The first bytes of the content when asked for (DSN parts); otherwise null. */
  head: Buffer | null;
}

export type StoreOutcome = { ok: true; attachment: StoredAttachment } | { ok: false; warning: 'attachment_too_large' | 'attachment_failed' };

/**
 * Streams one MailParser attachment into content-addressed storage, sniffs its real type, and
 * always releases it so the parser continues. `headBytes` > 0 also keeps that many leading bytes.
 * Failures (over `maxBytes`, disk errors) are reported, never thrown; the rest is drained.
 */
export async function storeAttachment(att: AttachmentStream, storage: BlobStorage, maxBytes: number, headBytes = 0): Promise<StoreOutcome> {
  const content = att.content;
  // put() destroys its input on failure; MailParser must never write into a destroyed stream,
  // so storage reads from a pass-through and the parser's stream is only unpiped.
  const source = new PassThrough();
  content.on('error', (err) => source.destroy(err));
  const head: Buffer[] = [];
  let headLength = 0;
  if (headBytes > 0) {
    content.on('data', (chunk: Buffer) => {
      if (headLength >= headBytes) return;
      const part = Buffer.from(chunk.subarray(0, headBytes - headLength));
      head.push(part);
      headLength += part.length;
    });
  }
  content.pipe(source);
  try {
    const blob = await storage.put(source, maxBytes);
    const sniffed = await fileTypeFromFile(blob.path).catch(() => undefined);
    const contentType = chooseType(att.contentType, sniffed?.mime);
    const ext = sniffed?.ext ?? libmime.detectExtension(contentType);
    return {
      ok: true,
      attachment: {
        sha256: blob.sha256,
        size: blob.size,
        filename: safeFilename(att.filename || `attachment.${ext}`),
        contentType,
        contentId: att.cid ? capString(att.cid.replace(/[\s\u0000-\u001f\u007f<>]/g, ''), 998) || null : null,
        inline: false,
        disposition: att.contentDisposition ? att.contentDisposition.toLowerCase() : null,
        head: headBytes > 0 ? Buffer.concat(head) : null,
      },
    };
  } catch (err) {
    content.unpipe(source);
    content.resume();
    return { ok: false, warning: (err as { code?: string }).code === 'payload_too_large' ? 'attachment_too_large' : 'attachment_failed' };
  } finally {
    att.release?.();
  }
}

/**
 * The type to record: the sniffed one when the content has a recognisable signature, else the
 * declared one, except that a declared type file-type would have recognised (an `image/png`
 * that is really HTML) is a lie and becomes `application/octet-stream`.
 */
export function chooseType(declaredRaw: string | undefined, sniffed: string | undefined): string {
  const declared = (declaredRaw ?? '').trim().toLowerCase();
  const known = MIME_TYPE.test(declared) ? declared : 'application/octet-stream';
  if (sniffed) {
    if (GENERIC_SNIFF.has(sniffed) && known !== 'application/octet-stream' && !supportedMimeTypes.has(known)) return known;
    return sniffed;
  }
  return supportedMimeTypes.has(known) ? 'application/octet-stream' : known;
}

/** Whether a part of this type, disposition and cid may be shown inside the body. */
export function isInline(a: Pick<StoredAttachment, 'contentType' | 'disposition' | 'contentId'>, referencedCids: ReadonlySet<string>): boolean {
  if (ACTIVE_TYPE.test(a.contentType) || !INLINE_IMAGE.test(a.contentType)) return false;
  return a.disposition === 'inline' || (a.contentId !== null && referencedCids.has(a.contentId));
}

/** Reads up to `maxBytes` of a part that is not stored (a DSN status part), drains the rest and releases it. */
export async function readAttachmentHead(att: AttachmentStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of att.content as AsyncIterable<Buffer>) {
      if (length >= maxBytes) continue;
      const part = Buffer.from(chunk.subarray(0, maxBytes - length));
      chunks.push(part);
      length += part.length;
    }
  } finally {
    att.release?.();
  }
  return Buffer.concat(chunks);
}
