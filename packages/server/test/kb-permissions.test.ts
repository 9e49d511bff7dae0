import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { expectStatus, makeArticle, makeEditor, makeSection, unique } from './kb-support.ts';

describe('knowledge-base permissions', () => {
  let s: TestServer;
  let admin: TestAgent;
  let editor: TestAgent;
  let plain: TestAgent;
  let readonly: TestAgent;
  let sectionId: string;
  const byStatus: Record<string, { id: string }> = {};

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    editor = await makeEditor(s, admin);
    plain = await makeAgent(s, { name: 'Paul Plain' });
    readonly = await makeAgent(s, { role: 'readonly' });
    ({ sectionId } = await makeSection(s, admin));
    for (const status of ['draft', 'published', 'internal', 'archived']) byStatus[status] = await makeArticle(s, admin, sectionId, { status, title: `${status} ${unique('a')}` });
  });
  after(() => s.close());

  it('shows the editor flag on the agent and only admins may set it', async () => {
    const me = expectStatus(await call(s, 'GET', `/api/v1/agents/${editor.id}`, { as: plain }), 200);
    assert.equal(me.kbEditor, true);
    const self = await call(s, 'PATCH', `/api/v1/agents/${plain.id}`, { as: plain, body: { kbEditor: true } });
    assert.equal(self.status, 403);
    assert.equal(expectStatus(await call(s, 'GET', `/api/v1/agents/${plain.id}`, { as: admin }), 200).kbEditor, false);
  });

  it('lets an editor agent write while a plain agent and a read-only user get 403', async () => {
    const created = await makeArticle(s, editor, sectionId, { title: `Vom Editor ${unique('e')}` });
    assert.equal(created.editable, true);
    expectStatus(await call(s, 'PUT', `/api/v1/kb/articles/${created.id}/translations/en`, { as: editor, body: { baseVersion: 0, title: `By the editor ${unique('e')}` } }), 200);
    expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${created.id}`, { as: editor, body: { status: 'published' } }), 200);
    expectStatus(await call(s, 'POST', '/api/v1/kb/categories', { as: editor, body: { names: { de: 'Vom Editor' }, slug: unique('ed') } }), 201);

    for (const who of [plain, readonly]) {
      const writes = [
        await call(s, 'POST', '/api/v1/kb/articles', { as: who, body: { sectionId, locale: 'de', title: 'Nein' } }),
        await call(s, 'PUT', `/api/v1/kb/articles/${created.id}/translations/de`, { as: who, body: { baseVersion: 1, title: 'Nein' } }),
        await call(s, 'PATCH', `/api/v1/kb/articles/${created.id}`, { as: who, body: { status: 'archived' } }),
        await call(s, 'DELETE', `/api/v1/kb/articles/${created.id}`, { as: who }),
        await call(s, 'POST', `/api/v1/kb/articles/${created.id}/versions/de/1/restore`, { as: who, body: { baseVersion: 1 } }),
        await call(s, 'POST', '/api/v1/kb/categories', { as: who, body: { names: { de: 'Nein' } } }),
        await call(s, 'DELETE', `/api/v1/kb/sections/${sectionId}`, { as: who }),
      ];
      assert.deepEqual(writes.map((r) => r.status), writes.map(() => 403), `as ${who === plain ? 'a plain agent' : 'a read-only user'}`);
    }
    const still = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${created.id}`, { as: plain }), 200);
    assert.equal(still.status, 'published');
    assert.equal(still.editable, false);
  });

  it('never lets a read-only user write, even when flagged as editor', async () => {
    expectStatus(await call(s, 'PATCH', `/api/v1/agents/${readonly.id}`, { as: admin, body: { kbEditor: true } }), 200);
    const res = await call(s, 'POST', '/api/v1/kb/articles', { as: readonly, body: { sectionId, locale: 'de', title: 'Nein' } });
    assert.equal(res.status, 403);
  });

  it('takes editing away at once when the flag is removed', async () => {
    const temp = await makeEditor(s, admin);
    await makeArticle(s, temp, sectionId);
    expectStatus(await call(s, 'PATCH', `/api/v1/agents/${temp.id}`, { as: admin, body: { kbEditor: false } }), 200);
    assert.equal((await call(s, 'POST', '/api/v1/kb/articles', { as: temp, body: { sectionId, locale: 'de', title: 'Nicht mehr' } })).status, 403);
  });

  it('lets every agent read published and internal articles; drafts and archived ones are 404 for non-editors', async () => {
    for (const who of [plain, readonly]) {
      for (const [status, a] of Object.entries(byStatus)) {
        const expected = status === 'published' || status === 'internal' ? 200 : 404;
        const res = await call(s, 'GET', `/api/v1/kb/articles/${a.id}`, { as: who });
        assert.equal(res.status, expected, `${status} article`);
        const versions = await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de`, { as: who });
        assert.equal(versions.status, expected, `${status} article versions`);
        const one = await call(s, 'GET', `/api/v1/kb/articles/${a.id}/versions/de/1`, { as: who });
        assert.equal(one.status, expected, `${status} article version 1`);
      }
      const missing = await call(s, 'GET', '/api/v1/kb/articles/00000000-0000-4000-8000-00000000abcd', { as: who });
      const hidden = await call(s, 'GET', `/api/v1/kb/articles/${byStatus.draft!.id}`, { as: who });
      assert.deepEqual(hidden.body, missing.body, 'a hidden draft looks like a missing article');
    }
    for (const [status, a] of Object.entries(byStatus)) assert.equal((await call(s, 'GET', `/api/v1/kb/articles/${a.id}`, { as: editor })).status, 200, `editor reads ${status}`);
  });

  it('leaves drafts and archived articles out of lists, counts and related lists for non-editors', async () => {
    const list = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${sectionId}&limit=100`, { as: plain }), 200);
    const statuses = new Set(list.data.map((a: { status: string }) => a.status));
    assert.ok(!statuses.has('draft') && !statuses.has('archived'), [...statuses].join());
    const asked = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?status=draft`, { as: plain }), 200);
    assert.deepEqual(asked.data, []);
    const full = expectStatus(await call(s, 'GET', `/api/v1/kb/articles?sectionId=${sectionId}&limit=100`, { as: editor }), 200);
    assert.ok(full.data.length > list.data.length);

    const tree = async (who: TestAgent) => {
      const cats = expectStatus(await call(s, 'GET', '/api/v1/kb/categories', { as: who }), 200).data;
      return cats.flatMap((c: { sections: { id: string; articleCount: number }[] }) => c.sections).find((x: { id: string }) => x.id === sectionId).articleCount;
    };
    assert.equal(await tree(plain), list.data.length);
    assert.equal(await tree(editor), full.data.length);

    const withRelated = await makeArticle(s, admin, sectionId, { status: 'published', related: [byStatus.draft!.id, byStatus.internal!.id] });
    const seen = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${withRelated.id}`, { as: plain }), 200);
    assert.deepEqual(seen.related.map((r: { id: string }) => r.id), [byStatus.internal!.id]);
  });

  it('creates a draft from a reply only on tickets the editor may see', async () => {
    const teamA = await makeTeam(s, unique('Team A'), [editor]);
    const teamB = await makeTeam(s, unique('Team B'));
    const visible = await makeTicket(s, admin, { teamId: teamA.id, subject: 'Bondrucker: Papierstau beheben' });
    const hidden = await makeTicket(s, admin, { teamId: teamB.id, subject: 'Geheim' });
    const reply = async (ticketId: string) =>
      expectStatus(await call(s, 'POST', `/api/v1/tickets/${ticketId}/messages`, { as: admin, body: { kind: 'public', html: '<p>Klappe öffnen, <b>Rolle</b> einlegen.</p><script>alert(1)</script>' } }), 201).message;
    const good = await reply(visible.id);
    const secret = await reply(hidden.id);

    const draft = expectStatus(await call(s, 'POST', '/api/v1/kb/articles/from-message', { as: editor, body: { messageId: good.id, sectionId, locale: 'de' } }), 201);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.translations.de.title, 'Bondrucker: Papierstau beheben');
    assert.equal(draft.translations.de.slug, 'bondrucker-papierstau-beheben');
    assert.equal(draft.translations.de.bodyHtml, '<p>Klappe öffnen, <strong>Rolle</strong> einlegen.</p>');
    const again = expectStatus(await call(s, 'POST', '/api/v1/kb/articles/from-message', { as: editor, body: { messageId: good.id, sectionId, locale: 'de' } }), 201);
    assert.equal(again.translations.de.slug, 'bondrucker-papierstau-beheben-2');

    const refused = await call(s, 'POST', '/api/v1/kb/articles/from-message', { as: editor, body: { messageId: secret.id, sectionId, locale: 'de' } });
    const missing = await call(s, 'POST', '/api/v1/kb/articles/from-message', { as: editor, body: { messageId: '00000000-0000-4000-8000-00000000abcd', sectionId, locale: 'de' } });
    assert.equal(refused.status, 404);
    assert.deepEqual(refused.body, missing.body, 'a message of a hidden ticket looks like no message');
    assert.equal((await call(s, 'POST', '/api/v1/kb/articles/from-message', { as: plain, body: { messageId: good.id, sectionId, locale: 'de' } })).status, 403);
    const adminCan = await call(s, 'POST', '/api/v1/kb/articles/from-message', { as: admin, body: { messageId: secret.id, sectionId, locale: 'en' } });
    assert.equal(adminCan.status, 201, 'admins see every ticket');
  });
});
