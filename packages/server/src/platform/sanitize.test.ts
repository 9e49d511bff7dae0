import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, messageBody, safeFilename, sanitizeMessageHtml, textToHtml } from './sanitize.ts';

describe('sanitizeMessageHtml', () => {
  const vectors = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><circle/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x">',
    '<form action="https://evil.example"><input type=password name=p></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<style>body{background:url(https://evil.example/x)}</style>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<p style="background-image:url(https://evil.example/t.gif)">x</p>',
    '<img src="http://tracker.example/pixel.gif">',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  ];
  for (const v of vectors) {
    it(`removes active content: ${v.slice(0, 40)}`, () => {
      const out = sanitizeMessageHtml(v);
      assert.ok(!/<script|onerror|onload|<iframe|<object|<embed|<form|<input|<meta|<base|<style|javascript:|vbscript:|data:|srcdoc|url\(|tracker\.example/i.test(out), out);
    });
  }

  it('keeps ordinary e-mail formatting, https images and cid: parts', () => {
    const out = sanitizeMessageHtml('<p style="color:#c00">Hallo <b>Welt</b></p><img src="https://cdn.example/logo.png" alt="Logo"><img src="cid:part1"><a href="https://example.com">Link</a>');
    assert.match(out, /<p style="color:#c00">Hallo <b>Welt<\/b><\/p>/);
    assert.match(out, /src="https:\/\/cdn.example\/logo.png"/);
    assert.match(out, /src="cid:part1"/);
    assert.match(out, /rel="noopener noreferrer nofollow"/);
  });
});

describe('text and html', () => {
  it('escapes text and keeps line breaks', () => {
    assert.equal(textToHtml('a <b> & "c"\nd\n\ne'), '<p>a &lt;b&gt; &amp; &quot;c&quot;<br>d</p><p>e</p>');
  });
  it('derives text from html', () => {
    assert.equal(htmlToText('<p>Hallo&nbsp;Jürgen</p><p>Grüße<br>Anna</p><script>x()</script>'), 'Hallo Jürgen\nGrüße\nAnna');
    assert.deepEqual(messageBody({ text: '  hi  ' }), { text: 'hi', html: '<p>  hi  </p>' });
  });
});

describe('safeFilename', () => {
  const cases: [string | undefined, string][] = [
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\x.exe', 'x.exe'],
    ['/abs/path/report.pdf', 'report.pdf'],
    ['nul\u0000byte.txt', 'nulbyte.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.png', 'zerowidth.png'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['.htaccess', 'htaccess'],
    ['', 'attachment'],
    [undefined, 'attachment'],
    ['shell.php.jpg', 'shell.php.jpg'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(safeFilename(input), expected));
  }
  it('shortens 10,000-character names and keeps the extension', () => {
    const out = safeFilename(`${'a'.repeat(10_000)}.pdf`);
    assert.equal(out.length, 200);
    assert.ok(out.endsWith('.pdf'));
  });
});

describe('pathological input', () => {
  // A long run of blanks once took minutes in a backtracking replace; it must stay linear.
  it('turns megabytes of spaces into text without hanging', { timeout: 10_000 }, () => {
    const text = htmlToText(`<p>a${' '.repeat(2_000_000)}b</p><p>${'&nbsp;'.repeat(200_000)}\nc</p>`);
    assert.match(text, /^a +b/);
    assert.match(text, /c$/);
  });
});
