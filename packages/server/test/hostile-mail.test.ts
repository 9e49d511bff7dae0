/**
 * Every hostile-mail fixture (SECURITY.md items 1–23 and more) through the whole pipeline: raw
 * upload, isolated parsing, classification, threading and storage, on a channel that sends
 * auto-acknowledgements. Each must end as its fixture says, within its time budget, and the
 * server must keep working afterwards.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { deliver, makeChannel, rawMail, startSmtpSink, ticketWithThread, type SmtpSink } from './mail-support.ts';
import { buildFixtures } from './fixtures/hostile-mail/generate.ts';
import { CHANNEL_ADDRESS } from './fixtures/hostile-mail/fixture.ts';

describe('hostile mail', () => {
  let s: TestServer;
  let admin: TestAgent;
  let sink: SmtpSink;
  let channelId: string;
  const count = async (table: 'contacts') => (await queryRows<{ n: number }>(s.servus.services.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    channelId = (await makeChannel(s, admin, { address: CHANNEL_ADDRESS, smtpPort: sink.port, autoAck: true })).id;
  });
  after(async () => {
    await s.close();
    await sink.close();
  });

  for (const f of buildFixtures()) {
    it(`${f.name} (item ${f.item.join(', ')}) → ${f.expect.outcome}`, { timeout: 60_000 }, async () => {
      const e = f.expect;
      const contactsBefore = await count('contacts');
      const d = await deliver(s, admin, channelId, f.raw);
      const m = d.mail;
      const where = `${f.name}: ${JSON.stringify({ status: m.status, reason: m.reason, detail: m.detail })}`;
      if (e.outcome === 'quarantine') {
        assert.equal(m.status, 'quarantined', where);
        if (e.quarantineReason) assert.ok(m.reason?.includes(e.quarantineReason), where);
      } else if (e.outcome === 'ignored') {
        assert.equal(m.status, 'ignored', where);
      } else {
        assert.equal(m.status, 'processed', where);
        assert.ok(m.ticketId, where);
      }
      if (e.maxContactsCreated !== undefined) assert.ok((await count('contacts')) - contactsBefore <= e.maxContactsCreated, `${f.name}: too many contacts`);
      if (e.outcome !== 'ticket') {
        assert.equal((await count('contacts')) - contactsBefore, 0, `${f.name}: a mail that is not a ticket creates no contact`);
        return;
      }

      const t = await ticketWithThread(s, admin, m.ticketId!);
      const msg = t.messages[0];
      for (const bad of e.htmlMustNotContain ?? []) assert.ok(!msg.html.toLowerCase().includes(bad.toLowerCase()), `${f.name}: stored HTML contains ${bad}`);
      for (const want of e.textContains ?? []) assert.ok(msg.text.includes(want), `${f.name}: text lacks ${want}: ${msg.text.slice(0, 300)}`);
      const atts = msg.attachments as { filename: string; contentType: string }[];
      if (e.rawAttached) assert.ok(atts.some((a) => a.filename === 'original.eml' && a.contentType === 'message/rfc822'), `${f.name}: original .eml not attached`);
      for (const bad of e.filenameMustNotContain ?? []) for (const a of atts) assert.ok(!a.filename.includes(bad), `${f.name}: filename ${JSON.stringify(a.filename)} contains ${JSON.stringify(bad)}`);
      for (const bad of e.contentTypeMustNotBe ?? []) for (const a of atts) if (a.filename !== 'original.eml') assert.notEqual(a.contentType, bad, `${f.name}: ${a.filename} typed ${bad}`);
      if (e.noAutoReply !== undefined) {
        const acks = await queryRows<{ n: number }>(s.servus.services.database.db, sql`select count(*)::int as n from outbound_mails where ticket_id = ${m.ticketId} and kind = 'auto_ack'`);
        assert.equal(acks[0]!.n, e.noAutoReply ? 0 : 1, `${f.name}: auto-acknowledgements`);
      }
    });
  }

  it('still takes ordinary mail after all of that', async () => {
    const d = await deliver(s, admin, channelId, rawMail({ from: 'normal@beispiel.example', to: CHANNEL_ADDRESS, text: 'Ganz normale Nachricht' }));
    assert.equal(d.mail.status, 'processed');
    const t = await ticketWithThread(s, admin, d.mail.ticketId!);
    assert.match(t.messages[0].text, /Ganz normale Nachricht/);
  });
});
