import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, ManualClock } from './harness.ts';
import {
  agentMessage,
  Browser,
  csrfOf,
  listedSubjects,
  makeCustomer,
  makeOrg,
  setSharing,
  signIn,
  startPortalWorld,
  threadOf,
  ticketFor,
  ticketOf,
  type PortalWorld,
} from './portal-support.ts';

/** What a signed-in customer sees and does: their lists, one request, replies, new requests. */
describe('portal requests', () => {
  const clock = new ManualClock(new Date('2026-04-06T08:00:00Z'));
  let w: PortalWorld;

  before(async () => {
    w = await startPortalWorld({ clock });
  });
  after(async () => {
    await w?.s.close();
    await w?.sink.close();
  });

  it('lists exactly the customer’s own requests across channels, newest first, in customer words', async () => {
    const me = await makeCustomer(w, { name: 'Mara Mustermann' });
    const other = await makeCustomer(w, { name: 'Olaf Other' });
    const made: string[] = [];
    for (const [channel, status] of [['email', undefined], ['chat', 'pending'], ['phone', 'solved'], ['api', 'open'], ['web', 'on_hold']] as const) {
      clock.advance(60_000);
      made.push((await ticketFor(w, me.id, { subject: `Mein ${channel}-Anliegen`, channel, ...(status && { status }) })).subject);
    }
    const foreign = await ticketFor(w, other.id, { subject: 'Fremdes Geheimnis' });
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const page = await b.get('/portal');
    assert.equal(page.status, 200);
    assert.deepEqual(listedSubjects(page.body), [...made].reverse());
    assert.doesNotMatch(page.body, new RegExp(foreign.subject));
    assert.match(page.body, /Waiting for your reply/);
    assert.match(page.body, /portal-status-solved">Solved/);
    assert.doesNotMatch(page.body, /on_hold|pending/, 'internal status names never show');

    const open = await b.get('/portal?status=open');
    assert.deepEqual(listedSubjects(open.body), ['Mein web-Anliegen', 'Mein api-Anliegen', 'Mein chat-Anliegen', 'Mein email-Anliegen']);
    const solved = await b.get('/portal?status=solved');
    assert.deepEqual(listedSubjects(solved.body), ['Mein phone-Anliegen']);
  });

  it('shows an empty state, pages of 25, and a page past the end leads to the last one', async () => {
    const me = await makeCustomer(w);
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const empty = await b.get('/portal');
    assert.match(empty.body, /You have no requests yet/);
    assert.match(empty.body, /href="\/portal\/new"/);
    for (let i = 1; i <= 27; i++) {
      clock.advance(1000);
      await ticketFor(w, me.id, { subject: `Nummer ${String(i).padStart(2, '0')}` });
    }
    const first = await b.get('/portal');
    assert.equal(listedSubjects(first.body).length, 25);
    assert.equal(listedSubjects(first.body)[0], 'Nummer 27');
    assert.match(first.body, /Page 1 of 2/);
    assert.match(first.body, /href="\/portal\?page=2" rel="next"/);
    const second = await b.get('/portal?page=2');
    assert.deepEqual(listedSubjects(second.body), ['Nummer 02', 'Nummer 01']);
    const beyond = await b.get('/portal?page=9');
    assert.equal(beyond.status, 303);
    assert.equal(beyond.location, '/portal?page=2');
  });

  it('shows a merged-away request as the request it was merged into, once', async () => {
    const me = await makeCustomer(w);
    const a = await ticketFor(w, me.id, { subject: 'Drucker streikt' });
    const b2 = await ticketFor(w, me.id, { subject: 'Drucker streikt immer noch' });
    const merged = await call(w.s, 'POST', `/api/v1/tickets/${b2.id}/merge`, { as: w.admin, body: { sourceIds: [a.id] } });
    assert.equal(merged.status, 200);
    const b = new Browser(w);
    await signIn(w, b, me.email);
    assert.deepEqual(listedSubjects((await b.get('/portal')).body), ['Drucker streikt immer noch']);
    const old = await b.get(`/portal/tickets/${a.number}`);
    assert.equal(old.status, 303);
    assert.equal(old.location, `/portal/tickets/${b2.number}`);
    const target = await b.get(old.location!);
    assert.match(target.body, /Guten Tag, bitte helfen Sie mir\./, 'the moved messages are there');
  });

  it('shows only public messages: internal notes, their files and system entries never reach the page', async () => {
    const me = await makeCustomer(w);
    const t = await ticketFor(w, me.id, { subject: 'Rechnung <b>doppelt</b>' });
    const pub = await agentMessage(w, t.id, { kind: 'public', text: 'Wir prüfen das.\nZweite Zeile <script>x</script>', file: { name: 'rechnung.pdf', content: '%PDF-1.4 öffentlich' } });
    const note = await agentMessage(w, t.id, { kind: 'note', text: 'INTERN: Kunde ist schwierig', file: { name: 'intern.txt', content: 'geheim' } });
    await call(w.s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: w.admin, body: { priority: 'high' } });
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const page = await b.get(`/portal/tickets/${t.number}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Rechnung &lt;b&gt;doppelt&lt;\/b&gt;<\/h1>/);
    assert.match(page.body, /Wir prüfen das\.\nZweite Zeile &lt;script&gt;x&lt;\/script&gt;/);
    assert.match(page.body, /<strong>Ada<\/strong>/, 'the agent by first name');
    assert.match(page.body, /<strong>You<\/strong>/);
    assert.doesNotMatch(page.body, /INTERN|schwierig|intern\.txt/);
    assert.doesNotMatch(page.body, /priority|high/i);
    assert.match(page.body, new RegExp(`href="/portal/tickets/${t.number}/attachments/${pub.attachmentId}"`));

    const file = await b.get(`/portal/tickets/${t.number}/attachments/${pub.attachmentId}`);
    assert.equal(file.status, 200);
    assert.equal(file.body, '%PDF-1.4 öffentlich');
    assert.match(file.headers['content-disposition'] as string, /^attachment; filename="rechnung.pdf"/);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    const hidden = await b.get(`/portal/tickets/${t.number}/attachments/${note.attachmentId}`);
    assert.equal(hidden.status, 404);
    assert.doesNotMatch(hidden.body, /geheim/);
  });

  it('a reply becomes a public customer message on the ticket and reopens a solved ticket', async () => {
    const me = await makeCustomer(w);
    const t = await ticketFor(w, me.id);
    await agentMessage(w, t.id, { kind: 'public', text: 'Erledigt!', status: 'solved' });
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const page = await b.get(`/portal/tickets/${t.number}`);
    assert.match(page.body, /This request is solved\. If you reply, we will reopen it\./);
    clock.advance(60_000);
    const res = await b.post(`/portal/tickets/${t.number}/reply`, { csrf: csrfOf(page.body), message: '  Leider doch nicht.\r\nDer Fehler ist wieder da.  ' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/portal/tickets/${t.number}?sent=1`);
    const after = await b.get(res.location!);
    assert.match(after.body, /Your reply was sent\./);
    assert.match(after.body, /Leider doch nicht\.\nDer Fehler ist wieder da\./);

    const thread = await threadOf(w, t.id);
    const last = thread.at(-1)!;
    assert.deepEqual([last.kind, last.author.kind, last.author.id, last.text, last.source], ['public', 'contact', me.id, 'Leider doch nicht.\nDer Fehler ist wieder da.', 'portal']);
    assert.equal((await ticketOf(w, t.id)).status, 'open');
    const events = await call(w.s, 'GET', `/api/v1/tickets/${t.id}/events`, { as: w.admin });
    const reopened = events.body.data.filter((e: { type: string }) => e.type === 'reopened' || e.type === 'status_changed').at(-1);
    assert.deepEqual(reopened.actor.kind, 'contact');
  });

  it('refuses an empty or too long reply with the text kept, and adds nothing', async () => {
    const me = await makeCustomer(w);
    const t = await ticketFor(w, me.id);
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const csrf = csrfOf((await b.get(`/portal/tickets/${t.number}`)).body);
    const empty = await b.post(`/portal/tickets/${t.number}/reply`, { csrf, message: '   ' });
    assert.equal(empty.status, 400);
    assert.match(empty.body, /Please write a message\./);
    assert.match(empty.body, /aria-invalid="true" aria-describedby="message-error"/);
    const long = await b.post(`/portal/tickets/${t.number}/reply`, { csrf, message: 'x'.repeat(50_001) });
    assert.equal(long.status, 400);
    assert.match(long.body, /at most 50,000 characters/);
    assert.equal((await threadOf(w, t.id)).length, 1);
  });

  it('a closed request takes no reply: no form, and a post is refused without a message added', async () => {
    const me = await makeCustomer(w);
    const t = await ticketFor(w, me.id, { status: 'solved' });
    const csrfPage = new Browser(w);
    await signIn(w, csrfPage, me.email);
    const csrf = csrfOf((await csrfPage.get('/portal')).body);
    assert.equal((await call(w.s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: w.admin, body: { status: 'closed' } })).status, 200);
    const page = await csrfPage.get(`/portal/tickets/${t.number}`);
    assert.match(page.body, /This request is closed\. If you need more help, please open a new request\./);
    assert.doesNotMatch(page.body, /action="\/portal\/tickets\/\d+\/reply"/);
    const res = await csrfPage.post(`/portal/tickets/${t.number}/reply`, { csrf, message: 'Hallo?' });
    assert.equal(res.status, 409);
    assert.equal((await threadOf(w, t.id)).length, 1);
  });

  it('refuses forms without the session’s CSRF token and changes nothing', async () => {
    const me = await makeCustomer(w);
    const t = await ticketFor(w, me.id);
    const b = new Browser(w);
    await signIn(w, b, me.email);
    for (const csrf of [undefined, '', 'falsch']) {
      const form: Record<string, string> = csrf === undefined ? {} : { csrf };
      assert.equal((await b.post(`/portal/tickets/${t.number}/reply`, { ...form, message: 'Hallo' })).status, 403);
      assert.equal((await b.post('/portal/new', { ...form, subject: 'Neu', message: 'Hallo' })).status, 403);
    }
    assert.equal((await threadOf(w, t.id)).length, 1);
    const list = await call(w.s, 'GET', `/api/v1/contacts/${me.id}/tickets`, { as: w.admin });
    assert.equal(list.body.data.length, 1);
  });

  it('opens a new request on the web channel with the customer as requester and their organization', async () => {
    const org = await makeOrg(w);
    const me = await makeCustomer(w, { organizationId: org });
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const form = await b.get('/portal/new');
    assert.match(form.body, /<label for="subject">Subject<\/label>/);
    const csrf = csrfOf(form.body);
    const refused = await b.post('/portal/new', { csrf, subject: '  ', message: 'Mein Text bleibt' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Please enter a subject\./);
    assert.match(refused.body, /Mein Text bleibt/);
    assert.match(refused.body, /Please correct the marked fields\./);

    const res = await b.post('/portal/new', { csrf, subject: 'Lieferung fehlt', message: 'Bestellung 4711 ist nicht angekommen.' });
    assert.equal(res.status, 303);
    const number = Number(/\/portal\/tickets\/(\d+)\?created=1$/.exec(res.location ?? '')?.[1]);
    assert.ok(number > 0, res.location ?? '');
    const shown = await b.get(res.location!);
    assert.match(shown.body, /We have received your request/);
    const found = await call(w.s, 'GET', `/api/v1/contacts/${me.id}/tickets`, { as: w.admin });
    const ticket = found.body.data.find((x: { number: number }) => x.number === number);
    assert.deepEqual([ticket.subject, ticket.channel, ticket.requesterId, ticket.organizationId, ticket.status], ['Lieferung fehlt', 'web', me.id, org, 'new']);
    const [first] = await threadOf(w, ticket.id);
    assert.deepEqual([first!.kind, first!.author.kind, first!.author.id, first!.text], ['public', 'contact', me.id, 'Bestellung 4711 ist nicht angekommen.']);
  });

  it('with sharing on, members see their organization’s requests with the requester’s name and may answer them', async () => {
    const org = await makeOrg(w);
    const me = await makeCustomer(w, { organizationId: org, name: 'Mia Mitglied' });
    const colleague = await makeCustomer(w, { organizationId: org, name: 'Karl Kollege' });
    const t = await ticketFor(w, colleague.id, { subject: 'Serverraum zu warm' });
    const b = new Browser(w);
    await signIn(w, b, me.email);
    const plain = await b.get('/portal');
    assert.doesNotMatch(plain.body, /My organization/, 'no tab while sharing is off');
    assert.equal((await b.get('/portal?tab=org')).status, 404);

    await setSharing(w, org, true);
    const mine = await b.get('/portal');
    assert.match(mine.body, /href="\/portal\?tab=org">My organization/);
    assert.doesNotMatch(mine.body, /Serverraum/, 'the own list stays own');
    const shared = await b.get('/portal?tab=org');
    assert.deepEqual(listedSubjects(shared.body), ['Serverraum zu warm']);
    assert.match(shared.body, /<td>Karl Kollege<\/td>/);
    const page = await b.get(`/portal/tickets/${t.number}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Requested by Karl Kollege/);
    clock.advance(60_000);
    const res = await b.post(`/portal/tickets/${t.number}/reply`, { csrf: csrfOf(page.body), message: 'Bei uns auch.' });
    assert.equal(res.status, 303);
    const last = (await threadOf(w, t.id)).at(-1)!;
    assert.deepEqual([last.author.kind, last.author.id], ['contact', me.id]);
    assert.match((await b.get(`/portal/tickets/${t.number}`)).body, /<strong>You<\/strong>/);
  });
});
