import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { eq } from 'drizzle-orm';
import { AgentChatClientMessage, ClientMessage, type AgentChatServerMessage, type PresenceViewer, type ServerMessage } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { DispatchedEvent } from '../../platform/events.ts';
import { AppError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/crypto.ts';
import { authenticate } from '../auth/authenticate.ts';
import { findAgent, teamIdsOf } from '../auth/repository.ts';
import { tickets } from '../tickets/schema.ts';
import { canSeeTicket } from '../tickets/policies.ts';
import { PresenceBoard } from './presence.ts';
import type { AgentChatLink, AgentConn } from '../chat/index.ts';

interface Client {
  id: string;
  socket: WebSocket;
  actor: AgentActor;
  name: string;
  viewing: Set<string>;
  chat: AgentConn;
}

const MAX_VIEWING = 20;
/** How long another process's presence counts without being repeated (it repeats every 20 s). */
const REMOTE_PRESENCE_TTL_MS = 45_000;

/**
 * The agent WebSocket at /ws: pushes ticket events the agent may see, and keeps presence
 * (who views a ticket, who types a reply). Signed in by the session cookie; cross-site
 * connection attempts are refused by an Origin check.
 */
export async function realtimeRoutes(app: App, services: Services, chat?: AgentChatLink): Promise<void> {
  const db = services.database.db;
  const clients = new Set<Client>();
  const board = new PresenceBoard();

  // Room for the widget's socket too: a chat message of CHAT_MESSAGE_MAX characters, JSON-escaped.
  await app.register(websocket, { options: { maxPayload: 32 * 1024 } });

  const send = (c: Client, msg: ServerMessage | AgentChatServerMessage) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(msg));
  };

  // Presence in the other processes, as they last published it: ticket → process → viewers.
  const origin = randomToken(9);
  const remotePresence = new Map<string, Map<string, { viewers: PresenceViewer[]; until: number }>>();

  /** Viewers of a ticket across all processes: this one's board plus what the others told. */
  function viewersOf(ticketId: string, now: number): PresenceViewer[] {
    const byAgent = new Map<string, PresenceViewer>();
    for (const v of board.viewers(ticketId, now)) byAgent.set(v.agentId, v);
    for (const r of remotePresence.get(ticketId)?.values() ?? []) {
      if (r.until < now) continue;
      for (const v of r.viewers) {
        const known = byAgent.get(v.agentId);
        byAgent.set(v.agentId, known ? { ...known, typing: known.typing || v.typing } : v);
      }
    }
    return [...byAgent.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  const sharePresence = (ticketId: string) => services.events.bus.publish('presence', { o: origin, ticketId, viewers: board.viewers(ticketId, Date.now()) });

  async function broadcastPresence(ticketId: string, share = true): Promise<void> {
    if (share) sharePresence(ticketId);
    const viewers = viewersOf(ticketId, Date.now());
    const [t] = await db.select({ teamId: tickets.teamId, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, ticketId));
    for (const c of clients) {
      if (c.viewing.has(ticketId) && t && canSeeTicket(c.actor, t)) send(c, { type: 'presence', ticketId, viewers });
    }
  }

  async function deliver(event: DispatchedEvent): Promise<void> {
    // Notifications are one agent's own business: only that agent's tabs get them.
    if (event.type === 'notification.created' || event.type === 'notification.read') {
      const msg: ServerMessage = { type: 'event', event: { type: event.type, payload: event.payload as unknown as Record<string, unknown>, actor: event.actor } };
      for (const c of clients) if (c.actor.id === event.payload.agentId) send(c, msg);
      return;
    }
    // Chat messages reach agents as `chat.message`, with the message itself (modules/chat).
    if (event.type === 'chat.message_posted') return;
    const ticketId = (event.payload as { ticketId?: string }).ticketId;
    if (!ticketId || clients.size === 0) return;
    const [t] = await db.select({ teamId: tickets.teamId, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, ticketId));
    if (!t) return;
    const msg: ServerMessage = { type: 'event', event: { type: event.type, payload: event.payload as Record<string, unknown>, actor: event.actor } };
    for (const c of clients) if (canSeeTicket(c.actor, t)) send(c, msg);
  }

  // Live: every process with sockets hears every committed event (see EventDispatcher).
  const unsubscribe = services.events.subscribeLive(deliver);
  const unsubscribePresence = services.events.bus.subscribe('presence', (m) => {
    const p = m as { o: string; ticketId: string; viewers: PresenceViewer[] };
    if (p.o === origin) return;
    let r = remotePresence.get(p.ticketId);
    if (!r) remotePresence.set(p.ticketId, (r = new Map()));
    if (p.viewers.length) r.set(p.o, { viewers: p.viewers, until: Date.now() + REMOTE_PRESENCE_TTL_MS });
    else r.delete(p.o);
    if (r.size === 0) remotePresence.delete(p.ticketId);
    void broadcastPresence(p.ticketId, false).catch(() => undefined);
  });
  // Repeat this process's presence for the other processes, and forget theirs once it is stale.
  const repeater = setInterval(() => {
    const now = Date.now();
    for (const ticketId of new Set([...clients].flatMap((c) => [...c.viewing]))) sharePresence(ticketId);
    for (const [ticketId, r] of remotePresence) {
      const before = r.size;
      for (const [o, e] of r) if (e.until < now) r.delete(o);
      if (r.size === 0) remotePresence.delete(ticketId);
      if (r.size !== before) void broadcastPresence(ticketId, false).catch(() => undefined);
    }
  }, 20_000);
  repeater.unref();
  const sweeper = setInterval(() => {
    for (const ticketId of board.expireTyping(Date.now())) void broadcastPresence(ticketId).catch(() => undefined);
  }, 2_000);
  sweeper.unref();
  // Team membership can change while a socket is open; refresh it so visibility follows.
  const refresher = setInterval(() => {
    for (const c of clients) void teamIdsOf(db, c.actor.id).then((ids) => (c.actor.teamIds = ids)).catch(() => undefined);
  }, 30_000);
  refresher.unref();
  app.addHook('onClose', async () => {
    unsubscribe();
    unsubscribePresence();
    clearInterval(repeater);
    clearInterval(sweeper);
    clearInterval(refresher);
    for (const c of clients) c.socket.close(1001, 'server shutting down');
  });

  app.get(
    '/ws',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (req) => {
        const origin = req.headers.origin;
        if (origin && new URL(origin).host !== req.host) throw new AppError('forbidden', 'cross-origin WebSocket refused');
        const actor = await authenticate(services, req);
        if (!actor) throw new AppError('unauthorized', 'sign in first');
        req.actor = actor;
      },
    },
    (socket, req) => {
      const actor = req.actor!;
      const client = { id: randomToken(9), socket, actor, name: '', viewing: new Set() } as Client;
      client.chat = { id: client.id, actor, get name() { return client.name; }, send: (m) => send(client, m), rung: new Set() };
      clients.add(client);
      // Listeners go on before anything is awaited, so a message sent right after connecting is
      // not lost; handling waits until the agent's name is known.
      const ready = findAgent(db, actor.id).then((agent) => {
        client.name = agent?.name ?? '';
        if (clients.has(client)) chat?.connected(client.chat);
      });
      let queue = Promise.resolve();
      socket.on('message', (raw) => {
        const text = raw.toString();
        queue = queue
          .then(() => ready)
          .then(() => handle(client, text))
          .catch((err) => {
            services.log.warn({ err }, 'websocket message failed');
            send(client, { type: 'error', message: 'message could not be handled' });
          });
      });
      socket.on('close', () => {
        clients.delete(client);
        chat?.disconnected(client.chat);
        for (const ticketId of client.viewing) {
          if (board.leave(ticketId, actor.id, client.id)) void broadcastPresence(ticketId).catch(() => undefined);
        }
      });
      send(client, { type: 'hello', agentId: actor.id });
    },
  );

  async function handle(c: Client, raw: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return send(c, { type: 'error', message: 'messages must be JSON' });
    }
    if (chat && typeof (parsed as { type?: unknown })?.type === 'string' && (parsed as { type: string }).type.startsWith('chat.')) {
      const m = AgentChatClientMessage.safeParse(parsed);
      if (!m.success) return send(c, { type: 'error', message: 'unknown or invalid message' });
      return chat.handle(c.chat, m.data);
    }
    const r = ClientMessage.safeParse(parsed);
    if (!r.success) return send(c, { type: 'error', message: 'unknown or invalid message' });
    const msg = r.data;
    if (msg.type === 'ping') return send(c, { type: 'pong' });
    if (msg.type === 'leave') {
      c.viewing.delete(msg.ticketId);
      if (board.leave(msg.ticketId, c.actor.id, c.id)) await broadcastPresence(msg.ticketId);
      return;
    }
    const [t] = await db.select({ teamId: tickets.teamId, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, msg.ticketId));
    // A ticket the agent may not see behaves exactly like one that does not exist: silence.
    if (!t || !canSeeTicket(c.actor, t)) return;
    if (msg.type === 'view') {
      if (!c.viewing.has(msg.ticketId) && c.viewing.size >= MAX_VIEWING) return send(c, { type: 'error', message: 'viewing too many tickets' });
      c.viewing.add(msg.ticketId);
      board.view(msg.ticketId, c.actor.id, c.name, c.id);
      return broadcastPresence(msg.ticketId);
    }
    if (c.viewing.has(msg.ticketId) && board.typing(msg.ticketId, c.actor.id, msg.typing, Date.now())) await broadcastPresence(msg.ticketId);
  }
}
