import ipaddr from 'ipaddr.js';

/**
 * What an address is, for deciding whether a webhook may connect to it:
 * - `public`: a global unicast address, always allowed;
 * - `internal`: loopback, private (RFC 1918), CGNAT, unique-local and site-local, allowed only
 *   for a host an admin put on the allow-list;
 * - `forbidden`: never allowed, not even for an allow-listed host: unspecified (0.0.0.0/8, ::),
 *   link-local (169.254/16 with the cloud metadata service, fe80::/10), multicast, broadcast,
 *   reserved and documentation ranges, and anything that is not an IP address.
 */
export type AddressVerdict = { kind: 'public' } | { kind: 'internal' | 'forbidden'; range: string };

const INTERNAL_V4 = new Set(['loopback', 'private', 'carrierGradeNat']);
const INTERNAL_V6 = new Set(['loopback', 'uniqueLocal', 'deprecatedSiteLocal']);

/** The IPv4 address in the low 32 bits of an IPv6 address. */
function low32(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const p = v6.parts;
  return new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
}

function classifyV4(v4: ipaddr.IPv4): AddressVerdict {
  const range = v4.range();
  if (range === 'unicast') return { kind: 'public' };
  return { kind: INTERNAL_V4.has(range) ? 'internal' : 'forbidden', range };
}

/**
 * Classifies an address the way the operating system would route it. IPv6 forms that carry an
 * IPv4 address (mapped `::ffff:a.b.c.d`, translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96`,
 * 6to4 `2002::/16`) are judged by that IPv4 address; IPv4-compatible `::a.b.c.d`, local-use
 * NAT64 (`64:ff9b:1::/48`) and Teredo, whose real target cannot be told, are forbidden.
 */
export function classifyAddress(address: string): AddressVerdict {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    const bare = address.replace(/^\[|\]$/g, '');
    // IPv6 goes through the URL parser first: ipaddr.js reads a dotted tail (`::127.0.0.1`, as
    // resolvers print IPv4-compatible addresses) as IPv4-mapped; the URL parser writes hex.
    ip = ipaddr.parse(bare.includes(':') ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare);
  } catch {
    return { kind: 'forbidden', range: 'not an IP address' };
  }
  if (ip.kind() === 'ipv4') return classifyV4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  if (v6.zoneId) return { kind: 'forbidden', range: 'scoped address' };
  const p = v6.parts;
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return embedded(classifyV4(low32(v6)));
  if (range === 'rfc6052') {
    // Only the well-known /96 prefix has a fixed place for the IPv4 address.
    const wellKnown = p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0);
    return wellKnown ? embedded(classifyV4(low32(v6))) : { kind: 'forbidden', range: 'local-use NAT64' };
  }
  if (range === '6to4') return embedded(classifyV4(new ipaddr.IPv4([p[1]! >> 8, p[1]! & 0xff, p[2]! >> 8, p[2]! & 0xff])));
  if (p.slice(0, 6).every((x) => x === 0) && range !== 'loopback' && range !== 'unspecified') return { kind: 'forbidden', range: 'IPv4-compatible' };
  if (range === 'unicast') return { kind: 'public' };
  return { kind: INTERNAL_V6.has(range) ? 'internal' : 'forbidden', range };
}

function embedded(v: AddressVerdict): AddressVerdict {
  return v.kind === 'public' ? v : { ...v, range: `${v.range}, inside an IPv6 address` };
}

/** True when a webhook may connect to `address`; `allowInternal` for a host on the admin's allow-list. */
export function mayConnect(address: string, allowInternal: boolean): boolean {
  const v = classifyAddress(address);
  return v.kind === 'public' || (v.kind === 'internal' && allowInternal);
}

const RANGE_WORDS: Record<string, string> = {
  carrierGradeNat: 'carrier-grade NAT',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'site-local',
  unspecified: 'unspecified',
  as112: 'AS112',
  as112v6: 'AS112',
  amt: 'AMT',
};

/** "10.0.0.5 is a private address", for an admin's screen. */
export function describeBlocked(address: string): string {
  const v = classifyAddress(address);
  if (v.kind === 'public') return `${address} is a public address`;
  if (v.range === 'not an IP address') return `${address} is not an IP address`;
  const [range, ...rest] = v.range.split(', ');
  const words = RANGE_WORDS[range!] ?? range!;
  const article = /^[aeiou]/i.test(words) ? 'an' : 'a';
  const where = rest.length ? ` (${rest.join(', ')})` : '';
  const hint = v.kind === 'internal' ? '; allow the host in the webhook settings to reach an internal receiver' : '';
  return `${address} is ${article} ${words} address${where}${hint}`;
}
