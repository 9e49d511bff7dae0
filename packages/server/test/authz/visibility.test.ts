/**
 * Team Y's ticket stays out of reach of team X wherever tickets are gathered or referenced:
 * ticket lists under every filter, full-text and number search, a contact's and an
 * organization's tickets, saved views and their counts, bulk updates, merges in both
 * directions, and attachment downloads and bindings. Every refusal looks like a missing id
 * and changes nothing. Membership changes, demotion and deactivation take effect on the very
 * next request. Each check also shows that someone allowed does see the ticket, so an empty
 * answer means "hidden" and not "broken".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type TestServer } from '../harness.ts';
import { assertUnchanged, observe, tyState, withoutSideEffects } from './observe.ts';
import { assertLikeNonexistent, listedIds, nameOf } from './checks.ts';
import { buildWorld, nobody, ok, type World } from './world.ts';

let s: TestServer;
let w: World;
let tyAtStart: Awaited<ReturnType<typeof tyState>>;

before(async () => {
  s = await startTestServer();
  w = await buildWorld(s);
  tyAtStart = await tyState(w);
});
after(() => s?.close());

describe('lists, search, bulk and merge never reach another team’s ticket', () => {
  it('GET /api/v1/tickets as Ax or Rx lists none of team Y’s tickets, whatever the filter', async () => {
    const filters = ['', `?teamId=${w.teamY.id}`, `?tag=${w.tyTags[1]}`, `?assigneeId=${w.ay.id}`, `?requesterId=${w.contact.id}`, `?organizationId=${w.organization.id}`, '?status=new,open,pending'];
    for (const f of filters) {
      for (const as of [w.ax, w.rx]) {
        assert.ok(!(await listedIds(w, `/api/v1/tickets${f}`, as)).includes(w.ty.id), `GET /api/v1/tickets${f} as ${nameOf(w, as)} lists team Y's ticket`);
      }
    }
    assert.ok((await listedIds(w, `/api/v1/tickets?teamId=${w.teamY.id}`, w.admin)).includes(w.ty.id), 'the admin should see team Y’s ticket');
    assert.ok((await listedIds(w, '/api/v1/tickets', w.ax)).includes(w.tx.id), 'Ax should see team X’s ticket');
  });

  it('GET /api/v1/search as Ax or Rx finds nothing of team Y’s ticket, by word or by number', async () => {
    for (const q of [w.tyWord, `%23${w.ty.number}`, String(w.ty.number)]) {
      for (const as of [w.ax, w.rx]) {
        const res = await call(s, 'GET', `/api/v1/search?q=${q}`, { as });
        assert.equal(res.status, 200, `search ${q} as ${nameOf(w, as)}`);
        assert.deepEqual(res.body.data.filter((t: { id: string }) => t.id === w.ty.id), [], `search ${q} as ${nameOf(w, as)} finds team Y's ticket`);
      }
      const admin = await call(s, 'GET', `/api/v1/search?q=${q}`, { as: w.admin });
      assert.ok(admin.body.data.some((t: { id: string }) => t.id === w.ty.id), `the admin's search for ${q} should find team Y's ticket`);
    }
  });

  for (const kind of ['contacts', 'organizations'] as const) {
    it(`GET /api/v1/${kind}/{id}/tickets as Ax or Rx leaves out team Y’s ticket`, async () => {
      const url = `/api/v1/${kind}/${kind === 'contacts' ? w.contact.id : w.organization.id}/tickets`;
      for (const as of [w.ax, w.rx]) {
        const ids = await listedIds(w, url, as);
        assert.ok(!ids.includes(w.ty.id), `${url} as ${nameOf(w, as)} lists team Y's ticket`);
        assert.ok(ids.includes(w.tx.id), `${url} as ${nameOf(w, as)} should list team X's ticket`);
      }
      assert.ok((await listedIds(w, url, w.admin)).includes(w.ty.id), `${url} as admin should list team Y's ticket`);
    });
  }

  it('POST /api/v1/tickets/bulk as Ax reports team Y’s ticket as not_found like a nonexistent one and changes nothing', async () => {
    const none = nobody();
    const res = await withoutSideEffects(w, 'bulk as Ax', () =>
      call(s, 'POST', '/api/v1/tickets/bulk', { as: w.ax, body: { ids: [w.ty.id, none], changes: { status: 'solved', addTags: ['pwned'], assigneeId: w.ax.id } } }),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byId = (id: string) => res.body.results.find((r: { id: string }) => r.id === id);
    assert.equal(byId(w.ty.id)?.error?.code, 'not_found', `bulk result for team Y's ticket: ${JSON.stringify(byId(w.ty.id))}`);
    assert.deepEqual({ ...byId(w.ty.id), id: 'x' }, { ...byId(none), id: 'x' }, 'bulk results for a hidden and a nonexistent ticket differ');
  });

  it('merging team Y’s ticket into team X’s, or the other way round, as Ax is 404 like a nonexistent id and moves nothing', async () => {
    const merge = (target: string, source: string) => () => call(s, 'POST', `/api/v1/tickets/${target}/merge`, { as: w.ax, body: { sourceIds: [source] } });
    const yIntoX = await withoutSideEffects(w, 'merge Ty into Tx as Ax', merge(w.tx.id, w.ty.id));
    const noneIntoX = await withoutSideEffects(w, 'merge a nonexistent ticket into Tx as Ax', merge(w.tx.id, nobody()));
    assertLikeNonexistent(yIntoX, noneIntoX, 'merge Ty into Tx as Ax');
    const xIntoY = await withoutSideEffects(w, 'merge Tx into Ty as Ax', merge(w.ty.id, w.tx.id));
    const xIntoNone = await withoutSideEffects(w, 'merge Tx into a nonexistent ticket as Ax', merge(nobody(), w.tx.id));
    assertLikeNonexistent(xIntoY, xIntoNone, 'merge Tx into Ty as Ax');
  });

  it('Ax can neither download nor bind team Y’s attachment or Ay’s unsent upload', async () => {
    for (const [what, id] of [["Ty's attachment", w.tyAttachment.id], ["Ay's unsent upload", w.ayUpload.id]]) {
      const hidden = await withoutSideEffects(w, `download ${what} as Ax`, () => call(s, 'GET', `/api/v1/attachments/${id}`, { as: w.ax }));
      const none = await call(s, 'GET', `/api/v1/attachments/${nobody()}`, { as: w.ax });
      assertLikeNonexistent(hidden, none, `GET /api/v1/attachments/{id} as Ax on ${what}`);

      const reply = (ref: string) => () => call(s, 'POST', `/api/v1/tickets/${w.tx.id}/messages`, { as: w.ax, body: { kind: 'note', text: 'mine now', attachmentIds: [ref] } });
      const bind = await withoutSideEffects(w, `bind ${what} to Tx as Ax`, reply(id));
      const other = nobody();
      const bindNone = await withoutSideEffects(w, 'bind a nonexistent upload to Tx as Ax', reply(other));
      assert.equal(bind.status, 400, `binding ${what}: ${JSON.stringify(bind.body)}`);
      assert.equal(JSON.stringify(bind.body).replaceAll(id, 'ID'), JSON.stringify(bindNone.body).replaceAll(other, 'ID'), `binding ${what} answers differently from a nonexistent upload`);
    }
  });
});

describe('saved views never show another team’s or agent’s queue', () => {
  it('GET /api/v1/views and /views/counts as Ax leave out Ay’s personal view, team Y’s shared view and team Y’s built-in queue', async () => {
    const hiddenIds = [w.ayView.id, w.teamYView.id, `team:${w.teamY.id}`];
    const list = await call(s, 'GET', '/api/v1/views', { as: w.ax });
    assert.equal(list.status, 200);
    const ids = list.body.data.map((v: { id: string }) => v.id);
    assert.deepEqual(ids.filter((id: string) => hiddenIds.includes(id)), [], 'GET /api/v1/views as Ax');
    assert.ok(ids.includes(w.teamXView.id) && ids.includes(`team:${w.teamX.id}`), 'Ax should see team X’s views');
    const counts = await call(s, 'GET', '/api/v1/views/counts', { as: w.ax });
    assert.deepEqual(Object.keys(counts.body.counts).filter((id) => hiddenIds.includes(id)), [], 'GET /api/v1/views/counts as Ax');
    const admin = await call(s, 'GET', '/api/v1/views', { as: w.admin });
    assert.ok(admin.body.data.some((v: { id: string }) => v.id === w.teamYView.id), 'the admin should see team Y’s shared view');
  });

  it('team Y’s built-in queue as Ax is 404 like a nonexistent team’s, and Ax’s queues leave out team Y’s ticket', async () => {
    const hidden = await withoutSideEffects(w, 'team Y queue as Ax', () => call(s, 'GET', `/api/v1/views/team:${w.teamY.id}/tickets`, { as: w.ax }));
    const none = await call(s, 'GET', `/api/v1/views/team:${nobody()}/tickets`, { as: w.ax });
    assertLikeNonexistent(hidden, none, 'GET /api/v1/views/{id}/tickets as Ax on team Y’s queue');
    for (const view of ['all_open', 'unassigned', w.teamXView.id]) {
      assert.ok(!(await listedIds(w, `/api/v1/views/${view}/tickets`, w.ax)).includes(w.ty.id), `view ${view} as Ax lists team Y's ticket`);
    }
    assert.ok((await listedIds(w, '/api/v1/views/all_open/tickets', w.admin)).includes(w.ty.id), 'the admin’s all-open queue should list team Y’s ticket');
  });
});

describe('membership, role and deactivation take effect on the next request', () => {
  it('an agent removed from team Y loses access to its ticket at once', async () => {
    const ay2 = await makeAgent(s, { name: 'Ay2' });
    ok(await call(s, 'PATCH', `/api/v1/teams/${w.teamY.id}`, { as: w.admin, body: { memberIds: [w.ay.id, ay2.id] } }), 'join team Y');
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${w.ty.id}`, { as: ay2 })).status, 200, 'a member of team Y should see its ticket');
    ok(await call(s, 'PATCH', `/api/v1/teams/${w.teamY.id}`, { as: w.admin, body: { memberIds: [w.ay.id] } }), 'leave team Y');

    for (const path of [`/api/v1/tickets/${w.ty.id}`, `/api/v1/tickets/${w.ty.id}/messages`, `/api/v1/tickets/${w.ty.id}/events`, `/api/v1/attachments/${w.tyAttachment.id}`]) {
      const hidden = await call(s, 'GET', path, { as: ay2 });
      const none = await call(s, 'GET', path.replace(/[0-9a-f-]{36}/, nobody()), { as: ay2 });
      assertLikeNonexistent(hidden, none, `GET ${path} by an agent who left team Y`);
    }
    const write = await withoutSideEffects(w, 'PATCH Ty by an agent who left team Y', () => call(s, 'PATCH', `/api/v1/tickets/${w.ty.id}`, { as: ay2, body: { status: 'solved' } }));
    assert.equal(write.status, 404, `PATCH by an agent who left team Y: ${JSON.stringify(write.body)}`);
    assert.ok(!(await listedIds(w, `/api/v1/tickets?teamId=${w.teamY.id}`, ay2)).includes(w.ty.id), 'the list still shows team Y’s ticket');
    const found = await call(s, 'GET', `/api/v1/search?q=${w.tyWord}`, { as: ay2 });
    assert.deepEqual(found.body.data, [], 'search still finds team Y’s ticket');
  });

  it('an admin demoted to agent loses access to other teams’ tickets and admin routes at once', async () => {
    const boss = await makeAgent(s, { role: 'admin', name: 'Demoted' });
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${w.ty.id}`, { as: boss })).status, 200, 'an admin should see team Y’s ticket');
    ok(await call(s, 'PATCH', `/api/v1/agents/${boss.id}`, { as: w.admin, body: { role: 'agent' } }), 'demote');
    const hidden = await call(s, 'GET', `/api/v1/tickets/${w.ty.id}`, { as: boss });
    const none = await call(s, 'GET', `/api/v1/tickets/${nobody()}`, { as: boss });
    assertLikeNonexistent(hidden, none, 'GET /api/v1/tickets/{id} by a demoted admin on team Y’s ticket');
    const admin = await withoutSideEffects(w, 'PATCH a team by a demoted admin', () => call(s, 'PATCH', `/api/v1/teams/${w.teamY.id}`, { as: boss, body: { memberIds: [boss.id] } }));
    assert.equal(admin.status, 403, `PATCH /api/v1/teams/{id} by a demoted admin: ${JSON.stringify(admin.body)}`);
  });

  it('a deactivated agent’s API token and session answer 401', async () => {
    const d = await makeAgent(s, { name: 'Leaving' });
    ok(await call(s, 'PATCH', `/api/v1/teams/${w.teamY.id}`, { as: w.admin, body: { memberIds: [w.ay.id, d.id] } }), 'join team Y');
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: d.email, password: d.password } });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const session = { cookie, 'x-csrf-token': String(login.body.csrfToken) };
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${w.ty.id}`, { as: d })).status, 200, 'with the token before deactivation');
    assert.equal((await call(s, 'GET', `/api/v1/tickets/${w.ty.id}`, { headers: session })).status, 200, 'with the session before deactivation');

    ok(await call(s, 'PATCH', `/api/v1/agents/${d.id}`, { as: w.admin, body: { active: false } }), 'deactivate');
    const before = await observe(w);
    for (const [how, auth] of [['token', { as: d }], ['session', { headers: session }]] as const) {
      for (const [method, url, body] of [['GET', `/api/v1/tickets/${w.ty.id}`], ['GET', '/api/v1/auth/me'], ['PATCH', `/api/v1/tickets/${w.ty.id}`, { status: 'solved' }]] as const) {
        const res = await call(s, method, url, { ...auth, body });
        assert.equal(res.status, 401, `${method} ${url} with a deactivated agent's ${how}: ${JSON.stringify(res.body)}`);
      }
    }
    assertUnchanged(before, await observe(w), 'requests of a deactivated agent');
    assert.equal((await call(s, 'POST', '/api/v1/auth/login', { body: { email: d.email, password: d.password } })).status, 401, 'sign-in of a deactivated agent');
  });
});

describe('after all of the above', () => {
  it('team Y’s ticket is exactly as Ay left it', async () => {
    assert.deepEqual(await tyState(w), tyAtStart);
  });
});
