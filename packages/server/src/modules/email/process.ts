import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { contactIdentities, contacts } from '../contacts/schema.ts';
import { attachments, blobs, messages, tickets, type MessageEmailMeta } from '../tickets/schema.ts';
import { findTicket, type TicketView } from '../tickets/repository.ts';
import { openTicket, resolveRequester } from '../tickets/use-cases/create-ticket.ts';
import { appendMessage } from '../tickets/use-cases/add-message.ts';
import { findChannel, type ChannelRow } from '../channels/repository.ts';
import { inboundMails, mailSuppressions, ticketParticipants } from './schema.ts';
import type { InboundRow } from './intake.ts';
import type { MailSigner } from './signing.ts';
import { baseAddress, domainOf } from './signing.ts';
import type { ParsePool } from './parse/pool.ts';
import type { MailAddress, ParsedMail } from './parse/types.ts';
import { classifyMail } from './parse/classify.ts';

type MailKind = ReturnType<typeof classifyMail>;
import { checkMailAuth, type DnsResolver } from './auth.ts';
import { queueAutoAck } from './outbound/queue.ts';

/** Attempts before a message that keeps failing is quarantined (SECURITY 10). */
export const MAX_ATTEMPTS = 3;
/** Contacts one mail may create, its sender included (SECURITY 9). */
const MAX_NEW_CONTACTS = 40;
/** Parser warnings that mean the stored text may miss something: the original .eml is attached. */
const KEEP_ORIGINAL_WHEN = new Set(['charset', 'parse_error', 'mime_malformed', 'html_too_large', 'html_too_deep', 'attachment_failed', 'tnef', 'uuencode']);
/** More distinct ticket references than this in one mail is thread spraying (SECURITY 13). */
const MAX_SUBJECT_NUMBERS = 3;

export interface MailProcessorDeps {
  signer: MailSigner;
  pool: ParsePool;
  resolver: DnsResolver;
  /** Host name written into authentication results. */
  mta: string;
}

type Outcome =
  | { status: 'processed'; ticketId: string; messageRowId: string; reason?: string }
  | { status: 'quarantined' | 'ignored'; reason: string; detail: string; ticketId?: string };

/**
 * Turns stored raw mail into tickets and thread entries. Each message is parsed in isolation
 * (a worker with limits), then threaded and stored in one transaction that also marks it
 * processed, so a crash at any point leaves it pending to be picked up again, never half done.
 */
export class MailProcessor {
  private readonly queue = new Set<string>();
  private active = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly deps: MailProcessorDeps,
    private readonly concurrency = 2,
  ) {}

  /** Asks for `id` to be processed soon, in this process. */
  kick(id: string): void {
    if (this.stopped) return;
    this.queue.add(id);
    this.pump();
  }

  /** Resolves once nothing is queued or running (tests, shutdown). */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clear();
    await this.idle();
  }

  /**
   * Queues what is left behind: pending mail older than `olderThanMs` (a crash, or a process
   * without the worker role stored it) and failed mail due for another attempt.
   */
  async sweep(olderThanMs = 30_000): Promise<number> {
    const cutoff = new Date(this.ctx.clock.now().getTime() - olderThanMs);
    const rows = await this.ctx.db
      .select({ id: inboundMails.id })
      .from(inboundMails)
      .where(
        or(
          and(eq(inboundMails.status, 'pending'), lt(inboundMails.receivedAt, cutoff)),
          eq(inboundMails.status, 'failed'),
        ),
      )
      .orderBy(inboundMails.receivedAt)
      .limit(500);
    for (const r of rows) this.kick(r.id);
    return rows.length;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.size > 0) {
      const id = this.queue.values().next().value!;
      this.queue.delete(id);
      this.active += 1;
      this.processOne(id)
        .catch((err: unknown) => this.ctx.log.error({ err, inboundId: id }, 'mail processing failed'))
        .finally(() => {
          this.active -= 1;
          if (this.active === 0 && this.queue.size === 0) for (const w of this.idleWaiters.splice(0)) w();
          else this.pump();
        });
    }
  }

  /** Processes one stored message; safe to call twice or from two processes. */
  async processOne(id: string): Promise<void> {
    const [row] = await this.ctx.db
      .update(inboundMails)
      .set({ attempts: sql`${inboundMails.attempts} + 1` })
      .where(and(eq(inboundMails.id, id), inArray(inboundMails.status, ['pending', 'failed'])))
      .returning();
    if (!row) return;
    if (row.attempts > MAX_ATTEMPTS || !row.blobSha256) {
      await this.finish(row.id, { status: 'quarantined', reason: 'parse_failed', detail: row.detail ?? `failed ${MAX_ATTEMPTS} times` });
      return;
    }
    const channel = await findChannel(this.ctx.db, row.channelId);
    if (!channel) return;
    try {
      const rawPath = this.ctx.storage.pathFor(row.blobSha256);
      const parsed = await this.deps.pool.parse(rawPath, channel.maxMessageBytes);
      const kind = classifyMail(parsed, { domains: [domainOf(channel.address)] });
      // Our own mail back in: a Message-ID only we can sign, or our domain on bulk or automated mail.
      const ownLoop = kind.ownLoop || (parsed.messageId !== null && this.deps.signer.verifyMessageId(parsed.messageId) !== null);
      const auth = ownLoop
        ? null
        : await checkMailAuth(rawPath, { ip: row.remoteIp, sender: row.envelopeFrom, resolver: this.deps.resolver, mta: this.deps.mta });
      // Two mails creating the same new contacts can deadlock on PostgreSQL; the loser simply
      // runs its transaction again, which does not count as a failed attempt.
      for (let round = 1; ; round++) {
        try {
          await inTransaction(this.ctx, async (tx, emit) => {
            const [locked] = await tx.select().from(inboundMails).where(eq(inboundMails.id, row.id)).for('update');
            if (!locked || !['pending', 'failed'].includes(locked.status)) return;
            const outcome = ownLoop
              ? ({ status: 'ignored', reason: 'own_loop', detail: 'our own outbound mail came back in: an alias or forward loops to this mailbox' } as const)
              : await this.apply(tx, emit, locked, channel, parsed, kind, auth);
            await this.finish(row.id, outcome, tx);
          });
          break;
        } catch (err) {
          if (round >= 5 || !isRetryableConflict(err)) throw err;
        }
      }
      if (ownLoop) this.ctx.log.warn({ channelId: channel.id, inboundId: row.id }, 'email loop detected: our own mail came back');
    } catch (err) {
      const message = describeError(err);
      const last = row.attempts >= MAX_ATTEMPTS;
      await this.ctx.db
        .update(inboundMails)
        .set({
          status: last ? 'quarantined' : 'failed',
          reason: last ? 'parse_failed' : 'error',
          detail: message.slice(0, 1000),
          ...(last && { processedAt: this.ctx.clock.now() }),
        })
        .where(eq(inboundMails.id, row.id));
      if (last) this.ctx.log.error({ err, inboundId: row.id }, 'mail quarantined after repeated failures');
      else this.ctx.log.warn({ err, inboundId: row.id }, 'mail processing failed; will retry');
    }
  }

  private async finish(id: string, o: Outcome, tx?: Tx): Promise<void> {
    await (tx ?? this.ctx.db)
      .update(inboundMails)
      .set({
        status: o.status,
        reason: o.status === 'processed' ? (o.reason ?? null) : o.reason,
        detail: o.status === 'processed' ? null : o.detail,
        ticketId: o.ticketId ?? null,
        messageRowId: o.status === 'processed' ? o.messageRowId : null,
        processedAt: this.ctx.clock.now(),
      })
      .where(eq(inboundMails.id, id));
  }

  /** Decides what a parsed mail becomes, and stores it. Runs inside the processing transaction. */
  private async apply(
    tx: Tx,
    emit: Emit,
    row: InboundRow,
    channel: ChannelRow,
    parsed: ParsedMail,
    kind: MailKind,
    auth: MessageEmailMeta['auth'],
  ): Promise<Outcome> {
    const { signer } = this.deps;
    if (parsed.fromHeaderCount > 1) {
      return { status: 'quarantined', reason: 'multiple_from', detail: `${parsed.fromHeaderCount} From: headers; a mail has exactly one author` };
    }

    // Reply-address tokens (signed) and ticket numbers in the subject.
    const recipients = [...parsed.to.map((a) => a.address), ...parsed.cc.map((a) => a.address), ...parsed.deliveredTo, ...row.envelopeTo];
    const tokenNumbers = new Set(recipients.map((a) => signer.ticketFromReplyAddress(a, channel.address)).filter((n): n is number => n !== null));
    const subjectNumbers = new Set([...parsed.subject.matchAll(/\[(?:ticket\s*)?#\s?(\d{1,12})\]/gi)].map((m) => Number(m[1])));
    if (tokenNumbers.size > 1 || subjectNumbers.size > MAX_SUBJECT_NUMBERS) {
      return {
        status: 'quarantined',
        reason: 'thread_spray',
        detail: `the mail refers to ${Math.max(tokenNumbers.size, subjectNumbers.size)} different tickets at once`,
      };
    }

    const sender = parsed.from[0] ?? null;
    const meta: MessageEmailMeta = {
      from: sender,
      to: parsed.to.map((a) => a.address),
      cc: parsed.cc.map((a) => a.address),
      auth,
      automated: kind.automated || kind.bounce,
      bounce: null,
      hasRemoteImages: parsed.hasRemoteImages,
      relatedTicket: null,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references.slice(-20),
      ...(parsed.warnings.length > 0 && { warnings: parsed.warnings }),
    };
    const attachmentIds = await this.storeAttachments(tx, row, parsed);

    if (kind.bounce) return this.applyBounce(tx, emit, parsed, meta, attachmentIds);

    // Threading, in order: signed reply token, our or stored Message-IDs, ticket number in the subject.
    let target: TicketView | undefined;
    const [tokenNumber] = tokenNumbers;
    if (tokenNumber !== undefined) target = await ticketByNumber(tx, tokenNumber);
    if (!target) target = await this.ticketByMessageIds(tx, [...parsed.inReplyTo, ...parsed.references]);
    if (!target && subjectNumbers.size === 1) target = await ticketByNumber(tx, [...subjectNumbers][0]!);
    target = target && (await followMerges(tx, target));

    if (target && sender) {
      const participant = await isParticipant(tx, target, sender.address);
      if (participant && auth && !auth.aligned) {
        return {
          status: 'quarantined',
          reason: 'auth_failed',
          detail: `claims to be from ${sender.address}, a participant of ticket #${target.number}, but fails sender authentication (spf=${auth.spf}, dkim=${auth.dkim}, dmarc=${auth.dmarc})`,
          ticketId: target.id,
        };
      }
      if (participant && target.status !== 'closed') {
        const locked = (await findTicket(tx, target.id, { forUpdate: true }))!;
        const author = await resolveRequester(tx, this.ctx, emit, { email: sender.address, name: sender.name }, this.ctx.clock.now());
        const { message } = await appendMessage(tx, emit, this.ctx, locked, {
          kind: 'public',
          author: { kind: 'contact', id: author.id },
          body: { text: parsed.text, html: parsed.html },
          attachmentIds,
          source: 'email',
          email: meta,
          emailMessageId: parsed.messageId,
          // An out-of-office answer does not reopen a solved ticket.
          reopen: !kind.automated,
        });
        await this.addParticipants(tx, emit, locked, parsed, channel);
        return { status: 'processed', ticketId: locked.id, messageRowId: message.id };
      }
      // A stranger quoting the ticket, or a reply to a closed ticket: a new ticket, linked.
      meta.relatedTicket = { id: target.id, number: target.number };
    }

    const requester = sender
      ? { email: sender.address, name: sender.name }
      : { id: await this.unknownSender(tx, parsed) };
    const { ticket, message } = await openTicket(tx, emit, this.ctx, {
      subject: parsed.subject.trim() || '(kein Betreff / no subject)',
      requester,
      message: { attachmentIds },
      body: { text: parsed.text, html: parsed.html },
      messageAuthor: 'requester',
      messageKind: 'public',
      channel: 'email',
      channelId: channel.id,
      source: 'email',
      email: meta,
      emailMessageId: parsed.messageId,
      ...(channel.teamId && { teamId: channel.teamId }),
    });
    await this.addParticipants(tx, emit, ticket, parsed, channel);
    if (sender && !kind.automated && !kind.bounce) {
      await queueAutoAck(tx, this.ctx, signer, {
        channel,
        ticket: { id: ticket.id, number: ticket.number },
        to: sender.address,
        parentMessageId: parsed.messageId,
        parentReferences: parsed.references,
        parentInReplyTo: parsed.inReplyTo,
      });
    }
    return { status: 'processed', ticketId: ticket.id, messageRowId: message.id, ...(meta.relatedTicket && { reason: 'not_a_participant' }) };
  }

  /**
   * A delivery status notification: noted on the ticket of the mail that bounced, without
   * reopening it; a permanent failure marks the address undeliverable.
   */
  private async applyBounce(
    tx: Tx,
    emit: Emit,
    parsed: ParsedMail,
    meta: MessageEmailMeta,
    attachmentIds: string[],
  ): Promise<Outcome> {
    const dsn = parsed.dsn;
    const permanent = dsn !== null && (dsn.action === 'failed' || dsn.status.startsWith('5'));
    if (dsn?.recipient && permanent) {
      await tx
        .insert(mailSuppressions)
        .values({ address: dsn.recipient, reason: `bounce ${dsn.status || dsn.action}`.trim(), createdAt: this.ctx.clock.now() })
        .onConflictDoNothing();
    }
    meta.bounce = dsn ? { recipient: dsn.recipient, status: dsn.status, action: dsn.action } : { recipient: '', status: '', action: '' };
    const ids = [...(dsn?.originalMessageId ? [dsn.originalMessageId] : []), ...parsed.inReplyTo, ...parsed.references];
    const found = await this.ticketByMessageIds(tx, ids);
    const target = found && (await followMerges(tx, found));
    if (!target) {
      return {
        status: 'quarantined',
        reason: 'bounce_unmatched',
        detail: `a bounce${dsn?.recipient ? ` for ${dsn.recipient}` : ''} that matches none of our messages`,
      };
    }
    const locked = (await findTicket(tx, target.id, { forUpdate: true }))!;
    if (locked.status === 'closed') {
      return { status: 'ignored', reason: 'bounce_closed_ticket', detail: `bounce for closed ticket #${locked.number}`, ticketId: locked.id };
    }
    const { message } = await appendMessage(tx, emit, this.ctx, locked, {
      kind: 'note',
      author: { kind: 'system' },
      body: { text: parsed.text, html: parsed.html },
      attachmentIds,
      source: 'email',
      email: meta,
      emailMessageId: parsed.messageId,
      reopen: false,
    });
    return { status: 'processed', ticketId: locked.id, messageRowId: message.id, reason: 'bounce' };
  }

  /** The ticket one of these Message-IDs belongs to: ours must carry a valid signature. */
  private async ticketByMessageIds(tx: Tx, ids: string[]): Promise<TicketView | undefined> {
    const unique = [...new Set(ids.filter((id) => id.length > 0 && id.length <= 998))].slice(-50);
    if (unique.length === 0) return undefined;
    // Newest reference first: the mail most recently replied to decides.
    for (const id of [...unique].reverse()) {
      const ours = this.deps.signer.verifyMessageId(id);
      if (ours !== null) {
        const t = await ticketByNumber(tx, ours);
        if (t) return t;
      }
    }
    const trusted = unique.filter((id) => !id.startsWith('srv.') || this.deps.signer.verifyMessageId(id) !== null);
    if (trusted.length === 0) return undefined;
    const [hit] = await tx
      .select({ ticketId: messages.ticketId })
      .from(messages)
      .where(inArray(messages.emailMessageId, trusted))
      .orderBy(sql`${messages.createdAt} desc`)
      .limit(1);
    return hit ? findTicket(tx, hit.ticketId) : undefined;
  }

  /** Stores the parsed attachments (already in blob storage) as unbound rows; the message binds them. */
  private async storeAttachments(tx: Tx, row: InboundRow, parsed: ParsedMail): Promise<string[]> {
    const now = this.ctx.clock.now();
    const files = parsed.attachments.map((a) => ({ ...a }));
    // What could not be read in full is kept as the original message.
    if (row.blobSha256 && (parsed.limited || parsed.warnings.some((w) => KEEP_ORIGINAL_WHEN.has(w)))) {
      files.push({ sha256: row.blobSha256, size: row.size, filename: 'original.eml', contentType: 'message/rfc822', contentId: null, inline: false });
    }
    if (files.length === 0) return [];
    await tx
      .insert(blobs)
      .values(files.map((f) => ({ sha256: f.sha256, size: f.size, createdAt: now })))
      .onConflictDoNothing();
    const inserted = await tx
      .insert(attachments)
      .values(
        files.map((f) => ({
          blobSha256: f.sha256,
          filename: f.filename,
          contentType: f.contentType,
          size: f.size,
          contentId: f.contentId,
          inline: f.inline,
          createdAt: now,
        })),
      )
      .returning({ id: attachments.id });
    return inserted.map((r) => r.id);
  }

  /** Records the mail's other addresses (Cc, and To besides our own) as participants of the ticket. */
  private async addParticipants(tx: Tx, emit: Emit, t: TicketView, parsed: ParsedMail, channel: ChannelRow): Promise<void> {
    const ours = baseAddress(channel.address);
    const seen = new Set<string>();
    const candidates: MailAddress[] = [];
    for (const a of [...parsed.cc, ...parsed.to]) {
      const base = baseAddress(a.address);
      if (base === ours || seen.has(a.address) || a.address === parsed.from[0]?.address) continue;
      seen.add(a.address);
      candidates.push(a);
      if (candidates.length >= MAX_NEW_CONTACTS - 1) break;
    }
    if (candidates.length === 0) return;
    const now = this.ctx.clock.now();
    for (const a of candidates) {
      const c = await resolveRequester(tx, this.ctx, emit, { email: a.address, name: a.name }, now);
      if (c.id === t.requesterId) continue;
      await tx.insert(ticketParticipants).values({ ticketId: t.id, contactId: c.id, role: 'cc', createdAt: now }).onConflictDoNothing();
    }
  }

  /** A contact for a mail without a usable From address, so the mail is still a ticket. */
  private async unknownSender(tx: Tx, parsed: ParsedMail): Promise<string> {
    const now = this.ctx.clock.now();
    const [c] = await tx
      .insert(contacts)
      .values({ name: parsed.sender?.name || 'Unbekannter Absender / unknown sender', email: null, createdAt: now, updatedAt: now })
      .returning({ id: contacts.id });
    return c!.id;
  }
}

async function ticketByNumber(tx: Tx, number: number): Promise<TicketView | undefined> {
  if (!Number.isSafeInteger(number) || number <= 0) return undefined;
  const [row] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
  return row ? findTicket(tx, row.id) : undefined;
}

/** The ticket a merged ticket now lives in (a bounded walk, in case of a cycle). */
async function followMerges(tx: Tx, t: TicketView): Promise<TicketView> {
  let current = t;
  for (let i = 0; i < 10 && current.mergedIntoId; i++) {
    const next = await findTicket(tx, current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}

/** Whether `address` belongs to the ticket's requester or one of its copied participants. */
async function isParticipant(tx: Tx, t: TicketView, address: string): Promise<boolean> {
  const rows = await tx
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.kind, 'email'), eq(contactIdentities.value, address.toLowerCase())));
  if (rows.length === 0) return false;
  const ids = rows.map((r) => r.contactId);
  if (ids.includes(t.requesterId)) return true;
  const [p] = await tx
    .select({ contactId: ticketParticipants.contactId })
    .from(ticketParticipants)
    .where(and(eq(ticketParticipants.ticketId, t.id), inArray(ticketParticipants.contactId, ids)))
    .limit(1);
  return Boolean(p);
}

/** A deadlock or serialization failure: the transaction can simply run again. */
function isRetryableConflict(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '40P01' || e.code === '40001') return true;
  }
  return false;
}

/** The error's message with its causes (Drizzle wraps the database's own message). */
function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e = err as { message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.message && !parts.includes(e.message)) parts.push(e.message.length > 300 ? `${e.message.slice(0, 300)}…` : e.message);
  }
  return parts.join(': ') || String(err);
}
