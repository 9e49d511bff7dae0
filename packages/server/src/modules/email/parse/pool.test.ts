import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseFailure, ParsePool } from './pool.ts';

let tmp: string;
let blobRoot: string;
let n = 0;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-pool-'));
  blobRoot = path.join(tmp, 'blobs');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeMail(subject: string, body = 'Hallo'): string {
  const file = path.join(tmp, `m${++n}.eml`);
  fs.writeFileSync(file, `From: Kunde <kunde@example.de>\r\nTo: support@servus.test\r\nSubject: ${subject}\r\nMessage-ID: <m${n}@example.de>\r\n\r\n${body}\r\n`);
  return file;
}

/** A message with a `bytes`-byte random attachment, written in chunks; returns its path and the attachment's sha256. */
function writeBigMail(bytes: number): { file: string; sha256: string } {
  const file = path.join(tmp, `big${++n}.eml`);
  const fd = fs.openSync(file, 'w');
  const hash = createHash('sha256');
  fs.writeSync(
    fd,
    'From: a@x.de\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nsiehe Anhang\r\n' +
      '--B\r\nContent-Type: application/octet-stream; name="data.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n',
  );
  for (let left = bytes; left > 0; ) {
    const chunk = randomBytes(Math.min(left, 57 * 1024)); // 57 bytes encode to one 76-character line
    hash.update(chunk);
    fs.writeSync(fd, chunk.toString('base64').replace(/.{76}/g, '$&\r\n').replace(/\r\n$/, '') + '\r\n');
    left -= chunk.length;
  }
  fs.writeSync(fd, '--B--\r\n');
  fs.closeSync(fd);
  return { file, sha256: hash.digest('hex') };
}

describe('ParsePool', () => {
  it('parses in a worker thread, queues past its size and reuses workers', async () => {
    const pool = new ParsePool({ size: 2, blobRoot });
    try {
      const subjects = Array.from({ length: 12 }, (_, i) => `Anfrage ${i} =?UTF-8?Q?=C3=BC?=`);
      const results = await Promise.all(subjects.map((s) => pool.parse(writeMail(s))));
      assert.deepEqual(
        results.map((r) => r.subject),
        subjects.map((_, i) => `Anfrage ${i} ü`),
      );
      assert.deepEqual(results[0].from, [{ name: 'Kunde', address: 'kunde@example.de' }]);
    } finally {
      await pool.close();
    }
  });

  it('times out a parse, replaces the worker and parses the next message', async () => {
    const pool = new ParsePool({ size: 1, blobRoot });
    const big = writeBigMail(4 * 1024 * 1024);
    try {
      await assert.rejects(pool.parse(big.file, undefined, { maxTimeMs: 1 }), (err: unknown) => err instanceof ParseFailure && err.reason === 'timeout');
      const next = await pool.parse(writeMail('danach'));
      assert.equal(next.subject, 'danach');
    } finally {
      await pool.close();
    }
  });

  it('fails only the message whose worker runs out of memory, then parses the next', () => {
    // 15.5 MB of German text is within maxTextBytes but several times too much for a 48 MB heap.
    const huge = path.join(tmp, `huge${++n}.eml`);
    const fd = fs.openSync(huge, 'w');
    fs.writeSync(fd, 'From: a@x.de\r\nSubject: huge\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n');
    const block = Buffer.from('Grüße äöü ÄÖÜ ß über Straße\r\n'.repeat(2000));
    for (let written = 0; written < 15.5 * 1024 * 1024; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    // In a child process: V8 may abort a whole process when one allocation overshoots a worker's
    // heap limit, which must fail this test and not the test runner.
    const out = runChild(`const pool = new ParsePool({ size: 1, blobRoot: ${JSON.stringify(blobRoot)}, maxHeapMb: 48 });
      const seen = [];
      try { await pool.parse(${JSON.stringify(huge)}, 64 * 1024 * 1024); seen.push('parsed'); } catch (err) { seen.push(err.reason); }
      seen.push((await pool.parse(${JSON.stringify(writeMail('weiter'))})).subject);
      await pool.close();
      console.log(seen.join(' '));`);
    assert.equal(out, 'crash weiter');
  });

  it('fails queued parses when a worker cannot start, instead of respawning forever', async () => {
    const pool = new ParsePool({ size: 1, blobRoot, maxHeapMb: 4 });
    try {
      const results = await Promise.allSettled([pool.parse(writeMail('a')), pool.parse(writeMail('b'))]);
      for (const r of results) {
        assert.equal(r.status, 'rejected');
        assert.ok(r.reason instanceof ParseFailure && r.reason.reason === 'error' && /failed to start/.test(r.reason.message), String(r.reason));
      }
    } finally {
      await pool.close();
    }
  });

  it('stores a 20 MB attachment while the main thread heap stays small', async () => {
    const pool = new ParsePool({ size: 1, blobRoot });
    const big = writeBigMail(20 * 1024 * 1024);
    try {
      await pool.parse(writeMail('warm-up'));
      const before = process.memoryUsage().heapUsed;
      const m = await pool.parse(big.file, 40 * 1024 * 1024);
      const growth = process.memoryUsage().heapUsed - before;
      assert.equal(m.attachments.length, 1);
      assert.equal(m.attachments[0].sha256, big.sha256);
      assert.equal(m.attachments[0].size, 20 * 1024 * 1024);
      assert.equal(m.text, 'siehe Anhang');
      assert.ok(growth < 4 * 1024 * 1024, `main heap grew by ${(growth / 1048576).toFixed(1)} MB`);
    } finally {
      await pool.close();
    }
  });

  it('reports a message over maxBytes as an error, not a crash', async () => {
    const pool = new ParsePool({ size: 1, blobRoot });
    try {
      await assert.rejects(pool.parse(writeMail('x', 'y'.repeat(2000)), 1000), (err: unknown) => err instanceof ParseFailure && err.reason === 'error');
      await assert.rejects(pool.parse(path.join(tmp, 'missing.eml')), (err: unknown) => err instanceof ParseFailure && err.reason === 'error');
    } finally {
      await pool.close();
    }
  });

  it('works again after being idle and rejects once closed', async () => {
    const pool = new ParsePool({ size: 1, blobRoot });
    assert.equal((await pool.parse(writeMail('eins'))).subject, 'eins');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await pool.parse(writeMail('zwei'))).subject, 'zwei');
    await pool.close();
    await assert.rejects(pool.parse(writeMail('drei')), (err: unknown) => err instanceof ParseFailure && err.reason === 'error');
  });

  it('does not keep the process alive when idle', () => {
    const out = runChild(`const pool = new ParsePool({ blobRoot: ${JSON.stringify(blobRoot)} });
      console.log((await pool.parse(${JSON.stringify(writeMail('idle'))})).subject);`);
    assert.equal(out, 'idle');
  });
});

/** Runs an ES module body with ParsePool imported in a fresh Node process; returns its trimmed stdout. */
function runChild(body: string): string {
  const script = `import { ParsePool } from ${JSON.stringify(new URL('./pool.ts', import.meta.url).href)};\n${body}`;
  const started = Date.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.dirname(fileURLToPath(import.meta.url)),
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(res.signal, null, `child still running or killed after ${Date.now() - started} ms: ${res.stderr.slice(-500)}`);
  assert.equal(res.status, 0, res.stderr.slice(-2000));
  return res.stdout.trim();
}
