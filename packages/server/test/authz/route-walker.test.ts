/**
 * Authorization walk over the whole API, generated from the route table.
 *
 * The OpenAPI document (`GET /api/docs/json`) is the route table; `route-cases.ts` holds one
 * case per route, and this suite fails when a documented route has no case or a case names a
 * route that is gone. For every route it guarantees:
 *
 * - the request its case builds works for a caller who is allowed, so every refusal below is
 *   a refusal and not a broken request;
 * - anonymous callers get 401 except on exactly the public routes, also when the path is
 *   percent-encoded or the method is HEAD;
 * - an agent of team X pointed at team Y's ticket, attachment or saved view, or at another
 *   agent's API token, gets the same 404 as for an id that does not exist, and nothing changes:
 *   no table changes (see observe.ts) and team Y's ticket keeps its version, update time,
 *   status, tags, messages and event log. Shared objects (contacts, organizations, agents,
 *   teams, fields) answer by role instead: admin-only routes are 403 for everyone else;
 * - every id that does not exist is 404;
 * - a read-only user gets 403 on every write and every admin route (404 where the object is
 *   invisible to them), changes nothing, and can read everything else visible to them; their own account (sign-out,
 *   password, personal tokens) they manage like anyone else;
 * - create and change routes refuse fields the client must not set with 400 naming the field,
 *   and change nothing.
 *
 * Lists, search, bulk, merge, views and membership changes are in visibility.test.ts. Runs on
 * PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type Res, type TestAgent, type TestServer } from '../harness.ts';
import { CASES, FORBIDDEN_FIELDS, PUBLIC_ROUTES, type RouteCase } from './route-cases.ts';
import { PRIVATE_KINDS, freshObject, theirObject, visibleObject } from './objects.ts';
import { assertUnchanged, observe, tyState, withoutSideEffects } from './observe.ts';
import { assertLikeNonexistent, nameOf } from './checks.ts';
import { buildWorld, nobody, send, type Method, type Req, type World } from './world.ts';

let s: TestServer;
let w: World;
let tyAtStart: Awaited<ReturnType<typeof tyState>>;

before(async () => {
  s = await startTestServer();
  w = await buildWorld(s);
  tyAtStart = await tyState(w);
});
after(() => s?.close());

const entries = Object.entries(CASES);
const methodOf = (key: string) => key.split(' ')[0] as Method;
const isPrivate = (c: RouteCase) => c.object !== undefined && PRIVATE_KINDS.has(c.object);
const build = (c: RouteCase, as: TestAgent | null, id: string): Promise<Req> => Promise.resolve(c.request({ w, as, id }));

/** The caller a case's positive control runs as. */
async function allowedCaller(c: RouteCase): Promise<TestAgent | null> {
  switch (c.access) {
    case 'public': return null;
    case 'self': return makeAgent(s);
    case 'shared': return w.ax;
    case 'admin': return w.admin;
    case 'ticket': return w.ay;
  }
}

/** Builds and sends a request that must be refused, asserting that nothing changed. */
async function refused(key: string, c: RouteCase, as: TestAgent | null, id: string, target: string): Promise<Res> {
  const req = await build(c, as, id);
  return withoutSideEffects(w, `${key} as ${nameOf(w, as)} on ${target}`, () => send(s, methodOf(key), req, as));
}

describe('route table', () => {
  it('every documented route has a case and every case a documented route', async () => {
    const doc = await call(s, 'GET', '/api/docs/json');
    assert.equal(doc.status, 200);
    const documented = Object.entries<Record<string, unknown>>(doc.body.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    assert.ok(documented.length > 40, `the OpenAPI document lists only ${documented.length} routes`);
    assert.deepEqual(documented.filter((k) => !(k in CASES)).sort(), [], 'routes without a case in route-cases.ts');
    assert.deepEqual(Object.keys(CASES).filter((k) => !documented.includes(k)).sort(), [], 'cases for routes that no longer exist');
  });

  it('the public routes are exactly setup, sign-in, the session check, health and the invitation links', () => {
    assert.deepEqual(entries.filter(([, c]) => c.access === 'public').map(([k]) => k).sort(), [...PUBLIC_ROUTES].sort());
  });

  it('a case names an object exactly when its path has a parameter, and every create or change route is probed for unknown fields', () => {
    for (const [key, c] of entries) {
      assert.equal(c.object !== undefined, key.includes('{'), `${key}: object and path parameters disagree`);
      if (['POST', 'PATCH', 'PUT'].includes(methodOf(key))) assert.ok(c.mass !== undefined, `${key}: say how unknown fields are probed`);
    }
  });

  it('the side-effect check notices a change', async () => {
    const before = await observe(w);
    assert.equal((await call(s, 'POST', '/api/v1/tags', { as: w.ax, body: { name: 'detector' } })).status, 201);
    const after = await observe(w);
    assert.throws(() => assertUnchanged(before, after, 'a new tag'), /the database changed/);
  });
});

describe('positive controls: each case builds a request its allowed caller can make', () => {
  for (const [key, c] of entries) {
    it(`${key} as its allowed caller → ${c.ok}`, async () => {
      const as = await allowedCaller(c);
      const id = c.object ? await freshObject(w, c.object, as) : '';
      const res = await send(s, methodOf(key), await build(c, as, id), as);
      assert.equal(res.status, c.ok, `${key} as ${nameOf(w, as)}: ${JSON.stringify(res.body)}`);
    });
  }
});

/** The same route reached through equivalent URLs: percent-encoded letters in the path. */
const DISGUISES = [(url: string) => url.replace('/api/', '/%61pi/'), (url: string) => url.replace('/v1/', '/%761/')];

describe('anonymous callers', () => {
  for (const [key, c] of entries) {
    const expected = c.access === 'public' ? c.ok : 401;
    it(`${key} anonymously → ${expected}`, async () => {
      if (c.access === 'public') {
        const id = c.object ? await freshObject(w, c.object, null) : '';
        const res = await send(s, methodOf(key), await build(c, null, id), null);
        assert.equal(res.status, expected, `${key} anonymously: ${JSON.stringify(res.body)}`);
        return;
      }
      const res = await refused(key, c, null, c.object ? theirObject(w, c.object) : '', 'team Y');
      assert.equal(res.status, 401, `${key} anonymously: expected 401, got ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body?.error?.code, 'unauthorized', `${key} anonymously: error code`);
    });
  }
  for (const [key, c] of entries.filter(([, c]) => c.access !== 'public')) {
    it(`${key} anonymously with a percent-encoded path, or as HEAD → refused, nothing changed`, async () => {
      const req = await build(c, null, c.object ? theirObject(w, c.object) : '');
      const variants: [Method, string][] = DISGUISES.map((d) => [methodOf(key), d(req.url)]);
      if (methodOf(key) === 'GET') variants.push(['HEAD', req.url], ['HEAD', DISGUISES[0]!(req.url)]);
      for (const [method, url] of variants) {
        const res = await withoutSideEffects(w, `${method} ${url} anonymously`, () => send(s, method, { ...req, url }, null));
        assert.ok([401, 404].includes(res.status), `${method} ${url} anonymously: expected 401 (or 404), got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    });
  }
});

describe('an agent of team X pointed at team Y’s objects', () => {
  for (const [key, c] of entries.filter(([, c]) => c.object)) {
    const kind = c.object!;
    // Invitations are reached by the secret in their path, so only the nonexistent case applies to them.
    if (isPrivate(c)) {
      it(`${key} as Ax on team Y's ${kind} → 404 like a nonexistent id, nothing changed`, async () => {
        const hidden = await refused(key, c, w.ax, theirObject(w, kind), `team Y's ${kind}`);
        const none = await refused(key, c, w.ax, nobody(), `a nonexistent ${kind}`);
        assertLikeNonexistent(hidden, none, `${key} as Ax on team Y's ${kind}`);
        if (methodOf(key) === 'GET') {
          const head = await send(s, 'HEAD', await build(c, w.ax, theirObject(w, kind)), w.ax);
          assert.equal(head.status, 404, `HEAD for ${key} as Ax on team Y's ${kind}`);
        }
      });
    } else if (c.access !== 'public') {
      const expected = c.access === 'admin' ? 403 : c.ok;
      it(`${key} as Ax on a shared ${kind} → ${expected}`, async () => {
        const id = theirObject(w, kind);
        const res = expected === 403 ? await refused(key, c, w.ax, id, `team Y's ${kind}`) : await send(s, methodOf(key), await build(c, w.ax, id), w.ax);
        assert.equal(res.status, expected, `${key} as Ax: ${JSON.stringify(res.body)}`);
      });
    }
    it(`${key} as admin on a nonexistent ${kind} → 404, nothing changed`, async () => {
      const res = await refused(key, c, w.admin, nobody(), `a nonexistent ${kind}`);
      assert.equal(res.status, 404, `${key} as admin on a nonexistent ${kind}: expected 404, got ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body?.error?.code, 'not_found', `${key}: error code`);
    });
  }
});

describe('the read-only user Rx (team X)', () => {
  for (const [key, c] of entries.filter(([, c]) => c.access !== 'public' && c.access !== 'self')) {
    const target = c.object ? `team X's ${c.object}` : 'no object';
    if (c.write || c.access === 'admin') {
      it(`${key} as Rx → 403, nothing changed`, async () => {
        const id = c.object ? await visibleObject(w, c.object, w.rx) : '';
        const res = await refused(key, c, w.rx, id, target);
        assert.equal(res.status, 403, `${key} as Rx on ${target}: expected 403, got ${res.status} ${JSON.stringify(res.body)}`);
        assert.equal(res.body?.error?.code, 'forbidden', `${key} as Rx: error code`);
      });
    } else {
      it(`${key} as Rx → ${c.ok}`, async () => {
        const id = c.object ? await visibleObject(w, c.object, w.rx) : '';
        const res = await send(s, methodOf(key), await build(c, w.rx, id), w.rx);
        assert.equal(res.status, c.ok, `${key} as Rx on ${target}: ${JSON.stringify(res.body)}`);
      });
    }
    if (isPrivate(c)) {
      it(`${key} as Rx on team Y's ${c.object} → 404 like a nonexistent id, nothing changed`, async () => {
        const hidden = await refused(key, c, w.rx, theirObject(w, c.object!), `team Y's ${c.object}`);
        const none = await refused(key, c, w.rx, nobody(), `a nonexistent ${c.object}`);
        assertLikeNonexistent(hidden, none, `${key} as Rx on team Y's ${c.object}`);
      });
    }
  }
  for (const [key, c] of entries.filter(([, c]) => c.access === 'self')) {
    it(`${key} as a read-only user on their own account → ${c.ok}`, async () => {
      const as = await makeAgent(s, { role: 'readonly' });
      const id = c.object ? await freshObject(w, c.object, as) : '';
      const res = await send(s, methodOf(key), await build(c, as, id), as);
      assert.equal(res.status, c.ok, `${key} as a read-only user: ${JSON.stringify(res.body)}`);
    });
  }
});

/** Probe values that look plausible, so a lax schema would take them. */
const PROBE_VALUES: Record<string, unknown> = {
  role: 'admin',
  isAdmin: true,
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: '2000-01-01T00:00:00.000Z',
  version: 1,
  passwordHash: 'x',
  password: 'a long enough password',
  tenantId: '00000000-0000-4000-8000-000000000002',
  accountId: '00000000-0000-4000-8000-000000000003',
  ownerId: '00000000-0000-4000-8000-000000000004',
};

/** The case's valid request with one probe field added, and the path the error must name. */
function withProbe(req: Req, mass: Exclude<RouteCase['mass'], string | undefined>, field: string, at: string | null): { req: Req; path: string } {
  const value = PROBE_VALUES[field];
  if (mass.in === 'query') return { req: { ...req, url: `${req.url}&${field}=${encodeURIComponent(String(value))}` }, path: `querystring.${field}` };
  const body = { ...(req.body as Record<string, unknown>) };
  if (at) body[at] = { ...(body[at] as Record<string, unknown>), [field]: value };
  else body[field] = value;
  return { req: { ...req, body }, path: at ? `body.${at}.${field}` : `body.${field}` };
}

describe('mass assignment: create and change routes refuse fields the client must not set', () => {
  it('every forbidden field has a probe value', () => {
    assert.deepEqual(FORBIDDEN_FIELDS.filter((f) => !(f in PROBE_VALUES)), []);
  });
  for (const [key, c] of entries) {
    const mass = c.mass;
    if (typeof mass !== 'object') continue;
    const fields = FORBIDDEN_FIELDS.filter((f) => !mass.accepts?.includes(f));
    it(`${key} with ${fields.join(', ')} → 400 naming the field, nothing changed`, async () => {
      const as = await allowedCaller(c);
      const id = c.object ? await freshObject(w, c.object, as) : '';
      for (const field of fields) {
        for (const at of [null, ...(mass.nested ?? [])]) {
          const { req, path } = withProbe(await build(c, as, id), mass, field, at);
          const what = `${key} as ${nameOf(w, as)} with ${path}`;
          const res = await withoutSideEffects(w, what, () => send(s, methodOf(key), req, as));
          assert.equal(res.status, 400, `${what}: expected 400, got ${res.status} ${JSON.stringify(res.body)}`);
          const paths = (res.body?.error?.details ?? []).map((d: { path: string }) => d.path);
          assert.ok(paths.includes(path), `${what}: details should name ${path}, got ${JSON.stringify(res.body?.error)}`);
        }
      }
    });
  }
});

describe('after the walk', () => {
  it('team Y’s ticket is exactly as Ay left it', async () => {
    assert.deepEqual(await tyState(w), tyAtStart);
  });
});
