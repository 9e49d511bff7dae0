import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import libmime from 'libmime';
import { MailParser, type AttachmentStream, type MessageText } from 'mailparser';
import { htmlToText, sanitizeMessageHtml } from '../../../platform/sanitize.ts';
import { BlobStorage } from '../../../platform/storage.ts';
import { isInline, readAttachmentHead, storeAttachment, type StoredAttachment } from './attachments.ts';
import { bodyDecoderFor } from './charset.ts';
import { isBounceSender, parseDeliveryStatus, parsePlainBounce, returnedMessageId } from './dsn.ts';
import { parseMessageIds, readTopHeaders, type TopHeaders } from './headers.ts';
import { htmlNestingExceeds, shortenBlankRuns, stripTags } from './html-guard.ts';
import type { ParseLimits } from './limits.ts';
import { prescan, readLeadingHeaders } from './prescan.ts';
import type { DeliveryStatus, LimitReason, ParsedMail } from './types.ts';

export type { DeliveryStatus, LimitReason, MailAddress, ParsedAttachment, ParsedMail } from './types.ts';

const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_TYPES = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers']);
/** How much of a DSN status part or returned message is read for its fields and Message-ID. */
const HEAD_BYTES = 64 * 1024;

const LIMIT_TEXT: Record<LimitReason, [en: string, de: string]> = {
  parts: ['too many MIME parts', 'zu viele MIME-Teile'],
  depth: ['MIME parts nested too deeply', 'zu tief verschachtelte MIME-Teile'],
  header_bytes: ['header block too large', 'zu großer Kopfbereich'],
  html: ['HTML body too large', 'zu großer HTML-Inhalt'],
  text: ['text body too large', 'zu großer Textinhalt'],
};
/**
 * Past this much text MailParser is told not to build HTML from it: that conversion (linkify and
 * entity-encoding the whole text) needs several times the text's size in one piece.
 */
const TEXT_TO_HTML_MAX_BYTES = 1024 * 1024;

/** Body of a message that was not parsed in full; the caller attaches the raw .eml. */
export function placeholderText(reason: LimitReason | 'parse_error'): string {
  if (reason === 'parse_error') {
    return (
      'This message could not be read completely and is attached as the original .eml file.\n\n' +
      'Diese Nachricht konnte nicht vollständig gelesen werden und ist als ursprüngliche .eml-Datei angehängt.'
    );
  }
  const [en, de] = LIMIT_TEXT[reason];
  return (
    `This message exceeded a safety limit (${en}) and is attached as the original .eml file.\n\n` +
    `Diese Nachricht überschritt ein Sicherheitslimit (${de}) und ist als ursprüngliche .eml-Datei angehängt.`
  );
}

/**
 * Parses the raw RFC 5322 message stored at `rawPath`. A structure pass first checks the MIME
 * limits without buffering bodies; past one, only the top-level headers are read and the body
 * is a placeholder (`limited` set, the caller attaches the raw .eml). Otherwise MailParser
 * streams every attachment into content-addressed storage under `blobRoot`.
 *
 * Malformed MIME, bad transfer encodings and unknown charsets give best-effort text and
 * `warnings`, never an exception. Throws only when the file cannot be read or is larger than
 * `limits.maxBytes`. Run it through ParsePool for a time limit and crash isolation.
 */
export async function parseMail(rawPath: string, blobRoot: string, limits: ParseLimits): Promise<ParsedMail> {
  const stat = await fsp.stat(rawPath);
  if (!stat.isFile()) throw new Error(`not a regular file: ${rawPath}`);
  if (stat.size > limits.maxBytes) throw new Error(`message is ${stat.size} bytes, over the limit of ${limits.maxBytes}`);

  const scan = await prescan(rawPath, limits);
  if (scan.limited) {
    const lines = scan.rootLines ?? (await readLeadingHeaders(rawPath, limits.maxHeaderBytes));
    return assemble(readTopHeaders(lines, limits.maxAddresses), {
      text: placeholderText(scan.limited),
      limited: scan.limited,
    });
  }

  const top = readTopHeaders(scan.rootLines ?? [], limits.maxAddresses);
  const warnings = new Set<string>(top.warnings);
  if (stat.size === 0) warnings.add('empty');
  if (scan.uuencode) warnings.add('uuencode');
  if (scan.tnef) warnings.add('tnef');
  if (scan.malformed) warnings.add('mime_malformed');

  const body = await streamBody(rawPath, new BlobStorage(blobRoot), limits, warnings, scan.textBytes > TEXT_TO_HTML_MAX_BYTES);
  if (body.failed) {
    warnings.add('parse_error');
    return assemble(top, { text: placeholderText('parse_error'), attachments: body.attachments, warnings });
  }

  // HTML: sanitized with the e-mail allowlist, or dropped past the limits (the text is kept).
  const rawHtml = shortenBlankRuns(body.message?.html ?? '');
  let html = '';
  let limited: LimitReason | null = null;
  if (rawHtml.length > limits.maxHtmlChars) warnings.add('html_too_large');
  else if (htmlNestingExceeds(rawHtml)) warnings.add('html_too_deep');
  else if (rawHtml.trim()) html = sanitizeMessageHtml(rawHtml).replace(/\u0000/g, '');
  if (warnings.has('html_too_large') || warnings.has('html_too_deep')) limited = 'html';

  let text = body.message?.text ?? '';
  if (!text.trim()) text = html ? htmlToText(html) : limited ? textOfUnsafeHtml(rawHtml.slice(0, limits.maxHtmlChars)) : '';
  // A multipart without a boundary has no parts MailParser could find: show its raw body.
  if (!text.trim() && scan.unsplitBody) text = scan.unsplitBody.replace(/\r\n?/g, '\n');
  if (body.statusText) text = `${text.trimEnd()}\n\n${body.statusText}`;
  text = text.replace(/\u0000/g, '').replace(/^\n+/, '').trimEnd();

  const cids = referencedCids(html);
  const attachments = body.attachments.map((a) => ({ ...a, inline: isInline(a, cids) }));

  return assemble(top, {
    text,
    html,
    hasRemoteImages: /<img\b[^>]*\ssrc="https:/i.test(html),
    attachments,
    dsn: deliveryStatus(top, body, scan.embeddedMessageIds, text),
    limited,
    warnings,
  });
}

interface BodyResult {
  message: MessageText | null;
  attachments: StoredAttachment[];
  /** Decoded `message/delivery-status` content, if any. */
  statusText: string;
  /** Message-IDs found in returned messages or returned headers. */
  returnedIds: string[];
  failed: boolean;
}

/** Runs MailParser over the file, storing attachments as they stream past. */
async function streamBody(rawPath: string, storage: BlobStorage, limits: ParseLimits, warnings: Set<string>, skipTextToHtml: boolean): Promise<BodyResult> {
  const result: BodyResult = { message: null, attachments: [], statusText: '', returnedIds: [], failed: false };
  const parser = new MailParser({
    skipHtmlToText: true, // text is derived from the sanitized HTML instead
    // Plain text parts outside multipart/alternative still become HTML between the HTML parts,
    // except for very large text (see TEXT_TO_HTML_MAX_BYTES).
    skipTextToHtml,
    keepDeliveryStatus: true, // DSN status parts arrive as attachments and are read below
    checksumAlgo: false, // storage hashes with SHA-256 already
    maxHeadSize: limits.maxHeaderBytes * 2,
    maxChildNodes: limits.maxParts + 1,
    Iconv: bodyDecoderFor(() => warnings.add('charset')),
  });
  const flow = pipeline(fs.createReadStream(rawPath), parser);
  flow.catch(() => undefined); // observed through the iterator and the await below
  try {
    for await (const data of parser as AsyncIterable<AttachmentStream | MessageText>) {
      if (data.type === 'text') {
        result.message = data;
        continue;
      }
      const type = (data.contentType || '').toLowerCase();
      if (STATUS_TYPES.has(type)) {
        result.statusText += (await readAttachmentHead(data, HEAD_BYTES)).toString('utf8');
        continue;
      }
      const returned = RETURNED_TYPES.has(type);
      const outcome = await storeAttachment(data, storage, limits.maxBytes, returned ? HEAD_BYTES : 0);
      if (!outcome.ok) {
        warnings.add(outcome.warning);
        continue;
      }
      const { head, ...attachment } = outcome.attachment;
      if (head) {
        const id = returnedMessageId(head);
        if (id) result.returnedIds.push(id);
      }
      result.attachments.push({ ...attachment, head: null });
    }
    await flow;
  } catch {
    result.failed = true;
  }
  return result;
}

/** The DSN of a `multipart/report; report-type=delivery-status`, or a plain bounce's best guess. */
function deliveryStatus(top: TopHeaders, body: BodyResult, embeddedIds: string[], text: string): DeliveryStatus | null {
  const fields = body.statusText ? parseDeliveryStatus(body.statusText) : null;
  if (isDeliveryReport(top.headers['content-type'] ?? '') || fields) {
    const embedded = embeddedIds.map((v) => parseMessageIds(v)[0]).find(Boolean);
    return {
      recipient: fields?.recipient ?? '',
      action: fields?.action ?? '',
      status: fields?.status ?? '',
      originalMessageId: body.returnedIds[0] ?? embedded ?? null,
    };
  }
  return isBounceSender(top.from) ? parsePlainBounce(text, top.messageId) : null;
}

/** Text for HTML that was not sanitized; too deeply nested HTML only gets its tags stripped. */
function textOfUnsafeHtml(html: string): string {
  return htmlNestingExceeds(html) ? stripTags(html) : htmlToText(html);
}

/** Whether a Content-Type value is `multipart/report` with `report-type=delivery-status`. */
export function isDeliveryReport(contentType: string): boolean {
  if (!contentType) return false;
  const parsed = libmime.parseHeaderValue(contentType);
  return (
    parsed.value.trim().toLowerCase() === 'multipart/report' &&
    /^(?:global-)?delivery-status$/i.test((parsed.params['report-type'] ?? '').trim())
  );
}

/** `cid:` references left in sanitized HTML (as written and URL-decoded). */
function referencedCids(html: string): Set<string> {
  const cids = new Set<string>();
  for (const m of html.matchAll(/\ssrc="cid:([^"]{1,998})"/gi)) {
    cids.add(m[1]);
    try {
      cids.add(decodeURIComponent(m[1]));
    } catch {
      // not URL-encoded
    }
  }
  return cids;
}

/** A ParsedMail from the headers and whatever body parts are known. */
function assemble(
  top: TopHeaders,
  body: Partial<Pick<ParsedMail, 'text' | 'html' | 'hasRemoteImages' | 'dsn' | 'limited'>> & {
    attachments?: StoredAttachment[];
    warnings?: Iterable<string>;
  },
): ParsedMail {
  return {
    messageId: top.messageId,
    inReplyTo: top.inReplyTo,
    references: top.references,
    subject: top.subject,
    date: top.date,
    from: top.from,
    fromHeaderCount: top.fromHeaderCount,
    sender: top.sender,
    replyTo: top.replyTo,
    to: top.to,
    cc: top.cc,
    deliveredTo: top.deliveredTo,
    returnPath: top.returnPath,
    invalidAddresses: top.invalidAddresses,
    headers: top.headers,
    text: body.text ?? '',
    html: body.html ?? '',
    hasRemoteImages: body.hasRemoteImages ?? false,
    attachments: (body.attachments ?? []).map((a) => ({
      sha256: a.sha256,
      size: a.size,
      filename: a.filename,
      contentType: a.contentType,
      contentId: a.contentId,
      inline: a.inline,
    })),
    dsn: body.dsn ?? null,
    limited: body.limited ?? null,
    warnings: [...(body.warnings ?? top.warnings)],
  };
}
