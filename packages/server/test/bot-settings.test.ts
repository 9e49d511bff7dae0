/**
 * The answer bot's settings and report: admins change the settings (validated, the model's API
 * key write-only and never returned, every change audited); the test endpoint answers without
 * recording anything; the report counts sessions, answered, confirmed, handed over, abandoned
 * and still answering per channel, with confirmed / answered as the confirmation rate.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeChatChannel } from './chat-support.ts';
import { botVisitor, seedKb, setBot } from './bot-support.ts';

const KEY = 'sk-live-9c41d0e5aa';
let s: TestServer;
let clock: ManualClock;
let admin: TestAgent;
let agent: TestAgent;
let reader: TestAgent;

before(async () => {
  clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
  s = await startTestServer({ clock, env: { SERVUS_ROLES: 'http,ws' } });
  admin = await makeAgent(s, { role: 'admin' });
  agent = await makeAgent(s);
  reader = await makeAgent(s, { role: 'readonly' });
});
after(() => s.close());

const settings = (as: TestAgent) => call(s, 'GET', '/api/v1/bot/settings', { as });
const patch = (body: unknown, as = admin) => call(s, 'PATCH', '/api/v1/bot/settings', { as, body });

describe('settings', () => {
  it('start switched off, answering from the knowledge base only', async () => {
    const res = await settings(admin);
    assert.equal(res.status, 200);
    assert.deepEqual({ ...res.body, updatedAt: undefined }, {
      chatEnabled: false,
      emailSuggestions: false,
      mode: 'retrieval',
      llm: { baseUrl: '', model: '', apiKeySet: false, timeoutMs: 15_000 },
      updatedAt: undefined,
    });
  });

  it('keep the API key write-only: never returned, kept when left out, removed with an empty string; the change is audited without it', async () => {
    const set = await patch({ mode: 'llm', llm: { baseUrl: 'http://127.0.0.1:11434/', model: 'llama3.1:8b', apiKey: KEY, timeoutMs: 8_000 } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.llm, { baseUrl: 'http://127.0.0.1:11434', model: 'llama3.1:8b', apiKeySet: true, timeoutMs: 8_000 });
    assert.ok(!JSON.stringify(set.body).includes(KEY));
    const kept = await patch({ chatEnabled: true, llm: { model: 'qwen2.5:7b' } });
    assert.equal(kept.body.llm.apiKeySet, true);
    assert.equal(kept.body.chatEnabled, true);
    assert.ok(!JSON.stringify((await settings(admin)).body).includes(KEY));
    const audit = (await s.servus.services.database.raw.executeSql("select details from audit_log where action = 'bot.settings_updated' order by created_at", [])).rows;
    assert.equal(audit.length, 2);
    assert.deepEqual((audit[0] as any).details.changed, ['mode', 'llm.baseUrl', 'llm.model', 'llm.apiKey', 'llm.timeoutMs']);
    assert.ok(!JSON.stringify(audit).includes(KEY), 'the audit log names the key as changed, never its value');
    const removed = await patch({ llm: { apiKey: '' } });
    assert.equal(removed.body.llm.apiKeySet, false);
    await patch({ mode: 'retrieval', chatEnabled: false });
  });

  it('refuse what is not valid, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ mode: 'gpt' }, 'mode'],
      [{ llm: { baseUrl: 'file:///etc/passwd' } }, 'llm.baseUrl'],
      [{ llm: { baseUrl: 'gopher://127.0.0.1:70' } }, 'llm.baseUrl'],
      [{ llm: { baseUrl: 'http://user:secret@llm.example' } }, 'llm.baseUrl'],
      [{ llm: { timeoutMs: 50 } }, 'llm.timeoutMs'],
      [{ llm: { timeoutMs: 600_000 } }, 'llm.timeoutMs'],
      [{ llm: { apiKey: 'two words' } }, 'llm.apiKey'],
      [{ chatEnabled: 'yes' }, 'chatEnabled'],
      [{ enabled: true }, ''],
      [{ llm: { baseUrl: 'http://127.0.0.1:1', organisation: 'x' } }, 'llm'],
    ];
    for (const [body, field] of cases) {
      const res = await patch(body);
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status}`);
      assert.equal(res.body.error.code, 'validation_failed');
      if (field) assert.ok(JSON.stringify(res.body.error.details).includes(field), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(res.body.error.details)}`);
    }
    const noModel = await patch({ mode: 'llm', llm: { baseUrl: 'http://127.0.0.1:11434', model: '' } });
    assert.equal(noModel.status, 400);
    assert.deepEqual(noModel.body.error.details.map((d: any) => d.path), ['body.llm.model']);
    assert.equal((await settings(admin)).body.mode, 'retrieval', 'a refused change changes nothing');
  });

  it('are for admins only', async () => {
    for (const who of [agent, reader]) {
      assert.equal((await settings(who)).status, 403);
      assert.equal((await patch({ chatEnabled: true }, who)).status, 403);
      assert.equal((await call(s, 'POST', '/api/v1/bot/test', { as: who, body: { question: 'Passwort', locale: 'de' } })).status, 403);
    }
    assert.equal((await call(s, 'GET', '/api/v1/bot/settings')).status, 401);
  });
});

describe('report', () => {
  it('counts each outcome per channel; only confirmations are resolutions; test questions are not recorded', async () => {
    const base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
    const anna = await makeAgent(s, { name: 'Anna' });
    const team = await makeTeam(s, 'Kasse', [anna]);
    const other = await makeTeam(s, 'Anderes Team', []);
    const channel = await makeChatChannel(s, admin, { teamId: team.id });
    const elsewhere = await makeChatChannel(s, admin, { teamId: other.id });
    await seedKb(s, admin);
    await setBot(s, admin, { chatEnabled: true });
    const from = clock.now().toISOString();

    const tried = await call(s, 'POST', '/api/v1/bot/test', { as: admin, body: { question: 'Bondrucker druckt nicht', locale: 'de' } });
    assert.equal(tried.body.kind, 'answer');

    const confirmed = await botVisitor(s, base, channel.id, 'de');
    await confirmed.ask('Bondrucker druckt nicht');
    confirmed.action('yes');
    await confirmed.nextBot();
    const handed = await botVisitor(s, base, channel.id, 'en');
    await handed.ask('Where is my invoice as PDF?');
    handed.action('no');
    await handed.nextBot();
    const unknown = await botVisitor(s, base, channel.id, 'de');
    await unknown.ask('Wie wird das Wetter morgen?');
    const ended = await botVisitor(s, base, channel.id, 'de');
    await ended.ask('Passwort vergessen');
    ended.sock.send({ type: 'end' });
    await ended.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'ended', 'ended');
    const still = await botVisitor(s, base, channel.id, 'de');
    await still.ask('Rechnung herunterladen');
    const hidden = await botVisitor(s, base, elsewhere.id, 'de');
    await hidden.ask('Passwort vergessen');
    clock.advance(60_000);

    const report = await call(s, 'GET', `/api/v1/reports/bot?from=${encodeURIComponent(from)}&to=${encodeURIComponent(clock.now().toISOString())}`, { as: admin });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const chat = { sessions: 6, answered: 5, confirmed: 1, handedOver: 2, abandoned: 1, answering: 2, confirmationRate: 20 };
    assert.deepEqual(report.body.byChannel.chat, chat);
    assert.deepEqual(report.body.byChannel.email, { sessions: 0, answered: 0, confirmed: 0, handedOver: 0, abandoned: 0, answering: 0, confirmationRate: null });
    assert.deepEqual({ ...report.body, byChannel: undefined, period: undefined }, { ...chat, byChannel: undefined, period: undefined });

    // Anna sees the chats of her team only; a later period has none.
    const hers = await call(s, 'GET', `/api/v1/reports/bot?from=${encodeURIComponent(from)}`, { as: anna });
    assert.equal(hers.body.sessions, 5);
    const later = await call(s, 'GET', `/api/v1/reports/bot?from=${encodeURIComponent(clock.now().toISOString())}&to=${encodeURIComponent(new Date(clock.now().getTime() + 3_600_000).toISOString())}`, { as: reader });
    assert.equal(later.status, 200);
    assert.deepEqual([later.body.sessions, later.body.confirmationRate], [0, null]);
    const bad = await call(s, 'GET', `/api/v1/reports/bot?from=${encodeURIComponent(clock.now().toISOString())}&to=${encodeURIComponent(from)}`, { as: admin });
    assert.equal(bad.status, 400);
    for (const v of [confirmed, handed, unknown, ended, still, hidden]) await v.close();
  });
});
