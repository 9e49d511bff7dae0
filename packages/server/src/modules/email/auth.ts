import dns from 'node:dns';
import fs from 'node:fs';
import { authenticate } from 'mailauth';
import type { MessageEmailMeta } from '../tickets/schema.ts';

/** A DNS lookup as mailauth calls it: name and record type to records. */
export type DnsResolver = (name: string, rrtype: string) => Promise<unknown>;

/**
 * Wraps a resolver with a time limit and a small cache (answers and failures alike), so a burst of
 * mail from one domain costs one lookup and an unreachable DNS server costs seconds, not minutes.
 */
export function cachingResolver(
  base: DnsResolver = (name, rr) => dns.promises.resolve(name, rr as 'TXT'),
  opts: { timeoutMs?: number; ttlMs?: number; max?: number } = {},
): DnsResolver {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const max = opts.max ?? 10_000;
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  return (name, rr) => {
    const key = `${rr} ${name.toLowerCase()}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(Object.assign(new Error(`DNS ${rr} ${name} timed out`), { code: 'ETIMEOUT' })), timeoutMs);
      base(name, rr).then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
    value.catch(() => undefined);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(key, { at: Date.now(), value });
    return value;
  };
}

/**
 * SPF, DKIM and DMARC for a stored raw message. `aligned` is false when the From domain fails
 * DMARC, or, for a domain without DMARC, when SPF fails and no DKIM signature passes: such a
 * mail cannot prove it comes from whom it claims.
 */
export async function checkMailAuth(
  rawPath: string,
  opts: { ip: string | null; sender: string | null; resolver: DnsResolver; mta: string },
): Promise<NonNullable<MessageEmailMeta['auth']>> {
  try {
    const res = await authenticate(fs.createReadStream(rawPath), {
      ...(opts.ip ? { ip: opts.ip, helo: opts.ip } : { trustReceived: true }),
      ...(opts.sender !== null && { sender: opts.sender }),
      mta: opts.mta,
      resolver: opts.resolver as never,
      disableArc: true,
      disableBimi: true,
    });
    const spf = res.spf ? res.spf.status.result : 'none';
    const dkimResults = res.dkim?.results ?? [];
    const dkim = dkimResults.some((r) => r.status.result === 'pass')
      ? 'pass'
      : dkimResults.some((r) => r.status.result === 'fail' || r.status.result === 'neutral')
        ? 'fail'
        : 'none';
    const dmarc = res.dmarc ? res.dmarc.status.result : 'none';
    const aligned = dmarc === 'pass' || (dmarc !== 'fail' && !(spf === 'fail' && dkim !== 'pass'));
    return { spf, dkim, dmarc, aligned };
  } catch {
    return { spf: 'temperror', dkim: 'temperror', dmarc: 'temperror', aligned: true };
  }
}
