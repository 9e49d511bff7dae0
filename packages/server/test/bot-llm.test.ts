/**
 * The answer bot with an OpenAI-compatible model, against a fake server on 127.0.0.1 that
 * speaks `POST /v1/chat/completions`: a cited answer is used (unknown citations removed, the
 * cited articles linked), NO_ANSWER becomes "I don't know" and a handover, and an answer
 * without citations, an HTTP 500, a reply slower than the timeout or a huge reply fall back to
 * the retrieval answer. The visitor never sees a model error or the API key.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { goOnline, makeChatChannel } from './chat-support.ts';
import { botVisitor, seedKb, setBot, type SeededArticle } from './bot-support.ts';

type Behaviour = { kind: 'answer'; content: string } | { kind: 'status'; status: number; body: string } | { kind: 'slow'; ms: number } | { kind: 'huge' };

const API_KEY = 'sk-test-3f9a1c77e2';
let behaviour: Behaviour = { kind: 'answer', content: '' };
const requests: { headers: http.IncomingHttpHeaders; url: string; body: any }[] = [];
let fake: http.Server;
let fakeUrl: string;

let s: TestServer;
let base: string;
let admin: TestAgent;
let kb: Record<string, SeededArticle>;
let channel: { id: string };

function reply(res: http.ServerResponse, content: string) {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'cmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
}

before(async () => {
  fake = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      requests.push({ headers: req.headers, url: req.url ?? '', body: JSON.parse(raw || '{}') });
      const b = behaviour;
      if (b.kind === 'answer') return reply(res, b.content);
      if (b.kind === 'status') return void res.writeHead(b.status, { 'content-type': 'application/json' }).end(b.body);
      if (b.kind === 'slow') return void setTimeout(() => (res.destroyed ? undefined : reply(res, 'Zu spät [1].')), b.ms);
      // Half a megabyte of "answer", without a Content-Length: only reading it shows the size.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"choices":[{"message":{"role":"assistant","content":"');
      for (let i = 0; i < 64; i++) res.write('x'.repeat(8192));
      res.end('"}}]}');
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;

  s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin' });
  const anna = await makeAgent(s, { name: 'Anna' });
  const team = await makeTeam(s, 'Kasse', [anna]);
  await goOnline(s, anna);
  channel = await makeChatChannel(s, admin, { teamId: team.id });
  kb = await seedKb(s, admin);
  await setBot(s, admin, { chatEnabled: true, mode: 'llm', llm: { baseUrl: fakeUrl, model: 'servus-test-7b', apiKey: API_KEY, timeoutMs: 1_000 } });
});
after(async () => {
  await s?.close();
  await new Promise((r) => fake.close(r));
});

const ask = (question: string, locale: 'de' | 'en' = 'de') => call(s, 'POST', '/api/v1/bot/test', { as: admin, body: { question, locale } });
const PRINTER_Q = 'Mein Bondrucker druckt keine Belege mehr';

describe('a model that answers', () => {
  it('is asked with the numbered passages, temperature 0, bounded tokens and the key; its cited answer is used and unknown citations are removed', async () => {
    behaviour = { kind: 'answer', content: 'Legen Sie die Thermopapierrolle mit der beschichteten Seite zum Druckkopf ein [1]. Laut Handbuch hilft auch ein Neustart [7].' };
    const before = requests.length;
    const res = await ask(PRINTER_Q);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(requests.length, before + 1);
    const sent = requests.at(-1)!;
    assert.equal(sent.url, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, `Bearer ${API_KEY}`);
    assert.equal(sent.body.model, 'servus-test-7b');
    assert.equal(sent.body.temperature, 0);
    assert.ok(sent.body.max_tokens > 0 && sent.body.max_tokens <= 1000);
    const [system, user] = sent.body.messages;
    assert.equal(system.role, 'system');
    assert.match(system.content, /\[1\] Bondrucker druckt nicht\n/);
    assert.match(system.content, /NO_ANSWER/);
    assert.match(system.content, /only/i);
    assert.deepEqual(user, { role: 'user', content: PRINTER_Q });

    assert.deepEqual([res.body.kind, res.body.via, res.body.fallback], ['answer', 'llm', null]);
    assert.equal(res.body.answer, 'Legen Sie die Thermopapierrolle mit der beschichteten Seite zum Druckkopf ein [1]. Laut Handbuch hilft auch ein Neustart.');
    assert.deepEqual(res.body.articles[0], { n: 1, title: 'Bondrucker druckt nicht', url: `/help/de/articles/${kb.printer!.slug.de}` });
    assert.equal(res.body.passages[0].n, 1);
  });

  it('NO_ANSWER means the bot does not know', async () => {
    behaviour = { kind: 'answer', content: 'NO_ANSWER' };
    const res = await ask('Kann der Bondrucker auch Etiketten für Pakete drucken?');
    assert.deepEqual([res.body.kind, res.body.via, res.body.answer, res.body.articles], ['no_answer', 'llm', '', []]);
  });

  it('is not asked when no article matches at all', async () => {
    const before = requests.length;
    const res = await ask('Wie wird das Wetter morgen in Hamburg?');
    assert.deepEqual([res.body.kind, res.body.passages], ['no_answer', []]);
    assert.equal(requests.length, before);
  });
});

describe('a model whose answer is not used: the retrieval answer stands', () => {
  const cases: [string, Behaviour, RegExp][] = [
    ['an answer without citations', { kind: 'answer', content: 'Starten Sie einfach den Computer neu, das hilft immer.' }, /cited no passage/],
    ['an answer citing only passages it was not given', { kind: 'answer', content: 'Rufen Sie den Hersteller an [4].' }, /cited no passage/],
    ['HTTP 500', { kind: 'status', status: 500, body: '{"error":"CUDA out of memory at /srv/models sk-internal-999"}' }, /HTTP 500/],
    ['a reply slower than the timeout', { kind: 'slow', ms: 2_500 }, /no answer within 1000 ms/],
    ['a huge reply', { kind: 'huge' }, /too large/],
  ];
  for (const [what, b, reason] of cases) {
    it(what, async () => {
      behaviour = b;
      const started = Date.now();
      const res = await ask(PRINTER_Q);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual([res.body.kind, res.body.via], ['answer', 'retrieval']);
      assert.match(res.body.fallback, reason);
      assert.match(res.body.answer, /Bondrucker keine Belege mehr druckt/);
      assert.ok(!JSON.stringify(res.body).includes('CUDA') && !JSON.stringify(res.body).includes('sk-'), 'nothing of the model server’s error or the key');
      assert.ok(Date.now() - started < 2_400, 'the timeout holds');
    });
  }
});

describe('in the chat', () => {
  it('the visitor gets the cited answer with its article links, and the retrieval answer when the model fails, never the error or the key', async () => {
    behaviour = { kind: 'answer', content: 'Klicken Sie auf „Passwort vergessen?“ und folgen Sie dem Link aus der E-Mail [1].' };
    const v = await botVisitor(s, base, channel.id, 'de');
    const cited = await v.ask('Ich habe mein Passwort vergessen');
    assert.equal(cited.bot.kind, 'answer');
    assert.equal(cited.bot.answer, 'Klicken Sie auf „Passwort vergessen?“ und folgen Sie dem Link aus der E-Mail [1].');
    assert.deepEqual(cited.bot.articles[0], { n: 1, title: 'Passwort vergessen: neues Passwort festlegen', url: `/help/de/articles/${kb.password!.slug.de}` });

    behaviour = { kind: 'status', status: 500, body: `{"error":"upstream failed, key ${API_KEY}"}` };
    const fallback = await v.ask(PRINTER_Q);
    assert.equal(fallback.bot.kind, 'answer');
    assert.match(fallback.bot.answer, /Bondrucker keine Belege mehr druckt/);
    const seen = JSON.stringify(v.sock.received);
    assert.ok(!seen.includes(API_KEY) && !seen.includes('upstream') && !seen.includes('500'), 'no error and no key reach the visitor');

    behaviour = { kind: 'answer', content: 'NO_ANSWER' };
    const unknown = await v.ask('Kann ich mit dem Bondrucker auch Pakete frankieren?');
    assert.equal(unknown.bot.kind, 'no_answer');
    await v.sock.waitFor((m) => m.type === 'status' && m.conversation.status === 'waiting', 'handed over');
    await v.close();
  });

  it('without a key no Authorization header is sent', async () => {
    await setBot(s, admin, { llm: { apiKey: '' } });
    behaviour = { kind: 'answer', content: 'Die Rechnungen stehen unter Konto → Rechnungen [1].' };
    const res = await ask('Wo finde ich meine Rechnung?');
    assert.equal(res.body.via, 'llm');
    assert.equal(requests.at(-1)!.headers.authorization, undefined);
  });
});
