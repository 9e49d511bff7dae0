/**
 * Help center test helpers: a small knowledge base made through the knowledge-base API, with
 * one article in every status, and requests the way a browser sends them (HTML, forms, cookies).
 */
import assert from 'node:assert/strict';
import { call, makeAgent, type TestAgent, type TestServer } from './harness.ts';
import { expectStatus, makeEditor, PNG_1X1, unique, uploadKbFile } from './kb-support.ts';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

export interface PageRes {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
}

/** A GET or form POST as a browser makes it: HTML, a person's User-Agent, an address. */
export async function page(
  s: TestServer,
  url: string,
  opts: { method?: 'GET' | 'POST'; form?: Record<string, string>; headers?: Record<string, string>; cookies?: Record<string, string>; ip?: string } = {},
): Promise<PageRes> {
  const cookie = Object.entries(opts.cookies ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await s.servus.app.inject({
    method: opts.method ?? (opts.form ? 'POST' : 'GET'),
    url,
    remoteAddress: opts.ip ?? '203.0.113.7',
    headers: {
      'user-agent': BROWSER_UA,
      accept: 'text/html',
      ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(cookie ? { cookie } : {}),
      ...opts.headers,
    },
    payload: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
  });
  const cookies: Record<string, string> = {};
  for (const c of res.cookies as { name: string; value: string }[]) cookies[c.name] = c.value;
  return { status: res.statusCode, body: res.body, headers: res.headers as PageRes['headers'], cookies };
}

/** The value of a hidden form field in a page. */
export function fieldValue(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(m, `no field ${name} in the page`);
  return m[1]!;
}

export interface HelpKb {
  editor: TestAgent;
  admin: TestAgent;
  categorySlug: string;
  sectionSlug: string;
  /** An internal-only section: its only article is internal. */
  internalSectionSlug: string;
  published: { id: string; de: string; en: string };
  germanOnly: { id: string; de: string };
  internal: { id: string; de: string; en: string };
  draft: { id: string; de: string };
  archived: { id: string; de: string };
  files: { published: string; internal: string };
}

/** Creates an article through the API with a German text and, when given, an English one. */
export async function article(
  s: TestServer,
  as: TestAgent,
  sectionId: string,
  o: { status: 'draft' | 'published' | 'internal' | 'archived'; de: { title: string; slug: string; summary?: string; body: string }; en?: { title: string; slug: string; summary?: string; body: string }; tags?: string[]; related?: string[] },
): Promise<string> {
  const created = expectStatus(
    await call(s, 'POST', '/api/v1/kb/articles', {
      as,
      body: { sectionId, locale: 'de', status: o.status, tags: o.tags ?? [], related: o.related ?? [], title: o.de.title, slug: o.de.slug, summary: o.de.summary ?? '', bodyHtml: o.de.body },
    }),
    201,
    `article ${o.de.slug}`,
  );
  if (o.en) {
    expectStatus(
      await call(s, 'PUT', `/api/v1/kb/articles/${created.id}/translations/en`, { as, body: { baseVersion: 0, title: o.en.title, slug: o.en.slug, summary: o.en.summary ?? '', bodyHtml: o.en.body } }),
      200,
      `translation ${o.en.slug}`,
    );
  }
  return created.id;
}

/**
 * A category "Hardware" with a section "Bondrucker" holding a published article in German and
 * English, a published German-only article, and an internal, a draft and an archived one;
 * plus a section whose only article is internal, and an image in the published and the
 * internal article.
 */
export async function makeHelpKb(s: TestServer): Promise<HelpKb> {
  const admin = await makeAgent(s, { role: 'admin' });
  const editor = await makeEditor(s, admin);
  const categorySlug = unique('hardware');
  const sectionSlug = unique('bondrucker');
  const internalSectionSlug = unique('intern');
  const cat = expectStatus(await call(s, 'POST', '/api/v1/kb/categories', { as: editor, body: { names: { de: 'Hardware', en: 'Hardware' }, descriptions: { de: 'Kasse, Drucker, Scanner', en: 'Till, printers, scanners' }, slug: categorySlug } }), 201);
  const sec = expectStatus(await call(s, 'POST', '/api/v1/kb/sections', { as: editor, body: { categoryId: cat.id, names: { de: 'Bondrucker', en: 'Receipt printers' }, slug: sectionSlug } }), 201);
  const hidden = expectStatus(await call(s, 'POST', '/api/v1/kb/sections', { as: editor, body: { categoryId: cat.id, names: { de: 'Interne Abläufe', en: 'Internal procedures' }, slug: internalSectionSlug } }), 201);

  const pub = expectStatus(await uploadKbFile(s, editor, PNG_1X1, 'drucker.png', 'image/png'), 201, 'upload');
  const int = expectStatus(await uploadKbFile(s, editor, PNG_1X1, 'geheim.png', 'image/png'), 201, 'upload');
  const img = (id: string, name: string) => `<p><img src="/help/files/${id}/${name}" alt="Drucker"></p>`;

  const de = unique('bondrucker-druckt-nicht');
  const en = unique('receipt-printer-not-printing');
  const internalDe = unique('rueckerstattung-ohne-beleg');
  const internalEn = unique('refund-without-receipt');
  const internalId = await article(s, editor, sec.id, {
    status: 'internal',
    de: { title: 'Rückerstattung ohne Beleg freigeben', slug: internalDe, summary: 'Nur für Agenten: Freigabe durch Teamleitung.', body: `<p>Geheimcode 4711 im Backoffice eingeben. Bondrucker bleibt aus.</p>${img(int.id, 'geheim.png')}` },
    en: { title: 'Approve a refund without receipt', slug: internalEn, body: '<p>Enter secret code 4711 in the back office.</p>' },
  });
  const publishedId = await article(s, editor, sec.id, {
    status: 'published',
    tags: ['drucker', 'hardware'],
    related: [internalId],
    de: { title: 'Bondrucker druckt nicht', slug: de, summary: 'Was tun, wenn der Bondrucker keine Belege mehr druckt?', body: `<h2>Papier prüfen</h2><p>Öffnen Sie die Klappe und legen Sie eine neue Papierrolle ein. Danach druckt der Bondrucker wieder.</p>${img(pub.id, 'drucker.png')}` },
    en: { title: 'Receipt printer is not printing', slug: en, summary: 'What to do when the receipt printer stops printing receipts.', body: '<h2>Check the paper</h2><p>Open the cover and insert a new paper roll. The receipt printer then prints again.</p>' },
  });
  const germanOnly = unique('kassenlade-klemmt');
  const germanOnlyId = await article(s, editor, sec.id, {
    status: 'published',
    related: [publishedId],
    de: { title: 'Kassenlade klemmt', slug: germanOnly, summary: 'Wenn die Kassenlade nicht aufgeht.', body: '<p>Den Notöffner unter der Lade drücken.</p>' },
  });
  const draft = unique('neuer-drucker-entwurf');
  const draftId = await article(s, editor, sec.id, { status: 'draft', de: { title: 'Neuer Bondrucker Entwurf', slug: draft, body: '<p>Noch nicht fertig: Bondrucker Modell X.</p>' } });
  const archived = unique('alter-drucker');
  const archivedId = await article(s, editor, sec.id, { status: 'archived', de: { title: 'Alter Bondrucker TM-88', slug: archived, body: '<p>Der alte Bondrucker wird nicht mehr unterstützt.</p>' } });
  await article(s, editor, hidden.id, { status: 'internal', de: { title: 'Eskalation an die Teamleitung', slug: unique('eskalation'), body: '<p>Intern.</p>' } });
  return {
    editor,
    admin,
    categorySlug,
    sectionSlug,
    internalSectionSlug,
    published: { id: publishedId, de, en },
    germanOnly: { id: germanOnlyId, de: germanOnly },
    internal: { id: internalId, de: internalDe, en: internalEn },
    draft: { id: draftId, de: draft },
    archived: { id: archivedId, de: archived },
    files: { published: pub.id, internal: int.id },
  };
}
