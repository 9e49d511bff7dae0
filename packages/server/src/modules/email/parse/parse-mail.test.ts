import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.ts';
import { parseMail } from './parse-mail.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let tmp: string;
let blobRoot: string;
let n = 0;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-parse-'));
  blobRoot = path.join(tmp, 'blobs');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes a raw message (LF line ends become CRLF; a Buffer is written as is) and returns its path. */
function writeMail(raw: string | Buffer): string {
  const file = path.join(tmp, `m${++n}.eml`);
  fs.writeFileSync(file, typeof raw === 'string' ? raw.replace(/\r?\n/g, '\r\n') : raw);
  return file;
}

function parse(raw: string | Buffer, limits: Partial<ParseLimits> = {}) {
  return parseMail(writeMail(raw), blobRoot, { ...DEFAULT_PARSE_LIMITS, ...limits });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\n');

describe('parseMail: headers', () => {
  it('decodes umlaut subjects and display names, normalizes addresses and threading ids', async () => {
    const m = await parse(`From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen.Mueller@Example.DE>
To: support@servus.test, "Müller, Anna" <ANNA@Firma.de>
Cc: =?ISO-8859-1?Q?B=E4rbel?= <baerbel@firma.de>
Reply-To: <Antwort@Firma.de>
Sender: Bot <bot@firma.de>
Delivered-To: Support@Servus.test
X-Original-To: alias@servus.test
Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?=
Message-ID: <abc.123@example.de>
In-Reply-To: <parent@servus.test>
References: <root@servus.test>
 <parent@servus.test>
Date: Tue, 3 Mar 2026 10:00:00 +0100
Content-Type: text/plain; charset=utf-8

Hallo Welt
`);
    assert.equal(m.subject, 'Grüße aus München');
    assert.deepEqual(m.from, [{ name: 'Jürgen Müller', address: 'juergen.mueller@example.de' }]);
    assert.deepEqual(m.to, [
      { name: '', address: 'support@servus.test' },
      { name: 'Müller, Anna', address: 'anna@firma.de' },
    ]);
    assert.deepEqual(m.cc, [{ name: 'Bärbel', address: 'baerbel@firma.de' }]);
    assert.deepEqual(m.replyTo, [{ name: '', address: 'antwort@firma.de' }]);
    assert.deepEqual(m.sender, { name: 'Bot', address: 'bot@firma.de' });
    assert.deepEqual(m.deliveredTo, ['support@servus.test', 'alias@servus.test']);
    assert.equal(m.messageId, 'abc.123@example.de');
    assert.deepEqual(m.inReplyTo, ['parent@servus.test']);
    assert.deepEqual(m.references, ['root@servus.test', 'parent@servus.test']);
    assert.equal(m.date, '2026-03-03T09:00:00.000Z');
    assert.equal(m.fromHeaderCount, 1);
    assert.equal(m.text, 'Hallo Welt');
    assert.equal(m.limited, null);
    assert.deepEqual(m.warnings, []);
  });

  it('counts two From headers and keeps the first', async () => {
    const m = await parse('From: real-customer@x.de\nFrom: attacker@evil.example\nSubject: hi\n\nbody\n');
    assert.equal(m.fromHeaderCount, 2);
    assert.deepEqual(m.from.map((a) => a.address), ['real-customer@x.de']);
  });

  it('drops invalid addresses, caps recipient lists and survives broken headers', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `user${i}@example.com`).join(', ');
    const m = await parse(`From: <""@domain>
To: ${many}
Cc: "x" <a b@c.de>, ok@c.de, <victim@bank.example attacker@evil.example>
Reply-To: no-at-sign
Return-Path: <>
Date: ${'Montag, der dreizehnte '.repeat(8)}
Subject: a\u0007b\tc ${'x'.repeat(2000)}

body
`);
    assert.deepEqual(m.from, []);
    assert.equal(m.to.length, 200);
    assert.deepEqual(m.cc.map((a) => a.address), ['ok@c.de']);
    assert.deepEqual(m.replyTo, []);
    assert.equal(m.invalidAddresses, 4);
    assert.equal(m.returnPath, '');
    assert.equal(m.date, null);
    assert.equal(m.messageId, null);
    assert.ok(m.subject.startsWith('ab c x'));
    assert.equal(m.subject.length, 998);
  });

  it('keeps selected headers unfolded and caps References at 100 ids', async () => {
    const refs = Array.from({ length: 150 }, (_, i) => `<r${i}@x>`).join('\n ');
    const m = await parse(`From: a@x.de
Auto-Submitted: auto-replied
List-Id: Kunden
 <kunden.lists.example>
X-Servus-Loop: 1
Authentication-Results: mx.servus.test; dkim=pass header.d=x.de
References: ${refs}
Subject: s

b
`);
    assert.equal(m.headers['auto-submitted'], 'auto-replied');
    assert.equal(m.headers['list-id'], 'Kunden <kunden.lists.example>');
    assert.equal(m.headers['x-servus-loop'], '1');
    assert.match(m.headers['authentication-results'], /dkim=pass/);
    assert.equal(m.references.length, 100);
    assert.equal(m.references[0], 'r0@x');
    assert.equal(m.references[99], 'r149@x');
  });
});

describe('parseMail: bodies', () => {
  it('sanitizes HTML, flags remote images and derives text when there is no text part', async () => {
    const m = await parse(`From: a@x.de
Subject: html
Content-Type: text/html; charset=utf-8

<p>Hallo&nbsp;J&uuml;rgen</p><script>alert(1)</script><img src=x onerror=alert(1)><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">x</a>
`);
    assert.doesNotMatch(m.html, /script|onerror|javascript:/i);
    assert.equal(m.hasRemoteImages, true);
    assert.match(m.text, /Hallo Jürgen/);
    assert.doesNotMatch(m.text, /alert/);
  });

  it('shows a plain-text part next to an HTML part (multipart/mixed) in the HTML too', async () => {
    const m = await parse(`From: a@x.de
Subject: mixed
Content-Type: multipart/mixed; boundary="x"

--x
Content-Type: text/html

<p>Oben</p>
--x
Content-Type: text/plain

Footer: https://liste.example.de/abmelden
--x--
`);
    assert.match(m.html, /<p>Oben<\/p>/);
    assert.match(m.html, /Footer: <a href="https:\/\/liste\.example\.de\/abmelden"/);
    assert.match(m.text, /Footer/);
  });

  it('decodes unknown charsets (default, 3Diso-8859-1) as Latin-1 with a warning instead of throwing', async () => {
    for (const charset of ['default', '3Diso-8859-1']) {
      const raw = Buffer.concat([
        Buffer.from(`From: a@x.de\r\nSubject: ${charset}\r\nContent-Type: text/plain; charset=${charset}\r\n\r\n`),
        Buffer.from('Gr\u00fc\u00dfe aus M\u00fcnchen\r\n', 'latin1'),
      ]);
      const m = await parse(raw);
      assert.equal(m.text, 'Grüße aus München', charset);
      assert.ok(m.warnings.includes('charset'), charset);
    }
  });

  it('decodes ISO-2022-JP and Big5 bodies', async () => {
    const jp = Buffer.concat([
      Buffer.from('From: a@x.jp\r\nSubject: jp\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n'),
      Buffer.from('\x1b$B$3$s$K$A$O\x1b(B\r\n', 'latin1'),
    ]);
    assert.equal((await parse(jp)).text, 'こんにちは');
    const big5 = Buffer.concat([
      Buffer.from('From: a@x.tw\r\nSubject: big5\r\nContent-Type: text/plain; charset=big5\r\n\r\n'),
      Buffer.from([0xa4, 0xa4, 0xa4, 0xe5, 0x0d, 0x0a]),
    ]);
    const m = await parse(big5);
    assert.equal(m.text, '中文');
    assert.deepEqual(m.warnings, []);
  });

  it('gives text plus a mime_malformed warning for broken MIME (no closing boundary, bad base64)', async () => {
    const open = await parse(`From: a@x.de
Subject: open
Content-Type: multipart/mixed; boundary="zz"

--zz
Content-Type: text/plain

Hallo ohne Ende
`);
    assert.equal(open.text, 'Hallo ohne Ende');
    assert.ok(open.warnings.includes('mime_malformed'));
    const bad = await parse(`From: a@x.de
Subject: bad
Content-Type: text/plain
Content-Transfer-Encoding: base64

SGFsbG8g!!V2VsdA=*=
`);
    assert.match(bad.text, /^Hallo/);
    assert.ok(bad.warnings.includes('mime_malformed'));
  });

  it('shows the raw body of a multipart that names no boundary', async () => {
    const m = await parse(`From: a@x.de
Subject: no boundary
Content-Type: multipart/mixed

--xyz
Content-Type: text/plain

Rueckruf erbeten, Vorgang 70001.
--xyz--
`);
    assert.match(m.text, /Rueckruf erbeten, Vorgang 70001\./);
    assert.ok(m.warnings.includes('mime_malformed'));
  });

  it('flags bad quoted-printable and unknown transfer encodings, and keeps their text', async () => {
    const qp = await parse('From: a@x.de\nSubject: qp\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nLieferung 70005 =ZZ Gr=C3=BC=C3=9Fe\n');
    assert.match(qp.text, /Lieferung 70005/);
    assert.ok(qp.warnings.includes('mime_malformed'));
    const cte = await parse('From: a@x.de\nSubject: cte\nContent-Type: text/plain\nContent-Transfer-Encoding: x-bogus\n\nVorgang 70010\n');
    assert.equal(cte.text, 'Vorgang 70010');
    assert.ok(cte.warnings.includes('mime_malformed'));
  });

  it('does not flag well-formed nested multiparts, base64 and soft line breaks', async () => {
    const m = await parse(`From: a@x.de
Subject: ok
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Gr=C3=BC=C3=9Fe, eine lange Zeile mit weichem Umbruch =
am Ende=
--inner
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

${b64(Buffer.from('<p>Grüße</p>'))}
--inner--
--outer--
`);
    assert.equal(m.text, 'Grüße, eine lange Zeile mit weichem Umbruch am Ende');
    assert.deepEqual(m.warnings, []);
  });

  it('falls back to text when the HTML is over maxHtmlChars', async () => {
    const m = await parse(
      `From: a@x.de
Subject: big
Content-Type: multipart/alternative; boundary="a"

--a
Content-Type: text/plain

plain version
--a
Content-Type: text/html

<p>${'x'.repeat(5000)}</p>
--a--
`,
      { maxHtmlChars: 1000 },
    );
    assert.equal(m.limited, 'html');
    assert.equal(m.html, '');
    assert.equal(m.text, 'plain version');
    assert.ok(m.warnings.includes('html_too_large'));
  });

  it('keeps uuencoded, TNEF and attached .eml parts with warnings', async () => {
    const m = await parse(`From: a@x.de
Subject: legacy
Content-Type: multipart/mixed; boundary="L"

--L
Content-Type: text/plain

see attachments
--L
Content-Type: application/octet-stream; name="a.txt"
Content-Transfer-Encoding: x-uuencode

begin 644 a.txt
#86)C
end
--L
Content-Type: application/ms-tnef; name="winmail.dat"
Content-Transfer-Encoding: base64

eJ8+IgAAAQ==
--L
Content-Type: message/rfc822

From: inner@x.de
Subject: inner
Message-ID: <inner@x.de>

inner body
--L--
`);
    assert.equal(m.text, 'see attachments');
    assert.ok(m.warnings.includes('uuencode'));
    assert.ok(m.warnings.includes('tnef'));
    assert.deepEqual(
      m.attachments.map((a) => [a.filename, a.contentType]),
      [
        ['a.txt', 'text/plain'],
        ['winmail.dat', 'application/ms-tnef'],
        ['attachment.eml', 'message/rfc822'],
      ],
    );
  });

  it('returns a structured-clone-safe result', async () => {
    const m = await parse('From: a@x.de\nSubject: s\n\nb\n');
    assert.deepEqual(structuredClone(m), m);
  });

  it('throws only for unreadable input', async () => {
    await assert.rejects(parseMail(path.join(tmp, 'missing.eml'), blobRoot, DEFAULT_PARSE_LIMITS));
    const empty = await parse('');
    assert.equal(empty.text, '');
    assert.ok(empty.warnings.includes('empty'));
  });
});

describe('parseMail: attachments', () => {
  it('stores a PNG declared as application/octet-stream under its sha256 with the sniffed type', async () => {
    const m = await parse(`From: a@x.de
Subject: scan
Content-Type: multipart/mixed; boundary="m"

--m
Content-Type: text/plain

Anbei der Scan.
--m
Content-Type: application/octet-stream; name="scan.bin"
Content-Disposition: attachment; filename="scan.bin"
Content-Transfer-Encoding: base64

${b64(PNG)}
--m--
`);
    assert.equal(m.attachments.length, 1);
    const [a] = m.attachments;
    assert.equal(a.sha256, sha256(PNG));
    assert.equal(a.size, PNG.length);
    assert.equal(a.contentType, 'image/png');
    assert.equal(a.filename, 'scan.bin');
    assert.equal(a.inline, false);
    const stored = fs.readFileSync(path.join(blobRoot, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256));
    assert.ok(stored.equals(PNG));
  });

  it('does not type an "image/png" that is really HTML as image/png, and never inlines active types', async () => {
    const m = await parse(`From: a@x.de
Subject: fake
Content-Type: multipart/related; boundary="f"

--f
Content-Type: text/html

<p><img src="cid:fake@x"><img src="cid:svg@x"></p>
--f
Content-Type: image/png; name="logo.png"
Content-ID: <fake@x>
Content-Disposition: inline

<html><script>alert(1)</script></html>
--f
Content-Type: image/svg+xml; name="logo.svg"
Content-ID: <svg@x>
Content-Disposition: inline

<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>
--f--
`);
    const [fake, svg] = m.attachments;
    assert.notEqual(fake.contentType, 'image/png');
    assert.equal(fake.contentType, 'application/octet-stream');
    assert.equal(fake.inline, false);
    assert.equal(svg.contentType, 'image/svg+xml');
    assert.equal(svg.inline, false);
  });

  it('normalizes hostile filenames: path traversal and RTL override', async () => {
    const m = await parse(`From: a@x.de
Subject: names
Content-Type: multipart/mixed; boundary="n"

--n
Content-Type: text/plain

x
--n
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="../../etc/passwd"

root:x:0:0
--n
Content-Type: application/octet-stream
Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe

MZ
--n--
`);
    assert.deepEqual(
      m.attachments.map((a) => a.filename),
      ['passwd', 'invoicefdp.exe'],
    );
  });

  it('keeps the contentId of a cid: inline image and marks it inline', async () => {
    const m = await parse(`From: a@x.de
Subject: logo
Content-Type: multipart/related; boundary="r"

--r
Content-Type: text/html; charset=utf-8

<p>Logo: <img src="cid:logo.123@firma.de" alt="Logo"></p>
--r
Content-Type: image/png
Content-ID: <logo.123@firma.de>
Content-Transfer-Encoding: base64

${b64(PNG)}
--r--
`);
    assert.equal(m.attachments.length, 1);
    assert.equal(m.attachments[0].contentId, 'logo.123@firma.de');
    assert.equal(m.attachments[0].contentType, 'image/png');
    assert.equal(m.attachments[0].inline, true);
    assert.equal(m.attachments[0].filename, 'attachment.png');
    assert.match(m.html, /src="cid:logo\.123@firma\.de"/);
    assert.equal(m.hasRemoteImages, false);
  });
});

describe('parseMail: bounces', () => {
  const report = (returned: string) => `From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
To: support@servus.test
Subject: Undelivered Mail Returned to Sender
Message-ID: <bounce-1@mx.example.com>
Return-Path: <>
Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

--r1
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not be delivered.
--r1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; Missing@Example.com
Original-Recipient: rfc822;missing@example.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <missing@example.com>: user unknown
--r1
${returned}

From: support@servus.test
To: missing@example.com
Subject: Re: [#1234] Ihre Anfrage
Message-ID: <orig-42@servus.test>

Hallo
--r1--
`;

  for (const returned of ['Content-Type: message/rfc822', 'Content-Type: text/rfc822-headers', 'Content-Type: message/rfc822\nContent-Disposition: inline']) {
    it(`reads recipient, action, status and the original Message-ID (${returned.replace(/\n/g, '; ')})`, async () => {
      const m = await parse(report(returned));
      assert.deepEqual(m.dsn, { recipient: 'missing@example.com', action: 'failed', status: '5.1.1', originalMessageId: 'orig-42@servus.test' });
      assert.match(m.text, /could not be delivered/);
      assert.match(m.text, /Status: 5\.1\.1/);
    });
  }

  it('reads a plain bounce from MAILER-DAEMON with the original headers inline', async () => {
    const m = await parse(`From: MAILER-DAEMON@mail.example.org
To: support@servus.test
Subject: failure notice
Message-ID: <qmail-1@mail.example.org>

Hi. This is the qmail-send program at mail.example.org.
I'm afraid I wasn't able to deliver your message to the following addresses.

<Gone@Example.org>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <support@servus.test>
Message-ID: <orig-7@servus.test>
Subject: Ihre Anfrage
`);
    assert.deepEqual(m.dsn, { recipient: 'gone@example.org', action: 'failed', status: '5.1.1', originalMessageId: 'orig-7@servus.test' });
  });
});

describe('parseMail: limits', () => {
  it('stops at 1,200 parts quickly with a placeholder and the top-level headers', async () => {
    const parts = Array.from({ length: 1200 }, (_, i) => `--p\nContent-Type: text/plain\n\npart ${i}\n`).join('');
    const started = Date.now();
    const m = await parse(`From: Bomb <bomb@x.de>\nSubject: =?UTF-8?Q?Bombe_=C3=BC?=\nMessage-ID: <bomb@x.de>\nContent-Type: multipart/mixed; boundary="p"\n\n${parts}--p--\n`);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(m.limited, 'parts');
    assert.equal(m.subject, 'Bombe ü');
    assert.equal(m.messageId, 'bomb@x.de');
    assert.deepEqual(m.from, [{ name: 'Bomb', address: 'bomb@x.de' }]);
    assert.match(m.text, /too many MIME parts/);
    assert.match(m.text, /Sicherheitslimit/);
    assert.equal(m.html, '');
    assert.deepEqual(m.attachments, []);
  });

  it('stops at nesting depth 120', async () => {
    let body = 'Content-Type: text/plain\n\ninnermost\n';
    for (let i = 119; i >= 0; i--) body = `Content-Type: multipart/mixed; boundary="d${i}"\n\n--d${i}\n${body}--d${i}--\n`;
    const m = await parse(`From: a@x.de\nSubject: deep\n${body}`);
    assert.equal(m.limited, 'depth');
    assert.equal(m.subject, 'deep');
    assert.match(m.text, /nested too deeply/);
  });

  it('stops at a text body over maxTextBytes instead of decoding it into memory', async () => {
    const m = await parse(`From: a@x.de\nSubject: log\nContent-Type: text/plain\n\n${'Zeile\n'.repeat(1000)}`, { maxTextBytes: 4096 });
    assert.equal(m.limited, 'text');
    assert.equal(m.subject, 'log');
    assert.match(m.text, /text body too large/);
  });

  it('falls back to text for 10,000 nested <div> and parses megabytes of whitespace quickly', async () => {
    const started = Date.now();
    const deep = await parse(`From: a@x.de\nSubject: deep\nContent-Type: text/html\n\n${'<div>'.repeat(10_000)}Hallo${'</div>'.repeat(10_000)}\n`);
    assert.equal(deep.limited, 'html');
    assert.ok(deep.warnings.includes('html_too_deep'));
    assert.equal(deep.html, '');
    assert.equal(deep.text, 'Hallo');
    const blank = await parse(`From: a@x.de\nSubject: blank\nContent-Type: text/html\n\n<p>Hallo</p>${' '.repeat(1_900_000)}${'&nbsp;'.repeat(10_000)}<p>Welt</p>\n`);
    assert.equal(blank.limited, null);
    assert.match(blank.text, /^Hallo\s+Welt$/);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  it('stops at a 1 MB header block and still reads the subject', async () => {
    const filler = Array.from({ length: 1100 }, (_, i) => `X-Filler-${i}: ${'y'.repeat(1000)}`).join('\n');
    const m = await parse(`Subject: =?UTF-8?Q?gro=C3=9F?=\nFrom: a@x.de\n${filler}\n\nbody\n`);
    assert.equal(m.limited, 'header_bytes');
    assert.equal(m.subject, 'groß');
    assert.deepEqual(m.from.map((a) => a.address), ['a@x.de']);
    assert.match(m.text, /header block too large/);
  });
});
