import { createHash, createHmac } from 'node:crypto';
import { randomToken, safeEqual } from '../../../platform/crypto.ts';

/**
 * The contact form's token: when the form was issued, the visit it belongs to, and an HMAC
 * over both and the visitor's form cookie. It is the form's CSRF token (a page on another
 * site cannot send the SameSite=Strict cookie it is bound to), its clock for the minimum fill
 * time and the maximum age, and the challenge of the proof-of-work.
 *
 * Format: `<issued ms, base36>.<visit, 22 chars>.<signature, 32 chars>`.
 */
export interface FormToken {
  issuedAt: number;
  visit: string;
}

/** Leading zero bits the proof-of-work needs: ~65,000 SHA-256 hashes, well under a second in a browser. */
export const POW_BITS = 16;

const TOKEN = /^([0-9a-z]{6,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{32})$/;

const sign = (key: Buffer, issuedAt: number, visit: string, binding: string) =>
  createHmac('sha256', key).update(`contact\u0000${issuedAt}\u0000${visit}\u0000${binding}`).digest('base64url').slice(0, 32);

/** A new form visit id: 128 random bits. */
export const newVisit = () => randomToken(16);

/** Issues a token for `visit` at `now`, bound to the visitor's form cookie value. */
export function issueFormToken(key: Buffer, visit: string, binding: string, now: Date): string {
  const issuedAt = now.getTime();
  return `${issuedAt.toString(36)}.${visit}.${sign(key, issuedAt, visit, binding)}`;
}

/** The token's contents when it is genuine and bound to this cookie value; null otherwise. */
export function readFormToken(key: Buffer, token: string | undefined, binding: string | undefined): FormToken | null {
  if (!token || !binding) return null;
  const m = TOKEN.exec(token);
  if (!m) return null;
  const issuedAt = parseInt(m[1]!, 36);
  if (!Number.isSafeInteger(issuedAt)) return null;
  return safeEqual(m[3]!, sign(key, issuedAt, m[2]!, binding)) ? { issuedAt, visit: m[2]! } : null;
}

/** Leading zero bits of a hash. */
function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether `nonce` solves the proof-of-work for `token`: SHA-256 of `token:nonce` starts with POW_BITS zero bits. */
export function checkProofOfWork(token: string, nonce: string | undefined, bits = POW_BITS): boolean {
  if (!nonce || !/^[0-9]{1,12}$/.test(nonce)) return false;
  return leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) >= bits;
}

/** Solves the proof-of-work (what help.js does in the browser); for tests and tools. */
export function solveProofOfWork(token: string, bits = POW_BITS): string {
  for (let n = 0; ; n++) if (checkProofOfWork(token, String(n), bits)) return String(n);
}
