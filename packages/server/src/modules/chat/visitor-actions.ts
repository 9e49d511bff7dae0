import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ChatConversationSummary } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { attachments } from '../tickets/schema.ts';
import { findTicket } from '../tickets/repository.ts';
import { appendMessage } from '../tickets/use-cases/add-message.ts';
import { chatConversations, chatUploads } from './schema.ts';
import {
  agentName,
  chatMessageByClientId,
  findConversation,
  findVisitor,
  latestConversation,
  openConversation,
  type ChatChannelRow,
  type ConversationRow,
} from './repository.ts';
import { ensureVisitorContact, openChat, type VisitorAnswers } from './open-conversation.ts';
import { endConversation, visitorGone } from './outcomes.ts';
import { presentSummary } from './presenters.ts';

/** What the visitor's socket answers once a message is stored. */
export interface StoredAck {
  clientId: string;
  id: string;
  seq: number;
  at: string;
  conversationId: string;
  ticketId: string;
}

async function summaryOf(tx: Tx, conv: ConversationRow): Promise<ChatConversationSummary> {
  return presentSummary(conv, await agentName(tx, conv.agentId));
}

/** Checks the pre-chat answers against the channel's form. */
export function checkAnswers(channel: ChatChannelRow, answers: VisitorAnswers): void {
  const form = channel.preChatForm;
  if (form.enabled && form.requireEmail && !answers.email) {
    throw new AppError('validation_failed', 'an email address is required', [{ path: 'form.email', message: 'required' }]);
  }
  if (answers.topic && form.topics.length && !form.topics.includes(answers.topic)) {
    throw new AppError('validation_failed', 'unknown topic', [{ path: 'form.topic', message: `one of: ${form.topics.join(', ')}` }]);
  }
}

/** The visitor opens a chat (with the pre-chat answers), or finds the open one. */
export async function startChat(ctx: Ctx, visitorId: string, channel: ChatChannelRow, answers: VisitorAnswers): Promise<ChatConversationSummary> {
  checkAnswers(channel, answers);
  return inTransaction(ctx, async (tx, emit) => {
    const visitor = (await findVisitor(tx, visitorId))!;
    const { conversation, opened } = await openChat(tx, ctx, emit, visitor, channel, answers);
    if (!opened && (answers.name || answers.email)) await ensureVisitorContact(tx, ctx, emit, visitor, answers);
    return summaryOf(tx, conversation);
  });
}

/** The visitor's own unsent uploads among `ids`; anything else is refused like a missing file. */
async function checkUploads(tx: Tx, visitorId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const mine = await tx
    .select({ id: chatUploads.attachmentId })
    .from(chatUploads)
    .innerJoin(attachments, eq(attachments.id, chatUploads.attachmentId))
    .where(and(eq(chatUploads.visitorId, visitorId), inArray(chatUploads.attachmentId, ids), isNull(attachments.messageId)));
  if (mine.length !== new Set(ids).size) throw new AppError('validation_failed', 'unknown or already sent files', [{ path: 'attachmentIds', message: 'not an unsent upload of yours' }]);
}

function ackOf(conv: { id: string; ticketId: string }, m: { clientId: string | null; messageId: string; seq: number; createdAt: Date }): StoredAck {
  return { clientId: m.clientId!, id: m.messageId, seq: m.seq, at: m.createdAt.toISOString(), conversationId: conv.id, ticketId: conv.ticketId };
}

/**
 * Stores a visitor's message and returns the acknowledgement the socket sends after commit.
 * A resend with a `clientId` already stored in the visitor's latest conversation stores
 * nothing and gets the same acknowledgement. Opens a conversation when none is open.
 * `botTurn`: the conversation is with the answer bot, which answers this message next.
 */
export async function postVisitorMessage(
  ctx: Ctx,
  visitorId: string,
  channel: ChatChannelRow,
  input: { clientId: string; text: string; attachmentIds: string[] },
): Promise<{ ack: StoredAck; opened: ChatConversationSummary | null; botTurn: boolean }> {
  const text = input.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (!text && input.attachmentIds.length === 0) throw new AppError('validation_failed', 'the message is empty', [{ path: 'text', message: 'required' }]);
  return inTransaction(ctx, async (tx, emit) => {
    const visitor = (await findVisitor(tx, visitorId))!;
    let conv = await openConversation(tx, visitorId);
    let t = conv && (await findTicket(tx, conv.ticketId, { forUpdate: true }));
    if (conv && t?.status === 'closed') {
      // A closed ticket takes no more messages: that chat is over, a new one begins.
      await endConversation(tx, ctx, emit, conv, 'visitor_left', ctx.clock.now());
      conv = undefined;
    }
    let opened: ChatConversationSummary | null = null;
    if (!conv) {
      // A resend of a message from a chat that has ended since is answered, not stored again.
      const latest = await latestConversation(tx, visitorId);
      const earlier = latest && (await chatMessageByClientId(tx, latest.id, input.clientId));
      if (earlier) return { ack: ackOf(latest, earlier), opened: null, botTurn: false };
      if (channel.preChatForm.enabled && channel.preChatForm.requireEmail && !visitor.email) {
        throw new AppError('validation_failed', 'please fill in the form first: an email address is required', [{ path: 'form.email', message: 'required' }]);
      }
      const o = await openChat(tx, ctx, emit, visitor, channel);
      conv = o.conversation;
      if (o.opened) opened = await summaryOf(tx, conv);
      t = await findTicket(tx, conv.ticketId, { forUpdate: true });
    }
    // Locked after its ticket, as everywhere: nobody else can take the next place meanwhile.
    const locked = (await findConversation(tx, conv.id, { forUpdate: true }))!;
    const twin = await chatMessageByClientId(tx, conv.id, input.clientId);
    if (twin) return { ack: ackOf(conv, twin), opened, botTurn: false };
    await checkUploads(tx, visitorId, input.attachmentIds);
    const contactId = visitor.contactId ?? t!.requesterId;
    const contactCtx: Ctx = { ...ctx, actor: { kind: 'contact', id: contactId } };
    const { message } = await appendMessage(tx, emit, contactCtx, t!, {
      kind: 'public',
      author: { kind: 'contact', id: contactId },
      text,
      attachmentIds: input.attachmentIds,
      source: 'chat',
      chatClientId: input.clientId,
    });
    return { ack: ackOf(conv, { clientId: input.clientId, messageId: message.id, seq: locked.lastSeq + 1, createdAt: message.createdAt }), opened, botTurn: locked.status === 'bot' };
  });
}

/** The visitor has seen everything up to `seq`; returns the stored read mark, or null without an open chat. */
export async function visitorRead(ctx: Ctx, visitorId: string, seq: number): Promise<{ conversationId: string; ticketId: string; seq: number } | null> {
  const conv = await openConversation(ctx.db, visitorId);
  if (!conv) return null;
  const [row] = await ctx.db
    .update(chatConversations)
    .set({ visitorReadSeq: sql`greatest(${chatConversations.visitorReadSeq}, least(${seq}, ${chatConversations.lastSeq}))` })
    .where(eq(chatConversations.id, conv.id))
    .returning({ seq: chatConversations.visitorReadSeq });
  return { conversationId: conv.id, ticketId: conv.ticketId, seq: row!.seq };
}

/** The visitor ends the chat; counts as leaving (missed, dropped or ended, METRICS §2.6). */
export async function visitorEnd(ctx: Ctx, visitorId: string): Promise<ChatConversationSummary | null> {
  return inTransaction(ctx, async (tx, emit) => {
    const open = await openConversation(tx, visitorId);
    if (!open) return null;
    await findTicket(tx, open.ticketId, { forUpdate: true });
    const conv = (await findConversation(tx, open.id, { forUpdate: true }))!;
    const visitor = (await findVisitor(tx, visitorId))!;
    const contactCtx: Ctx = visitor.contactId ? { ...ctx, actor: { kind: 'contact', id: visitor.contactId } } : ctx;
    await visitorGone(tx, contactCtx, emit, conv, 'visitor_ended', ctx.clock.now());
    return summaryOf(tx, conv);
  });
}
