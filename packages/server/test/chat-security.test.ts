/**
 * What keeps the widget safe: signed identities (good, bad, expired, another channel's
 * secret), the website allowlist on sessions, sockets and the iframe, tokens that only work on
 * their own channel, no way into another visitor's conversation or files, and uploads whose
 * type comes from their content.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { SHOP, makeChatChannel, newVisitor, say, session, visitorSocket } from './chat-support.ts';
import { signIdentity } from '../src/modules/chat/identity.ts';

let s: TestServer;
let base: string;
let admin: TestAgent;
let shop: { id: string; secret: string };
let other: { id: string; secret: string };
let widgetDir: string;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b1d8a5c00000000049454e44ae426082', 'hex');

before(async () => {
  widgetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-widget-'));
  fs.mkdirSync(path.join(widgetDir, 'assets'));
  fs.writeFileSync(path.join(widgetDir, 'widget.js'), '/* loader */');
  fs.writeFileSync(path.join(widgetDir, 'frame.html'), '<!doctype html><script type="module" src="/widget/assets/app-1a2b3c.js"></script>');
  fs.writeFileSync(path.join(widgetDir, 'assets', 'app-1a2b3c.js'), 'export {}');
  s = await startTestServer({ env: { SERVUS_ROLES: 'http,ws', WIDGET_DIR: widgetDir, CHAT_SESSIONS_PER_IP_PER_MINUTE: '1000' } });
  base = await s.servus.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await makeAgent(s, { role: 'admin' });
  shop = await makeChatChannel(s, admin, { allowedUploadTypes: ['image/*', 'text/plain'], maxUploadBytes: 4096 });
  other = await makeChatChannel(s, admin, { allowedOrigins: ['https://other.example'] });
});
after(async () => {
  await s.close();
  fs.rmSync(widgetDir, { recursive: true, force: true });
});

const now = () => Math.floor(Date.now() / 1000);
const identity = (secret: string, o: Partial<{ userId: string; email: string; timestamp: number }> = {}) => {
  const id = { userId: 'kunde-42', email: 'ada@kunde.example', timestamp: now(), ...o };
  return { ...id, name: 'Ada Lovelace', signature: signIdentity(secret, id) };
};

function upload(token: string, name: string, content: Buffer, origin = SHOP) {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  return fetch(`${base}/api/v1/chat/uploads?token=${token}`, { method: 'POST', body: form, headers: { origin } });
}

describe('signed identities', () => {
  it('links a correctly signed user to the contact with that email, marked verified', async () => {
    const v = await newVisitor(s, shop.id, { identity: identity(shop.secret) });
    const sock = await visitorSocket(base, v.token);
    sock.send(say('Hallo, ich bin angemeldet.'));
    const ack = await sock.waitFor((m) => m.type === 'ack', 'ack');
    await sock.close();
    const [row] = (await s.servus.services.database.raw.executeSql(
      `select c.email, c.name, i.verified from messages m join tickets t on t.id = m.ticket_id join contacts c on c.id = t.requester_id
       join contact_identities i on i.contact_id = c.id and i.kind = 'email' where m.id = $1`, [ack.id])).rows;
    assert.deepEqual(row, { email: 'ada@kunde.example', name: 'Ada Lovelace', verified: true });
  });

  it('refuses a wrong signature, an expired one and one made with another channel’s secret with the same 401', async () => {
    const cases = [
      { ...identity(shop.secret), signature: 'f'.repeat(64) },
      identity(shop.secret, { timestamp: now() - 11 * 60 }),
      identity(other.secret),
      { ...identity(shop.secret), email: 'mallory@kunde.example' },
    ];
    for (const id of cases) {
      const res = await session(s, shop.id, { identity: id });
      assert.equal(res.status, 401, JSON.stringify(res.body));
      assert.deepEqual(res.body.error, { code: 'unauthorized', message: 'the identity could not be verified' });
    }
  });

  it('does not resume a signed-in user’s session for someone else or for nobody', async () => {
    const ada = await newVisitor(s, shop.id, { identity: identity(shop.secret) });
    const bob = await newVisitor(s, shop.id, { token: ada.token, identity: identity(shop.secret, { userId: 'kunde-7', email: 'bob@kunde.example' }) });
    assert.notEqual(bob.visitorId, ada.visitorId);
    assert.notEqual(bob.token, ada.token);
    const loggedOut = await newVisitor(s, shop.id, { token: ada.token });
    assert.notEqual(loggedOut.visitorId, ada.visitorId);
    const again = await newVisitor(s, shop.id, { token: ada.token, identity: identity(shop.secret) });
    assert.equal(again.visitorId, ada.visitorId);
  });
});

describe('websites and tokens', () => {
  it('starts sessions only for the channel’s websites (or this server itself)', async () => {
    assert.equal((await session(s, shop.id, {}, 'https://evil.example')).status, 403);
    assert.equal((await call(s, 'POST', `/api/v1/chat/channels/${shop.id}/sessions`, { body: {} })).status, 403, 'no Origin');
    assert.equal((await session(s, shop.id, {}, 'https://shop.example:8443')).status, 403, 'another port is another website');
    const own = await call(s, 'POST', `/api/v1/chat/channels/${shop.id}/sessions`, { body: {}, headers: { origin: 'https://help.example', host: 'help.example' } });
    assert.equal(own.status, 200);
  });

  it('opens the visitor socket only from an allowed website, with a valid token', async () => {
    const v = await newVisitor(s, shop.id);
    await assert.rejects(visitorSocket(base, v.token, 'https://evil.example'), /HTTP 403/);
    await assert.rejects(visitorSocket(base, 'x'.repeat(43)), /HTTP 401/);
    await assert.rejects(visitorSocket(base, v.token, 'https://other.example'), /HTTP 403/, 'allowed for the other channel only');
    const ok = await visitorSocket(base, v.token);
    await ok.waitFor((m) => m.type === 'welcome', 'welcome');
    await ok.close();
  });

  it('serves the iframe only to the channel’s websites (frame-ancestors) and caches hashed assets for long', async () => {
    const frame = await fetch(`${base}/widget/frame?channel=${shop.id}&lang=de`);
    assert.equal(frame.status, 200);
    const csp = frame.headers.get('content-security-policy')!;
    assert.match(csp, /frame-ancestors https:\/\/shop\.example(;|$)/);
    assert.match(csp, /script-src 'self'/);
    assert.equal((await fetch(`${base}/widget/frame?channel=${randomUUID()}`)).status, 404);
    const asset = await fetch(`${base}/widget/assets/app-1a2b3c.js`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control')!, /max-age=31536000, immutable/);
    assert.equal((await fetch(`${base}/widget/assets/..%2Fwidget.js`)).status, 404);
    const loader = await fetch(`${base}/widget.js`);
    assert.equal(loader.status, 200);
    assert.match(loader.headers.get('content-type')!, /javascript/);
    const channel = await call(s, 'GET', `/api/v1/chat-channels/${shop.id}`, { as: admin });
    assert.match(channel.body.snippet, new RegExp(`<script src="http://localhost(:80)?/widget.js" data-channel="${shop.id}" async></script>`));
  });

  it('takes a token only on its own channel', async () => {
    const v = await newVisitor(s, shop.id);
    const onOther = await session(s, other.id, { token: v.token }, 'https://other.example');
    assert.equal(onOther.status, 401);
    const offline = await call(s, 'POST', `/api/v1/chat/channels/${other.id}/offline`, { body: { token: v.token, email: 'x@kunde.example', message: 'Hallo' }, headers: { origin: 'https://other.example' } });
    assert.equal(offline.status, 401);
    assert.equal((await session(s, shop.id, { token: v.token })).status, 200);
  });
});

describe('one visitor cannot reach another’s conversation', () => {
  it('keeps conversations, uploads and attachments to their own visitor', async () => {
    const a = await newVisitor(s, shop.id);
    const b = await newVisitor(s, shop.id);
    const aSock = await visitorSocket(base, a.token);
    aSock.send({ type: 'hello', lastSeq: 0 });
    aSock.send(say('Nur für mich'));
    await aSock.waitFor((m) => m.type === 'ack', 'ack');
    const up = await upload(a.token, 'bild.png', PNG);
    assert.equal(up.status, 201);
    const file = (await up.json()) as { id: string; contentType: string };
    assert.equal(file.contentType, 'image/png');

    const bSock = await visitorSocket(base, b.token);
    const welcome = await bSock.waitFor((m) => m.type === 'welcome', 'welcome');
    assert.equal(welcome.conversation, null);
    bSock.send({ type: 'hello', lastSeq: 0 });
    bSock.send({ type: 'message', clientId: randomUUID(), text: 'Her damit', attachmentIds: [file.id] });
    const refused = await bSock.waitFor((m) => m.type === 'error', 'refused attachment');
    assert.equal(refused.code, 'invalid');
    await bSock.never((m) => m.type === 'message' && m.message.text === 'Nur für mich', 'the other visitor’s message');

    const asB = await fetch(`${base}/api/v1/chat/attachments/${file.id}?token=${b.token}`);
    const none = await fetch(`${base}/api/v1/chat/attachments/${randomUUID()}?token=${b.token}`);
    assert.equal(asB.status, 404);
    assert.deepEqual(await asB.json(), await none.json());
    assert.equal((await fetch(`${base}/api/v1/chat/attachments/${file.id}?token=${'y'.repeat(43)}`)).status, 401);

    aSock.send({ type: 'message', clientId: randomUUID(), text: 'Mit Bild', attachmentIds: [file.id] });
    const sent = await aSock.waitFor((m) => m.type === 'message' && m.message.text === 'Mit Bild', 'message with file');
    assert.deepEqual(sent.message.attachments.map((x: any) => x.url), [`/api/v1/chat/attachments/${file.id}`]);
    const own = await fetch(`${base}/api/v1/chat/attachments/${file.id}?token=${a.token}`);
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('content-disposition')?.startsWith('attachment;'), true);
    assert.deepEqual(Buffer.from(await own.arrayBuffer()), PNG);
    await aSock.close();
    await bSock.close();
  });
});

describe('uploads', () => {
  it('sniffs the type: SVG and HTML are refused whatever their name, other types only when the channel allows them, size is capped', async () => {
    const v = await newVisitor(s, shop.id);
    const svg = await upload(v.token, 'foto.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'));
    assert.equal(svg.status, 415);
    const html = await upload(v.token, 'notiz.txt', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'));
    assert.equal(html.status, 415);
    const pdf = await upload(v.token, 'rechnung.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    assert.equal(pdf.status, 415, 'the channel allows images and text only');
    const big = await upload(v.token, 'gross.txt', Buffer.alloc(5000, 'a'));
    assert.equal(big.status, 413);
    const text = await upload(v.token, '../../etc/passwd', Buffer.from('nur Text'));
    assert.equal(text.status, 201);
    assert.deepEqual(await text.json().then((j: any) => [j.contentType, j.filename]), ['text/plain', 'passwd']);
    assert.equal((await upload(v.token, 'a.txt', Buffer.from('x'), 'https://evil.example')).status, 403);
  });
});
