import { and, eq, gt } from 'drizzle-orm';
import type { Ctx, Services } from '../../../platform/context.ts';
import { actorRef, inTransaction, makeCtx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db.ts';
import type { Emit } from '../../../platform/events.ts';
import { messages } from '../../tickets/schema.ts';
import { findTicket, type TicketView } from '../../tickets/repository.ts';
import { appendMessage } from '../../tickets/use-cases/add-message.ts';
import { applyTicketChanges } from '../../tickets/use-cases/update-ticket.ts';
import { chatConversations, chatMessages } from '../../chat/schema.ts';
import { findChatChannel, findConversation, findVisitor, openConversation, type ConversationRow } from '../../chat/repository.ts';
import { channelOnline } from '../../chat/availability.ts';
import { endConversation } from '../../chat/outcomes.ts';
import type { KbLocale } from '../schema.ts';
import { answerQuestion, type BotAnswer } from './answer.ts';
import { answerMessage, lineMessage, type BotChatMessage } from './chat-messages.ts';
import { asksForHuman } from './intent.ts';
import { chatBotSession, recordBotAnswer, settleChatBotSession } from './sessions.ts';
import { readBotSettings } from './settings.ts';
import { botLocale, botTexts } from './texts.ts';

/** The tag a ticket gets when the customer confirmed the bot's answer. */
export const BOT_RESOLVED_TAG = 'bot_resolved';

/** Why the bot hands a chat to the agents: the visitor said no, asked for a person, the bot found nothing, or it was switched off. */
type HandoverReason = 'no' | 'human' | 'no_answer' | 'disabled';

/**
 * The answer bot in live chat. A conversation with status `bot` is answered here: every visitor
 * message gets the best passage (or a grounded model answer) with links and "Did this answer
 * your question?"; Yes ends the chat as resolved by the bot, No or asking for a person hands it
 * to the agents' queue at once (or, with nobody available, to the offline form). Answers are
 * worked out outside any transaction (a model may take seconds) and written under the
 * conversation's lock, only while the bot still has the chat.
 */
export class ChatBot {
  private readonly turns = new Map<string, Promise<void>>();
  private readonly ctx: Ctx;

  constructor(private readonly services: Services) {
    this.ctx = makeCtx(services, { kind: 'automation', id: null });
  }

  /** Answers a visitor's message in a bot conversation, after it was stored; turns of one conversation run in order. */
  visitorWrote(conversationId: string, messageId: string): Promise<void> {
    const previous = this.turns.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.turn(conversationId, messageId)).catch((err) => this.failed(conversationId, err));
    this.turns.set(conversationId, turn);
    void turn.finally(() => {
      if (this.turns.get(conversationId) === turn) this.turns.delete(conversationId);
    });
    return turn;
  }

  /** The visitor's Yes, No or "Talk to a person" on the bot's answer. Nothing happens once the bot no longer has the chat. */
  async visitorAction(visitorId: string, action: 'yes' | 'no' | 'human'): Promise<void> {
    const open = await openConversation(this.ctx.db, visitorId);
    if (!open || open.status !== 'bot') return;
    await inTransaction(this.ctx, async (tx, emit) => {
      const locked = await this.lockBotChat(tx, open.id);
      if (!locked) return;
      const { ticket, conv, locale } = locked;
      if (action !== 'yes') return this.handOver(tx, emit, ticket, conv, locale, action);
      const session = await chatBotSession(tx, conv.id, { forUpdate: true });
      // Only an answer can be confirmed.
      if (!session || session.answers === 0) return;
      const now = this.ctx.clock.now();
      await settleChatBotSession(tx, conv.id, 'confirmed', now);
      await this.post(tx, emit, ticket, lineMessage('confirmed', botTexts(locale).confirmed));
      await applyTicketChanges(tx, this.ctx, emit, ticket.id, { status: 'solved', addTags: [BOT_RESOLVED_TAG] });
      await endConversation(tx, this.ctx, emit, conv, 'bot_resolved', now);
    });
  }

  private async turn(conversationId: string, messageId: string): Promise<void> {
    const db = this.ctx.db;
    const conv = await findConversation(db, conversationId);
    if (!conv || conv.status !== 'bot') return;
    const [message] = await db.select({ text: messages.bodyText }).from(messages).where(eq(messages.id, messageId));
    if (!message) return;
    const settings = await readBotSettings(db);
    const locale = botLocale((await findVisitor(db, conv.visitorId))?.locale);
    let answer: BotAnswer | null = null;
    let reason: HandoverReason | null = null;
    if (!settings.chatEnabled) reason = 'disabled';
    else if (asksForHuman(message.text)) reason = 'human';
    else {
      answer = await answerQuestion({ db, log: this.services.log }, settings, { q: message.text, locale });
      if (answer.kind === 'no_answer') reason = 'no_answer';
    }
    await inTransaction(this.ctx, async (tx, emit) => {
      const locked = await this.lockBotChat(tx, conversationId);
      if (!locked) return;
      // The visitor wrote again meanwhile: that message gets the answer, not this one.
      if (await this.newerVisitorMessage(tx, conversationId, messageId)) return;
      if (reason) return this.handOver(tx, emit, locked.ticket, locked.conv, locked.locale, reason);
      await this.post(tx, emit, locked.ticket, answerMessage(answer!, locked.locale));
      const session = await chatBotSession(tx, conversationId, { forUpdate: true });
      if (session) await recordBotAnswer(tx, session, suggestedIds(answer!));
    });
  }

  /** A turn that failed must not leave the visitor talking to nobody: the agents take over. */
  private async failed(conversationId: string, err: unknown): Promise<void> {
    this.services.log.error({ err, conversationId }, 'answer bot: the answer failed; handing the chat to the agents');
    try {
      await inTransaction(this.ctx, async (tx, emit) => {
        const locked = await this.lockBotChat(tx, conversationId);
        if (locked) await this.handOver(tx, emit, locked.ticket, locked.conv, locked.locale, 'no_answer');
      });
    } catch (again) {
      this.services.log.error({ err: again, conversationId }, 'answer bot: handing the chat over failed too');
    }
  }

  /** Locks the chat's ticket, then its conversation (the order used everywhere); undefined once the bot no longer has it. */
  private async lockBotChat(tx: Tx, conversationId: string): Promise<{ ticket: TicketView; conv: ConversationRow; locale: KbLocale } | undefined> {
    const peek = await findConversation(tx, conversationId);
    if (!peek || peek.status !== 'bot') return undefined;
    const ticket = await findTicket(tx, peek.ticketId, { forUpdate: true });
    const conv = await findConversation(tx, conversationId, { forUpdate: true });
    if (!ticket || !conv || conv.status !== 'bot' || ticket.status === 'closed') return undefined;
    return { ticket, conv, locale: botLocale((await findVisitor(tx, conv.visitorId))?.locale) };
  }

  private async newerVisitorMessage(tx: Tx, conversationId: string, messageId: string): Promise<boolean> {
    const [mine] = await tx.select({ seq: chatMessages.seq }).from(chatMessages).where(eq(chatMessages.messageId, messageId));
    if (!mine) return false;
    const [newer] = await tx
      .select({ seq: chatMessages.seq })
      .from(chatMessages)
      .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.author, 'visitor'), gt(chatMessages.seq, mine.seq)))
      .limit(1);
    return Boolean(newer);
  }

  /** Writes a bot message into the chat: a public message by automation (never an agent reply), in the conversation's order. */
  private async post(tx: Tx, emit: Emit, ticket: TicketView, m: BotChatMessage): Promise<void> {
    const { message } = await appendMessage(tx, emit, this.ctx, ticket, { kind: 'public', author: { kind: 'automation' }, text: m.text, source: 'bot' });
    await tx.update(chatMessages).set({ bot: m.content }).where(eq(chatMessages.messageId, message.id));
  }

  /**
   * Hands the chat to the agents at once: it enters the waiting queue (rung and routed like any
   * new chat, waiting from now). With nobody available the bot says so and the chat ends, so the
   * widget offers the offline form; the ticket stays open for the team.
   */
  private async handOver(tx: Tx, emit: Emit, ticket: TicketView, conv: ConversationRow, locale: KbLocale, why: HandoverReason): Promise<void> {
    const now = this.ctx.clock.now();
    const t = botTexts(locale);
    await settleChatBotSession(tx, conv.id, 'handed_over', now);
    const channel = await findChatChannel(tx, conv.channelId);
    const online = channel ? await channelOnline(tx, channel, now) : false;
    if (!online && why !== 'disabled') {
      const text = why === 'no_answer' ? `${t.noAnswerOffline} ${t.offline}` : t.offline;
      await this.post(tx, emit, ticket, lineMessage('offline', text));
      await endConversation(tx, this.ctx, emit, conv, 'bot_offline', now);
      return;
    }
    const say: Record<Exclude<HandoverReason, 'disabled'>, BotChatMessage> = {
      no: lineMessage('handover', t.handoverNo),
      human: lineMessage('handover', t.handoverHuman),
      no_answer: lineMessage('no_answer', t.noAnswer),
    };
    if (why !== 'disabled') await this.post(tx, emit, ticket, say[why]);
    await tx.update(chatConversations).set({ status: 'waiting', queuedAt: now }).where(eq(chatConversations.id, conv.id));
    Object.assign(conv, { status: 'waiting', queuedAt: now });
    emit({ type: 'chat.updated', payload: { ticketId: conv.ticketId, conversationId: conv.id, status: 'waiting', agentId: null, change: 'handed_over' }, actor: actorRef(this.ctx.actor) });
  }
}

/** The translations the answer linked, in its order. */
function suggestedIds(answer: BotAnswer): string[] {
  return answer.articles.flatMap((a) => answer.passages.find((p) => p.url === a.url)?.translationId ?? []);
}
