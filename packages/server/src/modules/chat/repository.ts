import { and, asc, desc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import type { ChatBotContent } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import { sha256Hex } from '../../platform/crypto.ts';
import { agents } from '../auth/schema.ts';
import { attachments, messages, tickets } from '../tickets/schema.ts';
import { chatChannels, chatConversations, chatMessages, chatVisitors } from './schema.ts';

export type ChatChannelRow = typeof chatChannels.$inferSelect;
export type ChatVisitorRow = typeof chatVisitors.$inferSelect;
export type ConversationRow = typeof chatConversations.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

/** A chat message joined with what presenting it needs. */
export interface ChatMessageRow {
  seq: number;
  clientId: string | null;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  messageId: string;
  text: string;
  createdAt: Date;
  agentName: string | null;
  /** The answer bot's links and question, on its messages. */
  bot: ChatBotContent | null;
}

export async function findChatChannel(db: Executor, id: string): Promise<ChatChannelRow | undefined> {
  const [row] = await db.select().from(chatChannels).where(eq(chatChannels.id, id));
  return row;
}

export async function listChatChannels(db: Executor): Promise<ChatChannelRow[]> {
  return db.select().from(chatChannels).orderBy(asc(chatChannels.name), asc(chatChannels.id));
}

/** The visitor a widget token belongs to, with its channel; undefined for an unknown token. */
export async function findVisitorByToken(db: Executor, token: string): Promise<{ visitor: ChatVisitorRow; channel: ChatChannelRow } | undefined> {
  const [row] = await db
    .select({ visitor: chatVisitors, channel: chatChannels })
    .from(chatVisitors)
    .innerJoin(chatChannels, eq(chatChannels.id, chatVisitors.channelId))
    .where(eq(chatVisitors.tokenHash, sha256Hex(token)));
  return row;
}

export async function findVisitor(db: Executor, id: string): Promise<ChatVisitorRow | undefined> {
  const [row] = await db.select().from(chatVisitors).where(eq(chatVisitors.id, id));
  return row;
}

export async function findConversation(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConversationRow | undefined> {
  const q = db.select().from(chatConversations).where(eq(chatConversations.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function conversationOfTicket(db: Executor, ticketId: string, opts: { forUpdate?: boolean } = {}): Promise<ConversationRow | undefined> {
  const q = db.select().from(chatConversations).where(eq(chatConversations.ticketId, ticketId));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The visitor's latest conversation, open or ended. */
export async function latestConversation(db: Executor, visitorId: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(chatConversations)
    .where(eq(chatConversations.visitorId, visitorId))
    .orderBy(desc(chatConversations.startedAt), desc(chatConversations.id))
    .limit(1);
  return row;
}

/** The visitor's conversation that is still waiting or going on. */
export async function openConversation(db: Executor, visitorId: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(chatConversations)
    .where(and(eq(chatConversations.visitorId, visitorId), ne(chatConversations.status, 'ended')))
    .orderBy(desc(chatConversations.startedAt))
    .limit(1);
  return row;
}

const messageColumns = {
  seq: chatMessages.seq,
  clientId: chatMessages.clientId,
  author: chatMessages.author,
  messageId: chatMessages.messageId,
  text: messages.bodyText,
  createdAt: messages.createdAt,
  agentName: agents.name,
  bot: chatMessages.bot,
};

/** Messages of a conversation with seq in (afterSeq, upToSeq], in order. */
export async function chatMessagesOf(db: Executor, conversationId: string, afterSeq: number, upToSeq?: number, limit = 500): Promise<ChatMessageRow[]> {
  const where = [eq(chatMessages.conversationId, conversationId), gt(chatMessages.seq, afterSeq)];
  if (upToSeq !== undefined) where.push(lte(chatMessages.seq, upToSeq));
  return db
    .select(messageColumns)
    .from(chatMessages)
    .innerJoin(messages, eq(messages.id, chatMessages.messageId))
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .where(and(...where))
    .orderBy(asc(chatMessages.seq))
    .limit(limit);
}

export async function chatMessageById(db: Executor, messageId: string): Promise<ChatMessageRow | undefined> {
  const [row] = await db
    .select(messageColumns)
    .from(chatMessages)
    .innerJoin(messages, eq(messages.id, chatMessages.messageId))
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .where(eq(chatMessages.messageId, messageId));
  return row;
}

export async function chatMessageByClientId(db: Executor, conversationId: string, clientId: string): Promise<ChatMessageRow | undefined> {
  const [row] = await db
    .select(messageColumns)
    .from(chatMessages)
    .innerJoin(messages, eq(messages.id, chatMessages.messageId))
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.clientId, clientId)));
  return row;
}

/** Attachments of these messages, oldest first. */
export async function attachmentsOf(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.createdAt));
}

/** What a socket needs to decide who may see a chat ticket. */
export async function ticketAccess(db: Executor, ticketId: string): Promise<{ teamId: string | null; assigneeId: string | null; number: number } | undefined> {
  const [row] = await db.select({ teamId: tickets.teamId, assigneeId: tickets.assigneeId, number: tickets.number }).from(tickets).where(eq(tickets.id, ticketId));
  return row;
}

export async function agentName(db: Executor, agentId: string | null): Promise<string | null> {
  if (!agentId) return null;
  const [row] = await db.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId));
  return row?.name ?? null;
}
