import fs from 'node:fs';
import { parseMail } from './src/modules/email/parse/parse-mail.ts';
import { DEFAULT_PARSE_LIMITS } from './src/modules/email/parse/limits.ts';
const html = (name: string, body: string, extra = '') => {
  fs.writeFileSync(`/tmp/mem/${name}.eml`, `From: a@x.de\r\nSubject: ${name}\r\n${extra}Content-Type: text/html; charset=utf-8\r\n\r\n${body}\r\n`);
  return `/tmp/mem/${name}.eml`;
};
const cases: Record<string, string> = {
  nestedDivs: html('nestedDivs', '<div>'.repeat(10000) + 'x' + '</div>'.repeat(10000)),
  nestedDivs100k: html('nestedDivs100k', '<div>'.repeat(100000) + 'x'),
  links5000: html('links5000', Array.from({ length: 5000 }, (_, i) => `<a href="https://e.com/${i}">l${i}</a>`).join(' ')),
  whitespace: html('whitespace', ' '.repeat(1_900_000) + '<p>x</p>'),
  newlines: html('newlines', '\r\n'.repeat(900_000) + '<p>x</p>'),
  singleLine: html('singleLine', '<p>' + 'abc '.repeat(480_000) + '</p>'),
  cid1500: html('cid1500', '<img src="cid:a@b">'.repeat(1500)),
  unclosedTags: html('unclosedTags', '<a '.repeat(400_000)),
  attrs: html('attrs', '<p ' + 'a="b" '.repeat(300_000) + '>x</p>'),
  fromBomb: html('fromBomb', '<p>x</p>', `To: "=?utf-8?q?<a${'@'.repeat(200000)}?=" <x@y.de>\r\n`),
  quotes: html('quotes', '<p>x</p>', `Cc: ${'"\\"'.repeat(60000)} <a@b.de>\r\n`),
  encWords: html('encWords', '<p>x</p>', `Subject: ${'=?utf-8?B?w7w=?= '.repeat(15000)}\r\n`),
};
for (const [name, file] of Object.entries(cases)) {
  const t = performance.now();
  const r = await parseMail(file, '/tmp/mem/blobs', DEFAULT_PARSE_LIMITS);
  console.log(name.padEnd(16), `${Math.round(performance.now() - t)} ms`.padStart(9), 'text', r.text.length, 'html', r.html.length, r.limited ?? '', r.warnings.join(','));
}
