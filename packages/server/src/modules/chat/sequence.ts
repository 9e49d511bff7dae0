import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { actorRef } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { appendHistory } from '../tickets/history.ts';
import { insertMessage } from '../tickets/messages.ts';
import { assignChatTicket } from './assign.ts';
import { settleChatBotSession } from '../knowledge/bot/sessions.ts';
import { chatConversations, chatMessages } from './schema.ts';
import { conversationOfTicket, type ConversationRow } from './repository.ts';

type Author = 'visitor' | 'agent' | 'bot' | 'system';

const AUTHOR_OF: Record<string, Author> = { contact: 'visitor', agent: 'agent', automation: 'bot', system: 'system' };

/** Takes the next place in a locked conversation and records the message there. */
async function place(tx: Tx, emit: Emit, ctx: Ctx, conv: ConversationRow, messageId: string, author: Author, clientId: string | null, at: Date): Promise<number> {
  const seq = conv.lastSeq + 1;
  await tx.insert(chatMessages).values({ conversationId: conv.id, seq, messageId, clientId, author, createdAt: at });
  await tx.update(chatConversations).set({ lastSeq: seq, lastMessageAt: at }).where(eq(chatConversations.id, conv.id));
  conv.lastSeq = seq;
  conv.lastMessageAt = at;
  emit({ type: 'chat.message_posted', payload: { ticketId: conv.ticketId, conversationId: conv.id, messageId, seq, author }, actor: actorRef(ctx.actor) });
  return seq;
}

/**
 * Gives a public message on a chat ticket its place (`seq`) in the ticket's conversation, in
 * the transaction that stored it; the conversation row is locked, so places have no gaps and
 * no two messages share one. An agent's first message in the chat records `chat_accepted`
 * with the wait (first agent message − entry into the queue, METRICS §2.6) and, while the chat
 * still waits (or is still with the answer bot), takes it for that agent. Does nothing on a
 * ticket without a conversation.
 */
export async function sequenceChatMessage(
  tx: Tx,
  ctx: Ctx,
  emit: Emit,
  ticketId: string,
  message: { id: string; authorKind: string; authorAgentId: string | null; createdAt: Date },
  opts: { clientId?: string | null } = {},
): Promise<number | null> {
  const conv = await conversationOfTicket(tx, ticketId, { forUpdate: true });
  if (!conv) return null;
  const author = AUTHOR_OF[message.authorKind] ?? 'system';
  const seq = await place(tx, emit, ctx, conv, message.id, author, opts.clientId ?? null, message.createdAt);
  if (author === 'agent' && message.authorAgentId && conv.status !== 'ended') {
    await agentWrote(tx, ctx, emit, conv, message.authorAgentId, message.id, message.createdAt);
  }
  return seq;
}

async function agentWrote(tx: Tx, ctx: Ctx, emit: Emit, conv: ConversationRow, agentId: string, messageId: string, at: Date): Promise<void> {
  const set: Partial<typeof chatConversations.$inferInsert> = {};
  if (conv.status === 'waiting' || conv.status === 'bot') {
    // Answering a waiting chat takes it, as accepting would; one the bot still has is taken over.
    if (conv.status === 'bot') await settleChatBotSession(tx, conv.id, 'handed_over', at);
    Object.assign(set, { status: 'active', agentId, acceptedAt: at });
    Object.assign(conv, { status: 'active', agentId, acceptedAt: at });
    await assignChatTicket(tx, ctx, emit, conv.ticketId, agentId);
    emit({ type: 'chat.updated', payload: { ticketId: conv.ticketId, conversationId: conv.id, status: 'active', agentId, change: 'accepted' }, actor: actorRef(ctx.actor) });
  }
  if (!conv.firstAgentMessageAt) {
    set.firstAgentMessageAt = at;
    const waitSeconds = Math.max(0, Math.round((at.getTime() - (conv.queuedAt ?? conv.startedAt).getTime()) / 1000));
    await appendHistory(tx, ctx, conv.ticketId, [{ type: 'chat_accepted', after: { conversationId: conv.id, agentId, waitSeconds }, messageId }], at);
  }
  if (Object.keys(set).length) await tx.update(chatConversations).set(set).where(eq(chatConversations.id, conv.id));
}

/**
 * Adds a line the server says in the chat ("Anna joined the chat.") as a system message of the
 * ticket, in the conversation's order. The conversation must be locked by the caller.
 */
export async function postSystemMessage(tx: Tx, ctx: Ctx, emit: Emit, conv: ConversationRow, text: string): Promise<number> {
  const now = ctx.clock.now();
  const row = await insertMessage(tx, ctx, conv.ticketId, { kind: 'system', author: { kind: 'system' }, text, source: 'chat' }, now);
  return place(tx, emit, ctx, conv, row.id, 'system', null, now);
}
