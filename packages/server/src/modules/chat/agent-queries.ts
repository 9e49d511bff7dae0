import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ChatDetail, ChatListItem, ChatSurveyOffer } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { agents } from '../auth/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { tickets } from '../tickets/schema.ts';
import { visibleTickets } from '../tickets/policies.ts';
import { chatChannels, chatConversations, chatMessages, chatVisitors } from './schema.ts';
import { attachmentsOf, chatMessagesOf } from './repository.ts';
import { presentChatMessage } from './presenters.ts';
import { chatTexts, shorten } from './texts.ts';
import { chatBotSummary } from '../knowledge/bot/sessions.ts';

const preview = sql<string | null>`(select m.body_text from ${chatMessages} cm join messages m on m.id = cm.message_id
  where cm.conversation_id = ${chatConversations.id} and cm.author <> 'system' order by cm.seq desc limit 1)`;

const columns = {
  conv: chatConversations,
  number: tickets.number,
  teamId: tickets.teamId,
  assigneeId: tickets.assigneeId,
  channelName: chatChannels.name,
  visitorName: chatVisitors.name,
  visitorEmail: chatVisitors.email,
  verified: chatVisitors.verified,
  locale: chatVisitors.locale,
  contactName: contacts.name,
  agentName: agents.name,
  preview,
};

type Row = { conv: typeof chatConversations.$inferSelect; number: number; teamId: string | null; assigneeId: string | null; channelName: string; visitorName: string; visitorEmail: string | null; verified: boolean; locale: string | null; contactName: string | null; agentName: string | null; preview: string | null };

function query(db: Executor) {
  return db
    .select(columns)
    .from(chatConversations)
    .innerJoin(tickets, eq(tickets.id, chatConversations.ticketId))
    .innerJoin(chatChannels, eq(chatChannels.id, chatConversations.channelId))
    .innerJoin(chatVisitors, eq(chatVisitors.id, chatConversations.visitorId))
    .leftJoin(contacts, eq(contacts.id, chatVisitors.contactId))
    .leftJoin(agents, eq(agents.id, chatConversations.agentId));
}

/** The name agents see for a visitor: given, from the contact, or "visitor 4f2a". */
export function visitorLabel(r: { visitorName: string; contactName: string | null; locale: string | null; conv: { visitorId: string } }): string {
  return r.visitorName || r.contactName || chatTexts(r.locale).anonymous(r.conv.visitorId.slice(0, 4));
}

function item(r: Row): ChatListItem {
  const c = r.conv;
  return {
    ticketId: c.ticketId,
    number: r.number,
    status: c.status,
    channelId: c.channelId,
    channelName: r.channelName,
    visitorName: visitorLabel(r),
    agent: c.agentId && r.agentName ? { id: c.agentId, name: r.agentName } : null,
    preview: shorten(r.preview ?? '', 140),
    // A chat the answer bot handed over waits from the handover.
    startedAt: (c.queuedAt ?? c.startedAt).toISOString(),
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    lastSeq: c.lastSeq,
    visitorReadSeq: c.visitorReadSeq,
  };
}

const queueOrder = sql`coalesce(${chatConversations.queuedAt}, ${chatConversations.startedAt})`;

/**
 * Waiting chats (oldest first, as they queue), active ones or those still with the answer bot
 * (newest first) on tickets the agent may see.
 */
export async function listChats(db: Executor, actor: AgentActor, status: 'waiting' | 'active' | 'bot'): Promise<ChatListItem[]> {
  const vis = visibleTickets(actor);
  const rows = (await query(db)
    .where(and(eq(chatConversations.status, status), ...(vis ? [vis] : [])))
    .orderBy(status === 'waiting' ? asc(queueOrder) : desc(chatConversations.startedAt), asc(chatConversations.id))
    .limit(200)) as Row[];
  return rows.map(item);
}

/**
 * One chat with its messages in order, for the ticket page; 404 unless the agent may see the
 * ticket. Without an actor (the answer to an agent's own action, say a transfer to a team the
 * agent is not in) visibility is not checked.
 */
export async function chatDetail(db: Executor, actor: AgentActor | null, ticketId: string): Promise<ChatDetail> {
  const vis = actor ? visibleTickets(actor) : undefined;
  const [r] = (await query(db).where(and(eq(chatConversations.ticketId, ticketId), ...(vis ? [vis] : [])))) as Row[];
  if (!r) throw notFound('chat');
  const rows = await chatMessagesOf(db, r.conv.id, Math.max(0, r.conv.lastSeq - 500));
  const atts = await attachmentsOf(db, rows.map((m) => m.messageId));
  const name = visitorLabel(r);
  return {
    ...item(r),
    conversationId: r.conv.id,
    agentReadSeq: r.conv.agentReadSeq,
    endedAt: r.conv.endedAt?.toISOString() ?? null,
    visitor: { name, email: r.visitorEmail, verified: r.verified },
    messages: rows.map((m) => presentChatMessage(m, atts, 'agent', name)),
    bot: await chatBotSummary(db, r.conv.id),
  };
}

/** A waiting chat as the ring shows it, with what deciding who is rung needs. */
export interface WaitingChat {
  ticketId: string;
  teamId: string | null;
  assigneeId: string | null;
  ring: { type: 'chat.ring'; ticketId: string; number: number; visitorName: string; preview: string; channelName: string; waitingSince: string };
}

/** Every waiting chat, oldest first (at most 200), whoever may see it. */
export async function waitingChats(db: Executor): Promise<WaitingChat[]> {
  const rows = (await query(db).where(eq(chatConversations.status, 'waiting')).orderBy(asc(queueOrder)).limit(200)) as Row[];
  return rows.map((r) => {
    const i = item(r);
    return {
      ticketId: i.ticketId,
      teamId: r.teamId,
      assigneeId: r.assigneeId,
      ring: { type: 'chat.ring', ticketId: i.ticketId, number: i.number, visitorName: i.visitorName, preview: i.preview, channelName: i.channelName, waitingSince: i.startedAt },
    };
  });
}

/** Who a conversation's messages go to: its visitor (and the name shown for them) and who may see its ticket. */
export interface ConversationContext {
  conversationId: string;
  visitorId: string;
  visitorName: string;
  ticketId: string;
  teamId: string | null;
  assigneeId: string | null;
  status: 'bot' | 'waiting' | 'active' | 'ended';
  agentId: string | null;
  agentName: string | null;
  lastSeq: number;
  agentReadSeq: number;
  surveyOffer: ChatSurveyOffer | null;
}

export async function conversationContext(db: Executor, conversationId: string): Promise<ConversationContext | undefined> {
  const [r] = (await query(db).where(eq(chatConversations.id, conversationId))) as Row[];
  if (!r) return undefined;
  return {
    conversationId: r.conv.id,
    visitorId: r.conv.visitorId,
    visitorName: visitorLabel(r),
    ticketId: r.conv.ticketId,
    teamId: r.teamId,
    assigneeId: r.assigneeId,
    status: r.conv.status,
    agentId: r.conv.agentId,
    agentName: r.agentName,
    lastSeq: r.conv.lastSeq,
    agentReadSeq: r.conv.agentReadSeq,
    surveyOffer: r.conv.surveyOffer,
  };
}

/** The little a delivered message needs: the visitor's name and who may see the ticket. Lighter than conversationContext. */
export async function deliveryContext(db: Executor, conversationId: string): Promise<{ visitorName: string; ticketId: string; teamId: string | null; assigneeId: string | null } | undefined> {
  const [r] = await db
    .select({ conv: { visitorId: chatConversations.visitorId }, ticketId: chatConversations.ticketId, teamId: tickets.teamId, assigneeId: tickets.assigneeId, visitorName: chatVisitors.name, contactName: contacts.name, locale: chatVisitors.locale })
    .from(chatConversations)
    .innerJoin(tickets, eq(tickets.id, chatConversations.ticketId))
    .innerJoin(chatVisitors, eq(chatVisitors.id, chatConversations.visitorId))
    .leftJoin(contacts, eq(contacts.id, chatVisitors.contactId))
    .where(eq(chatConversations.id, conversationId));
  return r && { visitorName: visitorLabel(r), ticketId: r.ticketId, teamId: r.teamId, assigneeId: r.assigneeId };
}
