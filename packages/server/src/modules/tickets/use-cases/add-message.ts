import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db.ts';
import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import type { Emit } from '../../../platform/events.ts';
import { AppError } from '../../../platform/errors.ts';
import { messages, tickets, type MessageEmailMeta } from '../schema.ts';
import { findTicket, findVisibleTicket, type MessageRow, type TicketView } from '../repository.ts';
import { planChanges } from '../changes.ts';
import { appendHistory, type HistoryEntry } from '../history.ts';
import { insertMessage } from '../messages.ts';
import { assertVersion } from './update-ticket.ts';
import { sequenceChatMessage } from '../../chat/sequence.ts';

export interface AddMessageInput {
  kind: 'public' | 'note';
  text?: string;
  html?: string;
  attachmentIds?: string[];
  asRequester: boolean;
  status?: Exclude<TicketView['status'], 'new'>;
  version?: number;
}

/**
 * Adds a public reply or an internal note. An agent's public reply counts toward first reply
 * and opens a new ticket; a requester's reply reopens a pending, on-hold or solved ticket.
 * With `version`, a reply to a ticket that changed meanwhile is refused with 409.
 */
export async function addMessage(
  ctx: Ctx & { actor: AgentActor },
  ticketId: string,
  input: AddMessageInput,
): Promise<{ ticket: TicketView; message: MessageRow }> {
  if (input.asRequester && input.kind !== 'public') {
    throw new AppError('validation_failed', 'a requester cannot write an internal note', [{ path: 'body.kind', message: 'must be public' }]);
  }
  if (!(input.text ?? '').trim() && !(input.html ?? '').trim() && !(input.attachmentIds?.length)) {
    throw new AppError('validation_failed', 'the message is empty', [{ path: 'body.text', message: 'text, html or an attachment is required' }]);
  }
  return inTransaction(ctx, async (tx, emit) => {
    const t = await findVisibleTicket(tx, ctx.actor, ticketId, { forUpdate: true });
    assertVersion(t, input.version);
    if (t.status === 'closed') throw new AppError('conflict', 'closed tickets take no new messages; open a follow-up ticket');
    return appendMessage(tx, emit, ctx, t, {
      kind: input.kind,
      author: input.asRequester ? { kind: 'contact', id: t.requesterId } : { kind: 'agent', id: ctx.actor.id },
      text: input.text,
      html: input.html,
      attachmentIds: input.attachmentIds,
      status: input.status,
      source: input.asRequester ? 'api' : 'web',
    });
  });
}

export interface AppendMessageInput {
  kind: 'public' | 'note';
  /** `automation`: a rule wrote it (e.g. through a macro); it counts as no agent reply. */
  author: { kind: 'agent'; id: string } | { kind: 'contact'; id: string } | { kind: 'system' } | { kind: 'automation' };
  text?: string;
  html?: string;
  body?: { text: string; html: string };
  attachmentIds?: string[];
  status?: Exclude<TicketView['status'], 'new'>;
  source: string;
  email?: MessageEmailMeta | null;
  emailMessageId?: string | null;
  /** A customer's message reopens a pending, on-hold or solved ticket unless this is false (auto-replies, bounces). */
  reopen?: boolean;
  /** On a chat ticket: the visitor's own id for the message, so a resend is recognised. */
  chatClientId?: string | null;
}

/**
 * What addMessage does once the ticket is locked, inside the caller's transaction: stores the
 * message, moves first reply, counters and status, and writes the event log. Also used for mail.
 */
export async function appendMessage(
  tx: Tx,
  emit: Emit,
  ctx: Ctx,
  t: TicketView,
  input: AppendMessageInput,
): Promise<{ ticket: TicketView; message: MessageRow }> {
  const now = ctx.clock.now();
  const fromContact = input.author.kind === 'contact';
  const authorCtx: Ctx = input.author.kind === 'contact' ? { ...ctx, actor: { kind: 'contact', id: input.author.id } } : ctx;
  const message = await insertMessage(
    tx,
    ctx,
    t.id,
    {
      kind: input.kind,
      author: input.author,
      text: input.text,
      html: input.html,
      body: input.body,
      attachmentIds: input.attachmentIds,
      source: input.source,
      email: input.email ?? null,
      emailMessageId: input.emailMessageId ?? null,
    },
    now,
  );
  const agentReply = input.kind === 'public' && input.author.kind === 'agent';
  // First reply answers the customer: on a ticket an agent opened, it counts only once the
  // customer has written publicly (METRICS §9.2).
  const answersCustomer = agentReply && !t.firstReplyAt && (await customerHasWritten(tx, t.id));
  await appendHistory(tx, authorCtx, t.id, [{ type: input.kind === 'note' ? 'note' : 'reply', messageId: message.id, after: { kind: input.kind } }], now);

  // Status that follows from the message, unless the agent submits with an explicit status.
  let status = input.status;
  if (!status && agentReply && t.status === 'new') status = 'open';
  if (!status && fromContact && input.reopen !== false && ['pending', 'on_hold', 'solved'].includes(t.status)) status = 'open';
  let history: HistoryEntry[] = [];
  let set: Partial<typeof tickets.$inferInsert> = {};
  if (status) ({ set, history } = await planChanges(tx, authorCtx, t, { status }, now));

  await tx
    .update(tickets)
    .set({
      ...set,
      messageCount: sql`${tickets.messageCount} + 1`,
      lastMessageAt: now,
      updatedAt: now,
      version: sql`${tickets.version} + 1`,
      ...(agentReply && {
        agentReplyCount: sql`${tickets.agentReplyCount} + 1`,
      }),
      ...(answersCustomer && { firstReplyAt: now }),
    })
    .where(eq(tickets.id, t.id));
  await appendHistory(tx, authorCtx, t.id, history, now);
  // A public message on a chat ticket takes its place in the conversation and reaches the visitor.
  if (t.channel === 'chat' && input.kind === 'public') await sequenceChatMessage(tx, authorCtx, emit, t.id, message, { clientId: input.chatClientId });
  const after = (await findTicket(tx, t.id))!;
  emit({ type: 'message.created', payload: { ticketId: t.id, messageId: message.id, kind: message.kind, authorKind: message.authorKind }, actor: actorRef(authorCtx.actor) });
  emit({
    type: 'ticket.updated',
    payload: { ticketId: t.id, number: t.number, teamId: after.teamId, assigneeId: after.assigneeId, changes: ['message', ...history.map((h) => h.type)], version: after.version },
    actor: actorRef(authorCtx.actor),
  });
  return { ticket: after, message };
}

async function customerHasWritten(tx: Tx, ticketId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.ticketId, ticketId), eq(messages.kind, 'public'), eq(messages.authorKind, 'contact')))
    .limit(1);
  return Boolean(row);
}
