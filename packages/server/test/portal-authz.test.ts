import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call } from './harness.ts';
import { agentMessage, Browser, csrfOf, listedSubjects, makeCustomer, makeOrg, setSharing, signIn, startPortalWorld, threadOf, ticketFor, type PortalWorld } from './portal-support.ts';

/**
 * A customer never reaches another customer's request, reply or file, whatever number, id or
 * path they try; nor their organization's requests without sharing or after leaving it.
 * Every refusal is the same 404 page (byte for byte, for the same visitor) and changes nothing.
 */
describe('portal authorization', () => {
  let w: PortalWorld;
  let org: string;
  let alice: { id: string; email: string };
  let bob: { id: string; email: string };
  let aliceTicket: { id: string; number: number; subject: string };
  let bobTicket: { id: string; number: number; subject: string };
  let bobFile: string;
  let aliceNoteFile: string;
  let aliceFile: string;
  let b: Browser;
  let notFoundBody: string;

  /** Asserts the exact 404 page this browser gets for a request that does not exist. */
  async function same404(method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
    const res = method === 'GET' ? await b.get(url) : await b.post(url, form);
    assert.equal(res.status, 404, `${method} ${url}`);
    assert.equal(res.body, notFoundBody, `${method} ${url} must answer the very same 404 page`);
    for (const secret of [bobTicket.subject, 'Bobs Geheimnis', 'intern-geheim']) assert.ok(!res.body.includes(secret), `${url} leaks ${secret}`);
  }

  before(async () => {
    w = await startPortalWorld();
    org = await makeOrg(w);
    alice = await makeCustomer(w, { organizationId: org, name: 'Alice Anders' });
    bob = await makeCustomer(w, { organizationId: org, name: 'Bob Berger' });
    aliceTicket = await ticketFor(w, alice.id, { subject: 'Alices Anfrage' });
    bobTicket = await ticketFor(w, bob.id, { subject: 'Bobs Anfrage', message: { text: 'Bobs Geheimnis' } });
    bobFile = (await agentMessage(w, bobTicket.id, { kind: 'public', text: 'Anbei', file: { name: 'bob.pdf', content: 'Bobs Datei' } })).attachmentId!;
    aliceFile = (await agentMessage(w, aliceTicket.id, { kind: 'public', text: 'Anbei', file: { name: 'alice.pdf', content: 'Alices Datei' } })).attachmentId!;
    aliceNoteFile = (await agentMessage(w, aliceTicket.id, { kind: 'note', text: 'intern-geheim', file: { name: 'notiz.txt', content: 'intern-geheim' } })).attachmentId!;
    b = new Browser(w);
    await signIn(w, b, alice.email);
    const missing = await b.get('/portal/tickets/999999999');
    assert.equal(missing.status, 404);
    notFoundBody = missing.body;
  });
  after(async () => {
    await w?.s.close();
    await w?.sink.close();
  });

  it('another customer’s request is the same 404 by number, id or any other spelling', async () => {
    assert.equal((await b.get(`/portal/tickets/${aliceTicket.number}`)).status, 200, 'the own request opens');
    for (const url of [
      `/portal/tickets/${bobTicket.number}`,
      `/portal/tickets/${bobTicket.id}`,
      `/portal/tickets/0${bobTicket.number}`,
      `/portal/tickets/${bobTicket.number}.0`,
      `/portal/tickets/+${bobTicket.number}`,
      `/portal/tickets/${bobTicket.number}%00`,
      '/portal/tickets/0',
      '/portal/tickets/-1',
      '/portal/tickets/99999999999999999999',
      `/portal/tickets/${aliceTicket.number}/../${bobTicket.number}`,
    ]) {
      await same404('GET', url);
    }
    assert.doesNotMatch((await b.get('/portal')).body, /Bobs Anfrage/);
    assert.equal((await b.get('/portal?tab=org')).body, notFoundBody, 'no organization list without sharing');
  });

  it('a reply to another customer’s request is the same 404 and adds nothing', async () => {
    const csrf = csrfOf((await b.get('/portal')).body);
    const before = (await threadOf(w, bobTicket.id)).length;
    await same404('POST', `/portal/tickets/${bobTicket.number}/reply`, { csrf, message: 'Ich lese mit' });
    await same404('POST', `/portal/tickets/${bobTicket.id}/reply`, { csrf, message: 'Ich lese mit' });
    await same404('POST', '/portal/tickets/999999999/reply', { csrf, message: 'Ich lese mit' });
    assert.equal((await threadOf(w, bobTicket.id)).length, before);
    const events = await call(w.s, 'GET', `/api/v1/tickets/${bobTicket.id}/events`, { as: w.admin });
    assert.ok(events.body.data.every((e: { actor: { id: string | null } }) => e.actor.id !== alice.id), 'no trace of Alice on Bob’s request');
  });

  it('files: another customer’s, an internal note’s, a guessed id, or one under the wrong request are all the same 404', async () => {
    assert.equal((await b.get(`/portal/tickets/${aliceTicket.number}/attachments/${aliceFile}`)).body, 'Alices Datei');
    await same404('GET', `/portal/tickets/${bobTicket.number}/attachments/${bobFile}`);
    await same404('GET', `/portal/tickets/${aliceTicket.number}/attachments/${bobFile}`);
    await same404('GET', `/portal/tickets/${aliceTicket.number}/attachments/${aliceNoteFile}`);
    await same404('GET', `/portal/tickets/${aliceTicket.number}/attachments/${randomUUID()}`);
    await same404('GET', `/portal/tickets/${aliceTicket.number}/attachments/not-a-uuid`);
    await same404('GET', `/portal/tickets/${aliceTicket.number}/attachments/${aliceFile}x`);
  });

  it('organization requests: none without sharing, all with it, none again after leaving the organization', async () => {
    const csrf = csrfOf((await b.get('/portal')).body);
    await same404('GET', `/portal/tickets/${bobTicket.number}`);
    await setSharing(w, org, true);
    try {
      assert.equal((await b.get(`/portal/tickets/${bobTicket.number}`)).status, 200);
      assert.equal((await b.get(`/portal/tickets/${bobTicket.number}/attachments/${bobFile}`)).body, 'Bobs Datei');
      assert.deepEqual(listedSubjects((await b.get('/portal?tab=org')).body).sort(), ['Alices Anfrage', 'Bobs Anfrage']);

      // Alice leaves the organization: her session stays, the organization's requests go.
      const moved = await call(w.s, 'PATCH', `/api/v1/contacts/${alice.id}`, { as: w.admin, body: { organizationId: null } });
      assert.equal(moved.status, 200);
      const before = (await threadOf(w, bobTicket.id)).length;
      const leftBody = (await b.get('/portal/tickets/999999999')).body;
      const res = await b.get(`/portal/tickets/${bobTicket.number}`);
      assert.equal(res.status, 404);
      assert.equal(res.body, leftBody);
      assert.equal((await b.post(`/portal/tickets/${bobTicket.number}/reply`, { csrf, message: 'Noch da?' })).status, 404);
      assert.equal((await b.get(`/portal/tickets/${bobTicket.number}/attachments/${bobFile}`)).status, 404);
      assert.equal((await b.get('/portal?tab=org')).status, 404);
      assert.equal((await threadOf(w, bobTicket.id)).length, before);
      assert.equal((await b.get(`/portal/tickets/${aliceTicket.number}`)).status, 200, 'her own requests stay hers');
    } finally {
      await setSharing(w, org, false);
      await call(w.s, 'PATCH', `/api/v1/contacts/${alice.id}`, { as: w.admin, body: { organizationId: org } });
    }
  });

  it('a request merged into another customer’s stays closed on its own and shows nothing of the other', async () => {
    const mine = await ticketFor(w, alice.id, { subject: 'Alices Duplikat' });
    const theirs = await ticketFor(w, bob.id, { subject: 'Bobs Sammelanfrage', message: { text: 'Bobs Geheimnis' } });
    assert.equal((await call(w.s, 'POST', `/api/v1/tickets/${theirs.id}/merge`, { as: w.admin, body: { sourceIds: [mine.id] } })).status, 200);
    const page = await b.get(`/portal/tickets/${mine.number}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /combined with another one and is closed here/);
    assert.doesNotMatch(page.body, /Bobs|#\d+ Bobs/);
    assert.doesNotMatch(page.body, new RegExp(`/portal/tickets/${theirs.number}\\b`));
    assert.doesNotMatch(page.body, /action="\/portal\/tickets\/\d+\/reply"/);
    const list = await b.get('/portal');
    assert.ok(listedSubjects(list.body).includes('Alices Duplikat'));
    assert.ok(!listedSubjects(list.body).includes('Bobs Sammelanfrage'));
    await same404('GET', `/portal/tickets/${theirs.number}`);
    const csrf = csrfOf(list.body);
    const before = (await threadOf(w, theirs.id)).length;
    assert.equal((await b.post(`/portal/tickets/${mine.number}/reply`, { csrf, message: 'Hallo?' })).status, 409);
    assert.equal((await threadOf(w, theirs.id)).length, before);
  });

  it('signed out, nothing is shown: request and file URLs lead to the sign-in page', async () => {
    const stranger = new Browser(w);
    for (const url of [`/portal/tickets/${aliceTicket.number}`, `/portal/tickets/${aliceTicket.number}/attachments/${aliceFile}`, '/portal/new']) {
      const res = await stranger.get(url);
      assert.equal(res.status, 303, url);
      assert.match(res.location ?? '', /^\/portal\?returnTo=/);
      assert.ok(!res.body.includes('Alices'), url);
    }
    const post = await stranger.post(`/portal/tickets/${aliceTicket.number}/reply`, { message: 'anonym' });
    assert.equal(post.status, 303);
    assert.equal((await threadOf(w, aliceTicket.id)).filter((m) => m.text === 'anonym').length, 0);
    const forged = new Browser(w);
    forged.cookies.set('servus_portal', 'x'.repeat(43));
    assert.equal((await forged.get(`/portal/tickets/${aliceTicket.number}`)).status, 303);
  });
});
