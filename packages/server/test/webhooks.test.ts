/**
 * Outgoing webhooks end to end: admin API (secret shown once, URL checks on save, allow-list),
 * signed deliveries verified by an independent receiver on 127.0.0.1, retries with backoff and
 * the 4xx/5xx rules on a manual clock, redelivery, test events, rotation, subscriptions to
 * domain events and durability (the caller's transaction, the sweep). PGlite and PostgreSQL.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { call, makeAgent, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { inTransaction, makeCtx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { deliverWebhook, enqueueWebhookDelivery, subscribeWebhookEvents, sweepWebhookDeliveries } from '../src/modules/webhooks/index.ts';
import { createWebhook } from '../src/modules/webhooks/webhooks.ts';
import { webhookDeliveries } from '../src/modules/webhooks/schema.ts';

const MIN = 60_000;
const TOLERANCE_S = 300;

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** What an independent receiver concluded from the signature. */
  verified: boolean;
}

/**
 * A receiver as a customer would write one: it recomputes HMAC-SHA256 over "<t>.<raw body>"
 * with the secrets it knows, compares in constant time, and refuses timestamps older than
 * five minutes (by its own clock, `now()`), so a captured request cannot be replayed later.
 */
function verifySignature(header: string | undefined, rawBody: string, secrets: string[], nowSeconds: number): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > TOLERANCE_S) return false;
  const given = parts.filter(([k]) => k === 'v1').map(([, v]) => Buffer.from(v, 'hex'));
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
    return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
  });
}

async function startReceiver(clock: ManualClock) {
  const received: Received[] = [];
  const state = { secrets: [] as string[], answers: [] as { status: number; headers?: Record<string, string> }[] };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const verified = verifySignature(req.headers['x-servus-signature'] as string | undefined, body, state.secrets, Math.floor(clock.now().getTime() / 1000));
      received.push({ headers: req.headers, body, verified });
      const answer = state.answers.shift() ?? { status: verified ? 200 : 401 };
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end('RECEIVER-PRIVATE-RESPONSE-BODY');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { received, state, port, url: `http://127.0.0.1:${port}/hooks/servus?src=test`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('outgoing webhooks', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let s: TestServer;
  let admin: TestAgent;
  let agent: TestAgent;
  let rx: Awaited<ReturnType<typeof startReceiver>>;

  before(async () => {
    s = await startTestServer({ clock });
    admin = await makeAgent(s, { role: 'admin' });
    agent = await makeAgent(s);
    rx = await startReceiver(clock);
  });
  after(async () => {
    await rx?.close();
    await s?.close();
  });
  afterEach(() => {
    rx.state.answers = [];
  });

  const services = () => s.servus.services;
  const rows = async (webhookId: string) => services().database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));
  const row = async (id: string) => (await services().database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;
  async function allowLoopback() {
    const res = await call(s, 'PUT', '/api/v1/webhook-settings', { as: admin, body: { allowedHosts: ['127.0.0.1'] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  async function newWebhook(body: Record<string, unknown> = {}) {
    const res = await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: { name: `Hook ${Math.random()}`, url: rx.url, ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    rx.state.secrets.push(res.body.secret);
    return res.body as { webhook: { id: string }; secret: string };
  }
  async function trigger(webhookId: string, event = 'ticket.escalated', payload: unknown = { reason: 'vip' }) {
    const ctx = makeCtx(services(), { kind: 'automation', id: null });
    return inTransaction(ctx, (tx) => enqueueWebhookDelivery(tx, ctx, { webhookId, event, payload }));
  }

  it('refuses URLs that can never be delivered to, with the reason on the field', async () => {
    const cases: [string, RegExp][] = [
      ['file:///etc/passwd', /only http and https/],
      ['gopher://127.0.0.1:70/', /only http and https/],
      ['http://user:secret@hooks.example.com/', /user name or password/],
      ['not a url', /not a URL/],
      [rx.url, /127\.0\.0\.1 is a loopback address/],
      ['http://0x7f000001:8080/', /loopback/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://[::ffff:10.0.0.1]/', /private/],
    ];
    for (const [url, reason] of cases) {
      const res = await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: { name: 'Bad', url } });
      assert.equal(res.status, 400, `${url}: ${JSON.stringify(res.body)}`);
      const detail = res.body.error.details.find((d: { path: string }) => d.path === 'body.url');
      assert.match(detail?.message ?? '', reason, `${url}: ${JSON.stringify(res.body)}`);
    }
    const settings = await call(s, 'PUT', '/api/v1/webhook-settings', { as: admin, body: { allowedHosts: ['http://127.0.0.1/'] } });
    assert.equal(settings.status, 400);
  });

  it('checks the addresses a name resolves to on save, and accepts a name that does not resolve yet', async () => {
    const ctx = makeCtx(services(), SYSTEM_ACTOR);
    const resolver = async (host: string) => {
      if (host === 'intranet.example.com') return [{ address: '192.168.10.20', family: 4 as const }];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    await assert.rejects(createWebhook(ctx, { name: 'Intranet', url: 'https://intranet.example.com/hook', description: '', active: true, events: [] }, { resolver }), /192\.168\.10\.20 is a private address/);
    const later = await createWebhook(ctx, { name: 'Later', url: 'https://not-yet.example.com/hook', description: '', active: true, events: [] }, { resolver });
    assert.equal(later.webhook.url, 'https://not-yet.example.com/hook');
  });

  it('shows the signing secret once; the API never returns it again', async () => {
    await allowLoopback();
    const created = await newWebhook({ name: 'CRM sync', description: 'Pushes tickets to the CRM', events: ['ticket.created'] });
    assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.equal((created.webhook as any).hasSecret, true);
    for (const res of [await call(s, 'GET', '/api/v1/webhooks', { as: admin }), await call(s, 'GET', `/api/v1/webhooks/${created.webhook.id}`, { as: admin })]) {
      assert.equal(res.status, 200);
      assert.ok(!JSON.stringify(res.body).includes(created.secret), 'the secret came back');
    }
    const one = await call(s, 'GET', `/api/v1/webhooks/${created.webhook.id}`, { as: admin });
    assert.deepEqual(
      { name: one.body.name, url: one.body.url, description: one.body.description, active: one.body.active, events: one.body.events, hasSecret: one.body.hasSecret },
      { name: 'CRM sync', url: rx.url, description: 'Pushes tickets to the CRM', active: true, events: ['ticket.created'], hasSecret: true },
    );
    const audit = await services().database.raw.executeSql('select details::text as d from audit_log where target_id = $1', [created.webhook.id]);
    assert.ok(audit.rows.length > 0 && audit.rows.every((r: { d: string }) => !r.d.includes(created.secret)));
  });

  it('changes only the fields given and refuses a taken name', async () => {
    const { webhook } = await newWebhook({ name: 'Partial', active: false, events: ['message.created'], description: 'keep me' });
    const res = await call(s, 'PATCH', `/api/v1/webhooks/${webhook.id}`, { as: admin, body: { name: 'Partial renamed' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.name, res.body.active, res.body.events, res.body.description], ['Partial renamed', false, ['message.created'], 'keep me']);
    const dup = await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: { name: 'partial RENAMED', url: rx.url } });
    assert.equal(dup.status, 409);
  });

  it('signs each delivery so an independent receiver can verify it, with the documented headers and payload', async () => {
    const { webhook } = await newWebhook();
    const id = await trigger(webhook.id, 'ticket.escalated', { ticketNumber: 42, note: 'Grüße' });
    assert.equal((await row(id)).status, 'pending');
    assert.equal(await deliverWebhook(services(), id), 'delivered');
    const got = rx.received.at(-1)!;
    assert.equal(got.verified, true);
    assert.equal(got.headers['content-type'], 'application/json');
    assert.equal(got.headers['user-agent'], 'Servus-Webhooks/1');
    assert.equal(got.headers['x-servus-delivery'], id);
    assert.equal(got.headers['x-servus-event'], 'ticket.escalated');
    assert.equal(got.headers['x-servus-timestamp'], String(Math.floor(clock.now().getTime() / 1000)));
    assert.match(String(got.headers['x-servus-signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
    const payload = JSON.parse(got.body);
    assert.deepEqual(Object.keys(payload), ['id', 'event', 'createdAt', 'data']);
    assert.deepEqual([payload.event, payload.createdAt, payload.data], ['ticket.escalated', clock.now().toISOString(), { ticketNumber: 42, note: 'Grüße' }]);

    // The timestamp is inside the signature: a replay with a fresh timestamp fails, and so does
    // the original once it is older than the receiver's tolerance.
    const header = String(got.headers['x-servus-signature']);
    const now = Math.floor(clock.now().getTime() / 1000);
    const forged = header.replace(/^t=\d+/, `t=${now + 600}`);
    assert.equal(verifySignature(forged, got.body, rx.state.secrets, now + 600), false);
    assert.equal(verifySignature(header, got.body, rx.state.secrets, now + TOLERANCE_S + 1), false);
    assert.equal(verifySignature(header, got.body.replace('42', '43'), rx.state.secrets, now), false);
    assert.equal(verifySignature(header, got.body, ['whsec_someone_else'], now), false);
  });

  it('retries 5xx, 408 and 429 with exponential backoff and records every attempt', async () => {
    const { webhook } = await newWebhook();
    rx.state.answers = [{ status: 503 }, { status: 408 }, { status: 429, headers: { 'retry-after': '900' } }, { status: 500 }];
    const id = await trigger(webhook.id);
    const start = clock.now().getTime();
    assert.equal(await deliverWebhook(services(), id), 'pending');
    let r = await row(id);
    assert.equal(r.nextAttemptAt!.getTime() - start, 2 * MIN);
    // Not due yet: nothing is sent.
    const sent = rx.received.length;
    assert.equal(await deliverWebhook(services(), id), null);
    assert.equal(await sweepWebhookDeliveries(services()), 0);
    assert.equal(rx.received.length, sent);

    clock.advance(2 * MIN);
    assert.equal(await sweepWebhookDeliveries(services()), 1);
    r = await row(id);
    assert.equal(r.nextAttemptAt!.getTime() - clock.now().getTime(), 4 * MIN);
    clock.advance(4 * MIN);
    await sweepWebhookDeliveries(services());
    r = await row(id);
    // 429 asked for 15 minutes, longer than the 8 minutes of backoff.
    assert.equal(r.nextAttemptAt!.getTime() - clock.now().getTime(), 15 * MIN);
    clock.advance(15 * MIN);
    await sweepWebhookDeliveries(services());
    r = await row(id);
    assert.equal(r.nextAttemptAt!.getTime() - clock.now().getTime(), 16 * MIN);
    clock.advance(16 * MIN);
    await sweepWebhookDeliveries(services());
    r = await row(id);
    assert.equal(r.status, 'delivered');
    assert.deepEqual(r.attemptLog.map((a) => a.responseStatus), [503, 408, 429, 500, 200]);
    assert.equal(r.attempts, 5);
    assert.ok(r.attemptLog.every((a) => a.durationMs >= 0 && a.url === rx.url));

    const log = await call(s, 'GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { as: admin });
    assert.equal(log.status, 200);
    assert.deepEqual([log.body.data[0].id, log.body.data[0].status, log.body.data[0].attempts, log.body.data[0].responseStatus], [id, 'delivered', 5, 200]);
    const detail = await call(s, 'GET', `/api/v1/webhook-deliveries/${id}`, { as: admin });
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.attemptLog.map((a: any) => [a.responseStatus, a.errorClass]), [[503, 'http_status'], [408, 'http_status'], [429, 'http_status'], [500, 'http_status'], [200, null]]);
    assert.equal(detail.body.payload.event, 'ticket.escalated');
    assert.ok(!JSON.stringify(detail.body).includes('RECEIVER-PRIVATE-RESPONSE-BODY'), 'the response body was echoed');
  });

  it('gives up after six attempts over about an hour', async () => {
    const { webhook } = await newWebhook();
    rx.state.answers = Array.from({ length: 6 }, () => ({ status: 502 }));
    const id = await trigger(webhook.id);
    const start = clock.now().getTime();
    await deliverWebhook(services(), id);
    for (let i = 0; i < 5; i++) {
      clock.set((await row(id)).nextAttemptAt!);
      await sweepWebhookDeliveries(services());
    }
    const r = await row(id);
    assert.equal(r.status, 'failed');
    assert.equal(r.attempts, 6);
    assert.equal(r.nextAttemptAt, null);
    assert.equal((r.lastAttemptAt!.getTime() - start) / MIN, 2 + 4 + 8 + 16 + 32);
    clock.advance(60 * MIN);
    assert.equal(await sweepWebhookDeliveries(services()), 0);
  });

  it('fails at once on other 4xx answers and on unfollowed redirects', async () => {
    const { webhook } = await newWebhook();
    for (const [status, errorClass] of [[404, 'http_status'], [410, 'http_status'], [400, 'http_status'], [303, 'redirect']] as const) {
      rx.state.answers = [{ status, headers: status === 303 ? { location: '/elsewhere' } : {} }];
      const id = await trigger(webhook.id);
      assert.equal(await deliverWebhook(services(), id), 'failed', `status ${status}`);
      const r = await row(id);
      assert.deepEqual([r.attempts, r.responseStatus, r.errorClass, r.nextAttemptAt], [1, status, errorClass, null]);
    }
  });

  it('retries when nothing listens, and stops for an address the allow-list no longer covers', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { webhook } = await newWebhook({ url: `http://127.0.0.1:${port}/gone` });
    const id = await trigger(webhook.id);
    assert.equal(await deliverWebhook(services(), id), 'pending');
    assert.equal((await row(id)).errorClass, 'connection');

    assert.equal((await call(s, 'PUT', '/api/v1/webhook-settings', { as: admin, body: { allowedHosts: [] } })).status, 200);
    clock.set((await row(id)).nextAttemptAt!);
    assert.equal(await deliverWebhook(services(), id), 'failed');
    const r = await row(id);
    assert.equal(r.errorClass, 'blocked_address');
    assert.match(r.errorMessage!, /127\.0\.0\.1 is a loopback address/);
    await allowLoopback();
  });

  it('redelivers a delivery with the same payload and event id, as one new attempt', async () => {
    const { webhook } = await newWebhook();
    rx.state.answers = [{ status: 404 }];
    const first = await trigger(webhook.id, 'ticket.escalated', { n: 1 });
    assert.equal(await deliverWebhook(services(), first), 'failed');
    const firstBody = rx.received.at(-1)!.body;

    const res = await call(s, 'POST', `/api/v1/webhook-deliveries/${first}/redeliver`, { as: admin });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual([res.body.status, res.body.source, res.body.redeliveryOf, res.body.maxAttempts], ['pending', 'redelivery', first, 1]);
    assert.equal(await deliverWebhook(services(), res.body.id), 'delivered');
    const again = rx.received.at(-1)!;
    assert.equal(again.body, firstBody);
    assert.equal(again.headers['x-servus-delivery'], res.body.id);
    assert.equal(again.verified, true);
    assert.equal((await row(res.body.id)).eventId, (await row(first)).eventId);
    assert.equal((await call(s, 'POST', `/api/v1/webhook-deliveries/${randomUUID()}/redeliver`, { as: admin })).status, 404);
  });

  it('sends a test event as one attempt, even while the webhook is switched off', async () => {
    const { webhook } = await newWebhook({ active: false });
    const res = await call(s, 'POST', `/api/v1/webhooks/${webhook.id}/test`, { as: admin });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual([res.body.event, res.body.source, res.body.maxAttempts], ['webhook.test', 'test', 1]);
    assert.equal(await deliverWebhook(services(), res.body.id), 'delivered');
    const got = rx.received.at(-1)!;
    assert.equal(got.verified, true);
    assert.equal(JSON.parse(got.body).data.webhook.id, webhook.id);
    const listed = await call(s, 'GET', '/api/v1/webhooks', { as: admin });
    assert.equal(listed.body.data.find((w: any) => w.id === webhook.id).lastDelivery.status, 'delivered');

    // Trigger actions cannot use a switched-off or unknown webhook; a delivery queued before it was switched off is not sent.
    await assert.rejects(trigger(webhook.id), (err: any) => err.code === 'validation_failed');
    await assert.rejects(trigger(randomUUID()), (err: any) => err.code === 'validation_failed');
    await call(s, 'PATCH', `/api/v1/webhooks/${webhook.id}`, { as: admin, body: { active: true } });
    const id = await trigger(webhook.id);
    await call(s, 'PATCH', `/api/v1/webhooks/${webhook.id}`, { as: admin, body: { active: false } });
    const before = rx.received.length;
    assert.equal(await deliverWebhook(services(), id), 'failed');
    assert.equal((await row(id)).errorClass, 'inactive');
    assert.equal(rx.received.length, before);
  });

  it('rotates the secret, signing with both secrets until the old one expires', async () => {
    const { webhook, secret: old } = await newWebhook();
    const res = await call(s, 'POST', `/api/v1/webhooks/${webhook.id}/rotate-secret`, { as: admin, body: {} });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const fresh = res.body.secret as string;
    assert.notEqual(fresh, old);
    assert.equal(res.body.webhook.previousSecretExpiresAt, new Date(clock.now().getTime() + 24 * 60 * MIN).toISOString());
    assert.ok(!JSON.stringify((await call(s, 'GET', `/api/v1/webhooks/${webhook.id}`, { as: admin })).body).includes(fresh));

    // A receiver that still has only the old secret keeps verifying during the grace period.
    rx.state.secrets = [old];
    await deliverWebhook(services(), await trigger(webhook.id));
    let got = rx.received.at(-1)!;
    assert.match(String(got.headers['x-servus-signature']), /^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    assert.equal(got.verified, true);

    clock.advance(25 * 60 * MIN);
    rx.state.answers = [{ status: 200 }];
    await deliverWebhook(services(), await trigger(webhook.id));
    got = rx.received.at(-1)!;
    assert.equal(got.verified, false);
    assert.equal(verifySignature(String(got.headers['x-servus-signature']), got.body, [fresh], Math.floor(clock.now().getTime() / 1000)), true);
    rx.state.secrets = [fresh];

    const now = await call(s, 'POST', `/api/v1/webhooks/${webhook.id}/rotate-secret`, { as: admin, body: { keepPreviousForHours: 0 } });
    assert.equal(now.body.webhook.previousSecretExpiresAt, null);
  });

  it('delivers subscribed domain events with the ticket, and only to subscribers', async () => {
    const stop = subscribeWebhookEvents(services());
    try {
      const subscribed = (await newWebhook({ events: ['ticket.created', 'message.created'] })).webhook;
      const other = (await newWebhook({ events: ['ticket.merged'] })).webhook;
      const ticket = await makeTicket(s, agent, { subject: 'Webhook on create' });
      let found: Awaited<ReturnType<typeof rows>> = [];
      for (let i = 0; i < 100 && found.length < 2; i++) {
        await services().events.flush();
        await new Promise((r) => setTimeout(r, 20));
        found = await rows(subscribed.id);
      }
      assert.deepEqual(found.map((d) => d.event).sort(), ['message.created', 'ticket.created']);
      assert.ok(found.every((d) => d.ticketId === ticket.id && d.source === 'event' && d.sourceEventId !== null));
      assert.deepEqual(await rows(other.id), []);
      const created = found.find((d) => d.event === 'ticket.created')!;
      assert.equal(await deliverWebhook(services(), created.id), 'delivered');
      const payload = JSON.parse(rx.received.at(-1)!.body);
      assert.equal(payload.data.ticket.subject, 'Webhook on create');
      assert.equal(payload.data.ticket.requester.id, ticket.requesterId);
      assert.deepEqual(payload.data.actor, { kind: 'agent', id: agent.id });
      const message = JSON.parse(found.find((d) => d.event === 'message.created')!.body);
      assert.equal(message.data.message.text, 'Please help.');
    } finally {
      stop();
    }
  });

  it('is durable: written in the caller’s transaction, and a delivery whose job was lost is sent by the sweep', async () => {
    const { webhook } = await newWebhook();
    const ctx = makeCtx(services(), SYSTEM_ACTOR);
    await assert.rejects(
      inTransaction(ctx, async (tx) => {
        await enqueueWebhookDelivery(tx, ctx, { webhookId: webhook.id, event: 'ticket.escalated', payload: {} });
        throw new Error('the caller failed');
      }),
      /the caller failed/,
    );
    assert.deepEqual(await rows(webhook.id), []);
    const jobs = await services().database.raw.executeSql("select count(*)::int as n from pgboss.job where name = 'webhooks.deliver' and data->>'id' is not null", []);

    const id = await trigger(webhook.id);
    const after = await services().database.raw.executeSql("select count(*)::int as n from pgboss.job where name = 'webhooks.deliver' and data->>'id' is not null", []);
    assert.equal(after.rows[0].n, jobs.rows[0].n + 1, 'one job per delivery, written with it');
    // The worker never ran (this server has no worker role): the sweep finds the due delivery.
    assert.ok((await sweepWebhookDeliveries(services())) >= 1);
    assert.equal((await row(id)).status, 'delivered');
  });

  it('pages the delivery log, filters it by status, and deletes it with the webhook', async () => {
    const { webhook } = await newWebhook();
    rx.state.answers = [{ status: 200 }, { status: 404 }, { status: 200 }];
    for (let i = 0; i < 3; i++) {
      await deliverWebhook(services(), await trigger(webhook.id, 'ticket.escalated', { i }));
      clock.advance(1000);
    }
    const page1 = await call(s, 'GET', `/api/v1/webhooks/${webhook.id}/deliveries?limit=2`, { as: admin });
    assert.equal(page1.body.data.length, 2);
    const page2 = await call(s, 'GET', `/api/v1/webhooks/${webhook.id}/deliveries?limit=2&cursor=${page1.body.nextCursor}`, { as: admin });
    assert.deepEqual([page2.body.data.length, page2.body.nextCursor], [1, null]);
    const failed = await call(s, 'GET', `/api/v1/webhooks/${webhook.id}/deliveries?status=failed`, { as: admin });
    assert.deepEqual(failed.body.data.map((d: any) => d.responseStatus), [404]);
    assert.equal((await call(s, 'DELETE', `/api/v1/webhooks/${webhook.id}`, { as: admin })).status, 204);
    assert.deepEqual(await rows(webhook.id), []);
    assert.equal((await call(s, 'GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { as: admin })).status, 404);
  });

  it('is for admins only', async () => {
    const { webhook } = await newWebhook();
    for (const [method, url] of [
      ['GET', '/api/v1/webhooks'],
      ['GET', `/api/v1/webhooks/${webhook.id}`],
      ['GET', `/api/v1/webhooks/${webhook.id}/deliveries`],
      ['POST', `/api/v1/webhooks/${webhook.id}/test`],
      ['GET', '/api/v1/webhook-settings'],
    ] as const) {
      assert.equal((await call(s, method, url, { as: agent })).status, 403, `${method} ${url}`);
    }
  });
});
