import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { startSmtpSink, type SmtpSink } from './mail-support.ts';
import { notificationJobs, sendDueDigests } from '../src/modules/notifications/digest.ts';

/** The e-mail digest: many notifications make one mail per agent, and no notification is mailed twice. */
describe('notification digest', () => {
  const clock = new ManualClock(new Date());
  let s: TestServer;
  let sink: SmtpSink;
  let admin: TestAgent;
  let anna: TestAgent;
  let ben: TestAgent;
  let carl: TestAgent;
  let team: { id: string };

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await s.servus.services.events.flush();
      await new Promise((r) => setTimeout(r, 60));
    }
  }
  async function assign(to: TestAgent, subject: string) {
    const res = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject, requester: { email: 'kunde@example.org' }, message: { text: 'Hallo' }, teamId: team.id, assigneeId: to.id } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const mailsTo = (a: TestAgent) => sink.mails.filter((m) => m.envelope.to.includes(a.email));
  /** Runs the digest as the queue does: a real job, worked by the worker role. */
  async function runDigestJob(expectMails: number) {
    const [def] = notificationJobs(s.servus.services);
    await s.servus.services.jobs.send(def!, {});
    if (expectMails > 0) await sink.waitFor(expectMails, 15_000);
    else {
      const deadline = Date.now() + 15_000;
      while ((await s.servus.services.jobs.depth()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer({ clock, env: { SERVUS_ROLES: 'http,worker', SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    anna = await makeAgent(s, { name: 'Anna Berger' });
    ben = await makeAgent(s, { name: 'Ben Krause' });
    carl = await makeAgent(s, { name: 'Carl Clerk' });
    team = await makeTeam(s, 'Support', [anna, ben, carl]);
    await call(s, 'PATCH', '/api/v1/auth/me', { as: ben, body: { locale: 'de' } });
  });
  after(async () => {
    await s?.close();
    await sink?.close();
  });

  it('batches many notifications into one mail per agent once the interval has passed, in the agent’s language, with links', async () => {
    const prefs = (await call(s, 'GET', '/api/v1/notifications/preferences', { as: carl })).body;
    assert.equal(prefs.emailAvailable, true);
    delete prefs.emailAvailable;
    assert.equal((await call(s, 'PUT', '/api/v1/notifications/preferences', { as: carl, body: { ...prefs, digest: 'off' } })).status, 200);
    const tickets = [];
    for (const subject of ['Drucker', 'Scanner', '<img src=x onerror=alert(1)>']) tickets.push(await assign(anna, subject));
    const bens = [await assign(ben, 'Rechnung'), await assign(ben, 'Mahnung')];
    await assign(carl, 'Carl gets no mail');
    await settle();
    assert.equal((await call(s, 'GET', '/api/v1/notifications', { as: anna })).body.unreadCount, 3);

    clock.advance(30 * 60_000);
    assert.equal(await sendDueDigests(s.servus.services), 0, 'hourly: not due after 30 minutes');
    clock.advance(31 * 60_000);
    await runDigestJob(2);
    assert.equal(sink.mails.length, 2, 'one mail for Anna, one for Ben, none for Carl');

    const [a] = mailsTo(anna);
    assert.equal(a!.parsed.subject, 'Servus: 3 new notifications');
    assert.equal(a!.parsed.headers.get('auto-submitted'), 'auto-generated');
    const text = a!.parsed.text ?? '';
    for (const t of tickets) {
      assert.ok(text.includes(`#${t.number} assigned to you`), text);
      assert.ok(text.includes(`https://help.firma.example/tickets/${t.id}`), text);
    }
    assert.ok(text.includes('https://help.firma.example/settings/notifications'));
    const html = String(a!.parsed.html);
    assert.ok(!html.includes('<img src=x'), 'a subject is escaped in the HTML part');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
    assert.ok(html.includes(`href="https://help.firma.example/tickets/${tickets[0].id}"`));

    const [b] = mailsTo(ben);
    assert.equal(b!.parsed.subject, 'Servus: 2 neue Benachrichtigungen');
    assert.ok((b!.parsed.text ?? '').startsWith('Hallo Ben Krause,'));
    for (const t of bens) assert.ok((b!.parsed.text ?? '').includes(`#${t.number} wurde Ihnen zugewiesen`));
  });

  it('never mails a notification twice, not even when two runs overlap, and leaves out what was read', async () => {
    clock.advance(2 * 60 * 60_000);
    await runDigestJob(0);
    assert.equal(sink.mails.length, 2, 'nothing new, no mail');

    const read = await assign(anna, 'Already read');
    const fresh = await assign(anna, 'Still unread');
    await settle();
    const list = (await call(s, 'GET', '/api/v1/notifications', { as: anna })).body.data;
    const readOne = list.find((n: any) => n.ticketId === read.id);
    assert.equal((await call(s, 'POST', `/api/v1/notifications/${readOne.id}/read`, { as: anna })).status, 200);
    clock.advance(61 * 60_000);
    const runs = await Promise.all([sendDueDigests(s.servus.services), sendDueDigests(s.servus.services), sendDueDigests(s.servus.services)]);
    assert.equal(runs.reduce((x, y) => x + y, 0), 1, `runs sent ${runs.join(', ')}`);
    await sink.waitFor(3);
    const last = mailsTo(anna).at(-1)!;
    assert.equal(last.parsed.subject, 'Servus: 1 new notification');
    assert.ok((last.parsed.text ?? '').includes(`#${fresh.number} assigned to you: Still unread`));
    assert.ok(!(last.parsed.text ?? '').includes('Already read'));
    clock.advance(24 * 60 * 60_000);
    assert.equal(await sendDueDigests(s.servus.services), 0);
    assert.equal(sink.mails.length, 3);
  });

  it('keeps notifications for the next run when the mail server refuses', async () => {
    await assign(anna, 'Retry me');
    await settle();
    clock.advance(61 * 60_000);
    sink.reject = { code: 451, message: '4.3.0 try again later' };
    assert.equal(await sendDueDigests(s.servus.services), 0);
    sink.reject = null;
    assert.equal(await sendDueDigests(s.servus.services), 1);
    await sink.waitFor(4);
    assert.ok((mailsTo(anna).at(-1)!.parsed.text ?? '').includes('Retry me'));
  });

  it('sends e-mail-only kinds to the digest without showing them in the bell', async () => {
    const p = (await call(s, 'GET', '/api/v1/notifications/preferences', { as: anna })).body;
    delete p.emailAvailable;
    p.kinds.assigned = { inApp: false, email: true };
    p.digest = '15min';
    assert.equal((await call(s, 'PUT', '/api/v1/notifications/preferences', { as: anna, body: p })).status, 200);
    const t = await assign(anna, 'Mail only');
    await settle();
    assert.ok(!(await call(s, 'GET', '/api/v1/notifications', { as: anna })).body.data.some((n: any) => n.ticketId === t.id));
    clock.advance(16 * 60_000);
    assert.equal(await sendDueDigests(s.servus.services), 1);
    await sink.waitFor(5);
    assert.ok((mailsTo(anna).at(-1)!.parsed.text ?? '').includes('Mail only'));
  });
});
