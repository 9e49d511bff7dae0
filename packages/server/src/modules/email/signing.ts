import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** base32 (RFC 4648 alphabet, lower case, no padding): survives mail clients that fold case. */
function base32(buf: Buffer): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signs what we put into outgoing mail so that only we can produce it: Message-IDs and the
 * reply-address token carry an HMAC. A forged id or token is simply not recognised.
 *
 * - Message-ID: `<srv.{ticket number, base 36}.{random}.{sig}@{domain}>`
 * - reply address: `{local}+t{ticket number, base 36}{sig}@{domain}`
 */
export class MailSigner {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = createHmac('sha256', secret).update('servus mail ids v1').digest();
  }

  private sig(data: string, length: number): string {
    return base32(createHmac('sha256', this.key).update(data).digest()).slice(0, length);
  }

  /** A new signed Message-ID (without angle brackets) for a mail about `ticketNumber`. */
  messageId(ticketNumber: number, domain: string): string {
    const t = ticketNumber.toString(36);
    const nonce = base32(randomBytes(10));
    return `srv.${t}.${nonce}.${this.sig(`mid:${t}.${nonce}`, 16)}@${domain.toLowerCase()}`;
  }

  /** The ticket number of one of our Message-IDs, or null when it is not ours or forged. */
  verifyMessageId(messageId: string): number | null {
    const m = /^srv\.([0-9a-z]{1,12})\.([a-z2-7]{16})\.([a-z2-7]{16})@[^@\s]+$/i.exec(messageId.trim());
    if (!m) return null;
    const [, t, nonce, sig] = m as unknown as [string, string, string, string];
    if (!same(sig.toLowerCase(), this.sig(`mid:${t.toLowerCase()}.${nonce.toLowerCase()}`, 16))) return null;
    return parseInt(t, 36);
  }

  /** The reply address for a ticket: the channel address with a signed `+token`. */
  replyAddress(channelAddress: string, ticketNumber: number): string {
    const at = channelAddress.lastIndexOf('@');
    const t = ticketNumber.toString(36);
    return `${channelAddress.slice(0, at)}+t${t}${this.sig(`tok:${t}`, 10)}${channelAddress.slice(at)}`.toLowerCase();
  }

  /**
   * The ticket number encoded in `address` when it is `channelAddress` with a valid token;
   * null for the plain channel address, another address, or a forged token.
   */
  ticketFromReplyAddress(address: string, channelAddress: string): number | null {
    const a = address.trim().toLowerCase();
    const c = channelAddress.trim().toLowerCase();
    const at = c.lastIndexOf('@');
    const local = c.slice(0, at);
    const domain = c.slice(at);
    if (!a.endsWith(domain) || !a.startsWith(`${local}+t`)) return null;
    const token = a.slice(local.length + 2, a.length - domain.length);
    const m = /^([0-9a-z]{1,12})([a-z2-7]{10})$/.exec(token);
    if (!m) return null;
    const [, t, sig] = m as unknown as [string, string, string];
    return same(sig, this.sig(`tok:${t}`, 10)) ? parseInt(t, 36) : null;
  }
}

/** The address without a `+tag` in its local part, lower-case: what a channel is known by. */
export function baseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  if (at < 0) return a;
  const plus = a.indexOf('+');
  return plus >= 0 && plus < at ? a.slice(0, plus) + a.slice(at) : a;
}

/** The domain of an address, lower-case. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
