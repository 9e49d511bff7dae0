import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { desc, eq } from 'drizzle-orm';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent } from './harness.ts';
import { startSmtpSink } from './mail-support.ts';
import { answer, linksOf, makeCustomer, makeOrg, offerCsat, reportFor, setSettings, solvedTicket, tokenOf, unsubscribePathOf, visit, type SurveyWorld } from './surveys-support.ts';
import { sendCsatSurvey } from '../src/modules/surveys/index.ts';
import { outboxEvents } from '../src/platform/schema.ts';

const DAY = 86_400_000;

/** The signed one-click links, the rules that decide whether a survey goes out, and who sees the answer. */
describe('CSAT links and sending rules', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const w = {} as SurveyWorld;
  let member: TestAgent;
  let outsider: TestAgent;
  let team: { id: string };

  before(async () => {
    w.sink = await startSmtpSink();
    w.s = await startTestServer({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${w.sink.port}?pool=true&idleTimeout=300`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
    w.admin = await makeAgent(w.s, { role: 'admin' });
    member = await makeAgent(w.s, { name: 'Mia Member' });
    outsider = await makeAgent(w.s, { name: 'Otto Outsider' });
    team = await makeTeam(w.s, 'Support', [member]);
    await makeTeam(w.s, 'Elsewhere', [outsider]);
    await setSettings(w, { delayMinutes: 0, throttleDays: 0, scale: 2 });
  });
  after(async () => {
    await w.s?.close();
    await w.sink?.close();
  });

  it('mails one link per rating, auto-submitted, in English; a click records the rating and shows the follow-up form', async () => {
    const c = await makeCustomer(w);
    const t = await solvedTicket(w, c.id, { subject: 'Drucker <b>brennt</b>' });
    const mail = await offerCsat(w, t);
    assert.equal(mail.parsed.headers.get('auto-submitted'), 'auto-generated');
    assert.deepEqual(mail.envelope.to, [c.email]);
    assert.equal(mail.parsed.subject, `How did we do? (request #${t.number})`);
    assert.deepEqual([...linksOf(mail).keys()].sort(), [1, 2]);
    assert.ok(!(mail.parsed.html || '').includes('<b>brennt</b>'), 'the subject is escaped in the HTML part');
    const page = await visit(w, 'GET', linksOf(mail).get(1)!);
    assert.equal(page.status, 200);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.ok(!page.body.includes('<script'), 'no script on survey pages');
    assert.match(page.body, /Your rating: Bad, I’m unsatisfied/);
    assert.match(page.body, /<form method="post"/);
    const seen = await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: w.admin });
    assert.equal(seen.status, 200);
    assert.deepEqual([seen.body.data.length, seen.body.data[0].kind, seen.body.data[0].response.score, seen.body.data[0].response.good], [1, 'csat', 1, false]);
  });

  it('the same link changes the rating while the ticket is open; comment and reason are kept; survey.rated says good or bad', async () => {
    const c = await makeCustomer(w);
    const t = await solvedTicket(w, c.id);
    const mail = await offerCsat(w, t);
    const token = tokenOf(mail);
    assert.equal((await answer(w, token, { score: 1, comment: 'Zu langsam', reason: 'speed' })).status, 200);
    const changed = await answer(w, token, { score: 2 });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual([changed.body.score, changed.body.good, changed.body.comment, changed.body.reason], [2, true, 'Zu langsam', 'speed']);
    const list = (await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: w.admin })).body.data;
    assert.equal(list.length, 1, 'one rating per ticket');
    assert.deepEqual(list[0].response.reasonLabel, { en: 'Speed of the answer', de: 'Schnelligkeit der Antwort' });
    const events = await w.s.servus.services.database.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'survey.rated')).orderBy(desc(outboxEvents.id)).limit(2);
    const payloads = events.map((e) => (e.payload as { payload: { ticketId: string; good: boolean; changed: boolean } }).payload);
    assert.deepEqual(payloads.map((p) => [p.ticketId, p.good, p.changed]), [[t.id, true, true], [t.id, false, false]]);
  });

  it('a forged, truncated or wrong-purpose token is a plain 404 and records nothing', async () => {
    const c = await makeCustomer(w);
    const mail = await offerCsat(w, await solvedTicket(w, c.id));
    const token = tokenOf(mail);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const unsubscribeToken = unsubscribePathOf(mail).split('/')[2]!;
    for (const bad of [flipped, token.slice(0, 20), 'x', unsubscribeToken, `${token}A`]) {
      const page = await visit(w, 'GET', `/s/${bad}?score=2`);
      assert.equal(page.status, 404, bad);
      assert.match(page.body, /Link not found/);
      const api = await answer(w, bad, { score: 2 });
      assert.equal(api.status, 404, JSON.stringify(api.body));
    }
    assert.equal((await visit(w, 'POST', `/s/${token}/unsubscribe`)).status, 404, 'the rating token cannot unsubscribe');
  });

  it('an expired link shows a friendly page and records nothing (28 days by default)', async () => {
    const org = await makeOrg(w);
    const c = await makeCustomer(w, { organizationId: org });
    const t = await solvedTicket(w, c.id);
    const mail = await offerCsat(w, t);
    clock.advance(28 * DAY + 1000);
    assert.equal((await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: w.admin })).body.data[0].status, 'expired');
    const page = await visit(w, 'GET', linksOf(mail).get(2)!);
    assert.equal(page.status, 410);
    assert.match(page.body, /This survey has expired/);
    assert.equal((await answer(w, tokenOf(mail), { score: 2 })).status, 410);
    assert.equal((await reportFor(w, org)).csat.responses, 0);
  });

  it('rejects impossible answers, naming the field: a score outside the scale, NPS 11/−1/7.5, CES on a survey without it', async () => {
    const c = await makeCustomer(w);
    const token = tokenOf(await offerCsat(w, await solvedTicket(w, c.id)));
    for (const [body, path] of [
      [{ score: 3 }, 'body.score'],
      [{ score: 0 }, 'body.score'],
      [{ score: 11 }, 'body.score'],
      [{ score: -1 }, 'body.score'],
      [{ score: 7.5 }, 'body.score'],
      [{ score: 2, ces: 5 }, 'body.ces'],
      [{ score: 2, reason: 'nope' }, 'body.reason'],
      [{ score: 2, extra: true }, 'body'],
    ] as const) {
      const res = await answer(w, token, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok(JSON.stringify(res.body.error.details).includes(path.split('.')[0]!), JSON.stringify(res.body));
    }
    const page = await visit(w, 'GET', `/s/${token}?score=9`);
    assert.equal(page.status, 400);
  });

  it('waits for the delay after Solved, skips reopened, merged-away and opted-out tickets, and throttles to one per contact per 7 days', async () => {
    await setSettings(w, { delayMinutes: 24 * 60, throttleDays: 7 });
    const services = w.s.servus.services;
    const c = await makeCustomer(w);
    const t1 = await solvedTicket(w, c.id);
    assert.equal(await sendCsatSurvey(services, t1.id), 'not_due');
    clock.advance(24 * 60 * 60_000);
    await offerCsat(w, t1);
    assert.equal(await sendCsatSurvey(services, t1.id), 'already_offered');
    const t2 = await solvedTicket(w, c.id);
    clock.advance(24 * 60 * 60_000);
    assert.equal(await sendCsatSurvey(services, t2.id), 'throttled');
    clock.advance(6 * DAY);
    const t3 = await solvedTicket(w, c.id);
    assert.equal((await call(w.s, 'PATCH', `/api/v1/tickets/${t3.id}`, { as: w.admin, body: { status: 'open' } })).status, 200);
    clock.advance(DAY);
    assert.equal(await sendCsatSurvey(services, t3.id), 'not_solved', 'reopened before the survey went out');

    const d = await makeCustomer(w);
    const target = await solvedTicket(w, d.id, { status: 'open' });
    const source = await solvedTicket(w, d.id);
    const merged = await call(w.s, 'POST', `/api/v1/tickets/${target.id}/merge`, { as: w.admin, body: { sourceIds: [source.id] } });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    clock.advance(DAY);
    assert.equal(await sendCsatSurvey(services, source.id), 'merged');

    const e = await makeCustomer(w);
    const first = await solvedTicket(w, e.id);
    clock.advance(DAY);
    const mail = await offerCsat(w, first);
    const confirm = await visit(w, 'GET', unsubscribePathOf(mail));
    assert.equal(confirm.status, 200);
    assert.match(confirm.body, /Stop receiving surveys|unsubscribe/i);
    const done = await visit(w, 'POST', unsubscribePathOf(mail));
    assert.equal(done.status, 200);
    assert.match(done.body, /will not receive any more surveys/);
    clock.advance(8 * DAY);
    const later = await solvedTicket(w, e.id);
    clock.advance(DAY);
    assert.equal(await sendCsatSurvey(services, later.id), 'opted_out');
    await setSettings(w, { delayMinutes: 0, throttleDays: 0 });
  });

  it('writes to a German customer in German', async () => {
    const c = await makeCustomer(w, { locale: 'de' });
    const t = await solvedTicket(w, c.id);
    const mail = await offerCsat(w, t);
    assert.equal(mail.parsed.subject, `Wie zufrieden waren Sie? (Anfrage #${t.number})`);
    assert.match(mail.parsed.text ?? '', /Gut, ich bin zufrieden/);
    const page = await visit(w, 'GET', linksOf(mail).get(2)!);
    assert.match(page.body, /Vielen Dank für Ihre Bewertung/);
    assert.match(page.body, /lang="de"/);
  });

  it('agents see the rating of tickets they may see; others get 404', async () => {
    const c = await makeCustomer(w);
    const t = await solvedTicket(w, c.id, { teamId: team.id });
    await answer(w, tokenOf(await offerCsat(w, t)), { score: 2, comment: 'Super' });
    const mine = await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: member });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.data[0].response.comment, 'Super');
    const theirs = await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: outsider });
    assert.equal(theirs.status, 404);
    assert.equal((await call(w.s, 'GET', `/api/v1/tickets/00000000-0000-4000-8000-000000000000/surveys`, { as: w.admin })).status, 404);
  });

  it('the survey report counts only the ratings of tickets the agent may see', async () => {
    const org = await makeOrg(w);
    const c = await makeCustomer(w, { organizationId: org });
    const t = await solvedTicket(w, c.id, { teamId: team.id });
    await answer(w, tokenOf(await offerCsat(w, t)), { score: 1, comment: 'Zu langsam' });
    const q = `/api/v1/reports/surveys?organizationId=${org}&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`;
    const counted = async (as: TestAgent) => {
      const res = await call(w.s, 'GET', q, { as });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return [res.body.csat.offered, res.body.csat.bad];
    };
    assert.deepEqual(await counted(w.admin), [1, 1]);
    assert.deepEqual(await counted(member), [1, 1]);
    assert.deepEqual(await counted(outsider), [0, 0]);
  });

  it('exports every survey with its answer as CSV for admins, formulas neutralised; the report trend answers CSV too', async () => {
    const c = await makeCustomer(w);
    const t = await solvedTicket(w, c.id);
    await answer(w, tokenOf(await offerCsat(w, t)), { score: 2, comment: '=HYPERLINK("http://evil.example")' });
    const period = 'from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z';
    const csv = await call(w.s, 'GET', `/api/v1/exports/surveys.csv?${period}&kind=csat`, { as: w.admin });
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const text = String(csv.body);
    const lines = text.trim().split('\r\n');
    assert.match(lines[0]!, /^survey_id,kind,status,sent_at,ticket_number,contact_email,/);
    const line = lines.find((l) => l.includes(c.email))!;
    assert.ok(line.includes(`,${t.number},`), line);
    assert.ok(line.includes(`"'=HYPERLINK(""http://evil.example"")"`), line);
    assert.equal((await call(w.s, 'GET', `/api/v1/exports/surveys.csv?${period}`, { as: member })).status, 403);
    const trend = await call(w.s, 'GET', `/api/v1/reports/surveys?${period}&format=csv`, { as: w.admin });
    assert.match(String(trend.headers['content-type']), /^text\/csv/);
    assert.match(String(trend.body), /^period,csat_percent,nps,ces_mean,responses\r\n/);
  });
});
