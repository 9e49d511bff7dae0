import { isBounceSender, localPart } from './dsn.ts';
import { isDeliveryReport } from './parse-mail.ts';
import type { ParsedMail } from './types.ts';

/** What an inbound mail is, for the auto-reply and bounce rules (METRICS 8.8, SECURITY 17-19). */
export interface MailKind {
  /** Machine-sent: never answer it with an auto-acknowledgement. */
  automated: boolean;
  /** A delivery failure report: thread it to the original, do not reopen or notify. */
  bounce: boolean;
  /** Our own mail came back: drop it and warn the admin. */
  ownLoop: boolean;
  /** Machine codes of every rule that matched. */
  reasons: string[];
}

/** Precedence values of machine mail: RFC 3834's bulk/junk/list, plus auto-responders' auto_reply. */
const AUTOMATED_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply', 'auto-reply']);
const NOREPLY_LOCAL_PART = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply)(?:[-_.+].*)?$/i;

/**
 * Classifies a parsed mail by the "Engine" column of METRICS 8.8:
 *
 * | hit | automated | bounce | reason |
 * |---|---|---|---|
 * | `Auto-Submitted` other than `no` | yes | | `auto-submitted` |
 * | `Precedence: bulk`, `junk` or `list` (and `auto_reply`, which auto-responders send) | yes | | `precedence` |
 * | `X-Auto-Response-Suppress` (any value) | yes | | `x-auto-response-suppress` |
 * | `X-Loop` | yes | | `x-loop` |
 * | `List-Id` or `List-Unsubscribe` | yes | | `list` |
 * | `X-Autoreply` or `X-Autorespond` | yes | | `x-autoreply` |
 * | `Return-Path: <>` | yes | yes | `empty-return-path` |
 * | `multipart/report; report-type=delivery-status` | yes | yes | `dsn` |
 * | From `MAILER-DAEMON@…` or `postmaster@…` | yes | yes | `mailer-daemon` |
 * | From `noreply@…`, `no-reply@…`, `donotreply@…` | yes | | `noreply` |
 *
 * `ownLoop` (reason `own-loop`, also automated): an `X-Servus-Loop` header, or a Message-ID in
 * one of `ours.domains` together with `Precedence: bulk` or an `Auto-Submitted` other than `no`.
 */
export function classifyMail(m: ParsedMail, ours: { domains: string[] }): MailKind {
  const h = m.headers;
  const token = (name: string): string => (h[name] ?? '').split(';')[0].trim().toLowerCase();
  const has = (name: string): boolean => (h[name] ?? '').trim() !== '';
  const reasons: string[] = [];
  let automated = false;
  let bounce = false;
  const hit = (reason: string, isBounce = false) => {
    reasons.push(reason);
    automated = true;
    if (isBounce) bounce = true;
  };

  const autoSubmitted = token('auto-submitted');
  const precedence = token('precedence');
  if (autoSubmitted && autoSubmitted !== 'no') hit('auto-submitted');
  if (AUTOMATED_PRECEDENCE.has(precedence)) hit('precedence');
  if (has('x-auto-response-suppress')) hit('x-auto-response-suppress');
  if (has('x-loop')) hit('x-loop');
  if (has('list-id') || has('list-unsubscribe')) hit('list');
  if (has('x-autoreply') || has('x-autorespond')) hit('x-autoreply');
  if (m.returnPath === '') hit('empty-return-path', true);
  if (isDeliveryReport(h['content-type'] ?? '')) hit('dsn', true);
  if (isBounceSender(m.from)) hit('mailer-daemon', true);
  if (m.from.some((a) => NOREPLY_LOCAL_PART.test(localPart(a.address)))) hit('noreply');

  const domains = new Set(ours.domains.map((d) => d.trim().toLowerCase()));
  const idDomain = m.messageId && m.messageId.includes('@') ? m.messageId.slice(m.messageId.lastIndexOf('@') + 1).toLowerCase() : null;
  const ourMessageId = idDomain !== null && domains.has(idDomain);
  const ownLoop = has('x-servus-loop') || (ourMessageId && (precedence === 'bulk' || (autoSubmitted !== '' && autoSubmitted !== 'no')));
  if (ownLoop) hit('own-loop');

  return { automated, bounce, ownLoop, reasons };
}
