import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';

const paths = (body: any): string[] => (body?.error?.details ?? []).map((d: { path: string }) => d.path);

describe('macros: shared and personal, shortcuts, search and placeholders', () => {
  let s: TestServer;
  let admin: TestAgent;
  let anna: TestAgent;
  let ben: TestAgent;
  let reader: TestAgent;
  let refund: any;
  let annasOwn: any;

  async function create(as: TestAgent, body: Record<string, unknown>, status = 201) {
    const res = await call(s, 'POST', '/api/v1/macros', { as, body });
    assert.equal(res.status, status, JSON.stringify(res.body));
    return res.body;
  }
  const names = async (as: TestAgent, query = '') => (await call(s, 'GET', `/api/v1/macros${query}`, { as })).body.data.map((m: { name: string }) => m.name);

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    anna = await makeAgent(s, { name: 'Anna Berger' });
    ben = await makeAgent(s, { name: 'Ben Krause' });
    reader = await makeAgent(s, { role: 'readonly', name: 'Rita Read' });
    await makeTeam(s, 'Support', [anna, ben, reader]);
    refund = await create(admin, {
      name: 'Refund granted',
      shortcut: '/Refund',
      scope: 'shared',
      texts: { en: 'Hello {{customer.first_name}}, your refund for #{{ticket.number}} is on its way.', de: 'Hallo {{ customer.first_name }}, Ihre Erstattung zu #{{ticket.number}} ist unterwegs.' },
      actions: { status: 'pending', priority: 'high', addTags: ['refund'] },
    });
    annasOwn = await create(anna, { name: 'Mein Gruß', shortcut: 'gruss', texts: { de: 'Viele Grüße, {{agent.first_name}}' } });
  });
  after(() => s?.close());

  it('stores a shared macro with its shortcut lower-cased, its texts and actions', () => {
    assert.equal(refund.scope, 'shared');
    assert.equal(refund.ownerId, null);
    assert.equal(refund.shortcut, 'refund');
    assert.deepEqual(Object.keys(refund.texts).sort(), ['de', 'en']);
    assert.deepEqual(refund.actions, { status: 'pending', priority: 'high', addTags: ['refund'] });
    assert.equal(refund.active, true);
    assert.equal(refund.usageCount, 0);
    assert.equal(refund.lastUsedAt, null);
  });

  it('lets only admins manage shared macros; read-only users manage none', async () => {
    const shared = await call(s, 'POST', '/api/v1/macros', { as: anna, body: { name: 'Sneaky', scope: 'shared', texts: { en: 'x' } } });
    assert.equal(shared.status, 403);
    assert.equal((await call(s, 'PATCH', `/api/v1/macros/${refund.id}`, { as: anna, body: { name: 'Mine now' } })).status, 403);
    assert.equal((await call(s, 'DELETE', `/api/v1/macros/${refund.id}`, { as: ben })).status, 403);
    assert.equal((await call(s, 'POST', '/api/v1/macros', { as: reader, body: { name: 'Mine', texts: { en: 'x' } } })).status, 403);
    const renamed = await call(s, 'PATCH', `/api/v1/macros/${refund.id}`, { as: admin, body: { name: 'Refund granted' } });
    assert.equal(renamed.status, 200);
    assert.deepEqual(await names(reader), ['Refund granted'], 'read-only users still see the shared macros');
  });

  it('keeps a personal macro to its owner: everyone else gets the 404 of an unknown id', async () => {
    assert.equal(annasOwn.scope, 'personal');
    assert.equal(annasOwn.ownerId, anna.id);
    assert.deepEqual(await names(anna), ['Mein Gruß', 'Refund granted']);
    assert.deepEqual(await names(ben), ['Refund granted']);
    assert.deepEqual(await names(admin), ['Refund granted'], 'admins do not see personal macros either');
    const unknown = await call(s, 'GET', `/api/v1/macros/${randomUUID()}`, { as: ben });
    for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'Taken' }], ['DELETE', undefined]] as const) {
      for (const as of [ben, admin]) {
        const res = await call(s, method, `/api/v1/macros/${annasOwn.id}`, { as, body });
        assert.equal(res.status, 404, `${method} as ${as === ben ? 'Ben' : 'admin'}`);
        assert.deepEqual(res.body, unknown.body);
      }
    }
    const own = await call(s, 'PATCH', `/api/v1/macros/${annasOwn.id}`, { as: anna, body: { texts: { de: 'Beste Grüße, {{agent.first_name}}', en: 'Best, {{agent.first_name}}' } } });
    assert.equal(own.status, 200);
    assert.deepEqual(own.body.texts, { de: 'Beste Grüße, {{agent.first_name}}', en: 'Best, {{agent.first_name}}' });
    assert.equal((await call(s, 'GET', `/api/v1/macros/${annasOwn.id}`, { as: anna })).body.name, 'Mein Gruß');
  });

  it('keeps shortcuts unique per scope, whatever their case', async () => {
    const dup = await call(s, 'POST', '/api/v1/macros', { as: admin, body: { name: 'Another refund', shortcut: 'REFUND', scope: 'shared', texts: { en: 'x' } } });
    assert.equal(dup.status, 409);
    assert.deepEqual(paths(dup.body), ['body.shortcut']);
    const mine = await create(ben, { name: 'My refund', shortcut: 'Refund', texts: { en: 'My own words.' } });
    assert.equal(mine.shortcut, 'refund', 'a personal shortcut may repeat a shared one');
    await create(anna, { name: 'Her refund', shortcut: 'refund', texts: { en: 'Anna’s words.' } });
    const again = await call(s, 'POST', '/api/v1/macros', { as: ben, body: { name: 'Second', shortcut: 'rEfUnD', texts: { en: 'x' } } });
    assert.equal(again.status, 409);
    const renamed = await call(s, 'PATCH', `/api/v1/macros/${annasOwn.id}`, { as: anna, body: { shortcut: 'REFUND' } });
    assert.equal(renamed.status, 409);
    const bad = await call(s, 'POST', '/api/v1/macros', { as: ben, body: { name: 'Spaces', shortcut: 'two words', texts: { en: 'x' } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(paths(bad.body), ['body.shortcut']);
    for (const m of [mine]) assert.equal((await call(s, 'DELETE', `/api/v1/macros/${m.id}`, { as: ben })).status, 204);
    assert.equal((await call(s, 'GET', `/api/v1/macros/${mine.id}`, { as: ben })).status, 404);
  });

  it('names the exact unknown placeholder and refuses a macro without any text', async () => {
    const res = await call(s, 'POST', '/api/v1/macros', {
      as: admin,
      body: { name: 'Typo', scope: 'shared', texts: { en: 'Hi {{customer.first_name}}, {{ customer.nickname }}', de: 'Hallo {{kunde.name}}' } },
    });
    assert.equal(res.status, 400);
    const details = res.body.error.details as { path: string; message: string }[];
    assert.deepEqual(details.map((d) => [d.path, d.message]), [
      ['body.texts.en', 'unknown placeholder {{ customer.nickname }}'],
      ['body.texts.de', 'unknown placeholder {{kunde.name}}'],
    ]);
    const empty = await call(s, 'POST', '/api/v1/macros', { as: anna, body: { name: 'Empty', texts: { en: '  ', de: '' } } });
    assert.equal(empty.status, 400);
    assert.deepEqual(paths(empty.body), ['body.texts.en']);
    const patch = await call(s, 'PATCH', `/api/v1/macros/${annasOwn.id}`, { as: anna, body: { texts: { de: 'Gruß {{agent.nachname}}' } } });
    assert.equal(patch.status, 400);
    assert.match(patch.body.error.details[0].message, /\{\{agent\.nachname\}\}/);
  });

  it('checks that the field actions name a team, an agent and fields that exist', async () => {
    const res = await call(s, 'POST', '/api/v1/macros', { as: admin, body: { name: 'Ghost team', scope: 'shared', texts: { en: 'x' }, actions: { teamId: randomUUID() } } });
    assert.equal(res.status, 400);
    assert.deepEqual(paths(res.body), ['body.actions.teamId']);
    const field = await call(s, 'POST', '/api/v1/macros', { as: admin, body: { name: 'Ghost field', scope: 'shared', texts: { en: 'x' }, actions: { custom: { nope: 'x' } } } });
    assert.equal(field.status, 400);
    assert.deepEqual(paths(field.body), ['body.actions.custom.nope']);
    const reader_ = await call(s, 'POST', '/api/v1/macros', { as: admin, body: { name: 'To a reader', scope: 'shared', texts: { en: 'x' }, actions: { assigneeId: reader.id } } });
    assert.equal(reader_.status, 400);
    assert.deepEqual(paths(reader_.body), ['body.actions.assigneeId']);
  });

  it('searches shortcut and name, shortcut prefix first, page by page', async () => {
    for (const [name, shortcut] of [['Return label', 'label'], ['Pre-sales answer', 'presales'], ['Reset password', 'pw'], ['Where is my order', 'wismo']] as const) {
      await create(admin, { name, shortcut, scope: 'shared', texts: { en: `${name}.` } });
    }
    // Shortcut starts with "re" (Refund, Anna's refund), then name starts with it, then contains it.
    const found = await names(anna, '?q=RE');
    assert.deepEqual(found, ['Her refund', 'Refund granted', 'Reset password', 'Return label', 'Pre-sales answer', 'Where is my order']);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await call(s, 'GET', `/api/v1/macros?q=re&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: anna });
      assert.equal(res.status, 200);
      assert.ok(res.body.data.length <= 2);
      pages.push(...res.body.data.map((m: { name: string }) => m.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.deepEqual(pages, found);
    assert.deepEqual(await names(anna, '?q=gruss'), ['Mein Gruß']);
    assert.deepEqual(await names(anna, '?scope=personal'), ['Her refund', 'Mein Gruß']);
    const off = await call(s, 'PATCH', `/api/v1/macros/${refund.id}`, { as: admin, body: { active: false } });
    assert.equal(off.body.active, false);
    assert.ok(!(await names(anna, '?active=true')).includes('Refund granted'));
    assert.ok((await names(anna, '?active=false')).includes('Refund granted'));
    await call(s, 'PATCH', `/api/v1/macros/${refund.id}`, { as: admin, body: { active: true } });
    assert.equal((await call(s, 'GET', '/api/v1/macros?q=%25', { as: anna })).body.data.length, 0, 'a % in the query is a character, not a wildcard');
  });
});
