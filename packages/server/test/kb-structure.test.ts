import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { expectStatus, makeArticle, unique } from './kb-support.ts';

describe('knowledge-base categories and sections', () => {
  let s: TestServer;
  let admin: TestAgent;

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
  });
  after(() => s.close());

  const post = (url: string, body: unknown) => call(s, 'POST', url, { as: admin, body });
  const tree = async () => expectStatus(await call(s, 'GET', '/api/v1/kb/categories', { as: admin }), 200).data as { id: string; slug: string; sections: { id: string }[] }[];

  it('creates categories with names in both languages and a slug from the name', async () => {
    const c = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Konto & Sicherheit', en: 'Account & security' }, descriptions: { de: 'Anmeldung', en: '' }, icon: 'shield-lock' }), 201);
    assert.equal(c.slug, 'account-security');
    assert.deepEqual(c.names, { de: 'Konto & Sicherheit', en: 'Account & security' });
    assert.deepEqual(c.descriptions, { de: 'Anmeldung' });
    const german = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Kassengesetz & Prüfung' } }), 201);
    assert.equal(german.slug, 'kassengesetz-pruefung');
  });

  it('explains what is wrong with a name or slug', async () => {
    const none = await post('/api/v1/kb/categories', { names: { de: '  ', en: '' } });
    assert.equal(none.status, 400);
    assert.ok(none.body.error.details.some((d: { path: string }) => d.path.startsWith('body.names')), JSON.stringify(none.body));
    const slug = await post('/api/v1/kb/categories', { names: { de: 'X' }, slug: 'mit leerzeichen' });
    assert.equal(slug.status, 400);
    assert.ok(slug.body.error.details.some((d: { path: string }) => d.path === 'body.slug'));
    const lang = await post('/api/v1/kb/categories', { names: { de: 'X', fr: 'Y' } });
    assert.equal(lang.status, 400);
    assert.ok(lang.body.error.details.some((d: { path: string }) => d.path === 'body.names.fr'));
  });

  it('answers a taken slug with 409 naming the field, for categories and sections', async () => {
    const slug = unique('hardware');
    const first = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Hardware' }, slug }), 201);
    const dup = await post('/api/v1/kb/categories', { names: { de: 'Hardware 2' }, slug });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.message, 'another category already uses this slug');
    assert.deepEqual(dup.body.error.details, [{ path: 'body.slug', message: 'already in use; choose another' }]);
    const sec = expectStatus(await post('/api/v1/kb/sections', { categoryId: first.id, names: { en: 'Printers' }, slug }), 201, 'sections have their own slugs');
    const other = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Andere' } }), 201);
    const rename = await call(s, 'PATCH', `/api/v1/kb/categories/${other.id}`, { as: admin, body: { slug } });
    assert.equal(rename.status, 409);
    const secDup = await call(s, 'PATCH', `/api/v1/kb/sections/${sec.id}`, { as: admin, body: { slug: sec.slug } });
    assert.equal(secDup.status, 200, 'keeping its own slug is fine');
    const unknownCategory = await post('/api/v1/kb/sections', { categoryId: '00000000-0000-4000-8000-00000000abcd', names: { de: 'X' } });
    assert.deepEqual([unknownCategory.status, unknownCategory.body.error.details[0].path], [400, 'body.categoryId']);
  });

  it('orders categories and sections; the new order must name each item once', async () => {
    const before = await tree();
    const ids = before.map((c) => c.id);
    expectStatus(await call(s, 'PUT', '/api/v1/kb/categories/order', { as: admin, body: { ids: [...ids].reverse() } }), 204);
    assert.deepEqual((await tree()).map((c) => c.id), [...ids].reverse());
    const missing = await call(s, 'PUT', '/api/v1/kb/categories/order', { as: admin, body: { ids: ids.slice(1) } });
    assert.equal(missing.status, 400);
    const twice = await call(s, 'PUT', '/api/v1/kb/categories/order', { as: admin, body: { ids: [...ids.slice(1), ids[1]] } });
    assert.equal(twice.status, 400);
    const foreign = await call(s, 'PUT', '/api/v1/kb/categories/order', { as: admin, body: { ids: [...ids.slice(1), '00000000-0000-4000-8000-00000000abcd'] } });
    assert.equal(foreign.status, 400);
    assert.match(foreign.body.error.details[0].path, /^body\.ids\.\d+$/);

    const cat = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Geordnet' } }), 201);
    const secs = [];
    for (const name of ['Eins', 'Zwei', 'Drei']) secs.push(expectStatus(await post('/api/v1/kb/sections', { categoryId: cat.id, names: { de: name } }), 201));
    assert.deepEqual(secs.map((x) => x.position), [0, 1, 2]);
    const order = [secs[2].id, secs[0].id, secs[1].id];
    expectStatus(await call(s, 'PUT', `/api/v1/kb/categories/${cat.id}/sections/order`, { as: admin, body: { ids: order } }), 204);
    const got = expectStatus(await call(s, 'GET', `/api/v1/kb/categories/${cat.id}`, { as: admin }), 200);
    assert.deepEqual(got.sections.map((x: { id: string }) => x.id), order);
  });

  it('moves a section to the end of another category', async () => {
    const a = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Von' } }), 201);
    const b = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Nach' } }), 201);
    expectStatus(await post('/api/v1/kb/sections', { categoryId: b.id, names: { de: 'Schon da' } }), 201);
    const moving = expectStatus(await post('/api/v1/kb/sections', { categoryId: a.id, names: { de: 'Wandert' } }), 201);
    const moved = expectStatus(await call(s, 'PATCH', `/api/v1/kb/sections/${moving.id}`, { as: admin, body: { categoryId: b.id } }), 200);
    assert.deepEqual([moved.categoryId, moved.position], [b.id, 1]);
  });

  it('refuses to delete a category with sections or a section with articles, and deletes empty ones', async () => {
    const c = expectStatus(await post('/api/v1/kb/categories', { names: { de: 'Voll' } }), 201);
    const sec = expectStatus(await post('/api/v1/kb/sections', { categoryId: c.id, names: { de: 'Mit Artikel' } }), 201);
    const a = await makeArticle(s, admin, sec.id, { status: 'archived' });

    const cat409 = await call(s, 'DELETE', `/api/v1/kb/categories/${c.id}`, { as: admin });
    assert.equal(cat409.status, 409);
    assert.match(cat409.body.error.message, /still has sections/);
    const sec409 = await call(s, 'DELETE', `/api/v1/kb/sections/${sec.id}`, { as: admin });
    assert.equal(sec409.status, 409, 'archived articles count too');
    assert.deepEqual(sec409.body.error.details, { articles: 1 });

    expectStatus(await call(s, 'DELETE', `/api/v1/kb/articles/${a.id}`, { as: admin }), 204);
    expectStatus(await call(s, 'DELETE', `/api/v1/kb/sections/${sec.id}`, { as: admin }), 204);
    expectStatus(await call(s, 'DELETE', `/api/v1/kb/categories/${c.id}`, { as: admin }), 204);
    assert.equal((await call(s, 'GET', `/api/v1/kb/categories/${c.id}`, { as: admin })).status, 404);
    assert.equal((await call(s, 'GET', `/api/v1/kb/sections/${sec.id}`, { as: admin })).status, 404);
  });
});
