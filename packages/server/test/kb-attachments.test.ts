import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { publicAttachment } from '../src/modules/knowledge/index.ts';
import { PNG_1X1, expectStatus, makeArticle, makeSection, uploadKbFile } from './kb-support.ts';

const LIMIT = 4096;

describe('knowledge-base files', () => {
  let s: TestServer;
  let admin: TestAgent;
  let plain: TestAgent;
  let sectionId: string;

  before(async () => {
    s = await startTestServer({ env: { ATTACHMENT_LIMIT_BYTES: String(LIMIT) } });
    admin = await makeAgent(s, { role: 'admin' });
    plain = await makeAgent(s);
    ({ sectionId } = await makeSection(s, admin));
  });
  after(() => s.close());

  const content = (as: TestAgent, id: string) => s.servus.app.inject({ method: 'GET', url: `/api/v1/kb/attachments/${id}/content`, headers: as.auth });

  it('stores an image with the type from its bytes and a safe name', async () => {
    const up = expectStatus(await uploadKbFile(s, admin, PNG_1X1, '../../etc/Drucker\u202Egnp.exe', 'text/html'), 201);
    assert.equal(up.contentType, 'image/png');
    assert.equal(up.filename, 'Druckergnp.exe');
    assert.equal(up.articleId, null);
    assert.equal(up.publicUrl, `/help/files/${up.id}/Druckergnp.exe`);
    const res = await content(admin, up.id);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.match(String(res.headers['content-disposition']), /^inline; /);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /sandbox/);
    assert.deepEqual(res.rawPayload, PNG_1X1);
  });

  it('takes PDFs as downloads, and videos', async () => {
    const pdf = expectStatus(await uploadKbFile(s, admin, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'anleitung.pdf'), 201);
    assert.equal(pdf.contentType, 'application/pdf');
    const res = await content(admin, pdf.id);
    assert.equal(res.headers['content-type'], 'application/octet-stream');
    assert.match(String(res.headers['content-disposition']), /^attachment; /);
    const webm = Buffer.from('1a45dfa3a34286810142f7810142f2810442f381084282847765626d42878102428581021853806701000000000000', 'hex');
    const video = expectStatus(await uploadKbFile(s, admin, webm, 'einrichtung.webm'), 201);
    assert.equal(video.contentType, 'video/webm');
  });

  it('refuses SVG, HTML disguised as an image, other types and files past the limit', async () => {
    const svg = await uploadKbFile(s, admin, Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml');
    assert.equal(svg.status, 415);
    assert.match(svg.body.error.message, /SVG/);
    const html = await uploadKbFile(s, admin, Buffer.from('<!doctype html><script>alert(1)</script>'), 'bild.png', 'image/png');
    assert.equal(html.status, 415);
    const text = await uploadKbFile(s, admin, Buffer.from('just text'), 'notes.txt', 'text/plain');
    assert.equal(text.status, 415);
    assert.equal(text.body.error.details[0].path, 'file');
    const big = await uploadKbFile(s, admin, Buffer.concat([PNG_1X1, Buffer.alloc(LIMIT)]), 'gross.png', 'image/png');
    assert.equal(big.status, 413);
    const plainUpload = await uploadKbFile(s, plain, PNG_1X1, 'a.png');
    assert.equal(plainUpload.status, 403, 'only editors upload');
  });

  it('serves a file publicly only while its article is published, and to agents only with their article', async () => {
    const up = expectStatus(await uploadKbFile(s, admin, PNG_1X1, 'schritt-1.png'), 201);
    const db = s.servus.services.database.db;
    assert.equal(await publicAttachment(db, up.id), null, 'a file no article uses is not public');
    assert.equal((await content(plain, up.id)).statusCode, 404);

    const a = await makeArticle(s, admin, sectionId, { bodyHtml: `<p>So:</p><img src="${up.publicUrl}" alt="Schritt 1">` });
    assert.equal(expectStatus(await call(s, 'GET', `/api/v1/kb/attachments/${up.id}`, { as: admin }), 200).articleId, a.id, 'the saved body claims the file');
    assert.equal(await publicAttachment(db, up.id), null, 'a draft does not publish its files');
    assert.equal((await content(plain, up.id)).statusCode, 404);

    expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${a.id}`, { as: admin, body: { status: 'internal' } }), 200);
    assert.equal(await publicAttachment(db, up.id), null, 'internal articles are not public');
    assert.equal((await content(plain, up.id)).statusCode, 200, 'agents read files of internal articles');

    expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${a.id}`, { as: admin, body: { status: 'published' } }), 200);
    assert.equal((await publicAttachment(db, up.id))?.id, up.id);
    assert.equal(await publicAttachment(db, 'not-a-uuid'), null);

    expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${a.id}`, { as: admin, body: { status: 'archived' } }), 200);
    assert.equal(await publicAttachment(db, up.id), null, 'archiving withdraws the files');

    const other = await makeArticle(s, admin, sectionId, { status: 'published', bodyHtml: `<img src="${up.publicUrl}">` });
    assert.equal(expectStatus(await call(s, 'GET', `/api/v1/kb/attachments/${up.id}`, { as: admin }), 200).articleId, a.id, 'a file keeps the article that first used it');
    assert.ok(other.id);
  });
});
