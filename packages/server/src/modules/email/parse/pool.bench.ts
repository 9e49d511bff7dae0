/**
 * Throughput of ParsePool for a typical small mail (text + HTML alternative, ~3 KB, optionally a
 * small PNG attachment). Not a test; run from packages/server:
 *
 *   node --import tsx src/modules/email/parse/pool.bench.ts [count=2000] [size=2] [attachment=0]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParsePool } from './pool.ts';

const count = Number(process.argv[2] ?? 2000);
const size = Number(process.argv[3] ?? 2);
const withAttachment = process.argv[4] === '1';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-bench-'));
const files = Array.from({ length: 50 }, (_, i) => {
  const file = path.join(tmp, `m${i}.eml`);
  const para = `Sehr geehrte Damen und Herren, meine Bestellung Nr. ${1000 + i} ist leider noch nicht angekommen. Können Sie bitte nachsehen? https://shop.example.de/bestellung/${i}`;
  const attachment = withAttachment
    ? `--mix\r\nContent-Type: image/png; name="foto.png"\r\nContent-Disposition: attachment; filename="foto.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${PNG}\r\n`
    : '';
  fs.writeFileSync(
    file,
    [
      'Return-Path: <kundin@example.de>',
      'Delivered-To: support@servus.example',
      'Received: from mx.example.de (mx.example.de [192.0.2.1]) by mx.servus.example with ESMTPS id abc; Tue, 3 Mar 2026 10:00:00 +0100',
      'Authentication-Results: mx.servus.example; dkim=pass header.d=example.de; spf=pass smtp.mailfrom=example.de; dmarc=pass',
      `From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen${i}@example.de>`,
      'To: Support <support@servus.example>',
      `Subject: =?UTF-8?Q?Bestellung_=C3=BCberf=C3=A4llig_Nr._${1000 + i}?=`,
      `Message-ID: <bench-${i}@example.de>`,
      'In-Reply-To: <n-1@servus.example>',
      'References: <n-0@servus.example> <n-1@servus.example>',
      'Date: Tue, 3 Mar 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="mix"',
      '',
      '--mix',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `${para}\r\n\r\n${para}\r\n\r\nMit freundlichen Grüßen\r\nJürgen Müller`,
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `<html><body><p style="color:#333">${para}</p><p>${para}</p><p>Mit freundlichen Grüßen<br>Jürgen Müller</p><img src="https://shop.example.de/logo.png"></body></html>`,
      '--alt--',
      `${attachment}--mix--`,
      '',
    ].join('\r\n'),
  );
  return file;
});

const pool = new ParsePool({ size, blobRoot: path.join(tmp, 'blobs') });
await Promise.all(Array.from({ length: size * 20 }, (_, i) => pool.parse(files[i % files.length]))); // warm up
const started = performance.now();
let next = 0;
const inFlight = size * 8;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < count) await pool.parse(files[next++ % files.length]);
  }),
);
const seconds = (performance.now() - started) / 1000;
await pool.close();
fs.rmSync(tmp, { recursive: true, force: true });
console.log(
  `${count} parses, pool size ${size}${withAttachment ? ', with attachment' : ''}: ${seconds.toFixed(2)} s, ${Math.round(count / seconds)} messages/s (${os.cpus().length} CPUs)`,
);
