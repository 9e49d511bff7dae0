import { and, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Ctx, Services } from '../../platform/context.ts';
import { actorRef, inTransaction, makeCtx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { appendHistory } from '../tickets/history.ts';
import { findTicket } from '../tickets/repository.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { offerChatSurvey } from '../surveys/chat-offer.ts';
import { settleChatBotSession } from '../knowledge/bot/sessions.ts';
import { chatChannels, chatConversations, chatMessages, chatVisitors } from './schema.ts';
import { findConversation, type ConversationRow } from './repository.ts';

/** `bot_resolved`: the visitor confirmed the bot's answer; `bot_offline`: the bot handed over while nobody was available. */
export type EndReason = 'visitor_left' | 'visitor_ended' | 'agent_ended' | 'converted' | 'bot_resolved' | 'bot_offline';

const UNSOLVED = ['new', 'open', 'pending', 'on_hold'];

/**
 * Ends a conversation: `chat_ended` with its duration in the ticket log, and `chat.updated` so
 * the sockets learn of it. With `solve`, the ticket is solved as well (a chat that was served
 * and needs nothing more); a served chat that the agent or the visitor ended (the visitor is
 * still there) offers the satisfaction survey in the widget. The conversation must be locked
 * by the caller.
 */
export async function endConversation(tx: Tx, ctx: Ctx, emit: Emit, conv: ConversationRow, reason: EndReason, at: Date, opts: { solve?: boolean } = {}): Promise<void> {
  if (conv.status === 'ended') return;
  await tx.update(chatConversations).set({ status: 'ended', endedAt: at, endReason: reason }).where(eq(chatConversations.id, conv.id));
  const durationSeconds = Math.max(0, Math.round((at.getTime() - conv.startedAt.getTime()) / 1000));
  await appendHistory(tx, ctx, conv.ticketId, [{ type: 'chat_ended', after: { conversationId: conv.id, reason, durationSeconds, agentId: conv.agentId } }], at);
  // A chat that ends while the bot is still answering ended without a confirmation.
  await settleChatBotSession(tx, conv.id, 'abandoned', at);
  conv.status = 'ended';
  const t = await findTicket(tx, conv.ticketId);
  if (opts.solve && t && UNSOLVED.includes(t.status)) await applyTicketChanges(tx, ctx, emit, conv.ticketId, { status: 'solved' });
  if (conv.firstAgentMessageAt && (reason === 'agent_ended' || reason === 'visitor_ended')) {
    const [visitor] = await tx.select({ locale: chatVisitors.locale }).from(chatVisitors).where(eq(chatVisitors.id, conv.visitorId));
    const offer = await offerChatSurvey(tx, ctx, conv.ticketId, { locale: visitor?.locale });
    if (offer) {
      conv.surveyOffer = offer;
      await tx.update(chatConversations).set({ surveyOffer: offer }).where(eq(chatConversations.id, conv.id));
    }
  }
  emit({
    type: 'chat.updated',
    payload: { ticketId: conv.ticketId, conversationId: conv.id, status: 'ended', agentId: conv.agentId, change: reason === 'converted' ? 'converted' : 'ended' },
    actor: actorRef(ctx.actor),
  });
}

/** Who wrote last in the conversation, leaving out the server's own lines. */
async function lastSpeaker(tx: Tx, conversationId: string): Promise<'visitor' | 'agent' | 'bot' | null> {
  const [row] = await tx
    .select({ author: chatMessages.author })
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, conversationId), ne(chatMessages.author, 'system')))
    .orderBy(desc(chatMessages.seq))
    .limit(1);
  return (row?.author as 'visitor' | 'agent' | 'bot' | undefined) ?? null;
}

/**
 * The visitor is gone (left the page and did not come back within the grace period, or
 * ended the chat). Unanswered by any agent: *missed*, when the visitor waited at least the
 * channel's `missedAfterSeconds` in the agents' queue (shorter waits count as neither served
 * nor missed, like a short abandon; a chat that never left the answer bot never reached the
 * queue and is not missed either). Answered, with the visitor's own message last: *dropped*.
 * A served chat that was not dropped also solves the ticket. METRICS.md §2.6.
 */
export async function visitorGone(tx: Tx, ctx: Ctx, emit: Emit, conv: ConversationRow, reason: 'visitor_left' | 'visitor_ended', leftAt: Date): Promise<void> {
  if (conv.status === 'ended') return;
  const [channel] = await tx.select({ missedAfterSeconds: chatChannels.missedAfterSeconds }).from(chatChannels).where(eq(chatChannels.id, conv.channelId));
  const served = conv.firstAgentMessageAt !== null;
  let dropped = false;
  if (!served) {
    const waitedSeconds = Math.max(0, Math.round((leftAt.getTime() - (conv.queuedAt ?? conv.startedAt).getTime()) / 1000));
    if (conv.status !== 'bot' && waitedSeconds >= (channel?.missedAfterSeconds ?? 0)) {
      await appendHistory(tx, ctx, conv.ticketId, [{ type: 'chat_missed', after: { conversationId: conv.id, waitedSeconds, reason } }], leftAt);
      emit({ type: 'chat.missed', payload: { ticketId: conv.ticketId }, actor: actorRef(ctx.actor) });
    }
  } else if ((await lastSpeaker(tx, conv.id)) === 'visitor') {
    dropped = true;
    await appendHistory(tx, ctx, conv.ticketId, [{ type: 'chat_dropped', after: { conversationId: conv.id, agentId: conv.agentId, reason } }], leftAt);
  }
  await endConversation(tx, ctx, emit, conv, reason, leftAt, { solve: served && !dropped });
}

/** Keeps the conversations of connected visitors from counting as left. */
export async function touchConversations(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(chatConversations)
    .set({ visitorSeenAt: now })
    .where(and(inArray(chatConversations.id, ids), ne(chatConversations.status, 'ended')));
}

/**
 * Ends the conversations whose visitor has not been seen for the grace period. Safe to run in
 * several processes at once: each conversation is re-checked under its lock.
 */
export async function sweepLeftVisitors(services: Services): Promise<number> {
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - services.config.CHAT_LEAVE_GRACE_SECONDS * 1000);
  const stale = await ctx.db
    .select({ id: chatConversations.id, ticketId: chatConversations.ticketId })
    .from(chatConversations)
    .where(and(ne(chatConversations.status, 'ended'), lt(chatConversations.visitorSeenAt, cutoff)))
    .limit(200);
  let ended = 0;
  for (const s of stale) {
    await inTransaction(ctx, async (tx, emit) => {
      await findTicket(tx, s.ticketId, { forUpdate: true });
      const conv = await findConversation(tx, s.id, { forUpdate: true });
      if (!conv || conv.status === 'ended' || conv.visitorSeenAt >= cutoff) return;
      await visitorGone(tx, ctx, emit, conv, 'visitor_left', conv.visitorSeenAt);
      ended++;
    });
  }
  return ended;
}
