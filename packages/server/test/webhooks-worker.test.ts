/**
 * Webhooks with a real worker: a subscribed event and a test event reach a receiver on
 * 127.0.0.1 through the job queue, with nothing called by hand.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, makeAgent, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';

describe('webhooks on a worker', () => {
  let s: TestServer;
  let admin: TestAgent;
  let server: http.Server;
  const received: { event: string; body: any }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ event: String(req.headers['x-servus-event']), body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker' } });
    admin = await makeAgent(s, { role: 'admin' });
  });
  after(async () => {
    await s?.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 150; i++) {
      const v = await fn();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('delivers a subscribed ticket event and a test event after commit, and logs them as delivered', async () => {
    assert.equal((await call(s, 'PUT', '/api/v1/webhook-settings', { as: admin, body: { allowedHosts: ['127.0.0.1'] } })).status, 200);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
    const created = await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: { name: 'Worker hook', url, events: ['ticket.created'] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.webhook.id;

    const ticket = await makeTicket(s, admin, { subject: 'Sent by the worker' });
    const got = await until('the ticket.created delivery', () => received.find((r) => r.event === 'ticket.created'));
    assert.equal(got.body.data.ticket.id, ticket.id);

    const test = await call(s, 'POST', `/api/v1/webhooks/${id}/test`, { as: admin });
    assert.equal(test.status, 202);
    await until('the test delivery', () => received.find((r) => r.event === 'webhook.test'));
    const log = await until('both delivered in the log', async () => {
      const res = await call(s, 'GET', `/api/v1/webhooks/${id}/deliveries`, { as: admin });
      return res.body.data.length === 2 && res.body.data.every((d: any) => d.status === 'delivered') ? res.body.data : undefined;
    });
    assert.deepEqual(log.map((d: any) => [d.event, d.responseStatus, d.attempts]).sort(), [['ticket.created', 204, 1], ['webhook.test', 204, 1]]);
  });
});
