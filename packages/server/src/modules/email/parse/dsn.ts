import mailsplit from '@zone-eu/mailsplit';
import { headerValue, normalizeAddress, parseMessageIds } from './headers.ts';
import type { DeliveryStatus, MailAddress } from './types.ts';

const { Headers } = mailsplit;

/** Local parts of the addresses bounces come from (RFC 5321 postmaster, Sendmail's MAILER-DAEMON). */
const BOUNCE_LOCAL_PART = /^(?:mailer-daemon|postmaster)$/i;

/** Bounce bodies are searched only this far: the returned headers sit near the top. */
const MAX_SCAN_CHARS = 256 * 1024;

/**
 * Reads a `message/delivery-status` body (RFC 3464): per-message fields, then one block per
 * recipient. Returns the first recipient block, preferring one whose Action is `failed`.
 */
export function parseDeliveryStatus(text: string): Omit<DeliveryStatus, 'originalMessageId'> | null {
  const blocks = text.slice(0, MAX_SCAN_CHARS).replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  let best: Omit<DeliveryStatus, 'originalMessageId'> | null = null;
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const { key, line } of new Headers(Buffer.from(block, 'utf8')).getList()) {
      if (!fields.has(key)) fields.set(key, headerValue(line));
    }
    const recipientField = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (recipientField === undefined) continue;
    const entry = {
      recipient: recipientAddress(recipientField),
      action: (fields.get('action') ?? '').trim().toLowerCase().slice(0, 32),
      status: statusCode(fields.get('status') ?? ''),
    };
    if (!best || (best.action !== 'failed' && entry.action === 'failed')) best = entry;
  }
  return best;
}

/** The Message-ID of a returned message or its headers (`message/rfc822`, `text/rfc822-headers`). */
export function returnedMessageId(head: Buffer): string | null {
  const crlf = head.indexOf('\r\n\r\n');
  const lf = head.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
  const block = end >= 0 ? head.subarray(0, end) : head;
  const line = new Headers(block).getList().find((l) => l.key === 'message-id');
  return line ? (parseMessageIds(headerValue(line.line))[0] ?? null) : null;
}

/**
 * Best effort for a plain bounce (from MAILER-DAEMON or postmaster, no DSN part): the quoted
 * original's Message-ID, a `Final-Recipient` or `<address>:` line, and an enhanced status code.
 */
export function parsePlainBounce(text: string, ownMessageId: string | null): DeliveryStatus {
  const body = text.slice(0, MAX_SCAN_CHARS);
  let originalMessageId: string | null = null;
  for (const m of body.matchAll(/^[ \t>]*Message-ID:[ \t]*<([^<>\s]{1,998})>/gim)) {
    if (m[1] !== ownMessageId) {
      originalMessageId = m[1];
      break;
    }
  }
  const finalRecipient = /^[ \t]*(?:Final|Original)-Recipient:[ \t]*([^\n]{1,1000})/im.exec(body);
  const angle = /^[ \t]*<([^<>\s]{3,254})>:?/m.exec(body);
  const recipient = finalRecipient ? recipientAddress(finalRecipient[1]) : angle ? (normalizeAddress(angle[1]) ?? '') : '';
  const status = statusCode(/\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(body)?.[1] ?? '');
  const action = status.startsWith('5') ? 'failed' : status.startsWith('4') ? 'delayed' : '';
  return { recipient, action, status, originalMessageId };
}

/** `rfc822; User@Example.com` → `user@example.com` (the address type is dropped). */
function recipientAddress(field: string): string {
  const semi = field.indexOf(';');
  const value = (semi >= 0 ? field.slice(semi + 1) : field).trim().replace(/^<|>$/g, '');
  return normalizeAddress(value) ?? value.toLowerCase().slice(0, 254);
}

/** The enhanced status code (`5.1.1`) at the start of a Status field, or ''. */
function statusCode(field: string): string {
  return /^\s*([245]\.\d{1,3}\.\d{1,3})/.exec(field)?.[1] ?? '';
}

/** The part of an address before its last `@`. */
export function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

/** Whether a From list is a bounce sender (MAILER-DAEMON@…, postmaster@…). */
export function isBounceSender(from: readonly MailAddress[]): boolean {
  return from.some((a) => BOUNCE_LOCAL_PART.test(localPart(a.address)));
}
