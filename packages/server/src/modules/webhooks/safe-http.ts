import dns from 'node:dns/promises';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { normalizeHost, type WebhookErrorClass } from '@servus/shared';
import { describeBlocked, mayConnect } from './address-policy.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into addresses. Tests pass their own; by default the system's resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Opens a TCP connection to an address that passed the checks. Tests point it elsewhere to see which address was chosen. */
export type Dialer = (address: string, port: number) => net.Socket;

export interface SafeHttpOptions {
  resolver: Resolver;
  /** Hosts (as `normalizeHost` writes them) that may resolve to internal addresses. */
  allowedHosts: ReadonlySet<string>;
  dnsTimeoutMs: number;
  /** Per address tried. */
  connectTimeoutMs: number;
  /** For the whole exchange, every redirect included. */
  totalTimeoutMs: number;
  maxRedirects: number;
  /** The response body is read up to this many bytes and thrown away. */
  maxResponseBytes: number;
  dial?: Dialer;
  /** Extra TLS settings (tests: a CA of their own). */
  tls?: Pick<tls.ConnectionOptions, 'ca'>;
}

export const DEFAULT_SAFE_HTTP: Omit<SafeHttpOptions, 'allowedHosts'> = {
  resolver: systemResolver,
  dnsTimeoutMs: 5_000,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxRedirects: 3,
  maxResponseBytes: 64 * 1024,
};

/** A request that did not get a final answer, with the class the delivery log shows. */
export class DeliveryError extends Error {
  constructor(
    readonly errorClass: WebhookErrorClass,
    message: string,
    /** The URL of the hop that failed. */
    readonly url: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface SafeResponse {
  status: number;
  /** The URL that gave the final answer (after redirects). */
  url: string;
  retryAfter?: string;
}

/** Where one hop goes: the parsed URL and the checked addresses it may connect to. */
export interface Target {
  url: URL;
  /** The host without brackets, for TLS. */
  host: string;
  port: number;
  addresses: ResolvedAddress[];
}

/** Redirects that keep method and body (or that receivers use for http→https moves) and are followed. */
const FOLLOWED = new Set([301, 302, 307, 308]);

/**
 * Checks a URL and resolves its host: http or https, no credentials, every address it resolves
 * to public (or internal with the host on the allow-list), or throws a DeliveryError saying why.
 * A host written as an IP address is judged as written; the WHATWG parser has already turned
 * spellings such as `0x7f000001`, `2130706433` or `0177.0.0.1` into dotted decimal.
 */
export async function resolveTarget(raw: string, opts: Pick<SafeHttpOptions, 'resolver' | 'allowedHosts' | 'dnsTimeoutMs'>): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DeliveryError('invalid_url', 'not a URL', raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DeliveryError('invalid_url', `${url.protocol} URLs are not called`, raw);
  if (url.username || url.password) throw new DeliveryError('invalid_url', 'credentials in the URL are not sent', raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const allowInternal = opts.allowedHosts.has(normalizeHost(url.hostname) ?? '');
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) === 6 ? 6 : 4 }];
  else {
    addresses = await withTimeout(opts.resolver(host), opts.dnsTimeoutMs).catch((err: unknown) => {
      throw new DeliveryError('dns', `${host} did not resolve (${(err as { code?: string }).code ?? (err as Error).message})`, raw);
    });
    if (addresses.length === 0) throw new DeliveryError('dns', `${host} has no addresses`, raw);
  }
  // Every answer must pass: a name that also resolves to an internal address is refused as a whole.
  const blocked = addresses.find((a) => !mayConnect(a.address, allowInternal));
  if (blocked) {
    const named = net.isIP(host) ? '' : `${host} resolves to `;
    throw new DeliveryError('blocked_address', `${named}${describeBlocked(blocked.address)}`, raw);
  }
  return { url, host, port, addresses: dedupe(addresses) };
}

/**
 * POSTs `body` to `rawUrl` without ever reaching an address the policy forbids: each hop is
 * resolved once and connected to by the checked IP address (so DNS cannot change between the
 * check and the connection), at most `maxRedirects` redirects are followed and every new
 * location is checked the same way, https never drops to http, and the whole exchange has a
 * deadline. Resolves with the final status; throws DeliveryError when there is none.
 */
export async function safePost(rawUrl: string, body: string, headers: Record<string, string>, opts: SafeHttpOptions): Promise<SafeResponse> {
  const deadline = Date.now() + opts.totalTimeoutMs;
  let url = rawUrl;
  for (let hop = 0; ; hop++) {
    const target = await beforeDeadline(resolveTarget(url, opts), deadline, url, opts.totalTimeoutMs);
    const res = await exchange(target, body, headers, deadline, opts);
    if (!FOLLOWED.has(res.status)) return { status: res.status, url, retryAfter: res.retryAfter };
    if (!res.location) throw new DeliveryError('redirect', `a ${res.status} redirect without a Location`, url);
    if (hop >= opts.maxRedirects) throw new DeliveryError('redirect', `more than ${opts.maxRedirects} redirects`, url);
    let next: URL;
    try {
      next = new URL(res.location, url);
    } catch {
      throw new DeliveryError('redirect', 'a redirect to something that is not a URL', url);
    }
    if (target.url.protocol === 'https:' && next.protocol === 'http:') throw new DeliveryError('redirect', 'refused a redirect from https to http', url);
    url = next.href;
  }
}

/** One request over a fresh connection to one of the target's checked addresses. */
async function exchange(target: Target, body: string, headers: Record<string, string>, deadline: number, opts: SafeHttpOptions): Promise<{ status: number; location?: string; retryAfter?: string }> {
  const socket = await connect(target, deadline, opts);
  const href = target.url.href;
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      fn();
    };
    const req = http.request({
      method: 'POST',
      path: `${target.url.pathname}${target.url.search}`,
      setHost: false,
      headers: { ...headers, host: target.url.host, connection: 'close', 'content-length': String(Buffer.byteLength(body)) },
      createConnection: () => socket,
      maxHeaderSize: 16 * 1024,
    });
    timer = setTimeout(() => settle(() => reject(new DeliveryError('timeout', `no complete answer within ${opts.totalTimeoutMs / 1000} s`, href))), Math.max(0, deadline - Date.now()));
    req.on('response', (res) => {
      const answer = { status: res.statusCode ?? 0, location: first(res.headers.location), retryAfter: first(res.headers['retry-after']) };
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Enough: the body is never used, only its end is awaited.
        if (bytes > opts.maxResponseBytes) settle(() => resolve(answer));
      });
      res.on('end', () => settle(() => resolve(answer)));
      res.on('error', () => settle(() => resolve(answer)));
    });
    req.on('error', (err) => settle(() => reject(classify(err, href))));
    req.end(body);
  });
}

/** Connects to the first checked address that answers, then starts TLS for https. */
async function connect(target: Target, deadline: number, opts: SafeHttpOptions): Promise<net.Socket> {
  const href = target.url.href;
  let last: DeliveryError | null = null;
  for (const a of target.addresses) {
    const budget = Math.min(opts.connectTimeoutMs, deadline - Date.now());
    if (budget <= 0) break;
    try {
      const raw = await settleSocket((opts.dial ?? tcp)(a.address, target.port), 'connect', budget, href);
      if (target.url.protocol !== 'https:') return raw;
      const secure = tls.connect({ ...opts.tls, socket: raw, host: target.host, servername: net.isIP(target.host) ? undefined : target.host, ALPNProtocols: ['http/1.1'] });
      return await settleSocket(secure, 'secureConnect', Math.max(1, deadline - Date.now()), href);
    } catch (err) {
      last = err instanceof DeliveryError ? err : classify(err, href);
      if (last.errorClass === 'tls') throw last;
    }
  }
  throw last ?? new DeliveryError('timeout', `no connection within ${opts.totalTimeoutMs / 1000} s`, href);
}

const tcp: Dialer = (address, port) => net.connect({ host: address, port });

/** Waits for a socket to be ready; the HTTP request that takes it over handles its errors from then on. */
function settleSocket<S extends net.Socket>(socket: S, ready: 'connect' | 'secureConnect', ms: number, href: string): Promise<S> {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    };
    const onError = (err: Error) => {
      clearTimeout(timer);
      socket.off(ready, onReady);
      socket.destroy();
      reject(classify(err, href));
    };
    const timer = setTimeout(() => onError(new DeliveryError('timeout', `no connection within ${Math.round(ms / 100) / 10} s`, href)), ms);
    socket.once(ready, onReady);
    socket.once('error', onError);
  });
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EADDRNOTAVAIL', 'ECONNABORTED', 'EAI_AGAIN']);

/** The delivery log's class for a socket, TLS or HTTP parser error. */
function classify(err: unknown, href: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  if (code === 'ETIMEDOUT') return new DeliveryError('timeout', 'the connection timed out', href);
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/.test(code) || /certificate|ssl|tls/i.test(e.message ?? '')) {
    return new DeliveryError('tls', `TLS failed: ${code || e.message}`, href);
  }
  if (code.startsWith('HPE_')) return new DeliveryError('connection', 'the answer was not valid HTTP', href);
  if (CONNECTION_CODES.has(code)) return new DeliveryError('connection', `connection failed: ${code}`, href);
  return new DeliveryError('connection', `connection failed: ${code || e.message || 'unknown error'}`, href);
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function dedupe(addresses: ResolvedAddress[]): ResolvedAddress[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    if (seen.has(a.address)) return false;
    seen.add(a.address);
    return true;
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

function beforeDeadline<T>(p: Promise<T>, deadline: number, href: string, totalMs: number): Promise<T> {
  return withTimeout(p, Math.max(1, deadline - Date.now())).catch((err: unknown) => {
    if (err instanceof DeliveryError) throw err;
    throw new DeliveryError('timeout', `no complete answer within ${totalMs / 1000} s`, href);
  });
}
