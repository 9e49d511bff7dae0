import { and, arrayContains, asc, desc, eq, gt, isNotNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db.ts';
import { textToHtml } from '../../../platform/sanitize.ts';
import { agents } from '../../auth/schema.ts';
import { channels } from '../../channels/schema.ts';
import { contacts } from '../../contacts/schema.ts';
import { attachments, messages, tickets } from '../../tickets/schema.ts';
import { outboundMails, ticketParticipants, type OutboundPayload } from '../schema.ts';
import { baseAddress, domainOf, type MailSigner } from '../signing.ts';
import { enqueueSend, suppressedAmong } from './send.ts';
import { replyThreadHeaders } from './thread-headers.ts';
import { emailAckSuggestions } from '../../knowledge/bot/email-suggestions.ts';

export type OutboundMailRow = typeof outboundMails.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;

/** At most one auto-acknowledgement per recipient address in this window (SECURITY 15, 17). */
export const AUTO_ACK_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Public replies by these authors go out by mail: agents, and automation rules answering in their name. */
const MAILED_AUTHORS = new Set(['agent', 'automation']);

/**
 * Queues the mail for an agent's (or an automation rule's) public reply on an email ticket: to the requester, copying the
 * ticket's participants, threaded to the customer's latest mail, from the ticket's channel.
 * Returns null when the message does not go out by mail (a note, a customer's message, a ticket
 * from another channel, a channel that is inactive or has no SMTP settings).
 *
 * Idempotent: a second call for the same message returns the row of the first. The new
 * Message-ID is also stored on the message, so the customer's answer threads back to it.
 * When every To address is suppressed the row is stored as `suppressed` and never sent.
 * The `mail.send` job is queued in `tx`, so it exists exactly when the row does.
 */
export async function queueReply(tx: Tx, ctx: Ctx, signer: MailSigner, messageRowId: string): Promise<OutboundMailRow | null> {
  const [message] = await tx.select().from(messages).where(eq(messages.id, messageRowId));
  if (!message || message.kind !== 'public' || !MAILED_AUTHORS.has(message.authorKind)) return null;
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, message.ticketId));
  if (!ticket || ticket.channel !== 'email') return null;
  // An email ticket an agent opened has no channel yet: it goes out through the oldest active
  // channel that can send, and stays with it.
  const [channel] = ticket.channelId
    ? await tx.select().from(channels).where(eq(channels.id, ticket.channelId))
    : await tx
        .select()
        .from(channels)
        .where(and(eq(channels.kind, 'email'), eq(channels.active, true), isNotNull(channels.smtp)))
        .orderBy(asc(channels.createdAt), asc(channels.id))
        .limit(1);
  if (!channel || channel.kind !== 'email' || !channel.active || !channel.smtp) return null;
  if (!ticket.channelId) await tx.update(tickets).set({ channelId: channel.id }).where(eq(tickets.id, ticket.id));

  const existing = await replyRow(tx, message.id);
  if (existing) return existing;

  const [requester] = await tx.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, ticket.requesterId));
  const requesterAddress = normalize(requester?.email);
  if (!requesterAddress) return null;

  const participants = await tx
    .select({ email: contacts.email })
    .from(ticketParticipants)
    .innerJoin(contacts, eq(contacts.id, ticketParticipants.contactId))
    .where(eq(ticketParticipants.ticketId, ticket.id))
    .orderBy(asc(ticketParticipants.createdAt), asc(contacts.email));
  const ours = await ownAddresses(tx, channel);
  const isOurs = (a: string) => ours.has(baseAddress(a));
  if (isOurs(requesterAddress)) return null;
  const to = [requesterAddress];
  const cc = [...new Set(participants.map((p) => normalize(p.email)).filter((a): a is string => Boolean(a)))].filter(
    (a) => a !== requesterAddress && !isOurs(a),
  );
  const suppressed = await suppressedAmong(tx, [...to, ...cc]);
  const sendTo = to.filter((a) => !suppressed.has(a));
  const sendCc = cc.filter((a) => !suppressed.has(a));

  const [parent] = await tx
    .select({ emailMessageId: messages.emailMessageId, email: messages.email })
    .from(messages)
    .where(and(eq(messages.ticketId, ticket.id), eq(messages.authorKind, 'contact'), isNotNull(messages.emailMessageId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  const thread = replyThreadHeaders(
    parent ? { messageId: parent.emailMessageId, inReplyTo: parent.email?.inReplyTo ?? [], references: parent.email?.references ?? [] } : null,
  );

  const [agent] = message.authorAgentId
    ? await tx.select({ name: agents.name, signature: agents.signature }).from(agents).where(eq(agents.id, message.authorAgentId))
    : [];
  const signature = (agent?.signature ?? '').trim();
  const files = await tx
    .select({ sha256: attachments.blobSha256, filename: attachments.filename, contentType: attachments.contentType, contentId: attachments.contentId })
    .from(attachments)
    .where(eq(attachments.messageId, message.id))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const payload: OutboundPayload = {
    text: signature ? `${message.bodyText}\n\n-- \n${signature}` : message.bodyText,
    html: signature ? `${message.bodyHtml}${textToHtml(`-- \n${signature}`)}` : message.bodyHtml,
    attachments: files,
    ...(message.authorKind === 'automation' && { automated: true }),
  };

  const messageId = signer.messageId(ticket.number, domainOf(channel.address));
  const [row] = await tx
    .insert(outboundMails)
    .values({
      channelId: channel.id,
      ticketId: ticket.id,
      messageRowId: message.id,
      kind: 'reply',
      fromName: oneLine(agent ? `${agent.name} (${senderName(channel)})` : senderName(channel)),
      to: sendTo,
      cc: sendCc,
      // Only an answer to the customer's mail is a "Re:"; a ticket's first mail is not.
      subject: parent ? replySubject(ticket.subject, ticket.number) : replySubject(ticket.subject, ticket.number).replace(/^Re: /, ''),
      emailMessageId: messageId,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      replyTo: signer.replyAddress(channel.address, ticket.number),
      payload,
      status: sendTo.length === 0 ? 'suppressed' : 'queued',
      lastError: sendTo.length === 0 ? 'every To address is suppressed' : null,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning();
  // Lost a race with a concurrent call for the same message: its row stands, and its id is the
  // one on the message.
  if (!row) return replyRow(tx, message.id);
  await tx
    .update(messages)
    .set({
      emailMessageId: messageId,
      email: {
        from: { name: row.fromName, address: channel.address },
        to: row.to,
        cc: row.cc,
        auth: null,
        automated: false,
        bounce: null,
        hasRemoteImages: false,
        relatedTicket: null,
        delivery: { status: row.status, lastError: row.lastError },
      },
    })
    .where(eq(messages.id, message.id));
  if (row.status === 'queued') await enqueueSend(ctx, row.id, tx);
  return row;
}

/**
 * Queues the automatic acknowledgement of a new ticket opened by mail. It repeats nothing the
 * customer wrote (subject and body come from the channel's template, `{{number}}` filled in;
 * with the answer bot's email suggestions on, links to matching help-center articles follow),
 * threads to the customer's mail, and is sent at most once per ticket and once per recipient
 * address in 24 hours over all tickets and channels, never to a suppressed address or to one
 * of our own channels. Returns null when nothing is sent.
 *
 * `parentReferences` are the customer's References; `parentInReplyTo` (optional) its
 * In-Reply-To, used when it has no References (METRICS §8.8).
 */
export async function queueAutoAck(
  tx: Tx,
  ctx: Ctx,
  signer: MailSigner,
  input: {
    channel: ChannelRow;
    ticket: { id: string; number: number };
    to: string;
    parentMessageId: string | null;
    parentReferences: string[];
    parentInReplyTo?: string[];
  },
): Promise<OutboundMailRow | null> {
  const { channel, ticket } = input;
  if (!channel.autoAck.enabled || !channel.smtp || !channel.active) return null;
  const to = normalize(input.to);
  if (!to) return null;
  if ((await ownAddresses(tx, channel)).has(baseAddress(to))) return null;
  if ((await suppressedAmong(tx, [to])).size > 0) return null;

  // Serialises acks to one address, so two mails processed at once cannot both pass the check.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`servus.auto-ack:${to}`}))`);
  const since = new Date(ctx.clock.now().getTime() - AUTO_ACK_WINDOW_MS);
  const [recent] = await tx
    .select({ id: outboundMails.id })
    .from(outboundMails)
    .where(
      and(
        eq(outboundMails.kind, 'auto_ack'),
        or(eq(outboundMails.ticketId, ticket.id), and(arrayContains(outboundMails.to, [to]), gt(outboundMails.createdAt, since))),
      ),
    )
    .limit(1);
  if (recent) return null;

  const fill = (template: string) => template.replaceAll('{{number}}', String(ticket.number));
  const body = fill(channel.autoAck.body);
  const suggestions = await emailAckSuggestions(tx, ctx, ticket.id);
  const thread = replyThreadHeaders({
    messageId: input.parentMessageId,
    inReplyTo: input.parentInReplyTo ?? [],
    references: input.parentReferences,
  });
  const [row] = await tx
    .insert(outboundMails)
    .values({
      channelId: channel.id,
      ticketId: ticket.id,
      messageRowId: null,
      kind: 'auto_ack',
      fromName: oneLine(senderName(channel)),
      to: [to],
      subject: oneLine(fill(channel.autoAck.subject)),
      emailMessageId: signer.messageId(ticket.number, domainOf(channel.address)),
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      replyTo: signer.replyAddress(channel.address, ticket.number),
      payload: suggestions
        ? { text: `${body}\n\n${suggestions.text}`, html: `${textToHtml(body)}${suggestions.html}`, attachments: [] }
        : { text: body, html: textToHtml(body), attachments: [] },
      createdAt: ctx.clock.now(),
    })
    .returning();
  await enqueueSend(ctx, row!.id, tx);
  return row!;
}

/**
 * `Re: <subject> [#<number>]`, without stacking prefixes: leading `Re:`/`AW:`/`Antw:` are
 * dropped before ours, and the `[#N]` tag is added only when the subject lacks it.
 */
export function replySubject(subject: string, number: number): string {
  let s = oneLine(subject);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/^\s*(re|aw|antw|sv|vs)\s*(\[\d+\])?\s*:\s*/i, '');
  }
  const tag = `[#${number}]`;
  return `Re: ${s}${s.includes(tag) ? '' : `${s ? ' ' : ''}${tag}`}`;
}

async function replyRow(tx: Tx, messageRowId: string): Promise<OutboundMailRow | null> {
  const [row] = await tx
    .select()
    .from(outboundMails)
    .where(and(eq(outboundMails.messageRowId, messageRowId), eq(outboundMails.kind, 'reply')));
  return row ?? null;
}

/** Base addresses of every channel (with this one): we never mail ourselves, which would loop. */
async function ownAddresses(tx: Tx, channel: ChannelRow): Promise<Set<string>> {
  const rows = await tx.select({ address: channels.address }).from(channels).where(eq(channels.kind, 'email'));
  return new Set([channel.address, ...rows.map((r) => r.address)].map(baseAddress));
}

function senderName(channel: ChannelRow): string {
  return channel.displayName.trim() || channel.name;
}

function normalize(address: string | null | undefined): string | null {
  const a = (address ?? '').trim().toLowerCase();
  return a.includes('@') ? a : null;
}

/** Header text on one line: no CR, LF or other control characters. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}
