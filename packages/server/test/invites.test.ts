import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { call, makeAgent, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';

let s: TestServer;
let admin: TestAgent;
let sink: SMTPServer;
const inbox: ParsedMail[] = [];
const clock = new ManualClock(new Date());

before(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        inbox.push(m);
        done();
      }, done);
    },
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const port = (sink.server.address() as AddressInfo).port;
  s = await startTestServer({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Servus <servus@firma.example>', PUBLIC_URL: 'https://help.firma.example' } });
  admin = await makeAgent(s, { role: 'admin' });
});
after(async () => {
  await s.close();
  await new Promise<void>((r) => sink.close(() => r()));
});

describe('agent invitations', () => {
  it('mails a one-time link that sets the password and signs the new agent in', async () => {
    const res = await call(s, 'POST', '/api/v1/agents/invite', { as: admin, body: { email: 'Neu@Firma.example', name: 'Nora Neu', role: 'agent', locale: 'de' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.emailed, true);
    assert.equal(res.body.agent.invitePending, true);
    const mail = inbox.at(-1)!;
    assert.equal(mail.subject, 'Einladung zu Servus');
    assert.equal((mail.to as { text: string }).text, 'neu@firma.example');
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    const link = /https:\/\/help\.firma\.example\/invite\/(\S+)/.exec(mail.text ?? '')!;
    assert.equal(link[0], res.body.inviteUrl);
    const token = link[1]!;

    assert.deepEqual((await call(s, 'GET', `/api/v1/invites/${token}`)).body, { email: 'neu@firma.example', name: 'Nora Neu' });
    assert.equal((await call(s, 'POST', `/api/v1/invites/${token}/accept`, { body: { password: 'short' } })).status, 400);
    const accepted = await call(s, 'POST', `/api/v1/invites/${token}/accept`, { body: { password: 'a good long password' } });
    assert.equal(accepted.status, 200);
    const cookie = String(accepted.headers['set-cookie']).split(';')[0]!;
    assert.equal((await call(s, 'GET', '/api/v1/auth/me', { headers: { cookie } })).body.agent.email, 'neu@firma.example');
    assert.equal((await call(s, 'POST', `/api/v1/invites/${token}/accept`, { body: { password: 'another long password' } })).status, 404, 'single use');
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: 'neu@firma.example', password: 'a good long password' } });
    assert.equal(login.status, 200);
  });

  it('expires after 7 days, and a new invitation replaces the old link', async () => {
    const res = await call(s, 'POST', '/api/v1/agents/invite', { as: admin, body: { email: 'late@firma.example', name: 'Late' } });
    const first = res.body.inviteUrl.split('/').pop();
    const again = await call(s, 'POST', `/api/v1/agents/${res.body.agent.id}/invite`, { as: admin });
    const second = again.body.inviteUrl.split('/').pop();
    assert.equal((await call(s, 'GET', `/api/v1/invites/${first}`)).status, 404);
    assert.equal((await call(s, 'GET', `/api/v1/invites/${second}`)).status, 200);
    clock.advance(7 * 86400_000 + 1000);
    assert.equal((await call(s, 'GET', `/api/v1/invites/${second}`)).status, 404);
    assert.equal((await call(s, 'POST', `/api/v1/invites/${second}/accept`, { body: { password: 'a good long password' } })).status, 404);
  });

  it('only admins invite; forged or empty tokens are worthless', async () => {
    const agent = await makeAgent(s);
    assert.equal((await call(s, 'POST', '/api/v1/agents/invite', { as: agent, body: { email: 'x@firma.example', name: 'X' } })).status, 403);
    assert.equal((await call(s, 'GET', '/api/v1/invites/' + 'A'.repeat(43))).status, 404);
    assert.equal((await call(s, 'GET', '/api/v1/invites/%20')).status, 400);
  });
});
