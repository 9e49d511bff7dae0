import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { call, makeAgent, ManualClock, startTestServer } from './harness.ts';
import { Browser, csrfOf, linkOf, makeCustomer, makeOrg, requestLink, runLinkJobs, signIn, ticketFor, useLink, type PortalWorld, startPortalWorld } from './portal-support.ts';
import { auditLog } from '../src/modules/system/schema.ts';
import { contactIdentities } from '../src/modules/contacts/schema.ts';
import { portalLoginTokens, portalSessions } from '../src/modules/portal/schema.ts';
import { LOGIN_LINK_TTL_MS, SESSION_TTL_MS } from '../src/modules/portal/index.ts';
import { saveHelpCenterSettings } from '../src/modules/knowledge/settings.ts';
import { systemJobs } from '../src/modules/system/jobs.ts';

const DAY = 86_400_000;

/** Signing in by a mailed link: one answer for every address, single use, expiry, the session cookie, signing out. */
describe('portal sign-in', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let w: PortalWorld;

  before(async () => {
    w = await startPortalWorld({ clock });
  });
  after(async () => {
    await w?.s.close();
    await w?.sink.close();
  });

  it('answers a known and an unknown address with the same page; only the known one gets a mail, in its language, and no contact is created', async () => {
    const known = await makeCustomer(w, { name: 'Karla Kundin', locale: 'de' });
    const stranger = `niemand-${Date.now()}@kunde.example`;
    const b = new Browser(w);
    const a1 = await b.post('/portal/login', { email: known.email, lang: 'en' });
    const a2 = await b.post('/portal/login', { email: stranger, lang: 'en' });
    assert.equal(a1.status, 200);
    assert.equal(a2.status, 200);
    assert.equal(a1.body, a2.body, 'the page must not tell known and unknown addresses apart');
    assert.match(a1.body, /If we know this address, a sign-in link is on its way/);
    assert.equal((await w.s.servus.services.database.db.select().from(portalLoginTokens)).length, 0, 'the request itself creates no link: the job does');

    const before = w.sink.mails.length;
    assert.deepEqual((await runLinkJobs(w)).sort(), ['sent', 'unknown']);
    const [mail] = (await w.sink.waitFor(before + 1)).slice(before);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(w.sink.mails.length, before + 1, 'exactly one mail');
    assert.deepEqual(mail!.envelope.to, [known.email]);
    assert.equal(mail!.parsed.subject, 'Ihr Anmeldelink für Help Center');
    assert.match(mail!.parsed.text ?? '', /Guten Tag Karla Kundin,/);
    assert.match(mail!.parsed.text ?? '', /gilt einmal und 15 Minuten lang/);
    assert.equal(mail!.parsed.headers.get('auto-submitted'), 'auto-generated');
    linkOf(mail!);
    const identities = await w.s.servus.services.database.db.select().from(contactIdentities).where(eq(contactIdentities.value, stranger));
    assert.equal(identities.length, 0, 'no contact for an unknown address');
  });

  it('mails in the language of the page when the contact has none', async () => {
    const c = await makeCustomer(w);
    const b = new Browser(w, { lang: 'de-DE,de;q=0.9' });
    const page = await b.get('/portal');
    assert.match(page.body, /<html lang="de">/);
    assert.match(page.body, /Anmeldelink senden/);
    const before = w.sink.mails.length;
    await b.post('/portal/login', { email: c.email, lang: 'de' });
    await runLinkJobs(w);
    const [mail] = (await w.sink.waitFor(before + 1)).slice(before);
    assert.equal(mail!.parsed.subject, 'Ihr Anmeldelink für Help Center');
  });

  it('refuses an invalid address with the form again and the field marked', async () => {
    const b = new Browser(w);
    const res = await b.post('/portal/login', { email: 'not-an-address' });
    assert.equal(res.status, 400);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /Please enter a valid email address/);
    assert.match(res.body, /value="not-an-address"/);
    assert.deepEqual(await runLinkJobs(w), []);
  });

  it('opening a link does not use it; the button signs in once, sets the session cookie and records the sign-in', async () => {
    const c = await makeCustomer(w, { name: 'Otto Offen' });
    const b = new Browser(w);
    const path = await requestLink(w, b, c.email);
    // A mail scanner fetches the link first: nothing happens.
    const scanner = new Browser(w);
    assert.equal((await scanner.get(path)).status, 200);
    assert.equal((await scanner.get(path)).status, 200);
    const page = await b.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /<form method="post" action="\/portal\/login\//);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['cache-control'], 'no-store');

    const res = await b.post(path, { csrf: csrfOf(page.body) });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/portal');
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((l) => l.startsWith('servus_portal='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\/portal/);
    assert.doesNotMatch(cookie, /Secure/, 'no Secure flag over plain http');
    const home = await b.get('/portal');
    assert.match(home.body, /Otto Offen/);
    assert.match(home.body, /<h1>My requests<\/h1>/);

    // Only a hash of the session id is stored.
    const stored = await w.s.servus.services.database.db.select().from(portalSessions).where(eq(portalSessions.contactId, c.id));
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.id, b.cookies.get('servus_portal'));

    const again = await useLink(new Browser(w), path).catch(() => null);
    assert.equal(again, null, 'the used link no longer shows the sign-in button');
    const second = await new Browser(w).get(path);
    assert.equal(second.status, 410);
    assert.match(second.body, /This link has expired or was already used/);
    assert.match(second.body, /name="email"/, 'with a form for a new link');

    const audit = await w.s.servus.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'portal.signed_in'), eq(auditLog.targetId, c.id)));
    assert.equal(audit.length, 1);
    assert.deepEqual([audit[0]!.actorKind, audit[0]!.actorId, (audit[0]!.details as { ip: string }).ip], ['contact', c.id, b.ip]);
  });

  it('a link expires after 15 minutes, and using one link spends the others of the same customer', async () => {
    const c = await makeCustomer(w);
    const b = new Browser(w);
    const first = await requestLink(w, b, c.email);
    const second = await requestLink(w, b, c.email);
    clock.advance(LOGIN_LINK_TTL_MS - 1000);
    const page = await b.get(first);
    assert.equal(page.status, 200, 'still valid just before expiry');
    clock.advance(2000);
    const late = await b.post(first, { csrf: csrfOf(page.body) });
    assert.equal(late.status, 410);
    assert.match(late.body, /This link has expired or was already used/);
    assert.equal(b.cookies.has('servus_portal'), false);
    assert.equal((await b.get(second)).status, 410);

    const third = await requestLink(w, b, c.email);
    const fourth = await requestLink(w, b, c.email);
    assert.equal((await useLink(b, fourth)).status, 303);
    assert.equal((await new Browser(w).get(third)).status, 410, 'the older link is spent once the customer signed in');
  });

  it('the sign-in button needs the key of its own page: a post from elsewhere signs nobody in and leaves the link usable', async () => {
    const c = await makeCustomer(w);
    const b = new Browser(w);
    const path = await requestLink(w, b, c.email);
    const foreign = await new Browser(w).post(path, { csrf: 'x'.repeat(22) });
    assert.equal(foreign.status, 403);
    assert.match(foreign.body, /you were not signed in/);
    const empty = await new Browser(w).post(path, {});
    assert.equal(empty.status, 403);
    assert.equal((await useLink(b, path)).status, 303);
  });

  it('returns to the page asked for before signing in, and never to another site', async () => {
    const c = await makeCustomer(w);
    const t = await ticketFor(w, c.id);
    const b = new Browser(w);
    const redirect = await b.get(`/portal/tickets/${t.number}`);
    assert.equal(redirect.status, 303);
    assert.equal(redirect.location, `/portal?returnTo=${encodeURIComponent(`/portal/tickets/${t.number}`)}`);
    const form = await b.get(redirect.location!);
    assert.match(form.body, new RegExp(`name="returnTo" value="/portal/tickets/${t.number}"`));
    const res = await useLink(b, await requestLink(w, b, c.email, `/portal/tickets/${t.number}`));
    assert.equal(res.location, `/portal/tickets/${t.number}`);

    for (const evil of ['https://evil.example/portal', '//evil.example/portal', '/portal/../admin', '/portal\\evil', '/help', '/portal/logout']) {
      const other = new Browser(w);
      const someone = await makeCustomer(w);
      const back = await useLink(other, await requestLink(w, other, someone.email, evil));
      assert.equal(back.location, '/portal', evil);
    }
  });

  it('the session cookie is Secure over https and slides: 30 days after the last visit it ends', async () => {
    const c = await makeCustomer(w, { name: 'Sina Sicher' });
    const b = new Browser(w, { https: true });
    const res = await useLink(b, await requestLink(w, b, c.email));
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((l) => l.startsWith('servus_portal='))!;
    assert.match(cookie, /Secure/);
    assert.match(cookie, new RegExp(`Max-Age=${SESSION_TTL_MS / 1000}`));

    clock.advance(20 * DAY);
    assert.match((await b.get('/portal')).body, /Sina Sicher/, 'a visit within 30 days keeps the session');
    clock.advance(20 * DAY);
    assert.match((await b.get('/portal')).body, /Sina Sicher/, '40 days after sign-in, but 20 after the last visit');
    clock.advance(SESSION_TTL_MS + 1000);
    const gone = await b.get('/portal');
    assert.match(gone.body, /Sign in to see your requests/);
    assert.doesNotMatch(gone.body, /Sina Sicher/);

    // The hourly housekeeping removes expired sessions and links.
    const db = w.s.servus.services.database.db;
    assert.equal((await db.select().from(portalSessions).where(eq(portalSessions.contactId, c.id))).length, 1);
    const prune = systemJobs({ db, clock, events: w.s.servus.services.events }).find((j) => j.name === 'system.prune')!;
    await prune.handler({});
    assert.equal((await db.select().from(portalSessions).where(eq(portalSessions.contactId, c.id))).length, 0);
    assert.equal((await db.select().from(portalLoginTokens).where(eq(portalLoginTokens.contactId, c.id))).length, 0);
  });

  it('signing out ends the session; the old cookie no longer works; signing out needs the CSRF token', async () => {
    const c = await makeCustomer(w);
    const b = new Browser(w);
    await signIn(w, b, c.email);
    const cookie = b.cookies.get('servus_portal')!;
    const refused = await b.post('/portal/logout', {});
    assert.equal(refused.status, 403);
    assert.match((await b.get('/portal')).body, /My requests<\/h1>/, 'still signed in after a refused sign-out');

    const res = await b.submit('/portal', '/portal/logout');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/portal?signedOut=1');
    assert.match((await b.get('/portal?signedOut=1')).body, /You are signed out/);
    const replay = new Browser(w);
    replay.cookies.set('servus_portal', cookie);
    assert.match((await replay.get('/portal')).body, /Sign in to see your requests/);
    assert.equal((await w.s.servus.services.database.db.select().from(portalSessions).where(eq(portalSessions.contactId, c.id))).length, 0);
  });

  it('limits link requests per address and per IP with 429 and Retry-After', async () => {
    const c = await makeCustomer(w);
    const b = new Browser(w);
    for (let i = 0; i < 5; i++) assert.equal((await b.post('/portal/login', { email: c.email })).status, 200);
    const limited = await new Browser(w).post('/portal/login', { email: c.email });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.body, /Too many requests/);
    assert.equal((await b.post('/portal/login', { email: `anders-${Date.now()}@kunde.example` })).status, 200, 'another address from the same IP still works');
    await runLinkJobs(w);

    const flood = new Browser(w);
    let last = 200;
    for (let i = 0; i < 31 && last === 200; i++) last = (await flood.post('/portal/login', { email: `flut-${i}-${Date.now()}@kunde.example` })).status;
    assert.equal(last, 429, 'one IP cannot ask for links to any number of addresses');
    await runLinkJobs(w);
    clock.advance(2 * 3600_000);
  });

  it('answers 404 on every portal page while the portal is switched off', async () => {
    const c = await makeCustomer(w);
    const b = new Browser(w);
    await signIn(w, b, c.email);
    const db = w.s.servus.services.database.db;
    await saveHelpCenterSettings(db, { portalEnabled: false }, clock.now());
    try {
      for (const url of ['/portal', '/portal/new', '/portal/tickets/1']) assert.equal((await b.get(url)).status, 404, url);
      assert.equal((await new Browser(w).post('/portal/login', { email: c.email })).status, 404);
      assert.deepEqual(await runLinkJobs(w), []);
    } finally {
      await saveHelpCenterSettings(db, { portalEnabled: true }, clock.now());
    }
  });

  it('shows a 503 page when no mail can be sent, and unknown portal paths get the HTML 404 page', async () => {
    const s = await startTestServer();
    try {
      const res = await s.servus.app.inject({ method: 'POST', url: '/portal/login', headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' }, payload: 'email=kim%40kunde.example' });
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /Sign-in links cannot be sent right now/);
      const missing = await s.servus.app.inject({ method: 'GET', url: '/portal/does-not-exist', headers: { 'accept-language': 'en' } });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.headers['content-type'] as string, /text\/html/);
      assert.match(missing.body, /Page not found/);
    } finally {
      await s.close();
    }
  });

  it('lets only admins switch organization sharing, and audits the change', async () => {
    const org = await makeOrg(w);
    const agent = await makeAgent(w.s);
    const refused = await call(w.s, 'PATCH', `/api/v1/organizations/${org}`, { as: agent, body: { portalShared: true } });
    assert.equal(refused.status, 403);
    const ok = await call(w.s, 'PATCH', `/api/v1/organizations/${org}`, { as: w.admin, body: { portalShared: true } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.portalShared, true);
    assert.equal((await call(w.s, 'GET', `/api/v1/organizations/${org}`, { as: agent })).body.portalShared, true);
    const bad = await call(w.s, 'PATCH', `/api/v1/organizations/${org}`, { as: w.admin, body: { portalShared: 'yes' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'body.portalShared');
    const audit = await w.s.servus.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'organization.portal_sharing_changed'), eq(auditLog.targetId, org)));
    assert.deepEqual(audit.map((a) => a.details), [{ before: false, after: true }]);
  });
});
