import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, startTestServer } from './harness.ts';
import { startSmtpSink } from './mail-support.ts';
import { makeRule, ticketOf } from './automation-support.ts';
import { answer, linksOf, makeCustomer, setSettings, solvedTicket, tokenOf, visit, type SurveyWorld } from './surveys-support.ts';
import { inTransaction, makeCtx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { offerChatSurvey } from '../src/modules/surveys/index.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Surveys on a real worker: Solved → queued job → survey mail; a bad rating → trigger; the chat's in-widget survey. */
describe('surveys on the worker role', () => {
  const w = {} as SurveyWorld;

  before(async () => {
    w.sink = await startSmtpSink();
    w.s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker', SMTP_URL: `smtp://127.0.0.1:${w.sink.port}?pool=true&idleTimeout=300`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
    w.admin = await makeAgent(w.s, { role: 'admin' });
    await setSettings(w, { delayMinutes: 0, throttleDays: 0, scale: 2 });
  });
  after(async () => {
    await w.s?.close();
    await w.sink?.close();
  });

  it('solving a ticket mails the survey; a bad rating fires a “survey rated” trigger, a good one does not', async () => {
    const rule = await makeRule(w.s, w.admin, {
      kind: 'trigger',
      events: ['survey.rated'],
      conditions: { all: [{ field: 'survey.good', operator: 'is', value: false }] },
      actions: [{ type: 'add_tags', tags: ['bad-rating'] }],
    });
    const c = await makeCustomer(w);
    const bad = await solvedTicket(w, c.id, { subject: 'Bad one' });
    const good = await solvedTicket(w, c.id, { subject: 'Good one' });
    const mails = await w.sink.waitFor(2, 20_000);
    const mailOf = (n: number) => mails.find((m) => (m.parsed.subject ?? '').includes(`#${n})`))!;
    assert.equal((await visit(w, 'GET', linksOf(mailOf(bad.number)).get(1)!)).status, 200);
    assert.equal((await answer(w, tokenOf(mailOf(good.number)), { score: 2 })).status, 200);
    let state = await ticketOf(w.s, w.admin, bad.id);
    for (let i = 0; i < 150 && !state.tags.includes('bad-rating'); i++) {
      await wait(100);
      state = await ticketOf(w.s, w.admin, bad.id);
    }
    assert.deepEqual(state.tags, ['bad-rating']);
    await wait(500);
    assert.deepEqual((await ticketOf(w.s, w.admin, good.id)).tags, []);
    assert.equal((await call(w.s, 'GET', `/api/v1/automation-rules/${rule.id}`, { as: w.admin })).body.runCount, 1);
  });

  it('refuses a survey condition on a trigger without the “survey rated” event, naming the field', async () => {
    const res = await call(w.s, 'POST', '/api/v1/automation-rules', {
      as: w.admin,
      body: { kind: 'trigger', name: 'wrong event', events: ['ticket.updated'], conditions: { all: [{ field: 'survey.good', operator: 'is', value: false }], any: [] }, actions: [{ type: 'add_tags', tags: ['x'] }] },
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.ok(res.body.error.details.some((d: { path: string }) => d.path === 'body.conditions.all.0.field'), JSON.stringify(res.body));
  });

  it('offers the chat survey once at the end of a chat; the widget answers through the token', async () => {
    const c = await makeCustomer(w, { locale: 'de' });
    const t = await solvedTicket(w, c.id, { channel: 'chat', status: 'open' });
    const ctx = makeCtx(w.s.servus.services, SYSTEM_ACTOR);
    const offer = await inTransaction(ctx, (tx) => offerChatSurvey(tx, ctx, t.id));
    assert.ok(offer);
    assert.equal(offer.scale, 2);
    assert.equal(offer.question, 'Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage?');
    assert.equal(await inTransaction(ctx, (tx) => offerChatSurvey(tx, ctx, t.id)), null, 'one survey per ticket');
    const res = await answer(w, offer.token, { score: 2, comment: 'Schnelle Hilfe' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const seen = (await call(w.s, 'GET', `/api/v1/tickets/${t.id}/surveys`, { as: w.admin })).body.data;
    assert.deepEqual([seen[0].channel, seen[0].response.score, seen[0].response.comment], ['chat', 2, 'Schnelle Hilfe']);
    await setSettings(w, { channels: ['email'] });
    const other = await solvedTicket(w, c.id, { channel: 'chat', status: 'open' });
    assert.equal(await inTransaction(ctx, (tx) => offerChatSurvey(tx, ctx, other.id)), null, 'chat surveys off');
    await setSettings(w, { channels: ['email', 'chat', 'web', 'api', 'phone', 'form'] });
  });
});
