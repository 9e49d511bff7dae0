/**
 * The bus under the chat fan-out: what one process publishes in a burst reaches the other
 * processes complete and in order, packed into NOTIFY payloads under PostgreSQL's 8000-byte
 * limit (or through Redis when REDIS_URL is set), and the publisher's own subscribers get it
 * at once. Without PostgreSQL (PGlite) the bus stays inside the process.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUS_MESSAGE_MAX_BYTES, openBus, type Bus } from '../src/platform/bus.ts';

const PG = process.env.TEST_DATABASE_URL;
const REDIS = process.env.REDIS_URL;

function collect(bus: Bus): unknown[] {
  const got: unknown[] = [];
  bus.subscribe('chat', (m) => got.push(m));
  return got;
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !check()) await new Promise((r) => setTimeout(r, 20));
  assert.ok(check(), `timed out waiting for ${what}`);
}

describe('bus', () => {
  it('delivers in this process at once and refuses messages that are too large', async () => {
    const bus = await openBus({ onError: (err) => assert.fail(String(err)) });
    const got = collect(bus);
    bus.publish('chat', { n: 1 });
    await Promise.resolve();
    assert.deepEqual(got, [{ n: 1 }]);
    assert.throws(() => bus.publish('chat', { text: 'x'.repeat(BUS_MESSAGE_MAX_BYTES) }), /larger than/);
    await bus.close();
  });

  it(`carries a burst of 3,000 messages from one process to another, complete and in order (${REDIS ? 'Redis' : 'LISTEN/NOTIFY'})`, { skip: !PG && !REDIS && 'needs PostgreSQL or Redis' }, async () => {
    const errors: unknown[] = [];
    const opts = { databaseUrl: PG, redisUrl: REDIS, onError: (err: unknown) => errors.push(err) };
    const a = await openBus(opts);
    const b = await openBus(opts);
    assert.equal(a.kind, REDIS ? 'redis' : 'postgres');
    const atA = collect(a);
    const atB = collect(b);
    const sent = Array.from({ length: 3000 }, (_, i) => ({ i, text: `Nachricht ${i} ` + 'ä'.repeat(80) }));
    for (const m of sent) a.publish('chat', m);
    await until(() => atB.length >= sent.length, 'all messages at B');
    assert.deepEqual(atB, sent);
    assert.deepEqual(atA, sent, 'the publisher’s own subscribers got each message once');
    b.publish('chat', { from: 'b' });
    await until(() => atA.length === sent.length + 1, 'a reply at A');
    await a.close();
    await b.close();
    assert.deepEqual(errors, []);
  });
});
