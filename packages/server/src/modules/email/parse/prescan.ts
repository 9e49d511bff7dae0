import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mailsplit from '@zone-eu/mailsplit';
import type { SplitterChunk } from '@zone-eu/mailsplit';
import type { HeaderLine } from './headers.ts';
import type { ParseLimits } from './limits.ts';
import type { LimitReason } from './types.ts';

const { Splitter, Headers } = mailsplit;

/**
 * Encoded text/html bytes past this multiple of maxHtmlChars can never decode to a usable
 * body, so such a message is not handed to the full parser (which would buffer it).
 */
const HTML_BYTES_FACTOR = 8;

/** What the structure pass learned without buffering any body. */
export interface Prescan {
  /** Top-level header lines; null when the top-level block itself was over the limit. */
  rootLines: HeaderLine[] | null;
  limited: LimitReason | null;
  parts: number;
  /** Encoded bytes of text/plain body parts (those MailParser buffers as text). */
  textBytes: number;
  /** Message-IDs of embedded messages parsed inline (a DSN's returned message). */
  embeddedMessageIds: string[];
  uuencode: boolean;
  tnef: boolean;
}

class LimitHit extends Error {
  constructor(readonly reason: LimitReason) {
    super(`limit: ${reason}`);
  }
}

type SplitNode = Extract<SplitterChunk, { type: 'node' }>;

/**
 * Walks the MIME structure of the message at `rawPath` with mailsplit and stops at the first
 * limit crossed: part count, nesting depth, header block size, HTML or text size. Bodies stream past
 * and are only counted. Throws only when the file cannot be read.
 */
export async function prescan(rawPath: string, limits: ParseLimits): Promise<Prescan> {
  const result: Prescan = { rootLines: null, limited: null, parts: 0, textBytes: 0, embeddedMessageIds: [], uuencode: false, tnef: false };
  const htmlLimit = limits.maxHtmlChars * HTML_BYTES_FACTOR;
  let htmlBytes = 0;

  const inspect = (chunk: SplitterChunk): void => {
    if (chunk.type !== 'node') {
      const node = chunk.node;
      // MailParser buffers a text part as a string unless its disposition makes it an attachment.
      if (chunk.type !== 'body' || (node.disposition && node.disposition !== 'inline')) return;
      const bytes = chunk.value?.length ?? 0;
      if (node.contentType === 'text/html') {
        htmlBytes += bytes;
        if (htmlBytes > htmlLimit) throw new LimitHit('html');
      } else if (node.contentType === 'text/plain') {
        result.textBytes += bytes;
        if (result.textBytes > limits.maxTextBytes) throw new LimitHit('text');
      }
      return;
    }
    result.parts++;
    if (result.parts > limits.maxParts) throw new LimitHit('parts');
    if (depthOf(chunk) > limits.maxDepth) throw new LimitHit('depth');
    if (chunk._headerlen > limits.maxHeaderBytes) throw new LimitHit('header_bytes');
    const headers = chunk.headers;
    if (chunk.root && headers) result.rootLines = headers.getList().map(({ key, line }) => ({ key, line }));
    const parent = chunk.parentNode;
    if (parent && parent.contentType === 'message/rfc822' && headers && result.embeddedMessageIds.length < 10) {
      const id = headers.getFirst('message-id');
      if (id) result.embeddedMessageIds.push(id);
    }
    const encoding = (chunk.encoding || '').toLowerCase();
    if (encoding === 'x-uuencode' || encoding === 'uuencode' || encoding === 'x-uue') result.uuencode = true;
    if (chunk.contentType === 'application/ms-tnef' || /^winmail\.dat$/i.test(chunk.filename || '')) result.tnef = true;
  };

  const sink = new Writable({
    objectMode: true,
    write(chunk: SplitterChunk, _enc, cb) {
      try {
        inspect(chunk);
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
  const splitter = new Splitter({
    // mailsplit's own limits are backstops: ours above trip first on ordinary input, but its
    // header cost counts short lines as 64 bytes, so it stops header floods of tiny lines.
    maxHeadSize: limits.maxHeaderBytes * 2,
    maxChildNodes: limits.maxParts + 1,
  });

  try {
    await pipeline(fs.createReadStream(rawPath), splitter, sink);
  } catch (err) {
    if (err instanceof LimitHit) result.limited = err.reason;
    else if ((err as { code?: string }).code === 'EMAXLEN') result.limited = /child/i.test((err as Error).message) ? 'parts' : 'header_bytes';
    else throw err;
  }
  return result;
}

/** The top-level message is depth 1; every enclosing part adds one. */
function depthOf(node: SplitNode): number {
  let depth = 1;
  for (let p = node.parentNode; p; p = p.parentNode) depth++;
  return depth;
}

/**
 * Header lines from the start of the file, for a placeholder when the top-level header block
 * was itself over the limit: at most `maxBytes` are read and the last partial line is dropped.
 */
export async function readLeadingHeaders(rawPath: string, maxBytes: number): Promise<HeaderLine[]> {
  const fh = await fsp.open(rawPath, 'r');
  try {
    const buf = Buffer.alloc(maxBytes);
    const { bytesRead } = await fh.read(buf, 0, maxBytes, 0);
    let block = buf.subarray(0, bytesRead);
    const end = block.indexOf('\r\n\r\n') >= 0 ? block.indexOf('\r\n\r\n') : block.indexOf('\n\n');
    if (end >= 0) block = block.subarray(0, end);
    else if (bytesRead === maxBytes) block = block.subarray(0, Math.max(0, block.lastIndexOf('\n')));
    return new Headers(block).getList().map(({ key, line }) => ({ key, line }));
  } finally {
    await fh.close();
  }
}
