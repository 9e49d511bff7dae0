import fs from 'node:fs/promises';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { SendMailOptions } from 'nodemailer';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db.ts';
import { jobsIn, type JobDefinition } from '../../../platform/jobs.ts';
import { channels } from '../../channels/schema.ts';
import { mailSuppressions, outboundMails } from '../schema.ts';
import { channelTransport, dropChannelTransport } from './transport.ts';

/** Attempts (first try plus retries) before a mail is given up as `failed`. */
export const MAX_SEND_ATTEMPTS = 5;
const LAST_ERROR_CHARS = 500;

/**
 * How pg-boss retries a `mail.send` job: after the first try, 4 more with exponential backoff
 * (30 s, 1 min, 2 min, 4 min and so on). Together that is MAX_SEND_ATTEMPTS.
 */
export const MAIL_SEND_JOB_OPTIONS = {
  retryLimit: MAX_SEND_ATTEMPTS - 1,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
} satisfies PgBoss.SendOptions;

const MailSendPayload = z.object({ id: z.string().uuid() });

/** A send that failed for now (a 4xx answer, an unreachable server); the row stays queued. */
export class MailDeferredError extends Error {
  constructor(
    message: string,
    readonly outboundId: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'MailDeferredError';
  }
}

/**
 * The `mail.send` job: sends one queued outbound mail. A deferred failure throws, so pg-boss
 * retries it with backoff; everything else (sent, failed for good, nothing to do) completes.
 */
export function mailSendJob(deps: { ctx: Ctx }): JobDefinition<typeof MailSendPayload> {
  return {
    name: 'mail.send',
    schema: MailSendPayload,
    async handler(data) {
      await sendOutbound(deps.ctx, data.id);
    },
  };
}

/**
 * Queues the `mail.send` job for an outbound row. Pass the open transaction that wrote the row
 * as `tx`: the job is then inserted in the same transaction, so a worker can neither pick it up
 * before the row is committed nor see a job for a row that was rolled back.
 */
export async function enqueueSend(ctx: Ctx, id: string, tx?: Executor): Promise<void> {
  await ctx.jobs.send(mailSendJob({ ctx }), { id }, { ...MAIL_SEND_JOB_OPTIONS, ...(tx && { db: jobsIn(tx) }) });
}

/**
 * Sends the outbound mail `id` through its channel's SMTP server.
 *
 * - `skipped`: nothing to do: unknown id, already sent, suppressed or failed (use retryOutbound),
 *   or every To address was suppressed since it was queued (the row becomes `suppressed`).
 * - `sent`: the server accepted it; a partial refusal of some recipients is kept in lastError.
 * - `failed`: a permanent answer (5xx to the envelope or the message), a broken channel, or the
 *   MAX_SEND_ATTEMPTS-th failure. The row stays visible as `failed`.
 * - Throws MailDeferredError after a temporary failure (4xx, connection, login): the row stays
 *   `queued` with the server's answer in lastError, and the job's retry sends it again.
 *
 * Only a `queued` row is sent and every update is conditional on it still being `queued`. There
 * is no lease: one job exists per row (retryOutbound adds one only for a `failed` row), so two
 * runs for the same row at the same moment do not happen in normal operation.
 */
export async function sendOutbound(ctx: Ctx, id: string): Promise<'sent' | 'failed' | 'skipped'> {
  const [row] = await ctx.db.select().from(outboundMails).where(eq(outboundMails.id, id));
  if (!row || row.status !== 'queued') return 'skipped';

  // A bounce may have arrived since the mail was queued.
  const suppressed = await suppressedAmong(ctx.db, [...row.to, ...row.cc]);
  const to = row.to.filter((a) => !suppressed.has(a.toLowerCase()));
  const cc = row.cc.filter((a) => !suppressed.has(a.toLowerCase()));
  if (to.length === 0) {
    await ctx.db
      .update(outboundMails)
      .set({ status: 'suppressed', lastError: 'every To address is suppressed' })
      .where(and(eq(outboundMails.id, id), eq(outboundMails.status, 'queued')));
    await recordDelivery(ctx.db, id);
    return 'skipped';
  }

  const [channel] = await ctx.db.select().from(channels).where(eq(channels.id, row.channelId));
  if (!channel || !channel.smtp) return fail(ctx, row, 'the channel has no SMTP settings', true);
  if (!channel.active) return fail(ctx, row, 'the channel is inactive', true);
  if (await overHourlyCap(ctx, row)) return 'skipped';

  const attachments: NonNullable<SendMailOptions['attachments']> = [];
  for (const a of row.payload.attachments) {
    const path = ctx.storage.pathFor(a.sha256);
    const present = await fs.access(path).then(
      () => true,
      () => false,
    );
    if (!present) return fail(ctx, row, `attachment ${a.filename} is missing from storage`, true);
    const cid = a.contentId?.replace(/^<|>$/g, '');
    attachments.push({ filename: a.filename, contentType: a.contentType, path, ...(cid && { cid }) });
  }

  const mail: SendMailOptions = {
    from: { name: row.fromName, address: channel.address },
    replyTo: row.replyTo,
    to,
    cc: cc.length > 0 ? cc : undefined,
    subject: row.subject,
    text: row.payload.text,
    html: row.payload.html,
    attachments,
    messageId: `<${row.emailMessageId}>`,
    inReplyTo: row.inReplyTo ? `<${row.inReplyTo}>` : undefined,
    references: row.references.length > 0 ? row.references.map((r) => `<${r}>`).join(' ') : undefined,
    // RFC 3834: an automatic answer says so, and asks Exchange not to answer it in turn.
    // A rule's mail is automatic too (RFC 3834 auto-generated), so auto-responders leave it alone.
    headers:
      row.kind === 'auto_ack'
        ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' }
        : row.payload.automated
          ? { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' }
          : {},
    envelope: { from: channel.address, to: [...to, ...cc] },
  };

  let info: { rejected?: unknown[]; rejectedErrors?: SmtpError[] };
  try {
    info = (await channelTransport(channel).sendMail(mail)) as typeof info;
  } catch (e) {
    const err = e as SmtpError;
    const permanent = isPermanent(err);
    // A connection or login problem may have left the pool in a bad state; start afresh next time.
    if (err.code !== 'EENVELOPE' && err.code !== 'EMESSAGE') dropChannelTransport(channel.id);
    return fail(ctx, row, describeError(err), permanent);
  }

  const refused = info.rejectedErrors?.length ? `some recipients were refused: ${describeRejected(info.rejectedErrors)}` : null;
  await ctx.db
    .update(outboundMails)
    .set({ status: 'sent', sentAt: ctx.clock.now(), attempts: row.attempts + 1, lastError: refused ? trim(refused) : null })
    .where(and(eq(outboundMails.id, id), eq(outboundMails.status, 'queued')));
  await recordDelivery(ctx.db, id);
  return 'sent';
}

/**
 * Sends a `failed` mail again: the row goes back to `queued` with a fresh attempt budget and a
 * new job. Returns false when the row does not exist or is not `failed`.
 */
export async function retryOutbound(ctx: Ctx, id: string): Promise<boolean> {
  const reset = await ctx.db
    .update(outboundMails)
    .set({ status: 'queued', attempts: 0 })
    .where(and(eq(outboundMails.id, id), eq(outboundMails.status, 'failed')))
    .returning({ id: outboundMails.id });
  if (reset.length === 0) return false;
  await recordDelivery(ctx.db, id);
  await enqueueSend(ctx, id);
  return true;
}

interface SmtpError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

/**
 * A refusal that a retry cannot change: a 5xx answer to MAIL FROM, RCPT TO or the message
 * itself, or an envelope or message nodemailer refuses before asking (bad address, too large).
 * Login failures and 5xx greetings are retried: an admin may fix the settings meanwhile.
 */
function isPermanent(err: SmtpError): boolean {
  if (err.code !== 'EENVELOPE' && err.code !== 'EMESSAGE') return false;
  return !err.responseCode || err.responseCode >= 500;
}

/** The server's own words where there are any: per refused recipient, else its last answer. */
function describeError(err: SmtpError): string {
  if (err.rejectedErrors?.length) return describeRejected(err.rejectedErrors);
  if (err.response) return err.response;
  return err.message || String(err);
}

function describeRejected(errors: SmtpError[]): string {
  return errors.map((e) => `${e.response ?? e.message}${e.recipient ? ` (${e.recipient})` : ''}`).join('; ');
}

function trim(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > LAST_ERROR_CHARS ? `${flat.slice(0, LAST_ERROR_CHARS - 1)}…` : flat;
}

async function fail(
  ctx: Ctx,
  row: typeof outboundMails.$inferSelect,
  error: string,
  permanent: boolean,
): Promise<'failed'> {
  const attempts = row.attempts + 1;
  const final = permanent || attempts >= MAX_SEND_ATTEMPTS;
  await ctx.db
    .update(outboundMails)
    .set({ status: final ? 'failed' : 'queued', attempts, lastError: trim(error) })
    .where(and(eq(outboundMails.id, row.id), eq(outboundMails.status, 'queued')));
  await recordDelivery(ctx.db, row.id);
  if (final) {
    ctx.log.warn({ outboundId: row.id, attempts, error: trim(error) }, 'outbound mail failed');
    return 'failed';
  }
  throw new MailDeferredError(`mail ${row.id} deferred (attempt ${attempts}): ${trim(error)}`, row.id, attempts);
}

/** The lower-cased addresses among `addresses` that must not get mail. */
export async function suppressedAmong(db: Executor, addresses: string[]): Promise<Set<string>> {
  const lower = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (lower.length === 0) return new Set();
  const rows = await db.select({ address: mailSuppressions.address }).from(mailSuppressions).where(inArray(mailSuppressions.address, lower));
  return new Set(rows.map((r) => r.address.toLowerCase()));
}

/** How long a mail held back by the hourly cap waits before it is tried again. */
const CAP_RETRY_SECONDS = 300;

/**
 * The per-channel hourly cap (SECURITY 23): past it the mail stays queued with the reason, and
 * is tried again in a few minutes without using up one of its attempts.
 */
async function overHourlyCap(ctx: Ctx, row: typeof outboundMails.$inferSelect): Promise<boolean> {
  const cap = ctx.config.MAIL_OUTBOUND_PER_HOUR;
  const since = new Date(ctx.clock.now().getTime() - 3_600_000);
  const [sent] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboundMails)
    .where(and(eq(outboundMails.channelId, row.channelId), eq(outboundMails.status, 'sent'), gt(outboundMails.sentAt, since)));
  if ((sent?.n ?? 0) < cap) return false;
  await ctx.db
    .update(outboundMails)
    .set({ lastError: `held back: this channel sent ${sent!.n} mails in the last hour (limit ${cap}); trying again in ${CAP_RETRY_SECONDS / 60} minutes` })
    .where(and(eq(outboundMails.id, row.id), eq(outboundMails.status, 'queued')));
  await ctx.jobs.send(mailSendJob({ ctx }), { id: row.id }, { ...MAIL_SEND_JOB_OPTIONS, startAfter: CAP_RETRY_SECONDS });
  return true;
}

/** Mirrors an outbound mail's delivery state onto its message, where the agent sees it in the thread. */
async function recordDelivery(db: Executor, outboundId: string): Promise<void> {
  await db.execute(sql`
    update messages m
       set email = jsonb_set(coalesce(m.email, '{}'::jsonb), '{delivery}', jsonb_build_object('status', o.status, 'lastError', o.last_error))
      from outbound_mails o
     where o.id = ${outboundId} and m.id = o.message_row_id`);
}
