import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';

let s: TestServer;
let admin: TestAgent;
let agent: TestAgent;
let reader: TestAgent;
before(async () => {
  s = await startTestServer();
  admin = await makeAgent(s, { role: 'admin' });
  agent = await makeAgent(s);
  reader = await makeAgent(s, { role: 'readonly' });
});
after(() => s.close());

describe('organizations', () => {
  it('are created, listed by name with a cursor, and names are unique regardless of case', async () => {
    for (const name of ['Zeta AG', 'Alpha GmbH', 'Mü & Söhne KG']) {
      assert.equal((await call(s, 'POST', '/api/v1/organizations', { as: agent, body: { name, domains: ['Example.COM'] } })).status, 201);
    }
    const dup = await call(s, 'POST', '/api/v1/organizations', { as: agent, body: { name: 'alpha gmbh' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.details[0].path, 'body.name');
    const p1 = await call(s, 'GET', '/api/v1/organizations?limit=2', { as: reader });
    const p2 = await call(s, 'GET', `/api/v1/organizations?limit=2&cursor=${p1.body.nextCursor}`, { as: reader });
    assert.deepEqual([...p1.body.data, ...p2.body.data].map((o: any) => o.name), ['Alpha GmbH', 'Mü & Söhne KG', 'Zeta AG']);
    assert.equal(p2.body.nextCursor, null);
    assert.deepEqual(p1.body.data[0].domains, ['example.com']);
    const badDomain = await call(s, 'POST', '/api/v1/organizations', { as: agent, body: { name: 'X', domains: ['not a domain'] } });
    assert.equal(badDomain.status, 400);
    assert.equal(badDomain.body.error.details[0].path, 'body.domains.0');
  });

  it('can be deleted only by admins; contacts stay', async () => {
    const org = (await call(s, 'POST', '/api/v1/organizations', { as: agent, body: { name: 'Temporary Ltd' } })).body;
    const c = (await call(s, 'POST', '/api/v1/contacts', { as: agent, body: { name: 'Temp', email: 'temp@temporary.example', organizationId: org.id } })).body;
    assert.equal((await call(s, 'DELETE', `/api/v1/organizations/${org.id}`, { as: agent })).status, 403);
    assert.equal((await call(s, 'DELETE', `/api/v1/organizations/${org.id}`, { as: admin })).status, 204);
    assert.equal((await call(s, 'GET', `/api/v1/organizations/${org.id}`, { as: agent })).status, 404);
    const after = await call(s, 'GET', `/api/v1/contacts/${c.id}`, { as: agent });
    assert.equal(after.body.organizationId, null);
  });
});

describe('contacts', () => {
  it('have several identities; an identity belongs to one contact only', async () => {
    const c = await call(s, 'POST', '/api/v1/contacts', {
      as: agent,
      body: { name: 'Zoë Weiß', email: 'Zoe@Weiss.example', phone: '+49 (89) 123-456', identities: [{ kind: 'external', value: 'crm-42' }], locale: 'de' },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.deepEqual(c.body.identities.map((i: any) => `${i.kind}:${i.value}`).sort(), ['email:zoe@weiss.example', 'external:crm-42', 'phone:+4989123456']);
    const dup = await call(s, 'POST', '/api/v1/contacts', { as: agent, body: { name: 'Other', email: 'zoe@weiss.example' } });
    assert.equal(dup.status, 409);
    const chat = await call(s, 'POST', `/api/v1/contacts/${c.body.id}/identities`, { as: agent, body: { kind: 'chat', value: 'visitor-9' } });
    assert.equal(chat.status, 201);
    const removed = await call(s, 'DELETE', `/api/v1/contacts/${c.body.id}/identities/${chat.body.id}`, { as: agent });
    assert.equal(removed.status, 204);
    const badPhone = await call(s, 'POST', '/api/v1/contacts', { as: agent, body: { phone: 'call me maybe' } });
    assert.equal(badPhone.status, 400);
    assert.equal(badPhone.body.error.details[0].path, 'body.phone');
  });

  it('read-only users can read but not write', async () => {
    const res = await call(s, 'POST', '/api/v1/contacts', { as: reader, body: { name: 'Nope' } });
    assert.equal(res.status, 403);
    assert.equal((await call(s, 'GET', '/api/v1/contacts', { as: reader })).status, 200);
  });

  it("show the customer's tickets across channels, newest first", async () => {
    const first = await makeTicket(s, agent, { requester: { email: 'history@example.org' }, channel: 'email' });
    const second = await makeTicket(s, agent, { requester: { email: 'history@example.org' }, channel: 'chat' });
    const list = await call(s, 'GET', `/api/v1/contacts/${first.requesterId}/tickets`, { as: agent });
    assert.deepEqual(list.body.data.map((t: any) => [t.id, t.channel]), [[second.id, 'chat'], [first.id, 'email']]);
  });

  it('HTML in names is stored and returned as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const c = await call(s, 'POST', '/api/v1/contacts', { as: agent, body: { name } });
    assert.equal(c.body.name, name);
  });
});

describe('search', () => {
  it('finds tickets by German and English word forms, ranked, and by number', async () => {
    const de = await makeTicket(s, agent, { subject: 'Rechnungen wurden doppelt abgebucht', message: { text: 'Bitte die Zahlungen prüfen.' } });
    const en = await makeTicket(s, agent, { subject: 'Invoices were charged twice', message: { text: 'Please check the payments.' } });
    const r1 = await call(s, 'GET', `/api/v1/search?q=${encodeURIComponent('Rechnung')}`, { as: agent });
    assert.deepEqual(r1.body.data.map((t: any) => t.id), [de.id]);
    const r2 = await call(s, 'GET', '/api/v1/search?q=invoice%20payment', { as: agent });
    assert.deepEqual(r2.body.data.map((t: any) => t.id), [en.id]);
    const r3 = await call(s, 'GET', `/api/v1/search?q=%23${de.number}`, { as: agent });
    assert.equal(r3.body.data[0].id, de.id);
    const empty = await call(s, 'GET', '/api/v1/search?q=', { as: agent });
    assert.equal(empty.status, 400);
  });

  it('finds contacts and organizations despite typos', async () => {
    await call(s, 'POST', '/api/v1/contacts', { as: agent, body: { name: 'Bernadette Schwarzenegger', email: 'bernadette@alpen.example' } });
    const r = await call(s, 'GET', '/api/v1/search?type=contacts&q=Schwarzeneger', { as: agent });
    assert.equal(r.body.data[0]?.name, 'Bernadette Schwarzenegger');
    const byMail = await call(s, 'GET', '/api/v1/search?type=contacts&q=bernadette@alpen', { as: agent });
    assert.equal(byMail.body.data[0]?.email, 'bernadette@alpen.example');
    const org = await call(s, 'GET', '/api/v1/search?type=organizations&q=Alpah', { as: agent });
    assert.equal(org.body.data[0]?.name, 'Alpha GmbH');
  });
});
