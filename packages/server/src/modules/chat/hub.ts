import { eq, sql } from 'drizzle-orm';
import type { AgentChatClientMessage, AgentChatServerMessage, ChatMessage, VisitorServerMessage } from '@servus/shared';
import type { Services } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { DispatchedEvent } from '../../platform/events.ts';
import { canSeeTicket } from '../tickets/policies.ts';
import { chatConversations } from './schema.ts';
import { attachmentsOf, chatMessageById, chatMessagesOf, conversationOfTicket, findChatChannel, ticketAccess } from './repository.ts';
import { conversationContext, deliveryContext, waitingChats } from './agent-queries.ts';
import { canTakeChat, chatAgentStates, channelOnline } from './availability.ts';
import { presentChatMessage, presentSummary } from './presenters.ts';
import { sweepLeftVisitors, touchConversations } from './outcomes.ts';

/** A visitor's socket in this process. */
export interface VisitorConn {
  readonly id: string;
  readonly visitorId: string;
  readonly channelId: string;
  conversationId: string | null;
  ticketId: string | null;
  /** Highest `seq` sent on this socket; null until the widget said hello (the replay starts there). */
  sentSeq: number | null;
  /** The availability last told to this socket. */
  online: boolean | null;
  send(msg: VisitorServerMessage): void;
  /** Deliveries to one socket run one after another, so the order holds. */
  queue: Promise<void>;
}

/** An agent's socket (/ws) in this process, as chat sees it. */
export interface AgentConn {
  readonly id: string;
  readonly actor: AgentActor;
  readonly name: string;
  send(msg: AgentChatServerMessage): void;
  /** The waiting chats this socket was rung for and not yet told the ring stopped. */
  readonly rung: Set<string>;
}

/** What travels on the bus's `chat` topic between the processes holding the sockets. */
type ChatBusMessage =
  | { k: 'vtyping'; ticketId: string; typing: boolean }
  | { k: 'atyping'; conversationId: string; name: string; typing: boolean }
  | { k: 'vread'; ticketId: string; seq: number }
  | { k: 'aread'; conversationId: string; seq: number };

const REPLAY_BATCH = 200;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): boolean {
  const set = map.get(key);
  if (!set) return false;
  set.delete(value);
  if (set.size === 0) map.delete(key);
  return !map.has(key);
}

/**
 * The chat sockets of this process and what reaches them: messages in `seq` order without gaps
 * (a gap is filled from the database), status changes, typing and read marks from other
 * processes (through the bus), rings for agents, and availability for visitors. Also keeps
 * connected visitors from counting as gone and ends the chats of visitors who are.
 */
export class ChatHub {
  private readonly byConversation = new Map<string, Set<VisitorConn>>();
  private readonly byVisitor = new Map<string, Set<VisitorConn>>();
  private readonly byChannel = new Map<string, Set<VisitorConn>>();
  private readonly agents = new Set<AgentConn>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stops: (() => void)[] = [];
  private ringTimer: NodeJS.Timeout | null = null;
  private availabilityTimer: NodeJS.Timeout | null = null;

  constructor(private readonly services: Services) {}

  private get db() {
    return this.services.database.db;
  }

  private fail = (err: unknown) => this.services.log.warn({ err }, 'chat delivery failed');

  start(): void {
    this.stops.push(this.services.events.subscribeLive((e) => this.onEvent(e)));
    this.stops.push(this.services.events.bus.subscribe('chat', (m) => void this.onBus(m as ChatBusMessage).catch(this.fail)));
    const grace = this.services.config.CHAT_LEAVE_GRACE_SECONDS * 1000;
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const t = setInterval(() => void fn().catch(this.fail), ms);
      t.unref();
      this.timers.push(t);
    };
    const touch = () => touchConversations(this.db, [...this.byConversation.keys()], this.services.clock.now());
    every(Math.min(15_000, Math.max(250, grace / 3)), touch);
    // The sockets held here are alive whatever the last heartbeat says: refresh them first.
    every(Math.min(10_000, Math.max(500, grace / 2)), async () => {
      await touch();
      await sweepLeftVisitors(this.services);
    });
    every(15_000, () => this.reconcileRings());
    every(60_000, () => this.refreshAvailability());
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const s of this.stops.splice(0)) s();
    if (this.ringTimer) clearTimeout(this.ringTimer);
    if (this.availabilityTimer) clearTimeout(this.availabilityTimer);
  }

  // Visitors

  addVisitor(c: VisitorConn): void {
    addTo(this.byVisitor, c.visitorId, c);
    addTo(this.byChannel, c.channelId, c);
    if (c.conversationId) addTo(this.byConversation, c.conversationId, c);
  }

  removeVisitor(c: VisitorConn): void {
    removeFrom(this.byVisitor, c.visitorId, c);
    removeFrom(this.byChannel, c.channelId, c);
    // The last socket of a conversation in this process: the grace period starts now.
    if (c.conversationId && removeFrom(this.byConversation, c.conversationId, c)) {
      void touchConversations(this.db, [c.conversationId], this.services.clock.now()).catch(this.fail);
    }
  }

  /** Points a socket at a (new) conversation; nothing of it was sent yet. */
  setConversation(c: VisitorConn, conversationId: string, ticketId: string): void {
    if (c.conversationId === conversationId) return;
    if (c.conversationId) removeFrom(this.byConversation, c.conversationId, c);
    c.conversationId = conversationId;
    c.ticketId = ticketId;
    if (c.sentSeq !== null) c.sentSeq = 0;
    addTo(this.byConversation, conversationId, c);
  }

  private enqueue(c: VisitorConn, job: () => Promise<void>): void {
    c.queue = c.queue.then(job).catch(this.fail);
  }

  /** The widget's hello: replays everything after `lastSeq`, in order, then live messages follow. */
  hello(c: VisitorConn, lastSeq: number): void {
    this.enqueue(c, async () => {
      // A mark beyond this conversation's end belongs to another one: replay it all (the widget dedupes).
      const last = c.conversationId ? ((await conversationContext(this.db, c.conversationId))?.lastSeq ?? 0) : 0;
      c.sentSeq = lastSeq > last ? 0 : lastSeq;
      await this.fill(c, undefined);
    });
  }

  /** Makes sure this socket has everything up to `seq` (after its own message, say). */
  catchUp(c: VisitorConn, seq: number): void {
    this.enqueue(c, async () => {
      if (c.sentSeq !== null && seq > c.sentSeq) await this.fill(c, seq);
    });
  }

  /** Sends the stored messages after `sentSeq` (up to `upTo`), in batches. */
  private async fill(c: VisitorConn, upTo: number | undefined): Promise<void> {
    const convId = c.conversationId;
    if (!convId || c.sentSeq === null) return;
    const ctx = await deliveryContext(this.db, convId);
    if (!ctx) return;
    for (;;) {
      const rows = await chatMessagesOf(this.db, convId, c.sentSeq, upTo, REPLAY_BATCH);
      if (rows.length === 0 || c.conversationId !== convId) return;
      const atts = await attachmentsOf(this.db, rows.map((r) => r.messageId));
      for (const r of rows) c.send({ type: 'message', conversationId: convId, message: presentChatMessage(r, atts, 'visitor', ctx.visitorName) });
      c.sentSeq = rows[rows.length - 1]!.seq;
      if (rows.length < REPLAY_BATCH) return;
    }
  }

  private deliver(c: VisitorConn, conversationId: string, message: ChatMessage): void {
    this.enqueue(c, async () => {
      if (c.sentSeq === null || c.conversationId !== conversationId || message.seq <= c.sentSeq) return;
      if (message.seq === c.sentSeq + 1) {
        c.send({ type: 'message', conversationId, message });
        c.sentSeq = message.seq;
      } else {
        await this.fill(c, message.seq);
      }
    });
  }

  // Agents

  agentConnected(a: AgentConn): void {
    this.agents.add(a);
    this.scheduleRings();
  }

  agentDisconnected(a: AgentConn): void {
    this.agents.delete(a);
  }

  private agentsWhoSee(t: { teamId: string | null; assigneeId: string | null }): AgentConn[] {
    return [...this.agents].filter((a) => canSeeTicket(a.actor, t));
  }

  /** `chat.typing` and `chat.read` from an agent's socket, on a chat the agent may see (else silence). */
  async handleAgent(a: AgentConn, msg: AgentChatClientMessage): Promise<void> {
    const t = await ticketAccess(this.db, msg.ticketId);
    if (!t || !canSeeTicket(a.actor, t)) return;
    const conv = await conversationOfTicket(this.db, msg.ticketId);
    if (!conv) return;
    if (msg.type === 'chat.typing') {
      if (conv.status === 'ended') return;
      this.services.events.bus.publish('chat', { k: 'atyping', conversationId: conv.id, name: a.name, typing: msg.typing } satisfies ChatBusMessage);
      return;
    }
    const [row] = await this.db
      .update(chatConversations)
      .set({ agentReadSeq: sql`greatest(${chatConversations.agentReadSeq}, least(${msg.seq}, ${chatConversations.lastSeq}))` })
      .where(eq(chatConversations.id, conv.id))
      .returning({ seq: chatConversations.agentReadSeq });
    this.services.events.bus.publish('chat', { k: 'aread', conversationId: conv.id, seq: row!.seq } satisfies ChatBusMessage);
  }

  /** A visitor's typing flag or read mark, for the agents in every process. */
  visitorTyping(ticketId: string, typing: boolean): void {
    this.services.events.bus.publish('chat', { k: 'vtyping', ticketId, typing } satisfies ChatBusMessage);
  }

  visitorRead(ticketId: string, seq: number): void {
    this.services.events.bus.publish('chat', { k: 'vread', ticketId, seq } satisfies ChatBusMessage);
  }

  // Incoming

  private async onBus(m: ChatBusMessage): Promise<void> {
    if (m.k === 'atyping' || m.k === 'aread') {
      for (const c of this.byConversation.get(m.conversationId) ?? []) {
        c.send(m.k === 'atyping' ? { type: 'typing', name: m.name, typing: m.typing } : { type: 'read', seq: m.seq });
      }
      return;
    }
    if (this.agents.size === 0) return;
    const t = await ticketAccess(this.db, m.ticketId);
    if (!t) return;
    const msg: AgentChatServerMessage = m.k === 'vtyping' ? { type: 'chat.typing', ticketId: m.ticketId, typing: m.typing, preview: '' } : { type: 'chat.read', ticketId: m.ticketId, seq: m.seq };
    for (const a of this.agentsWhoSee(t)) a.send(msg);
  }

  private async onEvent(e: DispatchedEvent): Promise<void> {
    switch (e.type) {
      case 'chat.message_posted':
        return this.messagePosted(e.payload.conversationId, e.payload.messageId);
      case 'chat.updated':
        await this.chatUpdated(e.payload.conversationId, e.payload.change);
        this.scheduleRings();
        if (e.payload.change !== 'started') this.scheduleAvailability();
        return;
      case 'ticket.updated':
        if (e.payload.changes.some((c) => c === 'team_changed' || c === 'assignee_changed')) this.scheduleRings();
        return;
      case 'agent.status_changed':
      case 'agent.routing_updated':
      case 'agent.updated':
      case 'team.routing_updated':
        this.scheduleRings();
        this.scheduleAvailability();
        return;
      default:
        return;
    }
  }

  private async messagePosted(conversationId: string, messageId: string): Promise<void> {
    const visitors = this.byConversation.get(conversationId);
    if (!visitors?.size && this.agents.size === 0) return;
    const [row, ctx] = await Promise.all([chatMessageById(this.db, messageId), deliveryContext(this.db, conversationId)]);
    if (!row || !ctx) return;
    const atts = await attachmentsOf(this.db, [messageId]);
    if (visitors?.size) {
      const forVisitor = presentChatMessage(row, atts, 'visitor', ctx.visitorName);
      for (const c of this.byConversation.get(conversationId) ?? []) this.deliver(c, conversationId, forVisitor);
    }
    const agents = this.agentsWhoSee(ctx);
    if (agents.length) {
      const message = presentChatMessage(row, atts, 'agent', ctx.visitorName);
      for (const a of agents) a.send({ type: 'chat.message', ticketId: ctx.ticketId, message });
    }
  }

  private async chatUpdated(conversationId: string, change: string): Promise<void> {
    const ctx = await conversationContext(this.db, conversationId);
    if (!ctx) return;
    if (change === 'started') {
      for (const c of this.byVisitor.get(ctx.visitorId) ?? []) this.setConversation(c, conversationId, ctx.ticketId);
    }
    const summary = presentSummary({ id: ctx.conversationId, status: ctx.status, agentId: ctx.agentId, lastSeq: ctx.lastSeq, agentReadSeq: ctx.agentReadSeq, surveyOffer: ctx.surveyOffer }, ctx.agentName);
    for (const c of this.byConversation.get(conversationId) ?? []) this.enqueue(c, async () => c.send({ type: 'status', conversation: summary }));
  }

  // Rings and availability, recomputed from the database after anything that can change them

  private scheduleRings(): void {
    if (this.ringTimer || this.agents.size === 0) return;
    this.ringTimer = setTimeout(() => {
      this.ringTimer = null;
      void this.reconcileRings().catch(this.fail);
    }, 50);
  }

  private scheduleAvailability(): void {
    if (this.availabilityTimer || this.byChannel.size === 0) return;
    this.availabilityTimer = setTimeout(() => {
      this.availabilityTimer = null;
      void this.refreshAvailability().catch(this.fail);
    }, 100);
  }

  /**
   * Rings each agent socket for the waiting chats it may take now (online, in the chat's team,
   * below the chat limit, allowed to see the ticket) and stops the rings that no longer apply.
   */
  async reconcileRings(): Promise<void> {
    if (this.agents.size === 0) return;
    const waiting = await waitingChats(this.db);
    const states = await chatAgentStates(this.db, [...new Set([...this.agents].map((a) => a.actor.id))]);
    for (const a of this.agents) {
      const state = states.get(a.actor.id);
      const due = new Set(waiting.filter((w) => state && canSeeTicket(a.actor, w) && canTakeChat(state, w.teamId)).map((w) => w.ticketId));
      for (const w of waiting) {
        if (due.has(w.ticketId) && !a.rung.has(w.ticketId)) {
          a.rung.add(w.ticketId);
          a.send(w.ring);
        }
      }
      for (const ticketId of [...a.rung]) {
        if (due.has(ticketId)) continue;
        a.rung.delete(ticketId);
        a.send({ type: 'chat.ring_stopped', ticketId });
      }
    }
  }

  /** Tells visitors when live chat starts or stops being offered on their channel. */
  async refreshAvailability(): Promise<void> {
    const now = this.services.clock.now();
    for (const [channelId, conns] of this.byChannel) {
      const channel = await findChatChannel(this.db, channelId);
      const online = channel ? await channelOnline(this.db, channel, now) : false;
      for (const c of conns) {
        if (c.online === online) continue;
        c.online = online;
        c.send({ type: 'online', online });
      }
    }
  }

  /** Whether the visitor's channel offers live chat now (for the welcome). */
  async onlineNow(channelId: string): Promise<boolean> {
    const channel = await findChatChannel(this.db, channelId);
    return channel ? channelOnline(this.db, channel, this.services.clock.now()) : false;
  }
}
