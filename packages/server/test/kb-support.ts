/** Knowledge-base test helpers: a category with a section, articles, editors and file uploads. */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { call, makeAgent, type Res, type TestAgent, type TestServer } from './harness.ts';

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** Asserts the status and returns the body, showing the body when it fails. */
export function expectStatus<T = any>(res: Res<T>, status: number, what = ''): T {
  assert.equal(res.status, status, `${what} ${JSON.stringify(res.body)}`.trim());
  return res.body;
}

/** A category with one section, made by `as` (an editor). */
export async function makeSection(s: TestServer, as: TestAgent): Promise<{ categoryId: string; sectionId: string }> {
  const c = expectStatus(await call(s, 'POST', '/api/v1/kb/categories', { as, body: { names: { de: 'Hardware', en: 'Hardware' }, slug: unique('hw') } }), 201, 'category');
  const sec = expectStatus(await call(s, 'POST', '/api/v1/kb/sections', { as, body: { categoryId: c.id, names: { de: 'Drucker', en: 'Printers' }, slug: unique('printers') } }), 201, 'section');
  return { categoryId: c.id, sectionId: sec.id };
}

/** Creates an article through the API (German source by default) and returns it. */
export async function makeArticle(s: TestServer, as: TestAgent, sectionId: string, body: Record<string, unknown> = {}) {
  const res = await call(s, 'POST', '/api/v1/kb/articles', {
    as,
    body: { sectionId, locale: 'de', title: `Bondrucker ${unique('t')}`, bodyHtml: '<p>Papier einlegen.</p>', ...body },
  });
  return expectStatus(res, 201, 'article');
}

/** An agent the admin made a knowledge-base editor. */
export async function makeEditor(s: TestServer, admin: TestAgent): Promise<TestAgent> {
  const editor = await makeAgent(s, { name: 'Erika Editor' });
  expectStatus(await call(s, 'PATCH', `/api/v1/agents/${editor.id}`, { as: admin, body: { kbEditor: true } }), 200, 'grant editor');
  return editor;
}

/** The smallest valid PNG (1×1, transparent). */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Uploads bytes as a multipart file to the knowledge base. */
export async function uploadKbFile(s: TestServer, as: TestAgent, content: Buffer, filename: string, declaredType = 'application/octet-stream'): Promise<Res> {
  const boundary = `----kb${randomUUID().slice(0, 8)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${declaredType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await s.servus.app.inject({
    method: 'POST',
    url: '/api/v1/kb/attachments',
    headers: { ...as.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, tail]),
  });
  let body: any = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body, headers: res.headers as Res['headers'] };
}
