import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';

let s: TestServer;
let agent: TestAgent;
let other: TestAgent;
before(async () => {
  s = await startTestServer({ env: { ATTACHMENT_LIMIT_BYTES: String(64 * 1024) } });
  agent = await makeAgent(s);
  other = await makeAgent(s);
});
after(() => s.close());

async function upload(as: TestAgent, filename: string, body: Buffer, contentType = 'application/octet-stream') {
  const res = await s.servus.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?filename=${encodeURIComponent(filename)}`,
    headers: { ...as.auth, 'content-type': contentType },
    payload: body,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

describe('health', () => {
  it('reports the database kind, migration and queue depth', async () => {
    const res = await call(s, 'GET', '/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.db, process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    assert.match(res.body.migration, /^\d{4}_/);
    assert.equal(typeof res.body.queue.depth, 'number');
  });
});

describe('OpenAPI', () => {
  it('documents every API route', async () => {
    const doc = (await call(s, 'GET', '/api/docs/json')).body;
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const routes = s.servus.app.printRoutes({ commonPrefix: false });
    for (const r of ['POST /api/v1/tickets', 'GET /api/v1/tickets/:id', 'POST /api/v1/tickets/:id/merge', 'POST /api/v1/tickets/bulk', 'GET /api/v1/search', 'POST /api/v1/attachments']) {
      assert.ok(documented.has(r), `${r} is documented`);
    }
    assert.ok(routes.includes('api/v1'));
    const page = await s.servus.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
  });
});

describe('errors', () => {
  it('uses one error body for unknown routes, bad JSON and missing auth', async () => {
    const unknown = await call(s, 'GET', '/api/v1/nothing-here', { as: agent });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
    const badJson = await s.servus.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...agent.auth, 'content-type': 'application/json' }, payload: '{"name":' });
    assert.equal(badJson.statusCode, 400);
    assert.equal(JSON.parse(badJson.body).error.code, 'bad_request');
    const anon = await call(s, 'GET', '/api/v1/tickets');
    assert.equal(anon.status, 401);
    assert.equal(anon.body.error.code, 'unauthorized');
  });

  it('sends rate-limit headers', async () => {
    const res = await call(s, 'GET', '/api/v1/tags', { as: agent });
    assert.ok(res.headers['x-ratelimit-limit']);
    assert.ok(res.headers['x-ratelimit-remaining']);
  });
});

describe('attachments', () => {
  it('are stored by content hash, sniffed, bound to a message and downloaded only as attachments', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const up = await upload(agent, '../../evil\u202Egnp.html', html, 'image/png');
    assert.equal(up.status, 201);
    assert.equal(up.body.filename, 'evilgnp.html');
    assert.notEqual(up.body.contentType, 'image/png', 'the type comes from the content');
    const t = await makeTicket(s, agent, { message: { text: 'see file', attachmentIds: [up.body.id] } });
    const thread = await call(s, 'GET', `/api/v1/tickets/${t.id}/messages`, { as: agent });
    assert.equal(thread.body.data[0].attachments[0].id, up.body.id);

    const dl = await s.servus.app.inject({ method: 'GET', url: up.body.url, headers: agent.auth });
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.body, html.toString());
    assert.equal(dl.headers['content-type'], 'application/octet-stream');
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.match(String(dl.headers['content-security-policy']), /sandbox/);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const img = await upload(agent, 'pixel.png', png);
    assert.equal(img.body.contentType, 'image/png');
  });

  it("cannot be reused by another agent or bound twice", async () => {
    const up = await upload(agent, 'a.txt', Buffer.from('hello'));
    const stolen = await call(s, 'POST', '/api/v1/tickets', { as: other, body: { subject: 's', requester: { email: 'x@example.com' }, message: { text: 'x', attachmentIds: [up.body.id] } } });
    assert.equal(stolen.status, 400);
    assert.equal(stolen.body.error.details[0].path, 'body.attachmentIds');
    assert.equal((await s.servus.app.inject({ method: 'GET', url: up.body.url, headers: other.auth })).statusCode, 404);
    await makeTicket(s, agent, { message: { text: 'x', attachmentIds: [up.body.id] } });
    const twice = await call(s, 'POST', '/api/v1/tickets', { as: agent, body: { subject: 's', requester: { email: 'y@example.com' }, message: { text: 'x', attachmentIds: [up.body.id] } } });
    assert.equal(twice.status, 400);
  });

  it('answers 413 above the configured limit and keeps nothing', async () => {
    const res = await upload(agent, 'big.bin', Buffer.alloc(65 * 1024, 1));
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });
});
