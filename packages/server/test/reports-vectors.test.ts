import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { appendHistory, type HistoryEntry } from '../src/modules/tickets/history.ts';
import { kpiSummary } from '../src/modules/analytics/reports/index.ts';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { driveReports, report, say, setTicket, type ReportDriver } from './reports-support.ts';

const clock = new ManualClock(new Date('2026-04-06T08:00:00Z'));
let s: TestServer;
let admin: TestAgent;
let drive: ReportDriver;

before(async () => {
  s = await startTestServer({ clock });
  admin = await makeAgent(s, { role: 'admin' });
  drive = driveReports(s);
});
after(async () => {
  drive?.stop();
  await s?.close();
});

/** Opens `n` tickets through the API, a few at a time. */
async function open(n: number, body: Record<string, unknown>): Promise<Array<{ id: string; number: number }>> {
  const out: Array<{ id: string; number: number }> = [];
  for (let i = 0; i < n; i += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => makeTicket(s, admin, body)))));
  return out;
}

const period = (day: string) => `from=${day}T00:00:00Z&to=${day}T23:59:59Z`;

describe('K9 reopen rate (METRICS §8.6)', () => {
  it('50 tickets solved in the period, 4 reopened within 7 days → 8.0 %', async () => {
    clock.set('2026-04-06T08:00:00Z');
    const solved = await open(50, { subject: 'K9', status: 'solved' });
    clock.set('2026-04-08T08:00:00Z');
    for (const t of solved.slice(0, 4)) await setTicket(s, admin, t.id, { status: 'open' });
    clock.set('2026-04-14T09:00:00Z'); // 8 days after the solve: too late to count
    await setTicket(s, admin, solved[4]!.id, { status: 'open' });
    await drive.settle();
    const r = await report(s, admin, `/api/v1/reports/kpis?${period('2026-04-06')}`);
    assert.deepEqual(r.reopenRate, { percent: 8, count: 4, n: 50 });
    const drill = await report(s, admin, `/api/v1/reports/drilldown?metric=reopened&limit=100&${period('2026-04-06')}`);
    assert.deepEqual(drill.data.map((d: any) => d.id).sort(), solved.slice(0, 4).map((t) => t.id).sort());
  });
});

describe('K10 escalation rate (METRICS §8.6)', () => {
  it('500 tickets handled, 15 escalated to tier 2 → 3.0 %', async () => {
    const tier1 = await makeTeam(s, 'First level');
    const tier2 = await makeTeam(s, 'Second level');
    for (const [id, tier] of [[tier1.id, 1], [tier2.id, 2]] as const) {
      assert.equal((await call(s, 'PATCH', `/api/v1/teams/${id}/routing`, { as: admin, body: { escalationTier: tier } })).status, 200);
    }
    clock.set('2026-05-04T08:00:00Z');
    await open(485, { subject: 'K10 solved', status: 'solved' });
    const escalated = await open(15, { subject: 'K10 escalated', teamId: tier1.id });
    clock.set('2026-05-04T09:00:00Z');
    for (const t of escalated) {
      const res = await call(s, 'POST', `/api/v1/tickets/${t.id}/escalate`, { as: admin, body: { reason: 'Needs second level', targetTeamId: tier2.id } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    await drive.settle();
    const r = await report(s, admin, `/api/v1/reports/kpis?${period('2026-05-04')}`);
    assert.deepEqual(r.escalation, { rate: 3, escalated: 15, handled: 500, hierarchical: 15, functional: 0 });
    const drill = await report(s, admin, `/api/v1/reports/drilldown?metric=escalated&limit=100&${period('2026-05-04')}`);
    assert.equal(drill.data.length, 15);
  });
});

describe('K11 chat abandonment (METRICS §8.6)', () => {
  it('200 chats, 20 offline messages, 9 missed, 6 dropped → missed 5.0 %, not completed 8.3 %', async () => {
    clock.set('2026-06-01T10:00:00Z');
    const chats = await open(200, { subject: 'K11', channel: 'chat' });
    const ctx = makeCtx(s.servus.services, SYSTEM_ACTOR);
    const db = s.servus.services.database.db;
    const at = new Date('2026-06-01T10:05:00Z');
    for (const [i, t] of chats.entries()) {
      const conversationId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const entries: HistoryEntry[] =
        i < 20
          ? [{ type: 'chat_offline_message', after: { channelId: null, visitorId: null } }]
          : i < 29
            ? [{ type: 'chat_started', after: { conversationId } }, { type: 'chat_missed', after: { conversationId, waitedSeconds: 300, reason: 'visitor_left' } }, { type: 'chat_ended', after: { conversationId, reason: 'visitor_left' } }]
            : i < 35
              ? [{ type: 'chat_started', after: { conversationId } }, { type: 'chat_dropped', after: { conversationId, reason: 'visitor_left' } }, { type: 'chat_ended', after: { conversationId, reason: 'visitor_left' } }]
              : [{ type: 'chat_started', after: { conversationId } }, { type: 'chat_ended', after: { conversationId, reason: 'agent_ended' } }];
      await db.transaction((tx) => appendHistory(tx, ctx, t.id, entries, at));
    }
    await drive.settle();
    const r = await report(s, admin, `/api/v1/reports/kpis?${period('2026-06-01')}`);
    assert.deepEqual(r.chatAbandonment, { missedPercent: 5, nonCompletedPercent: 8.3, chats: 200, offline: 20, missed: 9, dropped: 6 });
    const missed = await report(s, admin, `/api/v1/reports/drilldown?metric=chat_missed&limit=100&${period('2026-06-01')}`);
    assert.deepEqual(missed.data.map((d: any) => d.id).sort(), chats.slice(20, 29).map((t) => t.id).sort());
  });
});

describe('K7 SLA target achievement (METRICS §8.6, §2.9)', () => {
  it('10 first-reply targets: 7 achieved, 2 breached, 1 active → 77.8 %', async () => {
    const policy = await call(s, 'POST', '/api/v1/sla-policies', {
      as: admin,
      body: { name: 'Urgent 1h', conditions: { priorities: ['urgent'] }, targets: { urgent: { first_reply: { minutes: 60, businessHours: false } } } },
    });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    clock.set('2026-07-06T08:00:00Z');
    const early = await open(9, { subject: 'K7', priority: 'urgent' });
    clock.set('2026-07-06T08:30:00Z');
    for (const t of early.slice(0, 7)) await say(s, admin, t.id, { text: 'On it.' });
    clock.set('2026-07-06T09:30:00Z');
    for (const t of early.slice(7)) await say(s, admin, t.id, { text: 'Sorry, late.' });
    const [running] = await open(1, { subject: 'K7 running', priority: 'urgent' });
    clock.set('2026-07-06T09:45:00Z');
    await drive.settle();
    const r = await report(s, admin, `/api/v1/reports/kpis?${period('2026-07-06')}`);
    assert.deepEqual(r.sla.targets, { achieved: 7, breached: 2, percent: 77.8 });
    assert.deepEqual(r.sla.byTarget, [{ metric: 'first_reply', achieved: 7, breached: 2, percent: 77.8 }]);
    assert.deepEqual(r.sla.byPolicy, [{ policyId: policy.body.id, name: 'Urgent 1h', achieved: 7, breached: 2, percent: 77.8 }]);
    const breached = await report(s, admin, `/api/v1/reports/drilldown?metric=sla_breached&${period('2026-07-06')}`);
    assert.deepEqual(breached.data.map((d: any) => d.id).sort(), early.slice(7).map((t) => t.id).sort());
    assert.ok(!breached.data.some((d: any) => d.id === running!.id));
    const series = await report(s, admin, `/api/v1/reports/series?metric=sla&interval=day&tz=UTC&${period('2026-07-06')}`);
    assert.deepEqual(series.points.map((p: any) => [p.value, p.n]), [[77.8, 9]]);
  });
});

describe('kpiSummary for scheduled reports', () => {
  it('gives the same figures as the API for the whole installation', async () => {
    const q = { from: '2026-04-01T00:00:00Z', to: '2026-08-01T00:00:00Z' };
    const direct = await kpiSummary({ db: s.servus.services.database.db, clock, actor: null }, q);
    const api = await report(s, admin, `/api/v1/reports/kpis?from=${q.from}&to=${q.to}`);
    assert.deepEqual(direct, api);
    assert.equal(direct.volume.total, 50 + 500 + 200 + 10);
  });
});
