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
/** Raw body kept from a multipart without a boundary, as best-effort text. */
const MAX_RAW_FALLBACK = 256 * 1024;
const KNOWN_ENCODINGS = new Set(['', '7bit', '8bit', 'binary', 'base64', 'quoted-printable']);
const UUENCODE = new Set(['x-uuencode', 'uuencode', 'x-uue']);
/** `=` that starts neither a hex escape nor a soft line break (chunks end at line ends). */
const BAD_QP_ESCAPE = /=(?![0-9A-Fa-f]{2}|[ \t]*(?:\r?\n|$))/;

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
  /**
   * The structure or an encoding is broken (multipart without boundary or closing delimiter,
   * invalid base64 or quoted-printable, unknown transfer encoding): text is best effort.
   */
  malformed: boolean;
  /** Raw body of a multipart that names no boundary (MailParser drops it), for best-effort text. */
  unsplitBody: string;
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
  const result: Prescan = {
    rootLines: null,
    limited: null,
    parts: 0,
    textBytes: 0,
    embeddedMessageIds: [],
    uuencode: false,
    tnef: false,
    malformed: false,
    unsplitBody: '',
  };
  const htmlLimit = limits.maxHtmlChars * HTML_BYTES_FACTOR;
  let htmlBytes = 0;
  const checks = new EncodingChecks();

  const inspect = (chunk: SplitterChunk): void => {
    if (chunk.type !== 'node') {
      const node = chunk.node;
      if (chunk.type === 'data') {
        if (node.multipart && !node._boundary) {
          if (result.unsplitBody.length < MAX_RAW_FALLBACK) result.unsplitBody += chunk.value.subarray(0, MAX_RAW_FALLBACK).toString('utf8');
        } else {
          checks.closingDelimiters(node, chunk.value);
        }
        return;
      }
      checks.body(node, chunk.value);
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
    const encoding = chunk.encoding || '';
    if (UUENCODE.has(encoding)) result.uuencode = true;
    else if (!KNOWN_ENCODINGS.has(encoding) || (chunk.multipart && !chunk._boundary)) result.malformed = true;
    checks.node(chunk);
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
  if (checks.broken()) result.malformed = true;
  return result;
}

/**
 * Tracks, per MIME part, whether its multipart closing delimiter was seen and whether its
 * base64 or quoted-printable body is well formed. Linear in the bytes streamed past.
 */
class EncodingChecks {
  private readonly unclosed = new Map<SplitNode, Buffer>();
  private readonly base64 = new Map<SplitNode, { chars: number; padded: boolean }>();
  private bad = false;

  node(node: SplitNode): void {
    if (node._boundary) this.unclosed.set(node, Buffer.concat([Buffer.from('--'), node._boundary, Buffer.from('--')]));
    if (node.encoding === 'base64') this.base64.set(node, { chars: 0, padded: false });
  }

  /**
   * Delimiter lines arrive as `data` chunks; consecutive ones are grouped under the first
   * line's part, so the part and its ancestors are checked.
   */
  closingDelimiters(node: SplitNode, value: Buffer): void {
    for (let p: SplitNode | false = node; p; p = p.parentNode) {
      const closing = this.unclosed.get(p);
      if (closing && value.includes(closing)) this.unclosed.delete(p);
    }
  }

  body(node: SplitNode, value: Buffer): void {
    if (this.bad) return;
    if (node.encoding === 'quoted-printable') {
      if (BAD_QP_ESCAPE.test(value.toString('latin1'))) this.bad = true;
      return;
    }
    const state = this.base64.get(node);
    if (!state) return;
    const s = value.toString('latin1');
    const pad = s.indexOf('=');
    if (/[^A-Za-z0-9+/=\s]/.test(s) || (state.padded && /[A-Za-z0-9+/]/.test(s)) || (pad >= 0 && /[A-Za-z0-9+/]/.test(s.slice(pad)))) {
      this.bad = true;
      return;
    }
    if (pad >= 0) state.padded = true;
    state.chars += s.length - (s.match(/\s/g)?.length ?? 0);
  }

  /** Whether anything was malformed, checked once the whole message has streamed past. */
  broken(): boolean {
    if (this.bad || this.unclosed.size > 0) return true;
    for (const { chars } of this.base64.values()) if (chars % 4 !== 0) return true;
    return false;
  }
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
