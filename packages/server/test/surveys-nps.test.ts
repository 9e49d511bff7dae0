import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, ManualClock, startTestServer, type TestAgent } from './harness.ts';
import { startSmtpSink, type SinkMail } from './mail-support.ts';
import { answer, linksOf, makeCustomer, makeOrg, reportFor, setSettings, solvedTicket, tokenOf, unsubscribePathOf, visit, type SurveyWorld } from './surveys-support.ts';
import { runDueCampaigns } from '../src/modules/surveys/index.ts';

const DAY = 86_400_000;

/** NPS relationship campaigns: segments, quiet period, unsubscribe, schedule, and the vectors of METRICS §8.1. */
describe('NPS campaigns', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const w = {} as SurveyWorld;
  let agent: TestAgent;

  before(async () => {
    w.sink = await startSmtpSink();
    w.s = await startTestServer({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${w.sink.port}?pool=true&idleTimeout=300`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
    w.admin = await makeAgent(w.s, { role: 'admin' });
    agent = await makeAgent(w.s);
  });
  after(async () => {
    await w.s?.close();
    await w.sink?.close();
  });

  async function campaign(body: Record<string, unknown>) {
    const res = await call(w.s, 'POST', '/api/v1/survey-campaigns', { as: w.admin, body: { name: `NPS ${Math.random()}`, ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  /** Sends a campaign now and returns the mails it sent. */
  async function sendNow(id: string, expected: number): Promise<SinkMail[]> {
    const before = w.sink.mails.length;
    const res = await call(w.s, 'POST', `/api/v1/survey-campaigns/${id}/send`, { as: w.admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.sent, expected, JSON.stringify(res.body));
    await w.sink.waitFor(before + expected);
    return w.sink.mails.slice(before);
  }
  /** An organization of `n` customers surveyed by one campaign; answers `scores` (one per customer, in order). */
  async function surveyed(scores: number[], extra = 0) {
    const org = await makeOrg(w);
    for (let i = 0; i < scores.length + extra; i++) await makeCustomer(w, { organizationId: org });
    const c = await campaign({ segment: { organizationIds: [org] } });
    const mails = await sendNow(c.id, scores.length + extra);
    for (const [i, score] of scores.entries()) {
      const res = await answer(w, tokenOf(mails[i]!), { score });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    return { org, campaign: c, mails };
  }

  it('N1: [10,9,9,8,7,7,6,5,3,0] → P 3, Pa 3, D 4, NPS −10; asked 0–10 in one click', async () => {
    const { org, mails } = await surveyed([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]);
    assert.deepEqual([...linksOf(mails[0]!).keys()].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.match(mails[0]!.parsed.text ?? '', /How likely is it that you would recommend us/);
    const r = await reportFor(w, org);
    assert.deepEqual([r.nps.score, r.nps.promoters, r.nps.passives, r.nps.detractors, r.nps.responses, r.nps.sent, r.nps.responseRate], [-10, 3, 3, 4, 10, 10, 100]);
  });

  it('N2: 120×10, 50×8, 30×3 → +45', async () => {
    const { org } = await surveyed([...Array(120).fill(10), ...Array(50).fill(8), ...Array(30).fill(3)]);
    const r = await reportFor(w, org);
    assert.deepEqual([r.nps.score, r.nps.responses, r.nps.lowSample], [45, 200, false]);
  });

  it('N3, N4, N5: all passives → 0; no answers → null; 30 % promoters and 20 % detractors → +10', async () => {
    assert.equal((await reportFor(w, (await surveyed([7, 8, 7, 8])).org)).nps.score, 0);
    const none = await reportFor(w, (await surveyed([], 3)).org);
    assert.deepEqual([none.nps.score, none.nps.sent, none.nps.responseRate], [null, 3, 0]);
    assert.equal((await reportFor(w, (await surveyed([10, 9, 10, 8, 7, 8, 7, 7, 2, 6])).org)).nps.score, 10);
  });

  it('N7: boundaries 6 → detractor, 7 and 8 → passive, 9 → promoter; 11, −1 and 7.5 are refused', async () => {
    const { org, mails } = await surveyed([6, 7, 8, 9], 1);
    const r = await reportFor(w, org);
    assert.deepEqual([r.nps.detractors, r.nps.passives, r.nps.promoters], [1, 2, 1]);
    for (const score of [11, -1, 7.5]) {
      const res = await answer(w, tokenOf(mails[4]!), { score });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['body.score']);
    }
    assert.equal((await visit(w, 'GET', `/s/${tokenOf(mails[4]!)}?score=11`)).status, 400);
  });

  it('keeps the quiet period: nobody is surveyed twice within 90 days; preview counts who is left out', async () => {
    const { org, campaign: c } = await surveyed([10, 3]);
    const preview = await call(w.s, 'POST', '/api/v1/survey-campaigns/preview', { as: w.admin, body: { segment: { organizationIds: [org] } } });
    assert.deepEqual(preview.body, { matching: 2, optedOut: 0, quiet: 2, eligible: 0 });
    const again = await call(w.s, 'POST', `/api/v1/survey-campaigns/${c.id}/send`, { as: w.admin });
    assert.deepEqual(again.body, { sent: 0, skipped: 2 });
    clock.advance(91 * DAY);
    await sendNow(c.id, 2);
    await setSettings(w, { npsQuietDays: 200 });
    clock.advance(100 * DAY);
    assert.deepEqual((await call(w.s, 'POST', `/api/v1/survey-campaigns/${c.id}/send`, { as: w.admin })).body, { sent: 0, skipped: 2 });
    await setSettings(w, { npsQuietDays: 90 });
  });

  it('honours the unsubscribe link: the contact gets no more surveys', async () => {
    const { org, campaign: c, mails } = await surveyed([], 2);
    const path = unsubscribePathOf(mails[0]!);
    const form = await visit(w, 'GET', path);
    assert.equal(form.status, 200);
    assert.match(form.body, /<form method="post"/);
    assert.equal((await visit(w, 'POST', path)).status, 200);
    clock.advance(91 * DAY);
    const preview = await call(w.s, 'POST', '/api/v1/survey-campaigns/preview', { as: w.admin, body: { segment: { organizationIds: [org] } } });
    assert.deepEqual(preview.body, { matching: 2, optedOut: 1, quiet: 0, eligible: 1 });
    await sendNow(c.id, 1);
  });

  it('segments by ticket tags and recent activity', async () => {
    const org = await makeOrg(w);
    const tagged = await makeCustomer(w, { organizationId: org });
    const idle = await makeCustomer(w, { organizationId: org });
    await solvedTicket(w, tagged.id, { tags: ['vip'] });
    const seg = async (segment: Record<string, unknown>) => (await call(w.s, 'POST', '/api/v1/survey-campaigns/preview', { as: w.admin, body: { segment: { organizationIds: [org], ...segment } } })).body.matching;
    assert.equal(await seg({}), 2);
    assert.equal(await seg({ tags: ['vip'] }), 1);
    assert.equal(await seg({ activeWithinDays: 30 }), 1);
    clock.advance(31 * DAY);
    assert.equal(await seg({ activeWithinDays: 30 }), 0);
    assert.ok(idle.id);
  });

  it('runs scheduled campaigns when due, every N days', async () => {
    const org = await makeOrg(w);
    await makeCustomer(w, { organizationId: org });
    const c = await campaign({ segment: { organizationIds: [org] }, everyDays: 100 });
    assert.equal(c.nextRunAt, clock.now().toISOString());
    const before = w.sink.mails.length;
    assert.ok((await runDueCampaigns(w.s.servus.services)) >= 1);
    await w.sink.waitFor(before + 1);
    assert.equal(await runDueCampaigns(w.s.servus.services), 0, 'not due again right away');
    const after = (await call(w.s, 'GET', `/api/v1/survey-campaigns/${c.id}`, { as: w.admin })).body;
    assert.deepEqual([after.sent, after.nextRunAt], [1, new Date(clock.now().getTime() + 100 * DAY).toISOString()]);
    const paused = await call(w.s, 'PATCH', `/api/v1/survey-campaigns/${c.id}`, { as: w.admin, body: { active: false } });
    assert.equal(paused.status, 200);
    clock.advance(101 * DAY);
    assert.equal(await runDueCampaigns(w.s.servus.services), 0, 'an inactive campaign does not run');
  });

  it('manages campaigns (admins only) and refuses bad input, naming the field', async () => {
    const c = await campaign({ productName: 'Servus Cloud' });
    assert.equal((await call(w.s, 'GET', '/api/v1/survey-campaigns', { as: w.admin })).body.data.some((x: { id: string }) => x.id === c.id), true);
    assert.equal((await call(w.s, 'GET', '/api/v1/survey-campaigns', { as: agent })).status, 403);
    assert.equal((await call(w.s, 'POST', '/api/v1/survey-campaigns', { as: agent, body: { name: 'x' } })).status, 403);
    const bad = await call(w.s, 'POST', '/api/v1/survey-campaigns', { as: w.admin, body: { name: '', everyDays: 0 } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.map((d: { path: string }) => d.path).sort(), ['body.everyDays', 'body.name']);
    assert.equal((await call(w.s, 'DELETE', `/api/v1/survey-campaigns/${c.id}`, { as: w.admin })).status, 204);
    assert.equal((await call(w.s, 'GET', `/api/v1/survey-campaigns/${c.id}`, { as: w.admin })).status, 404);
  });

  it('lists comments by score and groups them into topics with the keywords that matched (German and English)', async () => {
    const { mails } = await surveyed([], 4);
    const texts: [number, string][] = [
      [2, 'Viel zu langsam, ewig warten müssen'],
      [3, 'The agent was rude and slow'],
      [9, 'Freundlich und schnell, danke'],
      [5, 'Rechnung war falsch und zu teuer'],
    ];
    for (const [i, [score, comment]] of texts.entries()) assert.equal((await answer(w, tokenOf(mails[i]!), { score, comment })).status, 200);
    const range = 'from=2026-01-01T00:00:00Z&to=2027-12-31T00:00:00Z';
    const topics = (await call(w.s, 'GET', `/api/v1/reports/surveys/topics?${range}&kind=nps`, { as: agent })).body;
    const speed = topics.groups.find((g: { topic: string }) => g.topic === 'speed');
    assert.equal(speed.count, 3);
    assert.deepEqual(speed.keywords.map((k: { keyword: string }) => k.keyword).sort(), ['langsam', 'schnell', 'slow', 'wart'].sort());
    assert.deepEqual(topics.groups.find((g: { topic: string }) => g.topic === 'billing').keywords.map((k: { keyword: string }) => k.keyword).sort(), ['rechnung', 'teuer']);
    assert.equal(topics.groups.find((g: { topic: string }) => g.topic === 'friendliness').count, 2);
    const low = (await call(w.s, 'GET', `/api/v1/reports/surveys/comments?${range}&score=2`, { as: agent })).body;
    assert.deepEqual(low.data.map((c: { comment: string }) => c.comment), ['Viel zu langsam, ewig warten müssen']);
    assert.deepEqual(low.data[0].topics, [{ topic: 'speed', keywords: ['langsam', 'wart'] }]);
    const billing = (await call(w.s, 'GET', `/api/v1/reports/surveys/comments?${range}&topic=billing`, { as: agent })).body;
    assert.deepEqual(billing.data.map((c: { score: number }) => c.score), [5]);
    const page1 = (await call(w.s, 'GET', `/api/v1/reports/surveys/comments?${range}&kind=nps&limit=2`, { as: agent })).body;
    const page2 = (await call(w.s, 'GET', `/api/v1/reports/surveys/comments?${range}&kind=nps&limit=2&cursor=${page1.nextCursor}`, { as: agent })).body;
    assert.equal(new Set([...page1.data, ...page2.data].map((c: { surveyId: string }) => c.surveyId)).size, 4);
    assert.equal((await call(w.s, 'GET', `/api/v1/reports/surveys/comments?${range}&topic=nonsense`, { as: agent })).status, 400);
  });
});
