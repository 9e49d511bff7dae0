import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { startSmtpSink, type SmtpSink } from './mail-support.ts';
import { recomputeReports } from '../src/modules/analytics/reports/index.ts';
import { scheduledReportJobs, sendDueSummary } from '../src/modules/analytics/scheduled/index.ts';
import { latestSlot } from '../src/modules/analytics/scheduled/slot.ts';

const berlin = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00+01:00`);

describe('weekly slot', () => {
  it('is the latest local weekday and hour at or before now', () => {
    assert.equal(latestSlot(berlin(18, '12:00'), 1, 8, 'Europe/Berlin').toISO(), '2026-03-16T08:00:00.000+01:00');
    assert.equal(latestSlot(berlin(16, '07:59'), 1, 8, 'Europe/Berlin').toISO(), '2026-03-09T08:00:00.000+01:00');
    assert.equal(latestSlot(berlin(16, '08:00'), 1, 8, 'Europe/Berlin').toISO(), '2026-03-16T08:00:00.000+01:00');
    assert.equal(latestSlot(berlin(21, '10:00'), 0, 18, 'Europe/Berlin').toISO(), '2026-03-15T18:00:00.000+01:00');
    // Across the spring DST switch (29 March): Monday 08:00 is CEST.
    assert.equal(latestSlot(new Date('2026-03-30T07:00:00Z'), 1, 8, 'Europe/Berlin').toISO(), '2026-03-30T08:00:00.000+02:00');
  });
});

describe('weekly summary mail', () => {
  const clock = new ManualClock(berlin(10, '10:00'));
  let s: TestServer;
  let sink: SmtpSink;
  let admin: TestAgent;
  let lead: TestAgent;
  let agent: TestAgent;
  let team: { id: string };
  const settings = () => ({ enabled: true, recipientIds: [lead.id], extraEmails: ['Chefin@Firma.example'], weekday: 1, hour: 8, timeZone: 'Europe/Berlin', locale: 'en', teamId: team.id });

  async function runJob(expect: number) {
    const [def] = scheduledReportJobs(s.servus.services);
    await s.servus.services.jobs.send(def!, {});
    await sink.waitFor(expect, 20_000);
  }

  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer({ clock, env: { SERVUS_ROLES: 'http,worker', SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    lead = await makeAgent(s, { name: 'Lena Lead' });
    agent = await makeAgent(s, { name: 'Otto' });
    team = await makeTeam(s, '<b>Support</b>', [lead, agent]);
    await call(s, 'PATCH', '/api/v1/auth/me', { as: lead, body: { locale: 'de' } });
    // The week before Monday 16 March: three tickets of the team, one of another; one answered after 30 minutes.
    for (let i = 0; i < 3; i++) await makeTicket(s, admin, { teamId: team.id, channel: 'email' });
    await makeTicket(s, admin, { channel: 'email' });
    const [first] = (await call(s, 'GET', `/api/v1/tickets?teamId=${team.id}`, { as: admin })).body.data;
    clock.set(berlin(10, '10:30'));
    assert.equal((await call(s, 'POST', `/api/v1/tickets/${first.id}/messages`, { as: agent, body: { text: 'On it' } })).status, 201);
  });
  after(async () => {
    await s?.close();
    await sink?.close();
  });

  it('is admin-only and validates recipients and team, naming the field', async () => {
    assert.equal((await call(s, 'GET', '/api/v1/reports/weekly-summary', { as: lead })).status, 403);
    const off = await call(s, 'GET', '/api/v1/reports/weekly-summary', { as: admin });
    assert.equal(off.status, 200);
    assert.equal(off.body.enabled, false);
    assert.equal(off.body.mailConfigured, true);
    const unknown = await call(s, 'PUT', '/api/v1/reports/weekly-summary', { as: admin, body: { ...settings(), recipientIds: ['00000000-0000-4000-8000-000000000000'] } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details[0].path, 'body.recipientIds');
    const empty = await call(s, 'PUT', '/api/v1/reports/weekly-summary', { as: admin, body: { ...settings(), recipientIds: [], extraEmails: [] } });
    assert.equal(empty.status, 400);
    const badHour = await call(s, 'PUT', '/api/v1/reports/weekly-summary', { as: admin, body: { ...settings(), hour: 24 } });
    assert.equal(badHour.status, 400);
    assert.match(JSON.stringify(badHour.body.error), /hour/);
  });

  it('mails nothing for the slot that had passed when it was saved', async () => {
    clock.set(berlin(16, '07:00'));
    const saved = await call(s, 'PUT', '/api/v1/reports/weekly-summary', { as: admin, body: settings() });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.extraEmails, ['chefin@firma.example']);
    assert.equal(await sendDueSummary(s.servus.services), 0);
  });

  it('at Monday 08:00 mails last week’s KPIs once, in each recipient’s language, with every value escaped', async () => {
    await recomputeReports({ db: s.servus.services.database.db, clock });
    clock.set(berlin(16, '08:05'));
    await runJob(2);
    const de = sink.mails.find((m) => m.envelope.to.includes(lead.email))!;
    const en = sink.mails.find((m) => m.envelope.to.includes('chefin@firma.example'))!;
    assert.equal(de.parsed.subject, 'Servus Wochenbericht: 9. März 2026 – 15. März 2026');
    assert.equal(en.parsed.subject, 'Servus weekly summary: 9 Mar 2026 – 15 Mar 2026');
    const deText = de.parsed.text ?? '';
    assert.match(deText, /Hallo Lena Lead,/);
    assert.match(deText, /Erstellte Tickets\s+3\n/, deText);
    assert.match(deText, /Erste Antwortzeit \(Median\)\s+30 min\n/);
    assert.match(deText, /Team <b>Support<\/b>/);
    assert.match(deText, /https:\/\/help\.firma\.example\/reports/);
    const enText = en.parsed.text ?? '';
    assert.match(enText, /Tickets created\s+3\n/);
    assert.match(enText, /First reply time \(median\)\s+30 min\n/);
    assert.match(enText, /SLA targets achieved\s+no data\n/);
    const html = String(de.parsed.html);
    assert.ok(html.includes('Team &lt;b&gt;Support&lt;/b&gt;'), html);
    assert.ok(!html.includes('<b>Support</b>'));

    clock.set(berlin(16, '09:00'));
    assert.equal(await sendDueSummary(s.servus.services), 0, 'the slot was mailed already');
    // The job records the send right after the last mail left; wait for it.
    let state = await call(s, 'GET', '/api/v1/reports/weekly-summary', { as: admin });
    for (let i = 0; i < 50 && !state.body.lastSentAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await call(s, 'GET', '/api/v1/reports/weekly-summary', { as: admin });
    }
    assert.equal(state.body.lastSentAt, berlin(16, '08:05').toISOString());
  });

  it('sends nothing when disabled, and skips a slot missed by more than a day', async () => {
    clock.set(berlin(23, '08:30'));
    await call(s, 'PUT', '/api/v1/reports/weekly-summary', { as: admin, body: { ...settings(), enabled: false } });
    assert.equal(await sendDueSummary(s.servus.services), 0);
    clock.set(berlin(24, '07:00'));
    await call(s, 'PUT', '/api/v1/reports/weekly-summary', { as: admin, body: settings() });
    clock.set(berlin(31, '09:00'));
    assert.equal(await sendDueSummary(s.servus.services), 0, 'Monday 30 March 08:00 passed 25 hours ago');
  });
});
