import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { call, makeAgent, makeTeam, ManualClock, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { deliver, makeChannel, rawMail, startSmtpSink, ticketWithThread, type SmtpSink } from './mail-support.ts';
import type { DnsResolver } from '../src/modules/email/auth.ts';

/**
 * DNS for the test domains: bank.example publishes SPF allowing only 203.0.113.5 and a
 * DMARC reject policy, so mail from it sent by 127.0.0.1 fails authentication. Other
 * domains publish nothing.
 */
const dns: DnsResolver = async (name, rr) => {
  const n = name.toLowerCase();
  if (rr === 'TXT' && n === 'bank.example') return [['v=spf1 ip4:203.0.113.5 -all']];
  if (rr === 'TXT' && n === '_dmarc.bank.example') return [['v=DMARC1; p=reject']];
  throw Object.assign(new Error(`no ${rr} for ${name}`), { code: 'ENOTFOUND' });
};

describe('email channel', () => {
  let s: TestServer;
  let admin: TestAgent;
  let agent: TestAgent;
  let sink: SmtpSink;
  let channel: { id: string; address: string };

  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker,smtp' }, mailResolver: dns });
    admin = await makeAgent(s, { role: 'admin' });
    agent = await makeAgent(s);
    channel = await makeChannel(s, admin, { smtpPort: sink.port });
  });
  after(async () => {
    await s.close();
    await sink.close();
  });

  describe('channel settings', () => {
    it('never shows a stored password, keeps it when omitted and clears it with null', async () => {
      const created = await call(s, 'POST', '/api/v1/channels', {
        as: admin,
        body: { name: 'Vertrieb', address: 'Vertrieb@Firma.example', imap: { host: 'imap.firma.example', user: 'vertrieb', password: 'geheim-123' }, smtp: { host: 'smtp.firma.example', password: 'auch-geheim' } },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.address, 'vertrieb@firma.example');
      assert.equal(created.body.imap.hasPassword, true);
      assert.equal(created.body.autoAck.enabled, false, 'auto-acknowledgement is off by default');
      assert.ok(!JSON.stringify(created.body).includes('geheim'), 'no secret in the response');
      const kept = await call(s, 'PATCH', `/api/v1/channels/${created.body.id}`, { as: admin, body: { imap: { host: 'imap2.firma.example', user: 'vertrieb' } } });
      assert.equal(kept.status, 200);
      assert.equal(kept.body.imap.host, 'imap2.firma.example');
      assert.equal(kept.body.imap.hasPassword, true);
      const cleared = await call(s, 'PATCH', `/api/v1/channels/${created.body.id}`, { as: admin, body: { smtp: { host: 'smtp.firma.example', password: null } } });
      assert.equal(cleared.body.smtp.hasPassword, false);
      const list = await call(s, 'GET', '/api/v1/channels', { as: admin });
      assert.ok(!JSON.stringify(list.body).includes('geheim'));
      assert.equal((await call(s, 'DELETE', `/api/v1/channels/${created.body.id}`, { as: admin })).status, 204);
    });

    it('refuses a second channel with the same address, an unknown team and bad fields', async () => {
      const dup = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'Doppelt', address: 'HILFE@firma.example' } });
      assert.equal(dup.status, 409);
      const team = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'X', address: 'x@firma.example', teamId: '00000000-0000-4000-8000-000000000000' } });
      assert.equal(team.status, 400);
      const bad = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: '', address: 'kein-mail', imap: { host: 'https://x/y', user: '' } } });
      assert.equal(bad.status, 400);
      const paths = (bad.body.error.details as { path: string }[]).map((d) => d.path).join(' ');
      for (const p of ['name', 'address', 'imap.host', 'imap.user']) assert.match(paths, new RegExp(p.replace('.', '\\.')));
    });

    it('is for admins only', async () => {
      assert.equal((await call(s, 'GET', '/api/v1/channels', { as: agent })).status, 403);
      assert.equal((await call(s, 'GET', '/api/v1/mail/health', { as: agent })).status, 403);
    });
  });

  describe('inbound', () => {
    it('turns a new mail into an email ticket with its requester, copies and an inline image', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082', 'hex');
      const raw = Buffer.from(
        [
          'From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen.Mueller@Kunde.example>',
          'To: hilfe@firma.example',
          'Cc: Petra <petra@kunde.example>',
          'Subject: =?UTF-8?Q?Rechnung_f=C3=BCr_M=C3=A4rz?=',
          'Message-ID: <inline-1@kunde.example>',
          'MIME-Version: 1.0',
          'Content-Type: multipart/related; boundary="rel"',
          '',
          '--rel',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<p>Siehe Bild: <img src="cid:logo@kunde"></p><script>alert(1)</script>',
          '--rel',
          'Content-Type: image/png',
          'Content-Transfer-Encoding: base64',
          'Content-ID: <logo@kunde>',
          'Content-Disposition: inline; filename="logo.png"',
          '',
          png.toString('base64'),
          '--rel--',
          '',
        ].join('\r\n'),
      );
      const d = await deliver(s, admin, channel.id, raw);
      assert.equal(d.mail.status, 'processed', JSON.stringify(d.mail));
      const t = await ticketWithThread(s, admin, d.mail.ticketId!);
      assert.equal(t.subject, 'Rechnung für März');
      assert.equal(t.channel, 'email');
      assert.equal(t.channelId, channel.id);
      assert.equal(t.requester.email, 'juergen.mueller@kunde.example');
      assert.equal(t.requester.name, 'Jürgen Müller');
      const m = t.messages[0];
      assert.equal(m.author.kind, 'contact');
      assert.doesNotMatch(m.html, /<script/);
      assert.match(m.html, /cid:logo@kunde/);
      assert.deepEqual(m.email.cc, ['petra@kunde.example']);
      assert.equal(m.email.messageId, 'inline-1@kunde.example');
      const img = m.attachments.find((a: { contentId: string | null }) => a.contentId === 'logo@kunde');
      assert.ok(img, 'the inline image is an attachment with its Content-ID');
      assert.equal(img.inline, true);
      assert.equal(img.contentType, 'image/png');
    });

    it('stores a re-delivered message once, and two different messages with one Message-ID twice', async () => {
      const raw = rawMail({ messageId: 'same@kunde.example', text: 'Erste Fassung' });
      const first = await deliver(s, admin, channel.id, raw);
      const again = await deliver(s, admin, channel.id, raw);
      assert.equal(again.duplicate, true);
      assert.equal(again.id, first.id);
      const other = await deliver(s, admin, channel.id, rawMail({ messageId: 'same@kunde.example', text: 'Andere Fassung' }));
      assert.equal(other.duplicate, false);
      assert.notEqual(other.mail.ticketId, first.mail.ticketId);
    });

    it('quarantines mail over the channel limit, keeping only its headers', async () => {
      const small = await makeChannel(s, admin, { address: 'klein@firma.example', maxMessageBytes: 64 * 1024 });
      const d = await deliver(s, admin, small.id, rawMail({ to: 'klein@firma.example', text: 'x'.repeat(200 * 1024) }));
      assert.equal(d.mail.status, 'quarantined');
      assert.equal(d.mail.reason, 'oversize');
      assert.equal(d.mail.ticketId, null);
      const raw = await s.servus.app.inject({ method: 'GET', url: `/api/v1/mail/inbound/${d.id}/raw`, headers: admin.auth });
      assert.ok(raw.rawPayload.length < 70 * 1024, 'the body was not kept');
      assert.equal(raw.headers['content-disposition']?.toString().startsWith('attachment'), true);
    });

    it('quarantines a message that keeps failing and keeps processing the rest', async () => {
      const raw = rawMail({ text: 'Dieser Inhalt verschwindet vom Datenträger' });
      const up = await s.servus.app.inject({ method: 'POST', url: `/api/v1/channels/${channel.id}/inbound`, headers: { ...admin.auth, 'content-type': 'message/rfc822' }, payload: raw });
      const { id } = JSON.parse(up.body) as { id: string };
      await s.servus.mail.processor.idle();
      // The same raw content again would dedupe; a lost blob file makes every parse fail.
      const row = (await call(s, 'GET', `/api/v1/mail/inbound/${id}`, { as: admin })).body;
      assert.equal(row.status, 'processed');
      const broken = rawMail({ text: 'Kaputt auf der Platte' });
      const up2 = await s.servus.app.inject({ method: 'POST', url: `/api/v1/channels/${channel.id}/inbound`, headers: { ...admin.auth, 'content-type': 'message/rfc822' }, payload: broken });
      const id2 = (JSON.parse(up2.body) as { id: string }).id;
      await s.servus.mail.processor.idle();
      const db = s.servus.services.database.db;
      const [stored] = await queryRows<{ blob_sha256: string }>(db, sql`select blob_sha256 from inbound_mails where id = ${id2}`);
      // Reprocessing after the file vanished fails three times, then quarantines.
      fs.rmSync(s.servus.services.storage.pathFor(stored!.blob_sha256));
      await db.execute(sql`update inbound_mails set status = 'pending', attempts = 0 where id = ${id2}`);
      for (let i = 0; i < 4; i++) await s.servus.mail.processor.processOne(id2);
      const q = (await call(s, 'GET', `/api/v1/mail/inbound/${id2}`, { as: admin })).body;
      assert.equal(q.status, 'quarantined');
      assert.equal(q.reason, 'parse_failed');
      assert.equal(q.attempts, 3);
      const next = await deliver(s, admin, channel.id, rawMail({ text: 'Die nächste Mail kommt trotzdem an' }));
      assert.equal(next.mail.status, 'processed');
      const health = (await call(s, 'GET', '/api/v1/mail/health', { as: admin })).body;
      const h = health.channels.find((c: { channelId: string }) => c.channelId === channel.id);
      assert.ok(h.quarantined >= 1);
    });
  });

  describe('threading', () => {
    async function openByMail(from = 'anna@kunde.example') {
      const d = await deliver(s, admin, channel.id, rawMail({ from: `Anna <${from}>`, subject: 'Lieferung fehlt' }));
      return (await ticketWithThread(s, admin, d.mail.ticketId!)) as { id: string; number: number; messages: { email: { messageId: string } }[] };
    }

    it('threads the customer answer to our reply into the ticket (In-Reply-To, reply token) and the reply goes out threaded', async () => {
      const t = await openByMail('bernd@kunde.example');
      const before = sink.mails.length;
      const r = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: admin, body: { kind: 'public', text: 'Wir kümmern uns darum.' } });
      assert.equal(r.status, 201);
      const [sent] = (await sink.waitFor(before + 1)).slice(before);
      const customerId = t.messages[0]!.email.messageId;
      assert.equal(sent!.parsed.inReplyTo, `<${customerId}>`);
      assert.match(String(sent!.parsed.references), new RegExp(customerId.replace(/[.]/g, '\\.')));
      assert.match(sent!.parsed.subject ?? '', new RegExp(`\\[#${t.number}\\]`));
      const replyTo = sent!.parsed.replyTo?.value[0]?.address ?? '';
      assert.match(replyTo, /^hilfe\+t/);
      const ourId = (sent!.parsed.messageId ?? '').replace(/[<>]/g, '');

      // The answer by In-Reply-To.
      const a1 = await deliver(s, admin, channel.id, rawMail({ from: 'bernd@kunde.example', subject: 'Re: Lieferung fehlt', inReplyTo: ourId, references: `<${customerId}> <${ourId}>` }));
      assert.equal(a1.mail.ticketId, t.id);
      // The answer by reply address alone.
      const a2 = await deliver(s, admin, channel.id, rawMail({ from: 'bernd@kunde.example', to: replyTo, subject: 'noch etwas' }));
      assert.equal(a2.mail.ticketId, t.id);
      // By ticket number in the subject.
      const a3 = await deliver(s, admin, channel.id, rawMail({ from: 'bernd@kunde.example', subject: `Re: [#${t.number}] Lieferung fehlt` }));
      assert.equal(a3.mail.ticketId, t.id);
      const thread = await ticketWithThread(s, admin, t.id);
      assert.equal(thread.messages.length, 5);
    });

    it('mails the customer an email ticket an agent opened, through the channel that can send', async () => {
      const before = sink.mails.length;
      const t = await call(s, 'POST', '/api/v1/tickets', {
        as: admin,
        body: {
          subject: 'Ihr Rückruf von heute',
          channel: 'email',
          messageAuthor: 'agent',
          requester: { email: 'lena@beispiel.example', name: 'Lena' },
          message: { text: 'Wie besprochen sende ich Ihnen die Unterlagen.' },
        },
      });
      assert.equal(t.status, 201);
      const [sent] = (await sink.waitFor(before + 1)).slice(before);
      assert.deepEqual(sent!.envelope.to, ['lena@beispiel.example']);
      assert.equal(sent!.parsed.subject, `Ihr Rückruf von heute [#${t.body.number}]`);
      assert.equal((await ticketWithThread(s, admin, t.body.id)).channelId, channel.id);
    });

    it('opens a new, linked ticket for a stranger quoting the ticket number, the token or the Message-ID', async () => {
      const t = await openByMail('carla@kunde.example');
      const d = await deliver(s, admin, channel.id, rawMail({ from: 'mallory@evil.example', subject: `Re: [#${t.number}] Lieferung fehlt`, inReplyTo: t.messages[0]!.email.messageId }));
      assert.notEqual(d.mail.ticketId, t.id);
      const stranger = await ticketWithThread(s, admin, d.mail.ticketId!);
      assert.deepEqual(stranger.messages[0].email.relatedTicket, { id: t.id, number: t.number });
      assert.equal((await ticketWithThread(s, admin, t.id)).messages.length, 1, 'nothing was added to the original');
    });

    it('does not trust a forged reply token or Message-ID', async () => {
      const t = await openByMail('dora@kunde.example');
      const forgedToken = await deliver(s, admin, channel.id, rawMail({ from: 'dora@kunde.example', to: `hilfe+t${t.number.toString(36)}aaaaaaaaaa@firma.example`, subject: 'hallo' }));
      assert.notEqual(forgedToken.mail.ticketId, t.id);
      const forgedId = await deliver(s, admin, channel.id, rawMail({ from: 'dora@kunde.example', subject: 'hallo', inReplyTo: `srv.${t.number.toString(36)}.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@firma.example` }));
      assert.notEqual(forgedId.mail.ticketId, t.id);
    });

    it('quarantines a reply that claims to be from the requester but fails authentication, and copies nobody', async () => {
      // bank.example publishes DMARC p=reject and SPF for 203.0.113.5 only; this comes from 127.0.0.1.
      const t = await openByMail('erika@bank.example');
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: s.servus.mail.smtpPort!, secure: false, ignoreTLS: true });
      await transport.sendMail({
        envelope: { from: 'erika@bank.example', to: [channel.address] },
        from: 'erika@bank.example',
        to: channel.address,
        cc: 'attacker@evil.example',
        subject: `Re: [#${t.number}] Lieferung fehlt`,
        text: 'Bitte überweisen Sie an dieses neue Konto.',
      });
      transport.close();
      let row: { status: string; reason: string | null } | undefined;
      for (let i = 0; i < 100 && (!row || row.status === 'pending'); i++) {
        await s.servus.mail.processor.idle();
        const list = await call(s, 'GET', `/api/v1/mail/inbound?channelId=${channel.id}&limit=1`, { as: admin });
        row = list.body.data[0];
        if (row?.status === 'pending') await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(row!.status, 'quarantined');
      assert.equal(row!.reason, 'auth_failed');
      assert.equal((await ticketWithThread(s, admin, t.id)).messages.length, 1);
      const contacts = await call(s, 'GET', '/api/v1/contacts?q=attacker', { as: admin });
      assert.equal(contacts.body.data.length, 0, 'the attacker in Cc was not added anywhere');
    });
  });

  describe('loops and bounces', () => {
    it('acknowledges a human mail once, and never an auto-reply, a list mail or a bounce', async () => {
      const acking = await makeChannel(s, admin, { address: 'ack@firma.example', smtpPort: sink.port, autoAck: true });
      const before = sink.mails.length;
      await deliver(s, admin, acking.id, rawMail({ from: 'frank@kunde.example', to: acking.address, subject: 'Geheime Projektdetails', text: 'Passwort: hunter2' }));
      const [ack] = (await sink.waitFor(before + 1)).slice(before);
      assert.equal(ack!.parsed.headers.get('auto-submitted'), 'auto-replied');
      assert.ok(!ack!.raw.toString().includes('hunter2') && !ack!.raw.toString().includes('Geheime'), 'the acknowledgement does not echo the customer');
      // A second mail from the same address within a day gets no second acknowledgement.
      await deliver(s, admin, acking.id, rawMail({ from: 'frank@kunde.example', to: acking.address, subject: 'Noch eine Frage' }));
      for (const [name, value] of [
        ['Auto-Submitted', 'auto-replied'],
        ['Precedence', 'bulk'],
        ['List-Id', '<news.kunde.example>'],
        ['X-Auto-Response-Suppress', 'All'],
        ['X-Loop', 'yes'],
      ] as const) {
        await deliver(s, admin, acking.id, rawMail({ from: `auto-${name.toLowerCase()}@kunde.example`, to: acking.address, subject: 'Abwesend', headers: { [name]: value } }));
      }
      await deliver(s, admin, acking.id, rawMail({ from: 'MAILER-DAEMON@kunde.example', to: acking.address, subject: 'Undelivered Mail' }));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(sink.mails.length, before + 1);
    });

    it('ignores our own mail coming back and warns the admin', async () => {
      const t = (await deliver(s, admin, channel.id, rawMail({ from: 'gisela@kunde.example' }))).mail;
      const before = sink.mails.length;
      await call(s, 'POST', `/api/v1/tickets/${t.ticketId}/messages`, { as: admin, body: { kind: 'public', text: 'Antwort' } });
      const [ours] = (await sink.waitFor(before + 1)).slice(before);
      const back = await deliver(s, admin, channel.id, ours!.raw);
      assert.equal(back.mail.status, 'ignored');
      assert.equal(back.mail.reason, 'own_loop');
      const h = (await call(s, 'GET', '/api/v1/mail/health', { as: admin })).body.channels.find((c: { channelId: string }) => c.channelId === channel.id);
      assert.ok(h.loopWarnings >= 1);
    });

    it('threads a bounce to the original ticket without reopening it and stops mail to that address', async () => {
      const opened = (await deliver(s, admin, channel.id, rawMail({ from: 'heinz@kunde.example' }))).mail;
      const before = sink.mails.length;
      await call(s, 'POST', `/api/v1/tickets/${opened.ticketId}/messages`, { as: admin, body: { kind: 'public', text: 'Gelöst!', status: 'solved' } });
      const [ours] = (await sink.waitFor(before + 1)).slice(before);
      const dsn = Buffer.from(
        [
          'From: Mail Delivery System <MAILER-DAEMON@mx.kunde.example>',
          'To: hilfe@firma.example',
          'Subject: Undelivered Mail Returned to Sender',
          'Message-ID: <dsn-1@mx.kunde.example>',
          'Auto-Submitted: auto-replied',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
          '',
          '--dsn',
          'Content-Type: text/plain',
          '',
          'Your message could not be delivered.',
          '--dsn',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.kunde.example',
          '',
          'Final-Recipient: rfc822; heinz@kunde.example',
          'Action: failed',
          'Status: 5.1.1',
          '',
          '--dsn',
          'Content-Type: text/rfc822-headers',
          '',
          `Message-ID: ${ours!.parsed.messageId}`,
          'Subject: Re: Drucker',
          '',
          '--dsn--',
          '',
        ].join('\r\n'),
      );
      const d = await deliver(s, admin, channel.id, dsn);
      assert.equal(d.mail.ticketId, opened.ticketId);
      const t = await ticketWithThread(s, admin, opened.ticketId!);
      assert.equal(t.status, 'solved', 'a bounce does not reopen');
      const note = t.messages.at(-1);
      assert.equal(note.kind, 'note');
      assert.deepEqual(note.email.bounce, { recipient: 'heinz@kunde.example', status: '5.1.1', action: 'failed' });
      // The next reply to that address is not sent.
      const count = sink.mails.length;
      await call(s, 'POST', `/api/v1/tickets/${opened.ticketId}/messages`, { as: admin, body: { kind: 'public', text: 'Noch da?' } });
      await s.servus.services.events.flush();
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(sink.mails.length, count);
      const out = await call(s, 'GET', `/api/v1/mail/outbound?ticketId=${opened.ticketId}`, { as: admin });
      assert.equal(out.body.data[0].status, 'suppressed');
    });
  });

  describe('SMTP receiver', () => {
    it('accepts mail for a channel address with a +tag and refuses unknown mailboxes', async () => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: s.servus.mail.smtpPort!, secure: false, ignoreTLS: true });
      const info = await transport.sendMail({ from: 'ines@kunde.example', to: 'hilfe+irgendwas@firma.example', subject: 'Über SMTP', text: 'Hallo über SMTP' });
      assert.match(info.response, /^250/);
      await assert.rejects(transport.sendMail({ from: 'ines@kunde.example', to: 'niemand@firma.example', subject: 'x', text: 'x' }), /550/);
      transport.close();
      let found = false;
      for (let i = 0; i < 100 && !found; i++) {
        await s.servus.mail.processor.idle();
        const r = await call(s, 'GET', '/api/v1/search?q=%C3%9Cber%20SMTP', { as: admin });
        found = r.status === 200 && JSON.stringify(r.body).includes('Über SMTP');
        if (!found) await new Promise((res) => setTimeout(res, 50));
      }
      assert.ok(found, 'the mail became a ticket');
    });
  });
});

describe('mail health', () => {
  it('reports an IMAP channel that has not fetched for 15 minutes, in the API and /healthz', async () => {
    const clock = new ManualClock(new Date('2026-11-22T09:00:00Z'));
    const s = await startTestServer({ clock });
    try {
      const admin = await makeAgent(s, { role: 'admin' });
      const team = await makeTeam(s, 'Mail');
      const c = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'IMAP', address: 'imap@firma.example', teamId: team.id, imap: { host: '127.0.0.1', port: 1, secure: false, user: 'u', password: 'p' } } });
      assert.equal(c.status, 201);
      let h = await s.servus.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(JSON.parse(h.body).status, 'ok');
      clock.advance(16 * 60_000);
      h = await s.servus.app.inject({ method: 'GET', url: '/healthz' });
      const body = JSON.parse(h.body);
      assert.equal(body.status, 'degraded');
      assert.equal(body.mail.stale[0].address, 'imap@firma.example');
      const api = await call(s, 'GET', '/api/v1/mail/health', { as: admin });
      assert.equal(api.body.channels[0].stale, true);
    } finally {
      await s.close();
    }
  });

  it('tells the admin when the configured servers cannot be reached', async () => {
    const s = await startTestServer();
    try {
      const admin = await makeAgent(s, { role: 'admin' });
      const c = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'T', address: 't@firma.example', imap: { host: '127.0.0.1', port: 1, secure: false, user: 'u', password: 'p' }, smtp: { host: '127.0.0.1', port: 1 } } });
      const r = await call(s, 'POST', `/api/v1/channels/${c.body.id}/test`, { as: admin });
      assert.equal(r.status, 200);
      assert.equal(r.body.imap.ok, false);
      assert.equal(r.body.smtp.ok, false);
      assert.ok(r.body.imap.message.length > 0 && r.body.smtp.message.length > 0);
    } finally {
      await s.close();
    }
  });
});

describe('two Servus instances mailing each other', () => {
  it('stop after the acknowledgement: two messages in all', async () => {
    const a = await startTestServer({ env: { SERVUS_ROLES: 'http,worker,smtp' } });
    const b = await startTestServer({ env: { SERVUS_ROLES: 'http,worker,smtp' } });
    try {
      const adminA = await makeAgent(a, { role: 'admin' });
      const adminB = await makeAgent(b, { role: 'admin' });
      // Each instance's outbound server is the other's receiver; both acknowledge new mail.
      await makeChannel(a, adminA, { address: 'support@a.example', smtpPort: b.servus.mail.smtpPort!, autoAck: true });
      await makeChannel(b, adminB, { address: 'support@b.example', smtpPort: a.servus.mail.smtpPort!, autoAck: true });
      // B's address writes to A (a person using B's mailbox): mail 1.
      const t = nodemailer.createTransport({ host: '127.0.0.1', port: a.servus.mail.smtpPort!, secure: false, ignoreTLS: true });
      await t.sendMail({ from: 'support@b.example', to: 'support@a.example', subject: 'Hallo A', text: 'Erste Nachricht' });
      t.close();
      // Let both sides settle: A acknowledges (mail 2), B must not answer that.
      const count = async (s: TestServer) => (await queryRows<{ n: number }>(s.servus.services.database.db, sql`select count(*)::int as n from outbound_mails`))[0]!.n;
      for (let i = 0; i < 60; i++) {
        await a.servus.mail.processor.idle();
        await b.servus.mail.processor.idle();
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(await count(a), 1, 'A sent one acknowledgement');
      assert.equal(await count(b), 0, 'B did not answer the acknowledgement');
      const bInbound = await call(b, 'GET', '/api/v1/mail/inbound', { as: adminB });
      assert.equal(bInbound.body.data.length, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

// A DKIM key for outbound signing must be a PEM private key.
describe('DKIM settings', () => {
  it('accepts a PEM key and refuses anything else', async () => {
    const s = await startTestServer();
    try {
      const admin = await makeAgent(s, { role: 'admin' });
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const ok = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'D', address: 'd@firma.example', dkim: { domain: 'firma.example', selector: 's1', privateKey: pem } } });
      assert.equal(ok.status, 201);
      assert.equal(ok.body.dkim.hasPrivateKey, true);
      assert.ok(!JSON.stringify(ok.body).includes('PRIVATE KEY'));
      const bad = await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'E', address: 'e@firma.example', dkim: { domain: 'firma.example', selector: 's1', privateKey: 'not a key' } } });
      assert.equal(bad.status, 400);
    } finally {
      await s.close();
    }
  });
});

describe('outbound cap', () => {
  it('holds back mail past the hourly limit of a channel, visible with the reason', async () => {
    const sink = await startSmtpSink();
    const s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker', MAIL_OUTBOUND_PER_HOUR: '2' } });
    try {
      const admin = await makeAgent(s, { role: 'admin' });
      await makeChannel(s, admin, { address: 'cap@firma.example', smtpPort: sink.port });
      for (const n of [1, 2, 3]) {
        const t = await call(s, 'POST', '/api/v1/tickets', {
          as: admin,
          body: { subject: `Rundschreiben ${n}`, channel: 'email', messageAuthor: 'agent', requester: { email: `empfaenger${n}@beispiel.example` }, message: { text: 'Hallo' } },
        });
        assert.equal(t.status, 201);
      }
      await sink.waitFor(2);
      let held: { status: string; lastError: string | null } | undefined;
      for (let i = 0; i < 100 && !held?.lastError; i++) {
        const q = await call(s, 'GET', '/api/v1/mail/outbound?status=queued', { as: admin });
        held = q.body.data[0];
        if (!held?.lastError) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(held!.status, 'queued');
      assert.match(held!.lastError!, /held back: this channel sent 2 mails in the last hour \(limit 2\)/);
      assert.equal(sink.mails.length, 2);
    } finally {
      await s.close();
      await sink.close();
    }
  });
});
