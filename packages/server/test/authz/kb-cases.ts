/**
 * Route cases of the knowledge base (see route-cases.ts). Every agent reads the tree and the
 * published and internal articles (`shared`); only editors write, and the walker's plain agent
 * is no editor, so writes are `admin` here. kb-permissions.test.ts shows that an agent with the
 * editor flag may write and drafts stay hidden from everyone else.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { call, type TestAgent, type TestServer } from '../harness.ts';
import type { RouteCase } from './route-cases.ts';
import { ok, unique, type World } from './world.ts';
import { PNG_1X1, uploadKbFile } from '../kb-support.ts';
import { kbArticles, kbCategories, kbSections } from '../../src/modules/knowledge/schema.ts';

export type KbObjectKind = 'kbCategory' | 'kbSection' | 'kbArticle' | 'kbAttachment';

/** A category with a section holding a published article that shows an image, and a reply to turn into an article. */
export interface KbWorld {
  categoryId: string;
  sectionId: string;
  articleId: string;
  attachmentId: string;
  messageId: string;
}

export async function buildKbWorld(s: TestServer, admin: TestAgent, ticketId: string): Promise<KbWorld> {
  const category = ok(await call(s, 'POST', '/api/v1/kb/categories', { as: admin, body: { names: { de: 'Walker', en: 'Walker' }, slug: unique('walker') } }), 'kb category');
  const section = ok(await call(s, 'POST', '/api/v1/kb/sections', { as: admin, body: { categoryId: category.id, names: { de: 'Rundgang' }, slug: unique('rundgang') } }), 'kb section');
  const file = ok(await uploadKbFile(s, admin, PNG_1X1, 'walker.png'), 'kb file');
  const article = ok(
    await call(s, 'POST', '/api/v1/kb/articles', {
      as: admin,
      body: { sectionId: section.id, locale: 'de', status: 'published', title: unique('Rundgang'), bodyHtml: `<p>Bild:</p><img src="${file.publicUrl}" alt="">` },
    }),
    'kb article',
  );
  const messages = ok(await call(s, 'GET', `/api/v1/tickets/${ticketId}/messages`, { as: admin }), 'messages');
  return { categoryId: category.id, sectionId: section.id, articleId: article.id, attachmentId: file.id, messageId: messages.data[0].id };
}

/** The walker world's object of a kind (all are shared: every agent may read them). */
export function kbTheirObject(w: World, kind: KbObjectKind): string {
  switch (kind) {
    case 'kbCategory': return w.kb.categoryId;
    case 'kbSection': return w.kb.sectionId;
    case 'kbArticle': return w.kb.articleId;
    case 'kbAttachment': return w.kb.attachmentId;
  }
}

/** A published article (every agent may read it) in the walker's section. */
async function publishedArticle(w: World, bodyHtml: string): Promise<{ id: string }> {
  return ok(await call(w.s, 'POST', '/api/v1/kb/articles', { as: w.admin, body: { sectionId: w.kb.sectionId, locale: 'de', status: 'published', title: unique('Artikel'), bodyHtml } }), 'kb article');
}

/** A new object for a positive control: empty categories and sections (they can be deleted), published articles and their files (every agent reads them). */
export async function kbFreshObject(w: World, kind: KbObjectKind): Promise<string> {
  const { s, admin } = w;
  switch (kind) {
    case 'kbCategory': return ok(await call(s, 'POST', '/api/v1/kb/categories', { as: admin, body: { names: { de: unique('Kategorie') } } }), 'kb category').id;
    case 'kbSection': return ok(await call(s, 'POST', '/api/v1/kb/sections', { as: admin, body: { categoryId: w.kb.categoryId, names: { de: unique('Bereich') } } }), 'kb section').id;
    case 'kbArticle': return (await publishedArticle(w, '')).id;
    case 'kbAttachment': {
      const file = ok(await uploadKbFile(s, admin, PNG_1X1, 'fresh.png'), 'kb file');
      await publishedArticle(w, `<img src="${file.publicUrl}" alt="">`);
      return file.id;
    }
  }
}

/** The ids of a list in its stored order: what a valid reorder request sends. */
async function idsOf(w: World, list: 'categories' | 'sections' | 'articles', parentId = ''): Promise<string[]> {
  const db = w.s.servus.services.database.db;
  if (list === 'categories') return (await db.select({ id: kbCategories.id }).from(kbCategories).orderBy(asc(kbCategories.position))).map((r) => r.id);
  if (list === 'sections') return (await db.select({ id: kbSections.id }).from(kbSections).where(eq(kbSections.categoryId, parentId)).orderBy(asc(kbSections.position))).map((r) => r.id);
  return (await db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.sectionId, parentId)).orderBy(asc(kbArticles.position))).map((r) => r.id);
}

/** A multipart upload of a small GIF (its magic bytes are plain ASCII, so the raw body can be a string). */
function gifUpload(): { raw: string; headers: Record<string, string> } {
  const boundary = `----kbwalker${randomUUID().slice(0, 8)}`;
  const raw = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="walker.gif"', 'Content-Type: image/gif', '', 'GIF89a walker', `--${boundary}--`, ''].join('\r\n');
  return { raw, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const names = { nested: ['names'] };

export const KB_CASES: Record<string, RouteCase> = {
  'GET /api/v1/kb/categories': { access: 'shared', write: false, ok: 200, request: () => ({ url: '/api/v1/kb/categories' }) },
  'POST /api/v1/kb/categories': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/kb/categories', body: { names: { de: unique('Neu') } } }), mass: names },
  'PUT /api/v1/kb/categories/order': { access: 'admin', write: true, ok: 204, request: async ({ w }) => ({ url: '/api/v1/kb/categories/order', body: { ids: await idsOf(w, 'categories') } }), mass: {} },
  'GET /api/v1/kb/categories/{id}': { access: 'shared', write: false, ok: 200, object: 'kbCategory', request: ({ id }) => ({ url: `/api/v1/kb/categories/${id}` }) },
  'PATCH /api/v1/kb/categories/{id}': { access: 'admin', write: true, ok: 200, object: 'kbCategory', request: ({ id }) => ({ url: `/api/v1/kb/categories/${id}`, body: { names: { de: unique('Umbenannt') } } }), mass: names },
  'DELETE /api/v1/kb/categories/{id}': { access: 'admin', write: true, ok: 204, object: 'kbCategory', request: ({ id }) => ({ url: `/api/v1/kb/categories/${id}` }) },
  'PUT /api/v1/kb/categories/{id}/sections/order': {
    access: 'admin',
    write: true,
    ok: 204,
    object: 'kbCategory',
    request: async ({ w, id }) => ({ url: `/api/v1/kb/categories/${id}/sections/order`, body: { ids: await idsOf(w, 'sections', id) } }),
    mass: {},
  },
  'GET /api/v1/kb/sections/{id}': { access: 'shared', write: false, ok: 200, object: 'kbSection', request: ({ id }) => ({ url: `/api/v1/kb/sections/${id}` }) },
  'POST /api/v1/kb/sections': { access: 'admin', write: true, ok: 201, request: ({ w }) => ({ url: '/api/v1/kb/sections', body: { categoryId: w.kb.categoryId, names: { en: unique('New') } } }), mass: names },
  'PATCH /api/v1/kb/sections/{id}': { access: 'admin', write: true, ok: 200, object: 'kbSection', request: ({ id }) => ({ url: `/api/v1/kb/sections/${id}`, body: { names: { en: unique('Renamed') } } }), mass: names },
  'DELETE /api/v1/kb/sections/{id}': { access: 'admin', write: true, ok: 204, object: 'kbSection', request: ({ id }) => ({ url: `/api/v1/kb/sections/${id}` }) },
  'PUT /api/v1/kb/sections/{id}/articles/order': {
    access: 'admin',
    write: true,
    ok: 204,
    object: 'kbSection',
    request: async ({ w, id }) => ({ url: `/api/v1/kb/sections/${id}/articles/order`, body: { ids: await idsOf(w, 'articles', id) } }),
    mass: {},
  },
  'GET /api/v1/kb/articles': { access: 'shared', write: false, ok: 200, request: () => ({ url: '/api/v1/kb/articles?limit=5' }) },
  'POST /api/v1/kb/articles': { access: 'admin', write: true, ok: 201, request: ({ w }) => ({ url: '/api/v1/kb/articles', body: { sectionId: w.kb.sectionId, locale: 'en', title: unique('Walk') } }), mass: {} },
  'POST /api/v1/kb/articles/from-message': {
    access: 'admin',
    write: true,
    ok: 201,
    request: ({ w }) => ({ url: '/api/v1/kb/articles/from-message', body: { messageId: w.kb.messageId, sectionId: w.kb.sectionId, locale: 'de' } }),
    mass: {},
  },
  'GET /api/v1/kb/articles/{id}': { access: 'shared', write: false, ok: 200, object: 'kbArticle', request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}` }) },
  'PATCH /api/v1/kb/articles/{id}': { access: 'admin', write: true, ok: 200, object: 'kbArticle', request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}`, body: { tags: ['walker'] } }), mass: {} },
  'DELETE /api/v1/kb/articles/{id}': { access: 'admin', write: true, ok: 204, object: 'kbArticle', request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}` }) },
  'PUT /api/v1/kb/articles/{id}/translations/{locale}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'kbArticle',
    request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}/translations/en`, body: { baseVersion: 0, title: unique('Walk') } }),
    mass: {},
  },
  'GET /api/v1/kb/articles/{id}/versions/{locale}': { access: 'shared', write: false, ok: 200, object: 'kbArticle', request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}/versions/de` }) },
  'GET /api/v1/kb/articles/{id}/versions/{locale}/{version}': { access: 'shared', write: false, ok: 200, object: 'kbArticle', request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}/versions/de/1` }) },
  'POST /api/v1/kb/articles/{id}/versions/{locale}/{version}/restore': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'kbArticle',
    request: ({ id }) => ({ url: `/api/v1/kb/articles/${id}/versions/de/1/restore`, body: { baseVersion: 1 } }),
    mass: {},
  },
  'POST /api/v1/kb/attachments': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/kb/attachments', ...gifUpload() }), mass: 'a multipart file upload, no JSON body' },
  'GET /api/v1/kb/attachments/{id}': { access: 'shared', write: false, ok: 200, object: 'kbAttachment', request: ({ id }) => ({ url: `/api/v1/kb/attachments/${id}` }) },
  'GET /api/v1/kb/attachments/{id}/content': { access: 'shared', write: false, ok: 200, object: 'kbAttachment', request: ({ id }) => ({ url: `/api/v1/kb/attachments/${id}/content` }) },
};
