import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChatTransferBody } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { actorRef, inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Emit } from '../../platform/events.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { contacts } from '../contacts/schema.ts';
import { findTicket, findVisibleTicket, type TicketView } from '../tickets/repository.ts';
import { appendHistory } from '../tickets/history.ts';
import { writeTicket } from '../tickets/changes.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { chatConversations } from './schema.ts';
import { agentName, conversationOfTicket, findVisitor, type ConversationRow } from './repository.ts';
import { chatAgentStates } from './availability.ts';
import { assignChatTicket } from './assign.ts';
import { postSystemMessage } from './sequence.ts';
import { endConversation } from './outcomes.ts';
import { settleChatBotSession } from '../knowledge/bot/sessions.ts';
import { chatTexts } from './texts.ts';

type AgentCtx = Ctx & { actor: AgentActor };

/** Locks the chat's ticket (visible to the agent, else 404) and then its conversation, in that order everywhere. */
async function lockChat(tx: Tx, ctx: AgentCtx, ticketId: string): Promise<{ ticket: TicketView; conv: ConversationRow }> {
  const ticket = await findVisibleTicket(tx, ctx.actor, ticketId, { forUpdate: true });
  const conv = await conversationOfTicket(tx, ticketId, { forUpdate: true });
  if (!conv) throw notFound('chat');
  return { ticket, conv };
}

const ended = () => new AppError('conflict', 'this chat has ended');

async function localeOf(tx: Tx, conv: ConversationRow): Promise<string | null> {
  return (await findVisitor(tx, conv.visitorId))?.locale ?? null;
}

/** Refuses an agent who may not take one more chat now. */
async function assertCanTake(tx: Tx, agentId: string, who: 'you' | 'them'): Promise<void> {
  const state = (await chatAgentStates(tx, [agentId])).get(agentId);
  if (!state) throw new AppError('validation_failed', 'not an active agent', [{ path: 'body.agentId', message: 'not an active agent' }]);
  if (who === 'them' && !state.online) throw new AppError('conflict', 'this agent is not online');
  if (state.load >= state.capacity) throw new AppError('conflict', who === 'you' ? `you are at your chat limit (${state.capacity})` : `this agent is at their chat limit (${state.capacity})`);
}

/**
 * Takes a waiting chat. The conversation row is locked, so of two agents accepting at once the
 * first wins and the second gets 409; accepting one's own chat again changes nothing.
 */
export async function acceptChat(ctx: AgentCtx, ticketId: string): Promise<void> {
  await inTransaction(ctx, async (tx, emit) => {
    const { conv } = await lockChat(tx, ctx, ticketId);
    if (conv.status === 'ended') throw ended();
    if (conv.status === 'active') {
      if (conv.agentId === ctx.actor.id) return;
      throw new AppError('conflict', 'another agent has already taken this chat');
    }
    await assertCanTake(tx, ctx.actor.id, 'you');
    await take(tx, ctx, emit, conv, ctx.actor.id, 'accepted');
    await postSystemMessage(tx, ctx, emit, conv, chatTexts(await localeOf(tx, conv)).joined((await agentName(tx, ctx.actor.id)) ?? ''));
  });
}

async function take(tx: Tx, ctx: Ctx, emit: Emit, conv: ConversationRow, agentId: string, change: 'accepted' | 'transferred'): Promise<void> {
  const now = ctx.clock.now();
  // An agent taking a chat from the answer bot takes it over: the bot's part ends as handed over.
  await settleChatBotSession(tx, conv.id, 'handed_over', now);
  await tx.update(chatConversations).set({ status: 'active', agentId, acceptedAt: conv.acceptedAt ?? now }).where(eq(chatConversations.id, conv.id));
  Object.assign(conv, { status: 'active', agentId, acceptedAt: conv.acceptedAt ?? now });
  await assignChatTicket(tx, ctx, emit, conv.ticketId, agentId);
  emit({ type: 'chat.updated', payload: { ticketId: conv.ticketId, conversationId: conv.id, status: 'active', agentId, change }, actor: actorRef(ctx.actor) });
}

/**
 * Hands a chat to an agent (who must be online and below their chat limit) or back to a team's
 * queue, where it rings again. Logged as `chat_transferred`.
 */
export async function transferChat(ctx: AgentCtx, ticketId: string, to: z.infer<typeof ChatTransferBody>): Promise<void> {
  await inTransaction(ctx, async (tx, emit) => {
    const { ticket, conv } = await lockChat(tx, ctx, ticketId);
    if (conv.status === 'ended') throw ended();
    const before = { agentId: conv.agentId, teamId: ticket.teamId };
    const texts = chatTexts(await localeOf(tx, conv));
    if ('agentId' in to) {
      if (to.agentId === conv.agentId) return;
      await assertCanTake(tx, to.agentId, 'them');
      await take(tx, ctx, emit, conv, to.agentId, 'transferred');
      const after = (await findTicket(tx, ticketId))!;
      await appendHistory(tx, ctx, ticketId, [{ type: 'chat_transferred', before, after: { agentId: to.agentId, teamId: after.teamId } }], ctx.clock.now());
      await postSystemMessage(tx, ctx, emit, conv, texts.transferredToAgent((await agentName(tx, to.agentId)) ?? ''));
      return;
    }
    await applyTicketChanges(tx, ctx, emit, ticketId, { teamId: to.teamId, assigneeId: null });
    const fromBot = conv.status === 'bot';
    if (fromBot) await settleChatBotSession(tx, conv.id, 'handed_over', ctx.clock.now());
    const queued = fromBot ? { queuedAt: ctx.clock.now() } : {};
    await tx.update(chatConversations).set({ status: 'waiting', agentId: null, ...queued }).where(eq(chatConversations.id, conv.id));
    Object.assign(conv, { status: 'waiting', agentId: null, ...queued });
    await appendHistory(tx, ctx, ticketId, [{ type: 'chat_transferred', before, after: { agentId: null, teamId: to.teamId } }], ctx.clock.now());
    await postSystemMessage(tx, ctx, emit, conv, texts.transferredToTeam());
    emit({ type: 'chat.updated', payload: { ticketId, conversationId: conv.id, status: 'waiting', agentId: null, change: 'transferred' }, actor: actorRef(ctx.actor) });
  });
}

/** Ends a chat from the agent's side; a served chat's ticket is solved. Ending an ended chat changes nothing. */
export async function endChat(ctx: AgentCtx, ticketId: string): Promise<void> {
  await inTransaction(ctx, async (tx, emit) => {
    const { conv } = await lockChat(tx, ctx, ticketId);
    if (conv.status === 'ended') return;
    await postSystemMessage(tx, ctx, emit, conv, chatTexts(await localeOf(tx, conv)).ended());
    await endConversation(tx, ctx, emit, conv, 'agent_ended', ctx.clock.now(), { solve: conv.firstAgentMessageAt !== null });
  });
}

/**
 * Turns a chat into a regular ticket answered by email: the conversation ends (if it had not),
 * the ticket moves to channel `email` and stays open, so the next public reply goes to the
 * contact's address by mail. Needs an email address for the contact.
 */
export async function convertChat(ctx: AgentCtx, ticketId: string): Promise<void> {
  await inTransaction(ctx, async (tx, emit) => {
    const { ticket, conv } = await lockChat(tx, ctx, ticketId);
    if (ticket.channel !== 'chat') throw new AppError('conflict', 'this chat is already a regular ticket');
    if (ticket.status === 'closed') throw new AppError('conflict', 'closed tickets cannot be changed');
    const [contact] = await tx.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, ticket.requesterId));
    if (!contact?.email) throw new AppError('conflict', 'the visitor has not given an email address; a follow-up by email is not possible');
    const now = ctx.clock.now();
    if (conv.status !== 'ended') {
      await postSystemMessage(tx, ctx, emit, conv, chatTexts(await localeOf(tx, conv)).converted(contact.email));
      await endConversation(tx, ctx, emit, conv, 'converted', now);
    }
    if (ticket.status === 'new' || ticket.status === 'solved') await applyTicketChanges(tx, ctx, emit, ticketId, { status: 'open' });
    const version = await writeTicket(tx, ticketId, { channel: 'email', channelId: null }, now);
    await appendHistory(tx, ctx, ticketId, [{ type: 'chat_converted', before: { channel: 'chat', channelId: ticket.channelId }, after: { channel: 'email', email: contact.email } }], now);
    const after = (await findTicket(tx, ticketId))!;
    emit({
      type: 'ticket.updated',
      payload: { ticketId, number: ticket.number, teamId: after.teamId, assigneeId: after.assigneeId, changes: ['chat_converted'], version },
      actor: actorRef(ctx.actor),
    });
  });
}
