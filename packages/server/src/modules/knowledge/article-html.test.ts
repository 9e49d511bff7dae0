import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { videoEmbedUrl } from '@servus/shared';
import { articleText, referencedFileIds, sanitizeArticleHtml } from './article-html.ts';

const FILE = '/help/files/0b0c7d2e-1111-4222-8333-944455556666';
const PLAYER_ATTRS = 'allowfullscreen="" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation"';

describe('sanitizeArticleHtml: active content (SECURITY.md §1, §2)', () => {
  const vectors = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<img src="https://cdn.example/a.png" onerror="alert(1)">',
    '<svg onload=alert(1)><circle/></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="x.swf"></object><embed src="x">',
    '<form action="https://evil.example"><input type=password name=p><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<style>body{background:url(https://evil.example/x)}</style>',
    '<p style="background-image:url(https://evil.example/t.gif)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="//evil.example/phish">x</a>',
    '<a href="/\\evil.example/phish">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<img src="//evil.example/x.png">',
    '<video src="javascript:alert(1)"></video>',
    '<video src="https://evil.example/v.mp4" onplay=alert(1)></video>',
    '<xmp><img src=x onerror=alert(1)></xmp>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<template><img src=x onerror=alert(1)></template>',
    '<details open ontoggle=alert(1)>x</details>',
    '<p onclick="alert(1)" class="x" id="y">x</p>',
  ];
  for (const v of vectors) {
    it(`removes ${v.slice(0, 50)}`, () => {
      const out = sanitizeArticleHtml(v);
      assert.ok(
        !/<script|<svg|<object|<embed|<form|<input|<button|<meta|<base|<link|<style|<details|<template|<math|\son\w+=|javascript:|vbscript:|data:|srcdoc|url\(|evil\.example|class=|id=/i.test(out),
        out,
      );
    });
  }

  it('keeps the text of the title attack escaped, never as markup', () => {
    const out = sanitizeArticleHtml('<h2>"><img src=x onerror=alert(1)></h2>');
    assert.equal(out, '<h2>"&gt;</h2>');
  });
});

describe('sanitizeArticleHtml: what editors write survives', () => {
  it('keeps headings from h2, lists, quotes, code, tables and rules, mapping the rest onto them', () => {
    const out = sanitizeArticleHtml(
      '<h1>Titel</h1><h3>Teil</h3><h6>Klein</h6><p><b>fett</b> <i>kursiv</i> <u>unter</u> <strike>weg</strike></p>' +
        '<ul><li>a</li></ul><ol start="3"><li>b</li></ol><blockquote>Zitat</blockquote><pre><code>npm start</code></pre><hr>' +
        '<table><thead><tr><th scope="col">Feld</th></tr></thead><tbody><tr><td colspan="2">Wert</td></tr></tbody></table>',
    );
    assert.equal(
      out,
      '<h2>Titel</h2><h3>Teil</h3><h4>Klein</h4><p><strong>fett</strong> <em>kursiv</em> <u>unter</u> <s>weg</s></p>' +
        '<ul><li>a</li></ul><ol start="3"><li>b</li></ol><blockquote>Zitat</blockquote><pre><code>npm start</code></pre><hr />' +
        '<table><thead><tr><th scope="col">Feld</th></tr></thead><tbody><tr><td colspan="2">Wert</td></tr></tbody></table>',
    );
  });

  it('keeps https, mail and relative links and forces rel on every one', () => {
    const out = sanitizeArticleHtml('<a href="https://example.com/x" target="_blank" rel="opener">e</a><a href="mailto:hilfe@example.com">m</a><a href="/help/de/articles/x">i</a><a href="#schritt-2">s</a>');
    assert.equal(
      out,
      '<a rel="noopener noreferrer" href="https://example.com/x">e</a><a rel="noopener noreferrer" href="mailto:hilfe@example.com">m</a>' +
        '<a rel="noopener noreferrer" href="/help/de/articles/x">i</a><a rel="noopener noreferrer" href="#schritt-2">s</a>',
    );
  });

  it('keeps https images and help-center files with alt and numeric sizes; drops other sources', () => {
    const out = sanitizeArticleHtml(
      `<figure><img src="${FILE}/drucker%20front.png" alt="Drucker" width="640" height="auto"><figcaption>Vorne</figcaption></figure>` +
        '<img src="https://cdn.example.com/a.png" alt=""><img src="http://cdn.example.com/b.png"><img src="/uploads/c.png">',
    );
    assert.equal(
      out,
      `<figure><img src="${FILE}/drucker%20front.png" alt="Drucker" width="640" /><figcaption>Vorne</figcaption></figure><img src="https://cdn.example.com/a.png" alt="" />`,
    );
  });

  it('plays uploaded videos with controls and never autoplays', () => {
    assert.equal(sanitizeArticleHtml(`<video src="${FILE}/demo.mp4" autoplay muted loop></video>`), `<video controls="" preload="metadata" src="${FILE}/demo.mp4"></video>`);
  });

  it('turns YouTube links of every kind into the no-cookie player with fixed attributes', () => {
    for (const src of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 'https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']) {
      const out = sanitizeArticleHtml(`<iframe src="${src}" width="560" allow="camera; microphone" sandbox="allow-top-navigation allow-forms" style="border:0"></iframe>`);
      assert.equal(out, `<iframe ${PLAYER_ATTRS} src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>`, src);
    }
  });

  it('turns Vimeo links into the Vimeo player', () => {
    assert.equal(sanitizeArticleHtml('<iframe src="https://vimeo.com/76979871" title="Einrichtung"></iframe>'), `<iframe ${PLAYER_ATTRS} src="https://player.vimeo.com/video/76979871" title="Einrichtung"></iframe>`);
  });

  it('keeps mail-reply paragraphs apart', () => {
    assert.equal(sanitizeArticleHtml('<div>Hallo,</div><div><span style="color:red">bitte</span> neu starten.</div>'), '<p>Hallo,</p><p>bitte neu starten.</p>');
  });

  it('turns a body past the size cap into escaped paragraphs instead of parsing it', () => {
    const out = sanitizeArticleHtml(`<p>${'x'.repeat(1_000_001)}<img src=x onerror=alert(1)></p>`);
    assert.ok(out.startsWith('<p>xxx'));
    assert.ok(!out.includes('<img'));
  });
});

describe('videoEmbedUrl', () => {
  const cases: [string, string | null][] = [
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://player.vimeo.com/video/123?h=abc', 'https://player.vimeo.com/video/123'],
    ['https://www.youtube.com/watch?v=short', null],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="x', null],
    ['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', null],
    ['https://user:pw@www.youtube.com/embed/dQw4w9WgXcQ', null],
    ['https://vimeo.com/channels/staffpicks/123', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ];
  for (const [input, expected] of cases) it(`${input} -> ${expected}`, () => assert.equal(videoEmbedUrl(input), expected));
});

describe('article text and files', () => {
  it('gives the plain text of the body for search', () => {
    assert.equal(articleText('<h2>Papierstau</h2><p>Klappe&nbsp;öffnen</p><ul><li>Rolle</li><li>Messer</li></ul>'), 'Papierstau\nKlappe öffnen\nRolle\nMesser');
  });
  it('finds the help-center files a body uses, once each', () => {
    const id2 = '1b0c7d2e-1111-4222-8333-944455556666';
    assert.deepEqual(referencedFileIds(`<img src="${FILE}/a.png"><a href="${FILE}/a.png">a</a><video src="/help/files/${id2}/v.mp4"></video>`), ['0b0c7d2e-1111-4222-8333-944455556666', id2]);
  });
});
