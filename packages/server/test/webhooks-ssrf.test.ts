/**
 * The SSRF matrix for outgoing webhooks (SECURITY 27): address classes, numeric host spellings,
 * schemes, names resolved through an injected resolver (with DNS rebinding), the allow-list,
 * redirects to blocked hosts, and the time and size caps. Real sockets on 127.0.0.1; no database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { classifyAddress } from '../src/modules/webhooks/address-policy.ts';
import { DEFAULT_SAFE_HTTP, DeliveryError, resolveTarget, safePost, type Resolver, type SafeHttpOptions } from '../src/modules/webhooks/safe-http.ts';

/** A resolver with fixed answers that counts its calls. */
function fixedResolver(answers: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const fn = async (host: string) => {
    calls.push(host);
    const a = answers[host];
    if (!a) throw Object.assign(new Error(`queryA ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return a.map((address) => ({ address, family: (net.isIP(address) === 6 ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(fn, { calls });
}

const options = (o: Partial<SafeHttpOptions> = {}): SafeHttpOptions => ({ ...DEFAULT_SAFE_HTTP, resolver: fixedResolver({}), allowedHosts: new Set(), ...o });

async function refusal(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DeliveryError, `expected a DeliveryError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the request to be refused');
}

describe('address classes', () => {
  const table: [string, 'public' | 'internal' | 'forbidden'][] = [
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['127.0.0.1', 'internal'],
    ['127.255.255.254', 'internal'],
    ['10.1.2.3', 'internal'],
    ['172.16.0.1', 'internal'],
    ['172.31.255.255', 'internal'],
    ['192.168.1.1', 'internal'],
    ['100.64.0.1', 'internal'],
    ['100.127.255.255', 'internal'],
    ['::1', 'internal'],
    ['fc00::1', 'internal'],
    ['fd12:3456::1', 'internal'],
    ['::ffff:127.0.0.1', 'internal'],
    ['::ffff:10.0.0.1', 'internal'],
    ['64:ff9b::7f00:1', 'internal'],
    ['2002:7f00:1::', 'internal'],
    ['169.254.169.254', 'forbidden'],
    ['169.254.0.1', 'forbidden'],
    ['fe80::1', 'forbidden'],
    ['febf::1', 'forbidden'],
    ['::ffff:169.254.169.254', 'forbidden'],
    ['64:ff9b::a9fe:a9fe', 'forbidden'],
    ['0.0.0.0', 'forbidden'],
    ['0.1.2.3', 'forbidden'],
    ['::', 'forbidden'],
    ['224.0.0.1', 'forbidden'],
    ['239.255.255.250', 'forbidden'],
    ['ff02::1', 'forbidden'],
    ['255.255.255.255', 'forbidden'],
    ['240.0.0.1', 'forbidden'],
    ['192.0.2.1', 'forbidden'],
    ['198.18.0.1', 'forbidden'],
    ['2001:db8::1', 'forbidden'],
    ['::127.0.0.1', 'forbidden'],
    ['::8.8.8.8', 'forbidden'],
    ['64:ff9b:1::a00:1', 'forbidden'],
    ['2001::1', 'forbidden'],
    ['not-an-address', 'forbidden'],
  ];
  for (const [address, kind] of table) {
    it(`${address} is ${kind}`, () => assert.equal(classifyAddress(address).kind, kind));
  }
});

describe('URLs refused before any connection', () => {
  const blocked = [
    'http://127.0.0.1/',
    'http://localhost.localdomain.invalid@127.0.0.1/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://[0:0:0:0:0:ffff:7f00:1]/',
    'http://[::1]:8080/',
    'http://0/',
    'http://0.0.0.0:3000/',
    'http://[::]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.0.1/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://240.0.0.1/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[::127.0.0.1]/',
    'http://[2002:7f00:1::]/',
    'http://[ff02::1]/',
    'https://[::1]/',
  ];
  for (const url of blocked) {
    it(`${url} → blocked_address`, async () => {
      const err = await refusal(resolveTarget(url, options()));
      // The one with a user name is refused for that first; everything else for its address.
      assert.equal(err.errorClass, url.includes('@') ? 'invalid_url' : 'blocked_address', err.message);
    });
  }

  const schemes = ['file:///etc/passwd', 'gopher://127.0.0.1:70/_GET', 'ftp://ftp.example.com/', 'data:text/plain,hello', 'javascript:alert(1)', 'ws://hooks.example.com/', 'http://user:pw@hooks.example.com/', 'http://:pw@hooks.example.com/', 'not a url'];
  for (const url of schemes) {
    it(`${url} → invalid_url`, async () => assert.equal((await refusal(resolveTarget(url, options()))).errorClass, 'invalid_url'));
  }
});

describe('host names, checked on what they resolve to', () => {
  const resolver = fixedResolver({
    'hooks.example.com': ['93.184.216.34'],
    'internal.example.com': ['10.0.0.5'],
    'mixed.example.com': ['93.184.216.34', '192.168.1.10'],
    'v6.example.com': ['2606:4700::1111', 'fd00::1'],
    localhost: ['127.0.0.1', '::1'],
    'localhost.': ['127.0.0.1'],
    'metadata.example.com': ['169.254.169.254'],
    'corp-hooks.example.com': ['10.1.2.3'],
    'mapped.example.com': ['::ffff:127.0.0.1'],
  });

  const table: [string, string, Set<string>, 'ok' | 'blocked_address' | 'dns'][] = [
    ['public name', 'https://hooks.example.com/in', new Set(), 'ok'],
    ['name resolving to a private address', 'https://internal.example.com/', new Set(), 'blocked_address'],
    ['name with one public and one private answer', 'https://mixed.example.com/', new Set(), 'blocked_address'],
    ['name with a unique-local IPv6 answer', 'https://v6.example.com/', new Set(), 'blocked_address'],
    ['localhost', 'http://localhost:3000/', new Set(), 'blocked_address'],
    ['localhost with a trailing dot', 'http://localhost./', new Set(), 'blocked_address'],
    ['name resolving to an IPv4-mapped loopback', 'http://mapped.example.com/', new Set(), 'blocked_address'],
    ['name that does not resolve', 'https://nowhere.example.com/', new Set(), 'dns'],
    ['allow-listed name resolving to a private address', 'https://corp-hooks.example.com/', new Set(['corp-hooks.example.com']), 'ok'],
    ['allow-listed name resolving to the metadata address', 'http://metadata.example.com/', new Set(['metadata.example.com']), 'blocked_address'],
    ['allow-listed loopback address', 'http://127.0.0.1:9000/', new Set(['127.0.0.1']), 'ok'],
    ['allow-listed loopback written differently', 'http://0x7f000001:9000/', new Set(['127.0.0.1']), 'ok'],
    ['another loopback address than the allowed one', 'http://127.0.0.2:9000/', new Set(['127.0.0.1']), 'blocked_address'],
    ['allow-listed unspecified address', 'http://0.0.0.0/', new Set(['0.0.0.0']), 'blocked_address'],
  ];
  for (const [what, url, allowed, expected] of table) {
    it(`${what}: ${url} → ${expected}`, async () => {
      const run = resolveTarget(url, { resolver, allowedHosts: allowed, dnsTimeoutMs: 1000 });
      if (expected === 'ok') {
        const target = await run;
        assert.ok(target.addresses.length > 0);
      } else {
        assert.equal((await refusal(run)).errorClass, expected);
      }
    });
  }
});

/** A receiver on 127.0.0.1 that records requests and answers as told. */
async function receiver(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen: { method?: string; url?: string; host?: string }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, host: req.headers.host });
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, seen, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('connections, redirects and caps', () => {
  let target: Awaited<ReturnType<typeof receiver>>;
  let hopper: Awaited<ReturnType<typeof receiver>>;
  const allowLoopback = new Set(['127.0.0.1']);

  before(async () => {
    target = await receiver((_req, res) => res.writeHead(200).end('ok'));
    hopper = await receiver((req, res) => {
      const to: Record<string, string> = {
        '/to-localhost': `http://localhost:${target.port}/stolen`,
        '/to-ipv6-loopback': `http://[::1]:${target.port}/stolen`,
        '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
        '/to-other-loopback': `http://127.0.0.2:${target.port}/stolen`,
        '/to-file': 'file:///etc/passwd',
        '/to-hex-loopback': `http://0x7f000001:${target.port}/fine`,
        '/hop1': '/hop2',
        '/hop2': `http://127.0.0.1:${target.port}/arrived`,
        '/loop': '/loop',
      };
      const location = to[req.url ?? ''];
      if (location) res.writeHead(req.url === '/hop1' ? 307 : 302, { location }).end();
      else res.writeHead(204).end();
    });
  });
  after(async () => {
    await target.close();
    await hopper.close();
  });

  it('posts to an allow-listed receiver and follows redirects within the rules', async () => {
    const res = await safePost(`http://127.0.0.1:${hopper.port}/hop1`, '{}', {}, options({ allowedHosts: allowLoopback }));
    assert.equal(res.status, 200);
    assert.equal(res.url, `http://127.0.0.1:${target.port}/arrived`);
    assert.deepEqual(target.seen.at(-1), { method: 'POST', url: '/arrived', host: `127.0.0.1:${target.port}` });
  });

  const redirects: [string, string][] = [
    ['/to-localhost', 'blocked_address'],
    ['/to-ipv6-loopback', 'blocked_address'],
    ['/to-metadata', 'blocked_address'],
    ['/to-other-loopback', 'blocked_address'],
    ['/to-file', 'invalid_url'],
    ['/loop', 'redirect'],
  ];
  for (const [path, errorClass] of redirects) {
    it(`a 302 from the allowed receiver (${path}) is refused: ${errorClass}, nothing reached`, async () => {
      const before = target.seen.length;
      const err = await refusal(safePost(`http://127.0.0.1:${hopper.port}${path}`, '{}', {}, options({ allowedHosts: allowLoopback, resolver: fixedResolver({ localhost: ['127.0.0.1'] }) })));
      assert.equal(err.errorClass, errorClass, err.message);
      assert.equal(target.seen.length, before, 'the redirect target got a request');
    });
  }

  it('a redirect to the same allowed address in another spelling is followed', async () => {
    const res = await safePost(`http://127.0.0.1:${hopper.port}/to-hex-loopback`, '{}', {}, options({ allowedHosts: allowLoopback }));
    assert.equal(res.status, 200);
    assert.equal(res.url, `http://127.0.0.1:${target.port}/fine`);
  });

  it('a rebinding name is resolved once per hop and connected to at the checked address', async () => {
    // First answer public, every later answer loopback: a second lookup at connect time would reach the receiver.
    const calls: string[] = [];
    const rebinding: Resolver = async (host) => {
      calls.push(host);
      return [{ address: calls.length === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    };
    const dialed: string[] = [];
    // The "public host" is played by the local receiver: the dialer shows which address was chosen.
    const dial = (address: string, port: number) => {
      dialed.push(`${address}:${port}`);
      return net.connect({ host: '127.0.0.1', port: target.port });
    };
    const res = await safePost(`http://rebind.example.com:${target.port}/rebind`, '{}', {}, options({ resolver: rebinding, dial }));
    assert.equal(res.status, 200);
    assert.deepEqual(calls, ['rebind.example.com']);
    assert.deepEqual(dialed, [`93.184.216.34:${target.port}`]);
    assert.equal(target.seen.at(-1)?.host, `rebind.example.com:${target.port}`);
  });

  it('a rebinding name that answers private first is refused without a connection', async () => {
    let n = 0;
    const rebinding: Resolver = async () => [{ address: n++ === 0 ? '127.0.0.1' : '93.184.216.34', family: 4 }];
    const dialed: string[] = [];
    const err = await refusal(safePost('http://rebind.example.com/', '{}', {}, options({ resolver: rebinding, dial: (a, p) => (dialed.push(a), net.connect({ host: '127.0.0.1', port: p })) })));
    assert.equal(err.errorClass, 'blocked_address');
    assert.deepEqual(dialed, []);
  });

  it('gives up on a receiver that never answers at the total deadline', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const started = Date.now();
    const err = await refusal(safePost(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, '{}', {}, options({ allowedHosts: allowLoopback, totalTimeoutMs: 300 })));
    silent.close();
    assert.equal(err.errorClass, 'timeout');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it('stops reading an endless answer at the size cap and keeps its status', async () => {
    const endless = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('error', () => {});
      pump();
    });
    await new Promise<void>((r) => endless.listen(0, '127.0.0.1', r));
    const res = await safePost(`http://127.0.0.1:${(endless.address() as AddressInfo).port}/`, '{}', {}, options({ allowedHosts: allowLoopback, totalTimeoutMs: 5000, maxResponseBytes: 64 * 1024 }));
    endless.closeAllConnections();
    endless.close();
    assert.equal(res.status, 200);
  });

  it('a refused connection is a connection error', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    assert.equal((await refusal(safePost(`http://127.0.0.1:${port}/`, '{}', {}, options({ allowedHosts: allowLoopback })))).errorClass, 'connection');
  });
});

describe('https receivers', () => {
  // A self-signed certificate for receiver.test and 127.0.0.1, made for these tests only.
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/webhooks');
  const cert = fs.readFileSync(path.join(dir, 'receiver-cert.pem'));
  const key = fs.readFileSync(path.join(dir, 'receiver-key.pem'));
  let server: https.Server;
  let port = 0;
  let plainPort = 0;
  let plain: http.Server;
  const resolver = fixedResolver({ 'receiver.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] });
  const allowed = new Set(['127.0.0.1', 'receiver.test', 'other.test']);

  before(async () => {
    plain = http.createServer((_req, res) => res.writeHead(200).end());
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    plainPort = (plain.address() as AddressInfo).port;
    server = https.createServer({ cert, key }, (req, res) => {
      req.resume();
      if (req.url === '/downgrade') res.writeHead(302, { location: `http://127.0.0.1:${plainPort}/` }).end();
      else res.writeHead(202).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => plain.close(() => r()));
  });

  it('verifies the certificate against the host name, or the IP address written in the URL', async () => {
    const byName = await safePost(`https://receiver.test:${port}/in`, '{}', {}, options({ resolver, allowedHosts: allowed, tls: { ca: cert } }));
    assert.equal(byName.status, 202);
    const byAddress = await safePost(`https://127.0.0.1:${port}/in`, '{}', {}, options({ allowedHosts: allowed, tls: { ca: cert } }));
    assert.equal(byAddress.status, 202);
  });

  it('refuses a certificate it cannot trust or that names another host: tls', async () => {
    const untrusted = await refusal(safePost(`https://receiver.test:${port}/in`, '{}', {}, options({ resolver, allowedHosts: allowed })));
    assert.equal(untrusted.errorClass, 'tls');
    const mismatch = await refusal(safePost(`https://other.test:${port}/in`, '{}', {}, options({ resolver, allowedHosts: allowed, tls: { ca: cert } })));
    assert.equal(mismatch.errorClass, 'tls');
  });

  it('never follows a redirect from https to http', async () => {
    const err = await refusal(safePost(`https://receiver.test:${port}/downgrade`, '{}', {}, options({ resolver, allowedHosts: allowed, tls: { ca: cert } })));
    assert.equal(err.errorClass, 'redirect');
    assert.match(err.message, /https to http/);
  });
});
