import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { dkimVerify } from 'mailauth';
import { call, makeAgent, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from '../../../../test/harness.ts';
import { inTransaction, makeCtx, type Ctx } from '../../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../../platform/actor.ts';
import type { Db } from '../../../platform/db.ts';
import { agents } from '../../auth/schema.ts';
import { channels } from '../../channels/schema.ts';
import { contacts } from '../../contacts/schema.ts';
import { attachments, messages, tickets, type MessageEmailMeta } from '../../tickets/schema.ts';
import { mailSuppressions, outboundMails, ticketParticipants } from '../schema.ts';
import { MailSigner } from '../signing.ts';
import { queueAutoAck, queueReply, type ChannelRow } from './queue.ts';
import { MAX_SEND_ATTEMPTS, MailDeferredError, mailSendJob, retryOutbound, sendOutbound } from './send.ts';
import { closeOutboundTransports } from './transport.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.test-helper.ts';

const DOMAIN = 'firma.example';
const SELECTOR = 's2025';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_KEY_B64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

let s: TestServer;
let db: Db;
let ctx: Ctx;
let sink: SmtpSink;
let agent: TestAgent;
let channel: ChannelRow;
let plainChannel: ChannelRow;
const clock = new ManualClock(new Date());
const signer = new MailSigner('outbound-test-secret-0123456789abcdef');

before(async () => {
  sink = await startSmtpSink();
  s = await startTestServer({ clock });
  db = s.servus.services.database.db;
  ctx = makeCtx(s.servus.services, SYSTEM_ACTOR);
  // The app creates the mail.send queue when it registers the job; make sure it exists either
  // way, since pg-boss silently drops a job for a queue that does not.
  await s.servus.services.jobs.boss.createQueue('mail.send').catch(() => undefined);
  agent = await makeAgent(s, { name: 'Anna Agent' });
  await db.update(agents).set({ signature: 'Anna Agent\nFirma GmbH · Support' }).where(eq(agents.id, agent.id));
  const smtp = { host: '127.0.0.1', port: sink.port, secure: false, user: '', password: null };
  [channel] = await db
    .insert(channels)
    .values({
      kind: 'email',
      name: 'Support',
      address: `hilfe@${DOMAIN}`,
      displayName: 'Firma Support',
      smtp,
      autoAck: { enabled: true, subject: '[#{{number}}] Wir haben Ihre Anfrage erhalten', body: 'Ihre Anfrage hat die Nummer #{{number}}.\nWir melden uns.' },
      dkim: { domain: DOMAIN, selector: SELECTOR, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      maxMessageBytes: 25 * 1024 * 1024,
    })
    .returning();
  [plainChannel] = await db
    .insert(channels)
    .values({
      kind: 'email',
      name: 'Vertrieb',
      address: 'vertrieb@firma.example',
      smtp,
      autoAck: { enabled: false, subject: 'x', body: 'y' },
      maxMessageBytes: 25 * 1024 * 1024,
    })
    .returning();
});

after(async () => {
  closeOutboundTransports();
  await sink.close();
  await s.close();
});

let seq = 0;
const customer = () => `kunde-${++seq}@kunde.example`;

/** A ticket that came in by mail on `ch`, optionally with the customer's mail as the thread parent. */
async function emailTicket(opts: {
  ch?: ChannelRow;
  email?: string;
  subject?: string;
  parent?: { messageId: string; inReplyTo?: string[]; references?: string[] } | null;
} = {}) {
  const t = await makeTicket(s, agent, { channel: 'email', subject: opts.subject ?? 'Drucker brennt', requester: { email: opts.email ?? customer() } });
  await db.update(tickets).set({ channelId: (opts.ch ?? channel).id }).where(eq(tickets.id, t.id));
  if (opts.parent) {
    const meta: MessageEmailMeta = {
      from: null,
      to: [channel.address],
      cc: [],
      auth: null,
      automated: false,
      bounce: null,
      hasRemoteImages: false,
      inReplyTo: opts.parent.inReplyTo ?? [],
      references: opts.parent.references ?? [],
      relatedTicket: null,
    };
    await db.insert(messages).values({
      ticketId: t.id,
      kind: 'public',
      authorKind: 'contact',
      authorContactId: t.requesterId,
      bodyText: 'Der Drucker brennt immer noch.',
      bodyHtml: '<p>Der Drucker brennt immer noch.</p>',
      source: 'email',
      emailMessageId: opts.parent.messageId,
      email: meta,
      createdAt: clock.now(),
    });
  }
  clock.advance(1000);
  return t as { id: string; number: number; requesterId: string; subject: string };
}

async function reply(ticketId: string, body: Record<string, unknown> = { text: 'Wir kümmern uns darum.' }): Promise<string> {
  const res = await call(s, 'POST', `/api/v1/tickets/${ticketId}/messages`, { as: agent, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  clock.advance(1000);
  return res.body.message.id;
}

const queue = (messageId: string) => inTransaction(ctx, (tx) => queueReply(tx, ctx, signer, messageId));
const rowOf = async (id: string) => (await db.select().from(outboundMails).where(eq(outboundMails.id, id)))[0]!;

/** Sends `id` and returns the one mail that arrived for it, parsed. */
async function deliver(id: string): Promise<{ parsed: ParsedMail; raw: Buffer; mailFrom: string | null; rcptTo: string[] }> {
  const before = sink.received.length;
  assert.equal(await sendOutbound(ctx, id), 'sent');
  assert.equal(sink.received.length, before + 1, 'exactly one mail arrived');
  const got = sink.received[sink.received.length - 1]!;
  return { ...got, parsed: await simpleParser(got.raw) };
}

const refs = (p: ParsedMail) => ([] as string[]).concat(p.references ?? []);
const jobsFor = async (id: string) =>
  (
    await s.servus.services.database.raw.executeSql(
      `select data, retry_limit, retry_backoff from pgboss.job where name = 'mail.send' and data->>'id' = $1`,
      [id],
    )
  ).rows as { data: { id: string }; retry_limit: number; retry_backoff: boolean }[];

describe('threading of agent replies (METRICS §8.8)', () => {
  const cases = [
    {
      name: 'Message-ID and References',
      parent: { messageId: 'a1@kunde.example', references: ['r1@kunde.example', 'r2@kunde.example'], inReplyTo: ['r2@kunde.example'] },
      inReplyTo: '<a1@kunde.example>',
      references: ['<r1@kunde.example>', '<r2@kunde.example>', '<a1@kunde.example>'],
    },
    {
      name: 'Message-ID and In-Reply-To, no References',
      parent: { messageId: 'a2@kunde.example', inReplyTo: ['p2@kunde.example'] },
      inReplyTo: '<a2@kunde.example>',
      references: ['<p2@kunde.example>', '<a2@kunde.example>'],
    },
    { name: 'Message-ID only', parent: { messageId: 'a3@kunde.example' }, inReplyTo: '<a3@kunde.example>', references: ['<a3@kunde.example>'] },
    { name: 'no mail parent at all', parent: null, inReplyTo: undefined, references: [] },
  ];
  for (const c of cases) {
    it(`parent with ${c.name}`, async () => {
      const t = await emailTicket({ parent: c.parent });
      const row = (await queue(await reply(t.id)))!;
      const { parsed } = await deliver(row.id);
      assert.equal(parsed.inReplyTo, c.inReplyTo);
      assert.deepEqual(refs(parsed), c.references);
      assert.equal(parsed.headers.has('in-reply-to'), c.inReplyTo !== undefined);
      assert.equal(parsed.headers.has('references'), c.references.length > 0);
    });
  }

  it('threads to the latest customer mail, not an older one or our own', async () => {
    const t = await emailTicket({ parent: { messageId: 'old@kunde.example' } });
    await reply(t.id);
    await db.insert(messages).values({
      ticketId: t.id,
      kind: 'public',
      authorKind: 'contact',
      authorContactId: t.requesterId,
      bodyText: 'Noch da?',
      bodyHtml: '<p>Noch da?</p>',
      source: 'email',
      emailMessageId: 'new@kunde.example',
      email: null,
      createdAt: clock.now(),
    });
    clock.advance(1000);
    const row = (await queue(await reply(t.id)))!;
    const { parsed } = await deliver(row.id);
    assert.equal(parsed.inReplyTo, '<new@kunde.example>');
    assert.deepEqual(refs(parsed), ['<new@kunde.example>']);
  });
});

describe('the reply the customer receives', () => {
  it('carries signed ids, the ticket token, both alternatives with the signature, files, an inline image and a valid DKIM signature', async () => {
    const requester = customer();
    const t = await emailTicket({ email: requester, subject: 'AW: Rechnung 4711', parent: { messageId: 'q1@kunde.example' } });
    // Copied on the ticket: a colleague, a suppressed address, the channel itself.
    const [colleague, bounced, ours] = await db
      .insert(contacts)
      .values([{ email: 'Kollegin@Kunde.example' }, { email: 'weg@kunde.example' }, { email: 'hilfe+alt@firma.example' }])
      .returning();
    await db.insert(ticketParticipants).values([colleague!, bounced!, ours!].map((c) => ({ ticketId: t.id, contactId: c.id })));
    await db.insert(mailSuppressions).values({ address: 'weg@kunde.example', reason: 'hard bounce 5.1.1' });

    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Rechnung 4711 – Betrag 12,34 €\n'), Buffer.from('%%EOF\n')]);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = async (filename: string, content: Buffer) => {
      const res = await s.servus.app.inject({
        method: 'POST',
        url: `/api/v1/attachments?filename=${encodeURIComponent(filename)}`,
        headers: { ...agent.auth, 'content-type': 'application/octet-stream' },
        payload: content,
      });
      assert.equal(res.statusCode, 201, res.body);
      return JSON.parse(res.body).id as string;
    };
    const pdfId = await upload('Rechnung 4711.pdf', pdf);
    const pngId = await upload('logo.png', png);
    await db.update(attachments).set({ contentId: 'logo-1@servus', inline: true }).where(eq(attachments.id, pngId));
    const messageId = await reply(t.id, {
      html: '<p>Die <b>Rechnung</b> liegt bei.</p><p><img src="cid:logo-1@servus" alt="Logo"></p>',
      text: 'Die Rechnung liegt bei.',
      attachmentIds: [pdfId, pngId],
    });

    const row = (await queue(messageId))!;
    assert.equal(row.status, 'queued');
    assert.deepEqual(row.to, [requester]);
    assert.deepEqual(row.cc, ['kollegin@kunde.example'], 'the suppressed address and our own are not copied');
    const { parsed, raw, mailFrom, rcptTo } = await deliver(row.id);

    // Envelope and addresses.
    assert.equal(mailFrom, channel.address);
    assert.deepEqual(rcptTo.sort(), [requester, 'kollegin@kunde.example'].sort());
    assert.deepEqual(parsed.from?.value, [{ address: channel.address, name: 'Anna Agent (Firma Support)' }]);
    assert.deepEqual((Array.isArray(parsed.to) ? parsed.to : [parsed.to!]).flatMap((a) => a.value.map((v) => v.address)), [requester]);
    assert.deepEqual((Array.isArray(parsed.cc) ? parsed.cc : [parsed.cc!]).flatMap((a) => a.value.map((v) => v.address)), ['kollegin@kunde.example']);
    assert.equal(parsed.subject, `Re: Rechnung 4711 [#${t.number}]`);

    // Our Message-ID is signed, stored on the message, and a tampered one is not ours.
    const mid = parsed.messageId!.replace(/^<|>$/g, '');
    assert.equal(mid, row.emailMessageId);
    assert.match(mid, new RegExp(`@${DOMAIN.replace('.', '\\.')}$`));
    assert.equal(signer.verifyMessageId(mid), t.number);
    const last = mid.indexOf('@') - 1;
    const tampered = mid.slice(0, last) + (mid[last] === 'a' ? 'b' : 'a') + mid.slice(last + 1);
    assert.equal(signer.verifyMessageId(tampered), null);
    assert.equal(new MailSigner('another-installation-secret-xxxxxxxx').verifyMessageId(mid), null);
    const [msg] = await db.select().from(messages).where(eq(messages.id, messageId));
    assert.equal(msg!.emailMessageId, mid, 'the customer answer threads back to the message');

    // Reply-To carries the signed ticket token.
    const replyTo = parsed.replyTo!.value[0]!.address!;
    assert.notEqual(replyTo, channel.address);
    assert.equal(signer.ticketFromReplyAddress(replyTo, channel.address), t.number);

    // Text and HTML alternatives, both with the signature.
    assert.match(parsed.text!, /Die Rechnung liegt bei\.\n\n-- \nAnna Agent\nFirma GmbH · Support/);
    assert.match(parsed.html as string, /<b>Rechnung<\/b>/);
    assert.match(parsed.html as string, /<p>-- <br>Anna Agent<br>Firma GmbH · Support<\/p>/);
    assert.match(raw.toString('latin1'), /multipart\/alternative/i);

    // The file with its name and bytes; the inline image keeps its cid.
    const file = parsed.attachments.find((a) => a.filename === 'Rechnung 4711.pdf');
    assert.ok(file, 'the PDF arrived');
    assert.equal(file.contentType, 'application/pdf');
    assert.deepEqual(file.content, pdf);
    const image = parsed.attachments.find((a) => a.cid === 'logo-1@servus');
    assert.ok(image, 'the inline image arrived with its Content-ID');
    assert.deepEqual(image.content, png);
    assert.equal(image.contentType, 'image/png');
    assert.equal(image.related, true, 'the image is part of the HTML (multipart/related)');

    // DKIM: signed by the channel's domain and valid against the published key.
    assert.match(raw.toString('latin1'), /^DKIM-Signature: /m);
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[`v=DKIM1; k=rsa; p=${PUBLIC_KEY_B64}`]];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
    };
    const dkim = await dkimVerify(raw, { resolver });
    assert.equal(dkim.results.length, 1);
    assert.equal(dkim.results[0]!.signingDomain, DOMAIN);
    assert.equal(dkim.results[0]!.status.result, 'pass', dkim.results[0]!.info);
    const altered = Buffer.from(raw.toString('latin1').replace('Die Rechnung liegt bei.', 'Die Rechnung liegt NICHT bei.'), 'latin1');
    assert.notEqual(altered.toString('latin1'), raw.toString('latin1'));
    assert.notEqual((await dkimVerify(altered, { resolver })).results[0]!.status.result, 'pass', 'a changed body breaks the signature');

    const sent = await rowOf(row.id);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 1);
    assert.ok(sent.sentAt);
  });

  it('a channel without a DKIM key sends unsigned mail under its own name', async () => {
    const t = await emailTicket({ ch: plainChannel });
    const row = (await queue(await reply(t.id)))!;
    const { parsed, raw, mailFrom } = await deliver(row.id);
    assert.equal(mailFrom, plainChannel.address);
    assert.deepEqual(parsed.from?.value, [{ address: plainChannel.address, name: 'Anna Agent (Vertrieb)' }]);
    assert.doesNotMatch(raw.toString('latin1'), /^DKIM-Signature:/m);
    assert.equal(parsed.headers.has('auto-submitted'), false, 'a human reply is not marked automatic');
  });
});

describe('queueing replies', () => {
  it('is idempotent: two calls give one row, one job and one mail', async () => {
    const t = await emailTicket({ parent: { messageId: 'idem@kunde.example' } });
    const messageId = await reply(t.id);
    const first = (await queue(messageId))!;
    const second = (await queue(messageId))!;
    assert.equal(second.id, first.id);
    assert.equal(second.emailMessageId, first.emailMessageId);
    assert.equal((await db.select().from(outboundMails).where(eq(outboundMails.messageRowId, messageId))).length, 1);
    const jobs = await jobsFor(first.id);
    assert.equal(jobs.length, 1, 'one mail.send job');
    assert.deepEqual(jobs[0]!.data, { id: first.id });
    assert.equal(jobs[0]!.retry_limit, MAX_SEND_ATTEMPTS - 1);
    assert.equal(jobs[0]!.retry_backoff, true);

    // The job handler sends it; a second run of the job sends nothing more.
    const job = mailSendJob({ ctx });
    const before = sink.received.length;
    await job.handler(job.schema.parse(jobs[0]!.data));
    await job.handler({ id: first.id });
    assert.equal(await sendOutbound(ctx, first.id), 'skipped');
    const arrived = sink.received.slice(before);
    assert.equal(arrived.length, 1);
    assert.equal((await simpleParser(arrived[0]!.raw)).messageId, `<${first.emailMessageId}>`);
  });

  it('a rolled-back transaction leaves neither a row nor a job', async () => {
    const t = await emailTicket();
    const messageId = await reply(t.id);
    let queuedId = '';
    await assert.rejects(
      inTransaction(ctx, async (tx) => {
        queuedId = (await queueReply(tx, ctx, signer, messageId))!.id;
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.ok(queuedId);
    assert.equal((await db.select().from(outboundMails).where(eq(outboundMails.id, queuedId))).length, 0);
    assert.equal((await jobsFor(queuedId)).length, 0);
  });

  it('sends nothing for notes, customer messages, other channels or a channel that cannot send', async () => {
    const t = await emailTicket();
    const note = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { kind: 'note', text: 'intern' } });
    assert.equal(await queue(note.body.message.id), null);
    const own = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'vom Kunden', asRequester: true } });
    assert.equal(await queue(own.body.message.id), null);

    const web = await makeTicket(s, agent, { channel: 'web' });
    assert.equal(await queue(await reply(web.id)), null);
    // An email ticket an agent opened has no channel yet: it takes the oldest one that can send.
    const noChannel = await makeTicket(s, agent, { channel: 'email' });
    assert.equal((await queue(await reply(noChannel.id)))?.channelId, channel.id);

    const [inactive] = await db
      .insert(channels)
      .values({ kind: 'email', name: 'Alt', address: 'alt@firma.example', active: false, smtp: channel.smtp, autoAck: channel.autoAck, maxMessageBytes: 1 << 20 })
      .returning();
    const [noSmtp] = await db
      .insert(channels)
      .values({ kind: 'email', name: 'Nur IMAP', address: 'imap@firma.example', smtp: null, autoAck: channel.autoAck, maxMessageBytes: 1 << 20 })
      .returning();
    for (const ch of [inactive!, noSmtp!]) {
      const x = await emailTicket({ ch });
      assert.equal(await queue(await reply(x.id)), null, ch.name);
    }
  });

  it('a suppressed requester: the row is stored as suppressed, no job, nothing arrives', async () => {
    const address = customer();
    await db.insert(mailSuppressions).values({ address, reason: 'hard bounce 5.1.1' });
    const t = await emailTicket({ email: address });
    const before = sink.received.length;
    const row = (await queue(await reply(t.id)))!;
    assert.equal(row.status, 'suppressed');
    assert.deepEqual(row.to, []);
    assert.equal((await jobsFor(row.id)).length, 0);
    assert.equal(await sendOutbound(ctx, row.id), 'skipped');
    assert.equal(sink.received.length, before);
    assert.equal((await rowOf(row.id)).status, 'suppressed');
  });

  it('an address suppressed after queueing is not mailed either', async () => {
    const address = customer();
    const t = await emailTicket({ email: address });
    const row = (await queue(await reply(t.id)))!;
    assert.equal(row.status, 'queued');
    await db.insert(mailSuppressions).values({ address, reason: 'bounced meanwhile' });
    const before = sink.received.length;
    assert.equal(await sendOutbound(ctx, row.id), 'skipped');
    assert.equal(sink.received.length, before);
    assert.equal((await rowOf(row.id)).status, 'suppressed');
  });
});

describe('delivery failures', () => {
  it('a 550 for the recipient fails at once, with the server answer', async () => {
    const address = customer();
    sink.refuse.set(address, { code: 550, message: '5.1.1 <' + address + '>: Recipient address rejected: User unknown' });
    const t = await emailTicket({ email: address });
    const row = (await queue(await reply(t.id)))!;
    const before = sink.received.length;
    assert.equal(await sendOutbound(ctx, row.id), 'failed');
    const after = await rowOf(row.id);
    assert.equal(after.status, 'failed');
    assert.equal(after.attempts, 1);
    assert.match(after.lastError!, /^550 5\.1\.1 <kunde-\d+@kunde\.example>: Recipient address rejected: User unknown/);
    assert.equal(sink.received.length, before);
    // The job completes (no retry) and a rerun does nothing.
    await mailSendJob({ ctx }).handler({ id: row.id });
    assert.equal((await rowOf(row.id)).attempts, 1);
  });

  it('a 451 stays queued with one attempt and is retried until it goes out', async () => {
    const address = customer();
    sink.refuse.set(address, { code: 451, message: '4.7.1 Greylisted, please try again later' });
    const t = await emailTicket({ email: address });
    const row = (await queue(await reply(t.id)))!;
    await assert.rejects(mailSendJob({ ctx }).handler({ id: row.id }), (err: unknown) => {
      assert.ok(err instanceof MailDeferredError);
      assert.equal(err.attempts, 1);
      return true;
    });
    const deferred = await rowOf(row.id);
    assert.equal(deferred.status, 'queued');
    assert.equal(deferred.attempts, 1);
    assert.match(deferred.lastError!, /^451 4\.7\.1 Greylisted, please try again later/);

    sink.refuse.delete(address);
    const { rcptTo } = await deliver(row.id);
    assert.deepEqual(rcptTo, [address]);
    const sent = await rowOf(row.id);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 2);
    assert.equal(sent.lastError, null);
  });

  it(`gives up after ${MAX_SEND_ATTEMPTS} temporary failures; an admin retry sends it again`, async () => {
    const address = customer();
    sink.refuse.set(address, { code: 452, message: '4.2.2 Mailbox full' });
    const t = await emailTicket({ email: address });
    const row = (await queue(await reply(t.id)))!;
    for (let i = 1; i < MAX_SEND_ATTEMPTS; i++) await assert.rejects(sendOutbound(ctx, row.id), MailDeferredError);
    assert.equal(await sendOutbound(ctx, row.id), 'failed');
    const failed = await rowOf(row.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, MAX_SEND_ATTEMPTS);
    assert.equal(await sendOutbound(ctx, row.id), 'skipped', 'a failed mail waits for an admin');

    sink.refuse.delete(address);
    assert.equal(await retryOutbound(ctx, row.id), true);
    assert.equal((await rowOf(row.id)).status, 'queued');
    assert.equal((await jobsFor(row.id)).length, 2, 'the retry queued a new job');
    await deliver(row.id);
    assert.equal(await retryOutbound(ctx, row.id), false, 'only failed mail can be retried');
  });

  it('an unreachable server defers the mail with the connection error', async () => {
    const [dead] = await db
      .insert(channels)
      .values({
        kind: 'email',
        name: 'Tot',
        address: 'tot@firma.example',
        smtp: { host: '127.0.0.1', port: 1, secure: false, user: '', password: null },
        autoAck: channel.autoAck,
        maxMessageBytes: 1 << 20,
      })
      .returning();
    const t = await emailTicket({ ch: dead! });
    const row = (await queue(await reply(t.id)))!;
    await assert.rejects(sendOutbound(ctx, row.id), MailDeferredError);
    const after = await rowOf(row.id);
    assert.equal(after.status, 'queued');
    assert.equal(after.attempts, 1);
    assert.match(after.lastError!, /ECONNREFUSED/);
  });
});

describe('auto-acknowledgement', () => {
  const ack = (t: { id: string; number: number }, to: string, parent: string | null = null, references: string[] = [], ch: ChannelRow = channel) =>
    inTransaction(ctx, (tx) =>
      queueAutoAck(tx, ctx, signer, { channel: ch, ticket: { id: t.id, number: t.number }, to, parentMessageId: parent, parentReferences: references }),
    );

  it('is marked automatic, threaded to the customer mail, and repeats nothing the customer wrote', async () => {
    const address = customer();
    const t = await emailTicket({ email: address, subject: 'Geheimprojekt Zitrone', parent: { messageId: 'first@kunde.example' } });
    const row = (await ack(t, address, 'first@kunde.example', ['earlier@kunde.example']))!;
    assert.equal(row.kind, 'auto_ack');
    const { parsed, raw, mailFrom } = await deliver(row.id);
    assert.equal(mailFrom, channel.address);
    assert.equal(parsed.headers.get('auto-submitted'), 'auto-replied');
    assert.equal(parsed.headers.get('x-auto-response-suppress'), 'All');
    assert.equal(parsed.inReplyTo, '<first@kunde.example>');
    assert.deepEqual(refs(parsed), ['<earlier@kunde.example>', '<first@kunde.example>']);
    assert.equal(parsed.subject, `[#${t.number}] Wir haben Ihre Anfrage erhalten`);
    assert.match(parsed.text!, new RegExp(`Ihre Anfrage hat die Nummer #${t.number}\\.`));
    assert.deepEqual(parsed.from?.value, [{ address: channel.address, name: 'Firma Support' }]);
    assert.equal(signer.ticketFromReplyAddress(parsed.replyTo!.value[0]!.address!, channel.address), t.number);
    assert.equal(signer.verifyMessageId(parsed.messageId!.replace(/^<|>$/g, '')), t.number);
    const everything = `${raw.toString('latin1')}\n${parsed.subject}\n${parsed.text}\n${parsed.html}`;
    assert.doesNotMatch(everything, /Zitrone|Geheimprojekt|brennt immer noch/);
    assert.equal((await dkimVerify(raw, { resolver: async () => [[`v=DKIM1; k=rsa; p=${PUBLIC_KEY_B64}`]] })).results[0]!.status.result, 'pass');
  });

  it('at most one per address in 24 hours, and never a second one on a ticket', async () => {
    const address = customer();
    const t1 = await emailTicket({ email: address });
    const first = (await ack(t1, address))!;
    assert.ok(first);
    await deliver(first.id);

    const before = sink.received.length;
    const t2 = await emailTicket({ email: address });
    assert.equal(await ack(t2, address.toUpperCase()), null, 'a second mail from the address within 24 h gets no ack');
    assert.equal(await ack(t2, address, null, [], plainChannel), null, 'not through another channel either (if it had auto-ack on)');
    assert.equal(await ack(t1, address), null);
    assert.equal(sink.received.length, before);

    clock.advance(24 * 60 * 60 * 1000 + 1000);
    const t3 = await emailTicket({ email: address });
    const later = await ack(t3, address);
    assert.ok(later, 'after 24 h the address may get an ack again');
    assert.equal(await ack(t1, address), null, 'but never a second one on the same ticket');
  });

  it('not to suppressed addresses, our own addresses, or when the channel has it off', async () => {
    const bounced = customer();
    await db.insert(mailSuppressions).values({ address: bounced, reason: 'hard bounce' });
    const t = await emailTicket({ email: bounced });
    assert.equal(await ack(t, bounced), null);
    const t2 = await emailTicket();
    assert.equal(await ack(t2, 'Hilfe+x@Firma.example'), null, 'never to one of our own channel addresses');
    assert.equal(await ack(t2, 'vertrieb@firma.example'), null);
    assert.equal(await ack(t2, customer(), null, [], plainChannel), null, 'auto-ack disabled');
    const noSmtp = { ...channel, smtp: null };
    assert.equal(await ack(t2, customer(), null, [], noSmtp), null, 'no SMTP settings');
  });
});
