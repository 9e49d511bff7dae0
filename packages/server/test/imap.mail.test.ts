/**
 * IMAP fetching against a real Dovecot (see .ci/run, section "Dovecot (IMAP)", which exports
 * DOVECOT_IMAP_HOST, DOVECOT_IMAP_PORT and DOVECOT_USERS). Every test works in its own folder of
 * the agent@ account and its own channel, and checks what the poller stores: rows in
 * inbound_mails and the raw bytes in blob storage.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { startTestServer, type TestServer } from './harness.ts';
import { makeCtx, type Ctx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { BlobStorage, type StoredBlob } from '../src/platform/storage.ts';
import { channels, type ImapConfig } from '../src/modules/channels/schema.ts';
import type { ChannelRow } from '../src/modules/channels/repository.ts';
import { inboundMails, mailboxStates } from '../src/modules/email/schema.ts';
import { ImapManager } from '../src/modules/email/imap/manager.ts';
import { testImap } from '../src/modules/email/imap/test-connection.ts';
import { imapClientOptions } from '../src/modules/email/imap/client.ts';

const HOST = process.env.DOVECOT_IMAP_HOST;
const PORT = Number(process.env.DOVECOT_IMAP_PORT);
const USERS = (process.env.DOVECOT_USERS ?? '')
  .split(',')
  .filter(Boolean)
  .map((u) => {
    const i = u.indexOf(':');
    return { user: u.slice(0, i), pass: u.slice(i + 1) };
  });
const AGENT = USERS.find((u) => u.user.startsWith('agent@'));

if (!HOST || !PORT || !AGENT) {
  test('the IMAP mail suite needs Dovecot', () => {
    assert.fail(
      'DOVECOT_IMAP_HOST, DOVECOT_IMAP_PORT and DOVECOT_USERS (user:password,… with agent@servus.test) must be set. ' +
        'Start a throwaway Dovecot as .ci/run does (section "Dovecot (IMAP)") and export them.',
    );
  });
} else {
  suite(HOST, PORT, AGENT);
}

function suite(host: string, port: number, agent: { user: string; pass: string }) {
  let s: TestServer;
  let ctx: Ctx;
  let admin: ImapFlow;

  before(async () => {
    s = await startTestServer();
    ctx = makeCtx(s.servus.services, SYSTEM_ACTOR);
    admin = new ImapFlow({ host, port, secure: false, auth: { user: agent.user, pass: agent.pass }, logger: false, disableAutoIdle: true });
    admin.on('error', () => {});
    await admin.connect();
  });
  after(async () => {
    await admin?.logout().catch(() => {});
    await s?.close();
  });

  const db = () => s.servus.services.database.db;

  function imapConfig(folder: string, o: Partial<ImapConfig> = {}): ImapConfig {
    return { host, port, secure: false, user: agent.user, password: agent.pass, mailbox: folder, deleteAfterImport: false, ...o };
  }

  async function makeChannel(folder: string, o: { imap?: Partial<ImapConfig>; maxMessageBytes?: number } = {}): Promise<ChannelRow> {
    const [row] = await db()
      .insert(channels)
      .values({
        kind: 'email',
        name: `IMAP ${folder}`,
        address: `${folder}@servus.test`,
        imap: imapConfig(folder, o.imap),
        autoAck: { enabled: false, subject: 'x', body: 'x' },
        maxMessageBytes: o.maxMessageBytes ?? 25 * 1024 * 1024,
      })
      .returning();
    return row!;
  }

  /** A folder of its own for one test, and the channel reading it; both retired by `done()`. */
  async function setup(o: { imap?: Partial<ImapConfig>; maxMessageBytes?: number } = {}) {
    const folder = `t-${randomBytes(5).toString('hex')}`;
    await admin.mailboxCreate(folder);
    const channel = await makeChannel(folder, o);
    return {
      folder,
      channel,
      async done() {
        await db().update(channels).set({ active: false, updatedAt: new Date() }).where(eq(channels.id, channel.id));
        await admin.mailboxDelete(folder).catch(() => {});
      },
    };
  }

  function message(subject: string, body = `Hello, this is ${subject}.`): Buffer {
    return Buffer.from(
      [
        'From: Customer <customer@servus.test>',
        'To: agent@servus.test',
        `Subject: ${subject}`,
        `Message-ID: <${randomUUID()}@servus.test>`,
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
        '',
      ].join('\r\n'),
    );
  }

  async function append(folder: string, raw: Buffer, flags: string[] = []): Promise<number> {
    const res = await admin.append(folder, raw, flags);
    assert.ok(res && res.uid, 'APPEND returned a UID');
    return res.uid!;
  }

  async function rows(channelId: string) {
    return db().select().from(inboundMails).where(eq(inboundMails.channelId, channelId)).orderBy(inboundMails.imapUid);
  }

  async function state(channelId: string) {
    const [row] = await db().select().from(mailboxStates).where(eq(mailboxStates.channelId, channelId));
    return row;
  }

  function blob(sha: string | null): Buffer {
    assert.ok(sha, 'the row has a blob');
    return fs.readFileSync(s.servus.services.storage.pathFor(sha));
  }

  async function messagesOnServer(folder: string): Promise<number> {
    const st = await admin.status(folder, { messages: true });
    assert.ok(st);
    return st.messages ?? -1;
  }

  async function flagsOnServer(folder: string): Promise<Map<number, Set<string>>> {
    await admin.mailboxOpen(folder, { readOnly: true });
    try {
      const list = await admin.fetchAll('1:*', { uid: true, flags: true }, { uid: true });
      return new Map(list.map((m) => [m.uid, m.flags ?? new Set<string>()]));
    } finally {
      await admin.mailboxClose();
    }
  }

  async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function waitForRows(channelId: string, n: number, timeoutMs = 30_000) {
    return waitFor(`${n} inbound rows`, async () => {
      const r = await rows(channelId);
      return r.length >= n ? r : null;
    }, timeoutMs);
  }

  function manager(o: { instanceId?: string; onStored?: (id: string) => void; ctx?: Ctx; pollSeconds?: number } = {}) {
    const stored: string[] = [];
    const m = new ImapManager(o.ctx ?? ctx, {
      instanceId: o.instanceId ?? `test-${randomBytes(4).toString('hex')}`,
      pollSeconds: o.pollSeconds ?? 300,
      onStored: (id) => {
        stored.push(id);
        o.onStored?.(id);
      },
    });
    return { m, stored };
  }

  /**
   * A TCP relay in front of Dovecot that counts the bytes the server sends and can cut every
   * connection, or each connection that sends a command matching `killOn` (at most `killTimes`).
   */
  async function proxy(o: { killOn?: RegExp; killTimes?: number } = {}) {
    let kills = o.killTimes ?? Infinity;
    const sockets = new Set<net.Socket>();
    let fromServer = 0;
    let connections = 0;
    const server = net.createServer((down) => {
      connections += 1;
      const up = net.connect(port, host);
      sockets.add(down);
      sockets.add(up);
      up.on('data', (d: Buffer) => (fromServer += d.length));
      down.on('data', (d: Buffer) => {
        if (kills > 0 && o.killOn?.test(d.toString('latin1'))) {
          kills -= 1;
          end();
        } else up.write(d);
      });
      up.pipe(down);
      const end = () => {
        down.destroy();
        up.destroy();
        sockets.delete(down);
        sockets.delete(up);
      };
      for (const sock of [down, up]) {
        sock.on('error', end);
        sock.on('close', end);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return {
      port: (server.address() as net.AddressInfo).port,
      get fromServer() {
        return fromServer;
      },
      get connections() {
        return connections;
      },
      resetCount() {
        fromServer = 0;
      },
      killAll() {
        for (const sock of sockets) sock.destroy();
      },
      async close() {
        for (const sock of sockets) sock.destroy();
        await new Promise((r) => server.close(r));
      },
    };
  }

  test('APPEND reaches inbound_mails through IDLE, byte for byte and without setting \\Seen', async () => {
    const t = await setup();
    const storedAt = new Map<string, number>();
    // The fallback poll is 300 s away: whatever arrives within seconds came through IDLE.
    const { m, stored } = manager({ onStored: (id) => storedAt.set(id, performance.now()) });
    try {
      await m.sync();
      await waitFor('the first round', async () => (await state(t.channel.id))?.lastFetchAt);
      const latencies: number[] = [];
      const raws: Buffer[] = [];
      for (let i = 0; i < 3; i++) {
        // Give the poller time to be in IDLE again, as it is between mails in real life.
        await new Promise((r) => setTimeout(r, 1000));
        const raw = message(`idle ${i}`);
        raws.push(raw);
        await append(t.folder, raw);
        const appendedAt = performance.now();
        const [row] = (await waitForRows(t.channel.id, i + 1, 10_000)).slice(i);
        const at = await waitFor('onStored', async () => storedAt.get(row!.id));
        latencies.push(Math.round(at - appendedAt));
      }
      console.log(`IDLE latency APPEND → stored: ${latencies.join(' ms, ')} ms`);
      assert.ok(Math.max(...latencies) < 5000, `IDLE latency ${latencies.join(', ')} ms`);
      const r = await rows(t.channel.id);
      assert.equal(r.length, 3);
      for (let i = 0; i < 3; i++) {
        assert.equal(r[i]!.status, 'pending');
        assert.equal(r[i]!.source, 'imap');
        assert.equal(r[i]!.imapUid, i + 1);
        assert.equal(r[i]!.subject, `idle ${i}`);
        assert.deepEqual(blob(r[i]!.blobSha256), raws[i]);
      }
      assert.deepEqual(stored.sort(), r.map((x) => x.id).sort());
      const st = await state(t.channel.id);
      assert.equal(st?.lastUid, 3);
      assert.equal(st?.lastError, null);
      for (const [uid, flags] of await flagsOnServer(t.folder)) assert.ok(!flags.has('\\Seen'), `UID ${uid} was marked \\Seen`);
      assert.equal(await messagesOnServer(t.folder), 3, 'nothing was deleted');
    } finally {
      await m.stop();
      await t.done();
    }
  });

  test('a message another client marked \\Seen before we connected is still fetched', async () => {
    const t = await setup();
    const seen = message('already read');
    const unseen = message('unread');
    await append(t.folder, seen, ['\\Seen']);
    await append(t.folder, unseen);
    const { m } = manager();
    try {
      await m.sync();
      const r = await waitForRows(t.channel.id, 2);
      assert.equal(r.length, 2);
      assert.deepEqual(blob(r[0]!.blobSha256), seen);
      assert.deepEqual(blob(r[1]!.blobSha256), unseen);
      const flags = await flagsOnServer(t.folder);
      assert.ok(flags.get(1)!.has('\\Seen'));
      assert.ok(!flags.get(2)!.has('\\Seen'), 'the poller did not mark the unread message read');
    } finally {
      await m.stop();
      await t.done();
    }
  });

  test('stopped mid-fetch and started again: exactly 25 rows, no duplicates', async () => {
    const t = await setup();
    const raws: Buffer[] = [];
    for (let i = 0; i < 25; i++) {
      raws.push(message(`batch ${i}`));
      await append(t.folder, raws[i]!);
    }
    let first: ImapManager | null = null;
    let stopping: { done: Promise<void> } | null = null;
    const one = manager({
      instanceId: 'first',
      onStored: () => {
        if (one.stored.length === 3) stopping = { done: first!.stop() };
      },
    });
    first = one.m;
    const two = manager({ instanceId: 'second' });
    try {
      await first.sync();
      const { done } = await waitFor('the first poller to be told to stop', async () => stopping);
      await done;
      const partial = await rows(t.channel.id);
      assert.ok(partial.length >= 3 && partial.length < 25, `${partial.length} rows before the restart`);
      assert.equal((await state(t.channel.id))?.leaseOwner, null, 'the lease was released');
      await two.m.sync();
      await waitFor('the watermark at 25', async () => (await state(t.channel.id))?.lastUid === 25);
      const r = await rows(t.channel.id);
      assert.equal(r.length, 25);
      assert.equal(new Set(r.map((x) => x.imapUid)).size, 25);
      r.forEach((row, i) => assert.deepEqual(blob(row.blobSha256), raws[i]));
      assert.equal(one.stored.length + two.stored.length, 25, 'each message was reported once');
    } finally {
      await first.stop();
      await two.m.stop();
      await t.done();
    }
  });

  test('connection cut mid-fetch: reconnects and stores each of 25 messages once', async () => {
    const relay = await proxy();
    const t = await setup({ imap: { port: relay.port } });
    const raws: Buffer[] = [];
    for (let i = 0; i < 25; i++) {
      raws.push(message(`cut ${i}`, `Body ${i}\r\n${'x'.repeat(100_000)}`));
      await append(t.folder, raws[i]!);
    }
    let cut = false;
    const { m, stored } = manager({
      onStored: () => {
        if (stored.length === 5 && !cut) {
          cut = true;
          relay.killAll();
        }
      },
    });
    try {
      await m.sync();
      await waitFor('the watermark at 25', async () => (await state(t.channel.id))?.lastUid === 25, 60_000);
      assert.ok(cut);
      assert.ok(relay.connections >= 2, 'the poller reconnected');
      const r = await rows(t.channel.id);
      assert.equal(r.length, 25);
      assert.equal(new Set(r.map((x) => x.imapUid)).size, 25);
      r.forEach((row, i) => assert.deepEqual(blob(row.blobSha256), raws[i]));
      await waitFor('the error to be cleared by a good round', async () => {
        const st = await state(t.channel.id);
        return st?.lastError === null && st.lastErrorAt === null;
      });
    } finally {
      await m.stop();
      await relay.close();
      await t.done();
    }
  });

  test('a download cut off halfway is fetched again, never stored truncated', async () => {
    // 3 MB come in 512 KiB chunks; the relay cuts the connection at the request for the second.
    const relay = await proxy({ killOn: /UID FETCH 1 \(.*BODY\.PEEK\[\]<524288\./, killTimes: 1 });
    const t = await setup({ imap: { port: relay.port } });
    const raw = message('large', randomBytes(2250 * 1024).toString('base64').replace(/.{76}/g, '$&\r\n'));
    assert.ok(raw.length > 3_000_000);
    await append(t.folder, raw);
    const { m } = manager();
    try {
      await m.sync();
      await waitFor('the watermark at 1', async () => (await state(t.channel.id))?.lastUid === 1, 30_000);
      const r = await rows(t.channel.id);
      assert.equal(r.length, 1);
      assert.equal(r[0]!.status, 'pending');
      assert.equal(r[0]!.size, raw.length);
      assert.deepEqual(blob(r[0]!.blobSha256), raw);
      assert.ok(relay.connections >= 2, 'the poller reconnected');
      assert.deepEqual(fs.readdirSync(path.join(s.dataDir, 'blobs', 'tmp')), [], 'no half-written file is left behind');
    } finally {
      await m.stop();
      await relay.close();
      await t.done();
    }
  });

  test('a message the server fails to hand over is quarantined after 3 attempts; the mail behind it flows', async () => {
    // The relay cuts the connection whenever the whole of UID 2 is asked for.
    const relay = await proxy({ killOn: /UID FETCH 2 \(UID RFC822\.SIZE BODY\.PEEK\[\]/ });
    const t = await setup({ imap: { port: relay.port } });
    const raws = [message('before'), message('poison'), message('after')];
    for (const raw of raws) await append(t.folder, raw);
    const { m } = manager();
    try {
      await m.sync();
      const r = await waitForRows(t.channel.id, 3, 40_000);
      assert.equal(r[0]!.status, 'pending');
      assert.deepEqual(blob(r[0]!.blobSha256), raws[0]);
      assert.equal(r[1]!.status, 'quarantined');
      assert.equal(r[1]!.reason, 'fetch_failed');
      assert.match(r[1]!.detail ?? '', /failed 3 times .*still on the server/);
      assert.equal(r[1]!.subject, 'poison');
      const headerEnd = raws[1]!.indexOf('\r\n\r\n') + 4;
      assert.deepEqual(blob(r[1]!.blobSha256), raws[1]!.subarray(0, headerEnd));
      assert.equal(r[2]!.status, 'pending');
      assert.deepEqual(blob(r[2]!.blobSha256), raws[2]);
      assert.ok(relay.connections >= 4, `${relay.connections} connections`);
      assert.equal(await messagesOnServer(t.folder), 3);
    } finally {
      await m.stop();
      await relay.close();
      await t.done();
    }
  });

  test('UIDVALIDITY change: identical messages are not stored twice, new ones are fetched', async () => {
    const t = await setup();
    const a = message('first');
    const b = message('second');
    const c = message('third');
    await append(t.folder, a);
    await append(t.folder, b);
    // Dovecot does not tell an IDLE session that its mailbox was deleted (measured): the
    // fallback poll's next command finds out. Polling every 2 s keeps the test short.
    const { m } = manager({ pollSeconds: 2 });
    try {
      await m.sync();
      await waitForRows(t.channel.id, 2);
      const before = await state(t.channel.id);
      assert.equal(before?.lastUid, 2);
      // The same name, a new mailbox: Dovecot closes our session on delete and numbers anew.
      await admin.mailboxDelete(t.folder);
      await admin.mailboxCreate(t.folder);
      await append(t.folder, b);
      await append(t.folder, a);
      await append(t.folder, c);
      const after = await waitFor('the new UIDVALIDITY with its watermark at 3', async () => {
        const st = await state(t.channel.id);
        return st && st.uidValidity !== before!.uidValidity && st.lastUid === 3 ? st : null;
      }, 30_000);
      assert.notEqual(after.uidValidity, before!.uidValidity);
      const r = await rows(t.channel.id);
      assert.equal(r.length, 3, `rows: ${r.map((x) => x.subject).join(', ')}`);
      assert.deepEqual(r.map((x) => x.subject).sort(), ['first', 'second', 'third']);
      const third = r.find((x) => x.subject === 'third')!;
      assert.equal(third.imapUidValidity, after.uidValidity);
      assert.equal(third.imapUid, 3);
      assert.deepEqual(blob(third.blobSha256), c);
    } finally {
      await m.stop();
      await t.done();
    }
  });

  test('oversize mail is quarantined from its header without downloading the body; other mail flows', async () => {
    const relay = await proxy();
    const t = await setup({ imap: { port: relay.port }, maxMessageBytes: 64 * 1024 });
    // 200 KiB, one line of base64 per 76 characters, as a real attachment would be.
    const payload = randomBytes(150 * 1024).toString('base64').replace(/.{76}/g, '$&\r\n');
    const big = message('big one', payload);
    assert.ok(big.length > 200 * 1024 && big.length < 220 * 1024, `${big.length} bytes`);
    const small = message('small one');
    await append(t.folder, big);
    await append(t.folder, small);
    const { m } = manager();
    try {
      await m.sync();
      const r = await waitForRows(t.channel.id, 2);
      const quarantined = r.find((x) => x.imapUid === 1)!;
      assert.equal(quarantined.status, 'quarantined');
      assert.equal(quarantined.reason, 'oversize');
      assert.equal(quarantined.size, big.length);
      assert.equal(quarantined.subject, 'big one');
      const headerEnd = big.indexOf('\r\n\r\n') + 4;
      assert.deepEqual(blob(quarantined.blobSha256), big.subarray(0, headerEnd), 'only the header block was stored');
      const ok = r.find((x) => x.imapUid === 2)!;
      assert.equal(ok.status, 'pending');
      assert.deepEqual(blob(ok.blobSha256), small);
      assert.ok(relay.fromServer < 64 * 1024, `the server sent ${relay.fromServer} bytes; the big body was not downloaded`);
      assert.equal(await messagesOnServer(t.folder), 2, 'the quarantined message stays on the server');
    } finally {
      await m.stop();
      await relay.close();
      await t.done();
    }
  });

  test('deleteAfterImport: a message leaves the server only after it is stored', async () => {
    const t = await setup({ imap: { deleteAfterImport: true } });
    const raw = message('delete me');
    await append(t.folder, raw);
    // Storage that fails until the test lets it work (a full disk, say).
    class FlakyStorage extends BlobStorage {
      broken = true;
      override async put(input: Readable, limit: number): Promise<StoredBlob> {
        if (this.broken) throw new Error('disk full (test)');
        return super.put(input, limit);
      }
    }
    const storage = new FlakyStorage(path.join(s.dataDir, 'blobs'));
    const { m } = manager({ ctx: { ...ctx, storage } });
    try {
      await m.sync();
      const failed = await waitFor('the failure to be recorded', async () => (await state(t.channel.id))?.lastError);
      assert.match(failed, /disk full/);
      await new Promise((r) => setTimeout(r, 1500)); // at least one retry
      assert.equal((await rows(t.channel.id)).length, 0);
      assert.equal(await messagesOnServer(t.folder), 1, 'not stored, so still on the server');
      storage.broken = false;
      const [row] = await waitForRows(t.channel.id, 1);
      assert.deepEqual(blob(row!.blobSha256), raw);
      await waitFor('the message to be deleted from the server', async () => (await messagesOnServer(t.folder)) === 0);
      await waitFor('the error to be cleared', async () => (await state(t.channel.id))?.lastError === null);
    } finally {
      await m.stop();
      await t.done();
    }
  });

  test('deleteAfterImport: stored messages a crash left on the server are deleted, unstored ones fetched first', async () => {
    const t = await setup();
    const raws = [message('kept 1'), message('kept 2')];
    for (const raw of raws) await append(t.folder, raw);
    const { m } = manager();
    try {
      await m.sync();
      await waitForRows(t.channel.id, 2);
      assert.equal(await messagesOnServer(t.folder), 2);
      // As if the process died between the commit and the expunge, with deletion configured.
      await m.stop();
      await db()
        .update(channels)
        .set({ imap: imapConfig(t.folder, { deleteAfterImport: true }), updatedAt: new Date() })
        .where(eq(channels.id, t.channel.id));
      const late = message('arrived later');
      await append(t.folder, late);
      const next = manager();
      try {
        await next.m.sync();
        await waitFor('the server to be emptied', async () => (await messagesOnServer(t.folder)) === 0);
        const r = await rows(t.channel.id);
        assert.equal(r.length, 3);
        assert.deepEqual(blob(r[2]!.blobSha256), late);
      } finally {
        await next.m.stop();
      }
    } finally {
      await m.stop();
      await t.done();
    }
  });

  test('two managers on one database: only the lease holder fetches; the other takes over when it stops', async () => {
    const t = await setup();
    const a = manager({ instanceId: 'instance-a' });
    const b = manager({ instanceId: 'instance-b' });
    try {
      await Promise.all([a.m.sync(), b.m.sync()]);
      for (let i = 0; i < 10; i++) await append(t.folder, message(`lease ${i}`));
      const r = await waitForRows(t.channel.id, 10);
      assert.equal(r.length, 10);
      await waitFor('the watermark at 10', async () => (await state(t.channel.id))?.lastUid === 10);
      const owner = (await state(t.channel.id))?.leaseOwner;
      const [winner, loser] = owner === 'instance-a' ? [a, b] : [b, a];
      assert.ok(owner === 'instance-a' || owner === 'instance-b', `lease owner ${owner}`);
      assert.equal(winner.stored.length, 10);
      assert.equal(loser.stored.length, 0, 'the other instance fetched nothing');
      await winner.m.stop();
      await append(t.folder, message('after the handover'));
      await waitForRows(t.channel.id, 11, 30_000);
      assert.equal(loser.stored.length, 1);
      assert.notEqual((await state(t.channel.id))?.leaseOwner, owner);
      assert.equal((await rows(t.channel.id)).length, 11);
    } finally {
      await a.m.stop();
      await b.m.stop();
      await t.done();
    }
  });

  test('a poller that cannot log in records a clear error and keeps the mailbox untouched', async () => {
    const t = await setup({ imap: { password: 'wrong-password' } });
    await append(t.folder, message('waiting'));
    const { m } = manager();
    try {
      await m.sync();
      const err = await waitFor('the login error', async () => (await state(t.channel.id))?.lastError);
      assert.match(err, /Login refused for agent@servus\.test/);
      assert.ok(!err.includes('wrong-password'));
      assert.equal((await rows(t.channel.id)).length, 0);
    } finally {
      await m.stop();
      await t.done();
    }
  });

  test('testImap: connects, counts the mailbox read-only, and explains failures', async () => {
    const t = await setup();
    try {
      await append(t.folder, message('one'));
      await append(t.folder, message('two'));
      const ok = await testImap(imapConfig(t.folder));
      assert.deepEqual(ok, { ok: true, message: `Connected; 2 messages in ${t.folder}`, messages: 2 });
      assert.ok(!(await flagsOnServer(t.folder)).get(1)!.has('\\Seen'));

      const wrong = await testImap(imapConfig(t.folder, { password: 'nope' }));
      assert.equal(wrong.ok, false);
      assert.match(wrong.message, /^Login refused for agent@servus\.test/);

      const missing = await testImap(imapConfig('no-such-folder'));
      assert.equal(missing.ok, false);
      assert.equal(missing.message, 'Mailbox "no-such-folder" not found');

      const closed = await new Promise<number>((resolve) => {
        const srv = net.createServer();
        srv.listen(0, '127.0.0.1', () => {
          const p = (srv.address() as net.AddressInfo).port;
          srv.close(() => resolve(p));
        });
      });
      const refused = await testImap(imapConfig(t.folder, { port: closed }));
      assert.equal(refused.ok, false);
      assert.equal(refused.message, `Cannot connect to ${host}:${closed}: connection refused`);

      const noPassword = await testImap(imapConfig(t.folder, { password: null }));
      assert.equal(noPassword.ok, false);
      assert.match(noPassword.message, /No IMAP password/);
    } finally {
      await t.done();
    }
  });

  test('credentials cross the network only encrypted: STARTTLS is required unless the server is on this machine', () => {
    const base = imapConfig('INBOX');
    assert.equal(imapClientOptions({ ...base, host: 'imap.example.com', secure: false }).doSTARTTLS, true);
    assert.equal(imapClientOptions({ ...base, host: 'imap.example.com', secure: true }).secure, true);
    assert.equal(imapClientOptions({ ...base, host: '127.0.0.1', secure: false }).doSTARTTLS, false);
    assert.equal(imapClientOptions({ ...base, host: '::1', secure: false }).doSTARTTLS, false);
    assert.equal(imapClientOptions({ ...base, host: '10.0.0.5', secure: false }).doSTARTTLS, true);
    assert.equal(imapClientOptions(base).logger, false);
  });
}
