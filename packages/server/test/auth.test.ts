import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
before(async () => {
  s = await startTestServer({ env: { LOGIN_MAX_FAILURES: '3' } });
});
after(() => s.close());

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return first.split(';')[0]!;
}

describe('setup', () => {
  it('creates the first admin once, then the setup route is gone', async () => {
    assert.deepEqual((await call(s, 'GET', '/api/v1/setup')).body, { needsSetup: true });
    const page = await s.servus.app.inject({ method: 'GET', url: '/setup' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Create the administrator/);
    const bad = await call(s, 'POST', '/api/v1/setup', { body: { name: 'A', email: 'not-an-email', password: 'short' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.map((d: { path: string }) => d.path).sort(), ['body.email', 'body.password']);

    const ok = await call(s, 'POST', '/api/v1/setup', { body: { name: 'Ada', email: 'Ada@Example.com', password: 'correct horse battery' } });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.agent.role, 'admin');
    assert.equal(ok.body.agent.email, 'ada@example.com');
    const cookie = ok.headers['set-cookie'] as string;
    assert.match(String(cookie), /HttpOnly/i);
    assert.match(String(cookie), /SameSite=Lax/i);

    const again = await call(s, 'POST', '/api/v1/setup', { body: { name: 'Eve', email: 'eve@example.com', password: 'correct horse battery' } });
    assert.equal(again.status, 404);
    assert.equal((await s.servus.app.inject({ method: 'GET', url: '/setup' })).statusCode, 404);
  });
});

describe('login', () => {
  it('signs in with a session cookie and requires the CSRF token for writes', async () => {
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: 'ADA@example.com', password: 'correct horse battery' } });
    assert.equal(login.status, 200);
    const cookie = cookieOf(login);
    const me = await call(s, 'GET', '/api/v1/auth/me', { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(me.body.agent.name, 'Ada');

    const body = { name: 'Support' };
    const noCsrf = await call(s, 'POST', '/api/v1/teams', { headers: { cookie }, body });
    assert.equal(noCsrf.status, 403);
    assert.equal((await call(s, 'GET', '/api/v1/teams', { headers: { cookie } })).body.data.length, 0);
    const withCsrf = await call(s, 'POST', '/api/v1/teams', { headers: { cookie, 'x-csrf-token': login.body.csrfToken }, body });
    assert.equal(withCsrf.status, 201);

    const out = await call(s, 'POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': login.body.csrfToken } });
    assert.equal(out.status, 204);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { cookie } })).status, 401);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const wrong = await call(s, 'POST', '/api/v1/auth/login', { body: { email: 'ada@example.com', password: 'nope nope nope' } });
    const unknown = await call(s, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'nope nope nope' } });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
  });

  it('locks an account after repeated failures with 429 and Retry-After, known or not', async () => {
    for (const email of ['locked@example.com', 'ada@example.com']) {
      for (let i = 0; i < 3; i++) await call(s, 'POST', '/api/v1/auth/login', { body: { email, password: 'bad password!' }, headers: { 'x-forwarded-for': `10.0.0.${i}` } });
      const res = await call(s, 'POST', '/api/v1/auth/login', { body: { email, password: 'bad password!' } });
      assert.equal(res.status, 429, email);
      assert.ok(Number(res.headers['retry-after']) > 0);
      assert.equal(res.body.error.code, 'rate_limited');
    }
    // Even the right password is refused while locked.
    const right = await call(s, 'POST', '/api/v1/auth/login', { body: { email: 'ada@example.com', password: 'correct horse battery' } });
    assert.equal(right.status, 429);
  });
});

describe('API tokens', () => {
  it('authenticate with Bearer, are stored hashed and can be revoked only by their owner', async () => {
    const a = await makeAgent(s);
    const b = await makeAgent(s);
    const created = await call(s, 'POST', '/api/v1/me/tokens', { as: a, body: { name: 'CI' } });
    assert.equal(created.status, 201);
    const secret: string = created.body.secret;
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}` } })).body.agent.id, a.id);

    const rows = await s.servus.services.database.raw.executeSql('select token_hash from api_tokens where id = $1', [created.body.token.id]);
    assert.notEqual(rows.rows[0].token_hash, secret);
    assert.ok(!JSON.stringify(rows.rows).includes(secret));

    assert.equal((await call(s, 'DELETE', `/api/v1/me/tokens/${created.body.token.id}`, { as: b })).status, 404);
    assert.equal((await call(s, 'DELETE', `/api/v1/me/tokens/${created.body.token.id}`, { as: a })).status, 204);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}` } })).status, 401);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { authorization: 'Bearer ' } })).status, 401);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { authorization: 'Basic abc' } })).status, 401);
  });

  it('a password change ends other sessions and revokes tokens', async () => {
    const a = await makeAgent(s);
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: a.email, password: a.password } });
    const cookie = cookieOf(login);
    const wrong = await call(s, 'POST', '/api/v1/auth/password', { as: a, body: { currentPassword: 'not it at all', newPassword: 'a new long password' } });
    assert.equal(wrong.status, 400);
    const ok = await call(s, 'POST', '/api/v1/auth/password', { as: a, body: { currentPassword: a.password, newPassword: 'a new long password' } });
    assert.equal(ok.status, 204);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { cookie } })).status, 401);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { as: a })).status, 401);
  });

  it('a deactivated agent can no longer sign in or use tokens; the last admin stays', async () => {
    const admin = await makeAgent(s, { role: 'admin' });
    const a = await makeAgent(s);
    const off = await call(s, 'PATCH', `/api/v1/agents/${a.id}`, { as: admin, body: { active: false } });
    assert.equal(off.status, 200);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { as: a })).status, 401);
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: a.email, password: a.password } });
    assert.equal(login.status, 401);
    const self = await call(s, 'PATCH', `/api/v1/agents/${a.id}`, { as: a, body: { role: 'admin' } });
    assert.equal(self.status, 401);
  });

  it('rejects role escalation through the self-service endpoint', async () => {
    const a = await makeAgent(s);
    const res = await call(s, 'PATCH', '/api/v1/auth/me', { as: a, body: { role: 'admin' } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.details, [{ path: 'body.role', message: 'unknown field' }]);
    const viaAgents = await call(s, 'PATCH', `/api/v1/agents/${a.id}`, { as: a, body: { role: 'admin' } });
    assert.equal(viaAgents.status, 403);
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { as: a })).body.agent.role, 'agent');
  });
});

describe('session check', () => {
  it('tells an anonymous caller nothing and never answers 401', async () => {
    const anon = await call(s, 'GET', '/api/v1/auth/session');
    assert.equal(anon.status, 200);
    assert.deepEqual(anon.body, { agent: null, teamIds: [], csrfToken: null });
    const a = await makeAgent(s);
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: a.email, password: a.password } });
    const mine = await call(s, 'GET', '/api/v1/auth/session', { headers: { cookie: cookieOf(login) } });
    assert.equal(mine.body.agent.id, a.id);
    assert.equal(mine.body.csrfToken, login.body.csrfToken);
  });
});
