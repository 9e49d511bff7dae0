import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyMail, type MailKind } from './classify.ts';
import { DEFAULT_PARSE_LIMITS } from './limits.ts';
import { parseMail } from './parse-mail.ts';

let tmp: string;
let n = 0;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-classify-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const OURS = { domains: ['servus.example'] };

/** Parses a message made of `headers` (From and Message-ID default to a customer's) and classifies it. */
async function classify(headers: string, body = 'Hallo'): Promise<MailKind> {
  const lines = headers.trim().split('\n');
  if (!lines.some((l) => /^from:/i.test(l))) lines.push('From: Kundin <kundin@example.de>');
  if (!lines.some((l) => /^message-id:/i.test(l))) lines.push(`Message-ID: <c${n}@example.de>`);
  const file = path.join(tmp, `m${++n}.eml`);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\nSubject: Test\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\n`);
  return classifyMail(await parseMail(file, path.join(tmp, 'blobs'), DEFAULT_PARSE_LIMITS), OURS);
}

const HUMAN = { automated: false, bounce: false, ownLoop: false, reasons: [] };
const auto = (...reasons: string[]) => ({ automated: true, bounce: false, ownLoop: false, reasons });
const bounce = (...reasons: string[]) => ({ automated: true, bounce: true, ownLoop: false, reasons });

const DSN_FAILED = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="R"',
].join('\n');
const DSN_FAILED_BODY = `--R
Content-Type: text/plain

Delivery failed.
--R
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; weg@example.com
Action: failed
Status: 5.1.1
--R--`;

describe('classifyMail: METRICS 8.8 auto-reply classification, Engine column', () => {
  const rows: [row: string, headers: string, expected: MailKind][] = [
    ['Auto-Submitted: no -> not auto', 'Auto-Submitted: no', HUMAN],
    ['Auto-Submitted: auto-replied -> auto', 'Auto-Submitted: auto-replied', auto('auto-submitted')],
    ['Auto-Submitted: auto-generated -> auto', 'Auto-Submitted: auto-generated', auto('auto-submitted')],
    ['Auto-Submitted: auto-notified (extension) -> auto', 'Auto-Submitted: auto-notified', auto('auto-submitted')],
    ['Precedence: bulk -> auto', 'Precedence: bulk', auto('precedence')],
    ['Precedence: junk -> auto', 'Precedence: junk', auto('precedence')],
    ['Precedence: list -> auto', 'Precedence: list', auto('precedence')],
    ['X-Auto-Response-Suppress: All -> auto', 'X-Auto-Response-Suppress: All', auto('x-auto-response-suppress')],
    ['X-Loop: yes -> auto', 'X-Loop: yes', auto('x-loop')],
    ['List-Unsubscribe: <mailto:…> -> auto', 'List-Unsubscribe: <mailto:leave@lists.example.de>', auto('list')],
    ['Return-Path: <> -> bounce, no reply', 'Return-Path: <>', bounce('empty-return-path')],
    [
      'Content-Type: multipart/report; report-type=delivery-status -> bounce',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="R"',
      bounce('dsn'),
    ],
    ['From MAILER-DAEMON@… -> bounce', 'From: MAILER-DAEMON@mx.example.com', bounce('mailer-daemon')],
    [
      'Message-ID @our-fqdn + Precedence: bulk -> drop (own loop)',
      'Message-ID: <n-1@servus.example>\nPrecedence: bulk',
      { automated: true, bounce: false, ownLoop: true, reasons: ['precedence', 'own-loop'] },
    ],
  ];
  for (const [row, headers, expected] of rows) {
    it(row, async () => assert.deepEqual(await classify(headers), expected));
  }

  it('DSN with Action: failed, Status: 5.1.1 -> bounce with the recipient to mark hard-bounced', async () => {
    const file = path.join(tmp, `dsn${++n}.eml`);
    fs.writeFileSync(file, `${DSN_FAILED}\nSubject: Undeliverable\n\n${DSN_FAILED_BODY}\n`.replace(/\n/g, '\r\n'));
    const mail = await parseMail(file, path.join(tmp, 'blobs'), DEFAULT_PARSE_LIMITS);
    assert.deepEqual(classifyMail(mail, OURS), bounce('dsn', 'mailer-daemon'));
    assert.deepEqual(mail.dsn, { recipient: 'weg@example.com', action: 'failed', status: '5.1.1', originalMessageId: null });
  });
});

describe('classifyMail: further rules', () => {
  it('an ordinary customer mail is not automated', async () => {
    assert.deepEqual(await classify('To: support@servus.example'), HUMAN);
  });

  it('List-Id, X-Autoreply and X-Autorespond are automated', async () => {
    assert.deepEqual(await classify('List-Id: Kunden <kunden.lists.example.de>'), auto('list'));
    assert.deepEqual(await classify('X-Autoreply: yes'), auto('x-autoreply'));
    assert.deepEqual(await classify('X-Autorespond: Abwesend'), auto('x-autoreply'));
  });

  it('Precedence: auto_reply (sent by auto-responders) is automated', async () => {
    assert.deepEqual(await classify('Precedence: auto_reply'), auto('precedence'));
  });

  it('postmaster is a bounce sender, case-insensitively', async () => {
    assert.deepEqual(await classify('From: PostMaster@example.org'), bounce('mailer-daemon'));
  });

  it('noreply senders are automated but not bounces', async () => {
    for (const from of ['noreply@shop.example', 'no-reply@shop.example', 'DoNotReply@bank.example', 'no_reply+rechnung@shop.example']) {
      assert.deepEqual(await classify(`From: Shop <${from}>`), auto('noreply'), from);
    }
    assert.deepEqual(await classify('From: noreplyanna@example.de'), HUMAN);
  });

  it('Auto-Submitted with parameters counts by its keyword', async () => {
    assert.deepEqual(await classify('Auto-Submitted: Auto-Replied; owner-email="a@b.de"'), auto('auto-submitted'));
    assert.deepEqual(await classify('Auto-Submitted: No'), HUMAN);
  });

  it('detects our own mail coming back by X-Servus-Loop or our Message-ID with Auto-Submitted', async () => {
    assert.deepEqual(await classify('X-Servus-Loop: 1'), { automated: true, bounce: false, ownLoop: true, reasons: ['own-loop'] });
    assert.deepEqual(await classify('Message-ID: <ack-7@Servus.Example>\nAuto-Submitted: auto-replied'), {
      automated: true,
      bounce: false,
      ownLoop: true,
      reasons: ['auto-submitted', 'own-loop'],
    });
  });

  it('our Message-ID alone (an agent reply quoted back) is not an own loop', async () => {
    assert.deepEqual(await classify('Message-ID: <reply-1@servus.example>'), HUMAN);
  });
});
