/**
 * The contact form: validation that re-renders the form with its values, spam protection
 * (token bound to a cookie, honeypot, fill time, proof-of-work, rate limits), the ticket it
 * opens, and the deflection figures of its article suggestions.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { checkProofOfWork, POW_BITS, solveProofOfWork } from '../src/modules/knowledge/public/form-token.ts';
import { CONTACT_POLICY } from '../src/modules/knowledge/public/contact.ts';
import { call, makeAgent, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { fieldValue, makeHelpKb, page, type HelpKb, type PageRes } from './help-center-support.ts';

let s: TestServer;
let kb: HelpKb;
let agent: TestAgent;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(s.servus.services.database.db, query);

before(async () => {
  s = await startTestServer({ clock });
  kb = await makeHelpKb(s);
  agent = await makeAgent(s);
});
after(() => s?.close());

interface Visit {
  token: string;
  cookies: Record<string, string>;
  ip: string;
}

let ipSeq = 0;
/** Opens the form as a new visitor (own address and cookie). */
async function openForm(ip = `198.51.100.${++ipSeq}`, lang = 'de'): Promise<Visit & { res: PageRes }> {
  const res = await page(s, `/help/${lang}/contact`, { ip });
  assert.equal(res.status, 200);
  return { token: fieldValue(res.body, 'token'), cookies: res.cookies, ip, res };
}

const valid = (email = 'kunde@beispiel.de') => ({ name: 'Klara Kundin', email, subject: 'Bondrucker druckt nicht mehr', message: 'Seit heute früh kommt kein Bon mehr aus dem Drucker.' });

/** Posts the form of a visit, after `waitMs`, with or without the proof-of-work. */
async function send(v: Visit, fields: Record<string, string>, o: { waitMs?: number; pow?: boolean; headers?: Record<string, string> } = {}): Promise<PageRes> {
  clock.advance(o.waitMs ?? 7_000);
  const pow = o.pow === false ? '' : solveProofOfWork(v.token);
  return page(s, '/help/de/contact', { form: { token: v.token, pow, website_url: '', ...fields }, cookies: v.cookies, ip: v.ip, headers: o.headers });
}

const formTickets = () => q<{ subject: string }>(sql`select subject from tickets where channel = 'form' order by created_at`);

describe('the form page', () => {
  it('renders the fields, a token, the proof-of-work data and an honeypot, and sets a strict form cookie', async () => {
    const { res, cookies } = await openForm();
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<form class="contact" method="post" action="\/help\/de\/contact" novalidate data-contact data-lang="de" data-pow-bits="16">/);
    for (const f of ['name', 'email', 'subject', 'message']) assert.match(res.body, new RegExp(`id="f-${f}" name="${f}" required`));
    assert.match(res.body, /<div class="hp" aria-hidden="true">.*name="website_url" value="" tabindex="-1"/);
    assert.match(String(res.headers['set-cookie']), /servus_hc_form=[^;]+;.*HttpOnly; SameSite=Strict/);
    assert.ok(cookies.servus_hc_form);
  });
});

describe('validation', () => {
  it('names every failing field, keeps the values (escaped) and opens no ticket', async () => {
    const v = await openForm();
    const before = (await formTickets()).length;
    const res = await send(v, { name: '', email: 'not-an-address', subject: 'x', message: '<b>k</b>"' });
    assert.equal(res.status, 400);
    assert.match(res.body, /Bitte prüfen Sie Ihre Angaben:/);
    for (const f of ['name', 'email', 'subject', 'message']) assert.match(res.body, new RegExp(`id="f-${f}" name="${f}" required aria-required="true" aria-invalid="true" aria-describedby="e-${f}"`));
    assert.match(res.body, /value="not-an-address"/);
    assert.match(res.body, />&lt;b&gt;k&lt;\/b&gt;&quot;<\/textarea>/);
    assert.equal(fieldValue(res.body, 'token'), v.token, 'the same form visit goes on');
    assert.equal((await formTickets()).length, before);
  });

  it('refuses a post from another site, and one without the form cookie', async () => {
    const v = await openForm();
    const cross = await send(v, valid(), { headers: { origin: 'https://evil.example' } });
    assert.equal(cross.status, 400);
    const noCookie = await send({ ...v, cookies: {} }, valid());
    assert.equal(noCookie.status, 400);
    assert.match(noCookie.body, /Bitte lassen Sie Cookies für diese Seite zu/);
    assert.match(noCookie.body, /value="Bondrucker druckt nicht mehr"/, 'the values are kept');
    const forged = await send({ ...v, token: v.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, valid());
    assert.equal(forged.status, 400);
  });
});

describe('spam protection', () => {
  it('drops a post with the honeypot filled in while showing the confirmation', async () => {
    const before = (await formTickets()).length;
    const v = await openForm();
    const res = await send(v, { ...valid('bot@spam.example'), website_url: 'http://spam.example' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/help/de/contact/sent');
    assert.equal((await formTickets()).length, before);
  });

  it('refuses a form sent faster than a person can fill it in', async () => {
    const v = await openForm();
    const res = await send(v, valid(), { waitMs: 1_000 });
    assert.equal(res.status, 400);
    assert.match(res.body, /Das ging sehr schnell/);
    const plain = await openForm();
    const tooFast = await send(plain, valid(), { waitMs: CONTACT_POLICY.minFillMs.pow + 500, pow: false });
    assert.equal(tooFast.status, 400, 'without the proof-of-work the form needs longer');
  });

  it('refuses an expired form and issues a fresh token for the same visit', async () => {
    const v = await openForm();
    const res = await send(v, valid(), { waitMs: CONTACT_POLICY.maxAgeMs + 1000 });
    assert.equal(res.status, 400);
    assert.match(res.body, /Das Formular war zu lange geöffnet/);
    const fresh = fieldValue(res.body, 'token');
    assert.notEqual(fresh, v.token);
    assert.equal(fresh.split('.')[1], v.token.split('.')[1], 'the visit stays the same');
  });

  it('checks the proof-of-work as help.js solves it', async () => {
    const script = fs.readFileSync(path.resolve(import.meta.dirname, '../src/modules/knowledge/public/assets/help.js'), 'utf8');
    const window: { ServusHelp?: { sha256Words(t: string): number[]; solves(c: string, n: number, b: number): boolean } } = {};
    vm.runInNewContext(script, { window, TextEncoder, Math, Int32Array, Uint8Array, setTimeout });
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'ä€😀'.repeat(40)]) {
      const words = window.ServusHelp!.sha256Words(text);
      const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
      assert.equal(hex, createHash('sha256').update(text).digest('hex'), `sha256 of ${text.length} chars`);
    }
    const token = (await openForm()).token;
    const nonce = solveProofOfWork(token);
    assert.ok(window.ServusHelp!.solves(token, Number(nonce), POW_BITS));
    assert.ok(checkProofOfWork(token, nonce));
    assert.ok(!checkProofOfWork(token, String(Number(nonce) + 1)) || !checkProofOfWork(token, String(Number(nonce) + 2)), 'not every nonce passes');
  });

  it('limits tickets per email address and answers 429 with Retry-After', async () => {
    const email = 'viel@beispiel.de';
    for (let i = 0; i < CONTACT_POLICY.perEmail; i++) {
      const res = await send(await openForm(), { ...valid(email), subject: `Frage Nummer ${i + 1}` });
      assert.equal(res.status, 303, `post ${i + 1}`);
    }
    const over = await send(await openForm(), { ...valid(email), subject: 'Noch eine Frage' });
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers['retry-after']) > 0);
    assert.match(over.body, /Zu viele Anfragen/);
    assert.ok(!over.body.includes('Noch eine Frage'));
    clock.advance(CONTACT_POLICY.windowMs);
    assert.equal((await send(await openForm(), { ...valid(email), subject: 'Eine Stunde später' })).status, 303);
  });

  it('limits posts per address, harder without the proof-of-work', async () => {
    const ip = '203.0.113.200';
    for (let i = 0; i < CONTACT_POLICY.perIp.plain; i++) {
      assert.equal((await send(await openForm(ip), valid(`ohne-js-${i}@beispiel.de`), { pow: false })).status, 303);
    }
    assert.equal((await send(await openForm(ip), valid('ohne-js-x@beispiel.de'), { pow: false })).status, 429);
    for (let i = CONTACT_POLICY.perIp.plain; i < CONTACT_POLICY.perIp.pow; i++) {
      assert.equal((await send(await openForm(ip), valid(`mit-js-${i}@beispiel.de`))).status, 303, `with the proof-of-work, post ${i + 1}`);
    }
    assert.equal((await send(await openForm(ip), valid('mit-js-x@beispiel.de'))).status, 429);
    clock.advance(CONTACT_POLICY.windowMs);
  });
});

describe('a sent form', () => {
  it('opens a ticket from an unverified requester that agents see, once per form', async () => {
    const v = await openForm();
    const res = await send(v, { ...valid('neu@kunde.example'), subject: 'Kassenlade klemmt seit gestern' });
    assert.equal(res.status, 303);
    const sent = await page(s, res.headers.location as string);
    assert.match(sent.body, /Wir haben Ihre Anfrage erhalten und antworten Ihnen so bald wie möglich per E-Mail\./);
    assert.ok(!sent.body.includes('Kassenlade') && !sent.body.includes('Seit heute früh'), 'the confirmation does not echo the message');
    const again = await send(v, { ...valid('neu@kunde.example'), subject: 'Kassenlade klemmt seit gestern' });
    assert.equal(again.status, 303);
    const tickets = await call(s, 'GET', '/api/v1/tickets?limit=100', { as: agent });
    const mine = tickets.body.data.filter((t: { subject: string }) => t.subject === 'Kassenlade klemmt seit gestern');
    assert.equal(mine.length, 1, 'a form sent twice opens one ticket');
    assert.equal(mine[0].channel, 'form');
    const [identity] = await q<{ verified: boolean; name: string; locale: string }>(sql`
      select i.verified, c.name, c.locale from contact_identities i join contacts c on c.id = i.contact_id where i.kind = 'email' and i.value = 'neu@kunde.example'`);
    assert.deepEqual(identity, { verified: false, name: 'Klara Kundin', locale: 'de' });
    const messages = await call(s, 'GET', `/api/v1/tickets/${mine[0].id}/messages`, { as: agent });
    assert.match(JSON.stringify(messages.body), /Seit heute früh kommt kein Bon mehr aus dem Drucker\./);
  });
});

describe('deflection', () => {
  it('records suggestions, their opening, and whether the visit still ended in a ticket', async () => {
    const from = clock.now().toISOString();
    const suggest = (v: Visit, text: string) =>
      s.servus.app.inject({ method: 'POST', url: '/api/v1/help/suggestions', remoteAddress: v.ip, headers: { 'content-type': 'application/json', cookie: `servus_hc_form=${v.cookies.servus_hc_form}` }, payload: JSON.stringify({ q: text, lang: 'de', token: v.token }) });

    // A visitor who reads the suggested article and leaves: a deflection candidate.
    const reader = await openForm();
    const first = JSON.parse((await suggest(reader, 'Bondrucker druckt')).body);
    const again = JSON.parse((await suggest(reader, 'Bondrucker druckt nich')).body);
    assert.ok(first.data.length >= 1 && first.data.length <= 5);
    assert.equal(first.data[0].title, 'Bondrucker druckt nicht');
    assert.match(first.data[0].url, /^\/help\/de\/suggested\/[0-9a-f-]{36}$/);
    assert.equal(again.data[0].url, first.data[0].url, 'the same suggestion in one visit is one suggestion');
    for (const hit of first.data) assert.ok(!/Rückerstattung|Entwurf|TM-88/.test(hit.title));
    const opened = await page(s, first.data[0].url, { ip: reader.ip });
    assert.equal(opened.status, 302);
    assert.equal(opened.headers.location, `/help/de/articles/${kb.published.de}`);

    // A visitor who reads it and still writes: followed by a ticket.
    const writer = await openForm();
    const shown = JSON.parse((await suggest(writer, 'Bondrucker')).body);
    await page(s, shown.data[0].url, { ip: writer.ip });
    assert.equal((await send(writer, { ...valid('schreiber@kunde.example'), subject: 'Bondrucker immer noch aus' })).status, 303);

    // A visitor who ignores the suggestions.
    const skipper = await openForm();
    await suggest(skipper, 'Kassenlade');

    // Without a genuine token nothing is recorded, and links go straight to the article.
    const anonymous = JSON.parse((await suggest({ ...reader, token: 'forged' }, 'Bondrucker')).body);
    assert.match(anonymous.data[0].url, /^\/help\/de\/articles\//);

    const report = await call(s, 'GET', `/api/v1/reports/deflection?from=${encodeURIComponent(from)}&to=${encodeURIComponent(new Date(clock.now().getTime() + 1000).toISOString())}`, { as: agent });
    assert.equal(report.status, 200);
    const { visits, suggested, opened: openedCount, followedByTicket, candidates, articles } = report.body;
    assert.equal(visits, 3);
    assert.equal(openedCount, 2);
    assert.equal(followedByTicket, 1);
    assert.equal(candidates, 1);
    assert.ok(suggested >= 3);
    assert.deepEqual(articles[0], { translationId: articles[0].translationId, locale: 'de', title: 'Bondrucker druckt nicht', url: `/help/de/articles/${kb.published.de}`, opened: 2, candidates: 1 });
    const [row] = await q<{ ticket_id: string | null }>(sql`select ticket_id from kb_deflections where query = 'Bondrucker' and opened_at is not null`);
    assert.ok(row?.ticket_id, 'the written visit’s suggestion carries its ticket');
  });

  it('answers 404 for a suggestion link that does not exist', async () => {
    const res = await page(s, '/help/de/suggested/00000000-0000-4000-8000-000000000000');
    assert.equal(res.status, 404);
  });
});
