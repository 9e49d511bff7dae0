import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, ManualClock, startTestServer } from './harness.ts';
import { startSmtpSink } from './mail-support.ts';
import { answer, linksOf, offerCsatAll, makeCustomer, makeOrg, offerCsat, reportFor, setSettings, solvedTicket, tokenOf, visit, type SurveyWorld } from './surveys-support.ts';
import { sendCsatSurvey } from '../src/modules/surveys/index.ts';

/** CSAT and CES through the product paths: a solved ticket, the survey mail, one click, the report (METRICS §8.2). */
describe('CSAT surveys: vectors C1–C7', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const w = {} as SurveyWorld;

  before(async () => {
    w.sink = await startSmtpSink();
    w.s = await startTestServer({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${w.sink.port}?pool=true&idleTimeout=300`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
    w.admin = await makeAgent(w.s, { role: 'admin' });
    await setSettings(w, { delayMinutes: 0, throttleDays: 0 });
  });
  after(async () => {
    await w.s?.close();
    await w.sink?.close();
  });

  /** Solved tickets for one customer of `org`, each offered a survey and rated with the given scores. */
  async function rated(org: string, scores: number[], how: 'click' | 'api' = 'click') {
    const customer = await makeCustomer(w, { organizationId: org });
    const tickets = [];
    for (let i = 0; i < scores.length; i++) tickets.push(await solvedTicket(w, customer.id));
    const mails = await offerCsatAll(w, tickets);
    for (const [i, score] of scores.entries()) {
      const mail = mails[i]!;
      if (how === 'click') {
        const page = await visit(w, 'GET', linksOf(mail).get(score)!);
        assert.equal(page.status, 200, page.body);
      } else {
        const res = await answer(w, tokenOf(mail), { score });
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
    }
  }

  it('C1: 45 good, 5 bad, 150 unanswered, 20 unoffered → CSAT 90.0 %, response rate 25.0 %', async () => {
    await setSettings(w, { scale: 2, channels: ['email', 'chat', 'web', 'api', 'form'] });
    const org = await makeOrg(w);
    await rated(org, [...Array(45).fill(2), ...Array(5).fill(1)], 'api');
    const customer = await makeCustomer(w, { organizationId: org });
    const unanswered = [];
    for (let i = 0; i < 150; i++) unanswered.push(await solvedTicket(w, customer.id));
    await offerCsatAll(w, unanswered);
    for (let i = 0; i < 20; i++) assert.equal(await sendCsatSurvey(w.s.servus.services, (await solvedTicket(w, customer.id, { channel: 'phone' })).id), 'channel');
    const r = await reportFor(w, org);
    assert.deepEqual([r.csat.percent, r.csat.good, r.csat.bad, r.csat.responses, r.csat.offered, r.csat.responseRate], [90, 45, 5, 50, 200, 25]);
    assert.equal(r.csat.lowSample, false);
    assert.ok(r.csat.wilson.low < 90 && r.csat.wilson.high > 90 && r.csat.wilson.high <= 100, JSON.stringify(r.csat.wilson));
    assert.equal(r.nps.score, null, 'no NPS answers: null, not 0');
  });

  it('C2: 5-point [5,5,4,4,3,2,1,5], satisfied = 4–5 → 62.5 %', async () => {
    await setSettings(w, { scale: 5 });
    const org = await makeOrg(w);
    await rated(org, [5, 5, 4, 4, 3, 2, 1, 5]);
    const r = await reportFor(w, org);
    assert.deepEqual([r.csat.percent, r.csat.good, r.csat.bad, r.csat.lowSample], [62.5, 5, 3, true]);
  });

  it('C3: 7 positive, 1 neutral, 2 negative → 70 % (neutral in the denominator)', async () => {
    await setSettings(w, { scale: 5 });
    const org = await makeOrg(w);
    await rated(org, [5, 5, 5, 4, 4, 4, 4, 3, 2, 1], 'api');
    assert.equal((await reportFor(w, org)).csat.percent, 70);
  });

  it('C4: 3-point Great 41, Okay 34, Not good 35 → happiness 5.45, CSAT (top box) 37.27 %', async () => {
    await setSettings(w, { scale: 3 });
    const org = await makeOrg(w);
    await rated(org, [...Array(41).fill(3), ...Array(34).fill(2), ...Array(35).fill(1)], 'api');
    const r = await reportFor(w, org);
    assert.deepEqual([r.csat.happiness, r.csat.percent, r.csat.responses], [5.45, 37.27, 110]);
  });

  it('C6: a rating after the ticket is closed is not recorded', async () => {
    await setSettings(w, { scale: 2 });
    const org = await makeOrg(w);
    const customer = await makeCustomer(w, { organizationId: org });
    const t = await solvedTicket(w, customer.id);
    const mail = await offerCsat(w, t);
    assert.equal((await call(w.s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: w.admin, body: { status: 'closed' } })).status, 200);
    const page = await visit(w, 'GET', linksOf(mail).get(2)!);
    assert.equal(page.status, 410);
    assert.match(page.body, /This request is closed/);
    const api = await answer(w, tokenOf(mail), { score: 2 });
    assert.equal(api.status, 410, JSON.stringify(api.body));
    const r = await reportFor(w, org);
    assert.deepEqual([r.csat.responses, r.csat.offered, r.csat.percent], [0, 1, null]);
    const seen = await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: w.admin });
    assert.deepEqual([seen.body.data[0].status, seen.body.data[0].response], ['closed', null]);
  });

  it('C7: CES 2.0 [7,6,5,4,2] asked after the CSAT click → mean 4.8, 60.0 % agree', async () => {
    await setSettings(w, { scale: 2, cesEnabled: true });
    const org = await makeOrg(w);
    const customer = await makeCustomer(w, { organizationId: org });
    for (const ces of [7, 6, 5, 4, 2]) {
      const mail = await offerCsat(w, await solvedTicket(w, customer.id));
      const path = linksOf(mail).get(2)!;
      const page = await visit(w, 'GET', path);
      assert.match(page.body, /made it easy for me to handle my issue/);
      const saved = await visit(w, 'POST', path.split('?')[0]!, { comment: 'Danke', ces: String(ces) });
      assert.equal(saved.status, 200, saved.body);
      assert.match(saved.body, /Your feedback has been saved/);
    }
    const r = await reportFor(w, org);
    assert.deepEqual([r.ces.mean, r.ces.percentAgree, r.ces.responses, r.ces.distribution], [4.8, 60, 5, [0, 1, 0, 1, 1, 1, 1]]);
    await setSettings(w, { cesEnabled: false });
  });
});
