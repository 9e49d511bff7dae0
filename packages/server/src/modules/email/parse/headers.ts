import { domainToASCII } from 'node:url';
import libmime from 'libmime';
import { parseAddressHeader } from 'mailparser';
import type { MailAddress, ParsedMail } from './types.ts';

/** A raw header line as mailsplit and mailparser give it: lower-case key, line as a binary string. */
export interface HeaderLine {
  key: string;
  line: string;
}

/** Headers kept verbatim for classification, threading and authentication checks. */
export const SELECTED_HEADERS = [
  'auto-submitted',
  'precedence',
  'x-auto-response-suppress',
  'list-id',
  'list-unsubscribe',
  'x-loop',
  'x-autoreply',
  'x-autorespond',
  'return-path',
  'x-servus-loop',
  'x-servus-instance',
  'authentication-results',
  'content-type',
] as const;

const MAX_HEADER_VALUE = 1000;
const MAX_SUBJECT = 998;
const MAX_ID = 998;
const MAX_REFERENCES = 100;
const MAX_NAME = 256;
/** Encoded words expand a subject several times; decoding more than this is wasted work. */
const MAX_SUBJECT_INPUT = 16 * 1024;

/** Everything ParsedMail takes from the top-level header block. */
export type TopHeaders = Pick<
  ParsedMail,
  | 'messageId' | 'inReplyTo' | 'references' | 'subject' | 'date' | 'from' | 'fromHeaderCount' | 'sender' | 'replyTo'
  | 'to' | 'cc' | 'deliveredTo' | 'returnPath' | 'invalidAddresses' | 'headers' | 'warnings'
>;

/** Reads the top-level header lines of a message. Never throws on malformed values. */
export function readTopHeaders(lines: readonly HeaderLine[], maxAddresses: number): TopHeaders {
  const values = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const list = values.get(key);
    const value = headerValue(line);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  const first = (key: string): string | undefined => values.get(key)?.[0];
  const all = (key: string): string[] => values.get(key) ?? [];
  /** The first occurrence as a list of zero or one values. */
  const one = (key: string): string[] => all(key).slice(0, 1);

  const warnings: string[] = [];
  const counter = { invalid: 0 };
  const addresses = (vals: string[]) => parseAddresses(vals, maxAddresses, counter);

  const messageIds = parseMessageIds(first('message-id') ?? '');
  if (first('message-id') !== undefined && messageIds.length === 0) warnings.push('invalid_message_id');

  const returnPathRaw = first('return-path');
  let returnPath: string | null = null;
  if (returnPathRaw !== undefined) {
    returnPath = /^<\s*>$/.test(returnPathRaw) ? '' : (addresses([returnPathRaw])[0]?.address ?? null);
  }

  const deliveredTo = addresses([...all('delivered-to'), ...all('x-original-to')]).map((a) => a.address);

  const headers: Record<string, string> = {};
  for (const name of SELECTED_HEADERS) {
    const v = first(name);
    if (v !== undefined) headers[name] = capString(v.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''), MAX_HEADER_VALUE);
  }

  const refs = parseMessageIds(all('references').join(' '));
  return {
    messageId: messageIds[0] ?? null,
    inReplyTo: parseMessageIds(first('in-reply-to') ?? ''),
    // Keep the thread root and the most recent ids, as RFC 5322 suggests for trimming.
    references: refs.length > MAX_REFERENCES ? [refs[0], ...refs.slice(refs.length - MAX_REFERENCES + 1)] : refs,
    subject: decodeSubject(first('subject') ?? ''),
    date: parseDate(first('date')),
    from: addresses(one('from')),
    fromHeaderCount: all('from').length,
    sender: addresses(one('sender'))[0] ?? null,
    replyTo: addresses(one('reply-to')),
    to: addresses(all('to')),
    cc: addresses(all('cc')),
    deliveredTo,
    returnPath,
    invalidAddresses: counter.invalid,
    headers,
    warnings,
  };
}

/** The unfolded value of a raw header line, decoded from its bytes as UTF-8. */
export function headerValue(line: string): string {
  const colon = line.indexOf(':');
  const raw = colon < 0 ? '' : line.slice(colon + 1);
  return Buffer.from(raw, 'binary').toString('utf8').replace(/\r?\n(?=[ \t])/g, '').replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Message ids (`<a@b>` lists as in Message-ID, In-Reply-To and References) without angle
 * brackets. Ids with spaces or over 998 characters are dropped; bare ids without brackets are
 * accepted when the header has no bracketed ones.
 */
export function parseMessageIds(value: string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    const v = id.trim();
    if (v && v.length <= MAX_ID && !/[\s<>\u0000-\u001f\u007f]/.test(v) && !seen.has(v)) {
      seen.add(v);
      ids.push(v);
    }
  };
  const bracketed = /<([^<>]*)>/g;
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = bracketed.exec(value)) !== null) {
    any = true;
    add(m[1]);
  }
  if (!any) for (const token of value.split(/[\s,]+/)) if (token.includes('@')) add(token);
  return ids;
}

/** Decoded subject without control characters, at most 998 characters. */
export function decodeSubject(value: string): string {
  let s = value.length > MAX_SUBJECT_INPUT ? value.slice(0, MAX_SUBJECT_INPUT) : value;
  try {
    s = libmime.decodeWords(s);
  } catch {
    // keep the undecoded value
  }
  return capString(s.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim(), MAX_SUBJECT);
}

function parseDate(value: string | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value.slice(0, 200));
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? d.toISOString() : null;
}

/**
 * Parses address header values into normalized mailboxes (groups flattened, duplicates
 * dropped, at most `max`). Invalid addresses are counted in `counter.invalid`.
 */
export function parseAddresses(values: string[], max: number, counter: { invalid: number }): MailAddress[] {
  const out: MailAddress[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    let parsed: { name: string; address?: string }[];
    try {
      parsed = parseAddressHeader(value, { flatten: true, decodePunycode: false }).value;
    } catch {
      counter.invalid++;
      continue;
    }
    const malformed = malformedBracketTokens(value);
    for (const entry of parsed) {
      const raw = (entry.address ?? '').trim().toLowerCase();
      const address = malformed.has(raw) ? null : normalizeAddress(raw);
      if (!address) {
        counter.invalid++;
        continue;
      }
      if (seen.has(address) || out.length >= max) continue;
      seen.add(address);
      out.push({ name: cleanName(entry.name), address });
    }
  }
  return out;
}

/**
 * Words of `<…>` address specs that contain whitespace or a nested `<` (outside quoted strings
 * and comments). addressparser salvages one word of `<a b@c.de>` as the address; another reader
 * of the same header may pick another, so such an address is treated as invalid instead.
 */
function malformedBracketTokens(value: string): Set<string> {
  const tokens = new Set<string>();
  let quoted = false;
  let comment = 0;
  let start = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && (quoted || comment > 0)) i++;
    else if (quoted) quoted = c !== '"';
    else if (comment > 0) comment += c === '(' ? 1 : c === ')' ? -1 : 0;
    else if (c === '"') quoted = true;
    else if (c === '(') comment = 1;
    else if (c === '<') {
      if (start >= 0) for (const t of value.slice(start + 1, i).split(/\s+/)) if (t) tokens.add(t.toLowerCase());
      start = i;
    } else if (c === '>' && start >= 0) {
      const inner = value.slice(start + 1, i).trim();
      if (/\s/.test(inner)) for (const t of inner.split(/\s+/)) tokens.add(t.toLowerCase());
      start = -1;
    }
  }
  return tokens;
}

const ADDRESS = /^[^\s<>@",;()[\]\\\u0000-\u001f\u007f]+@[^\s<>@",;()[\]\\\u0000-\u001f\u007f]+$/u;

/**
 * Lower case, trimmed, domain as ASCII (so homoglyph domains show as `xn--…`), or null when
 * the address is not a plain `local@domain` of at most 254 characters.
 */
export function normalizeAddress(raw: string): string | null {
  const a = raw.trim().toLowerCase();
  if (a.length > 254 || !ADDRESS.test(a)) return null;
  const at = a.lastIndexOf('@');
  const domain = /^[\x21-\x7e]+$/.test(a.slice(at + 1)) ? a.slice(at + 1) : domainToASCII(a.slice(at + 1));
  if (!domain || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) return null;
  const address = `${a.slice(0, at)}@${domain}`;
  return address.length <= 254 ? address : null;
}

function cleanName(name: string): string {
  return capString(name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim(), MAX_NAME);
}

/** Cuts a string to `max` UTF-16 units without leaving half a surrogate pair. */
export function capString(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
