import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { CHAT_MESSAGE_MAX, VisitorClientMessage, type VisitorServerMessage } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { makeCtx } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/crypto.ts';
import { findChatChannel, findConversation, findVisitorByToken, type ChatChannelRow, type ChatVisitorRow } from './repository.ts';
import { visitorConversation } from './sessions.ts';
import { postVisitorMessage, startChat, visitorEnd, visitorRead } from './visitor-actions.ts';
import { assertOrigin } from './origin.ts';
import { RateLimiter } from './rate-limit.ts';
import type { ChatHub, VisitorConn } from './hub.ts';
import type { ChatBot } from '../knowledge/bot/chat-bot.ts';

/** Sockets one visitor may hold in one process (tabs). */
const MAX_SOCKETS_PER_VISITOR = 10;
/** A typing flag is passed on at most this often while it stays on. */
const TYPING_EVERY_MS = 2_000;
/** How stale a socket's copy of its channel's settings may be. */
const CHANNEL_CACHE_MS = 5_000;
/** When a socket checks that its own message came back to it. */
const CATCH_UP_AFTER_MS = 1_000;

const INVALID_JSON = Symbol('invalid JSON');

type ErrorCode = Extract<VisitorServerMessage, { type: 'error' }>['code'];

function errorCode(err: AppError): ErrorCode {
  switch (err.code) {
    case 'rate_limited':
      return 'rate_limited';
    case 'payload_too_large':
      return 'too_large';
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
      return 'unauthorized';
    case 'conflict':
      return 'ended';
    default:
      return 'invalid';
  }
}

/**
 * The widget's WebSocket at /api/v1/chat/ws?token=…: the token names the visitor and with it
 * the only conversation this socket can ever reach; the Origin must be allowed for the token's
 * channel. Messages are acknowledged only after they are stored; in a conversation with the
 * answer bot, the bot answers each one after that.
 */
export function visitorSocketRoute(app: App, services: Services, hub: ChatHub, bot: ChatBot): void {
  const db = services.database.db;
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  const messages = new RateLimiter(services.config.CHAT_VISITOR_MESSAGES_PER_10S, 10_000);
  const uploadsAndActions = new RateLimiter(60, 60_000);
  const perVisitor = new Map<string, number>();
  const found = new WeakMap<FastifyRequest, { visitor: ChatVisitorRow; channel: ChatChannelRow }>();

  app.get(
    '/api/v1/chat/ws',
    {
      websocket: true,
      config: { public: true },
      schema: { hide: true },
      preValidation: async (req) => {
        const token = (req.query as { token?: unknown }).token;
        if (typeof token !== 'string' || token.length < 20 || token.length > 200) throw new AppError('unauthorized', 'a chat session token is needed');
        const row = await findVisitorByToken(db, token);
        if (!row) throw new AppError('unauthorized', 'this chat session is not valid; start a new one');
        if (!row.channel.active) throw new AppError('not_found', 'chat channel not found');
        assertOrigin(req, row.channel, services.config.PUBLIC_URL);
        if ((perVisitor.get(row.visitor.id) ?? 0) >= MAX_SOCKETS_PER_VISITOR) throw new AppError('rate_limited', 'too many open chat windows');
        found.set(req, row);
      },
    },
    (socket: WebSocket, req) => {
      const { visitor } = found.get(req)!;
      const conn: VisitorConn = {
        id: randomToken(9),
        visitorId: visitor.id,
        channelId: visitor.channelId,
        conversationId: null,
        ticketId: null,
        sentSeq: null,
        online: null,
        queue: Promise.resolve(),
        send: (msg) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
        },
      };
      perVisitor.set(visitor.id, (perVisitor.get(visitor.id) ?? 0) + 1);
      let typingSentAt = 0;
      // Listeners go on before anything is awaited, so nothing sent right after connecting is lost.
      const ready = welcome(conn).catch((err) => services.log.warn({ err }, 'chat welcome failed'));
      let queue: Promise<void> = Promise.resolve();
      socket.on('message', (raw) => {
        let data: unknown = INVALID_JSON;
        try {
          data = JSON.parse(raw.toString());
        } catch {
          // answered in order below
        }
        // A flood is counted as it arrives, not as fast as the server gets through it.
        if ((data as { type?: unknown })?.type === 'message' && !messages.take(conn.visitorId)) {
          return conn.send({ type: 'error', code: 'rate_limited', message: `at most ${services.config.CHAT_VISITOR_MESSAGES_PER_10S} messages in 10 seconds; please wait a moment` });
        }
        queue = queue.then(() => ready).then(() => handle(data)).catch((err) => {
          if (err instanceof AppError) return conn.send({ type: 'error', code: errorCode(err), message: err.message });
          services.log.warn({ err }, 'chat visitor message failed');
          conn.send({ type: 'error', code: 'invalid', message: 'the message could not be handled' });
        });
      });
      socket.on('close', () => {
        const n = (perVisitor.get(visitor.id) ?? 1) - 1;
        if (n > 0) perVisitor.set(visitor.id, n);
        else perVisitor.delete(visitor.id);
        hub.removeVisitor(conn);
      });

      async function welcome(c: VisitorConn): Promise<void> {
        const now = services.clock.now();
        const summary = await visitorConversation(db, c.visitorId, now);
        if (summary) {
          const conv = await findConversation(db, summary.id);
          c.conversationId = summary.id;
          c.ticketId = conv?.ticketId ?? null;
        }
        hub.addVisitor(c);
        c.online = await hub.onlineNow(c.channelId);
        c.send({ type: 'welcome', visitorId: c.visitorId, conversation: summary, online: c.online });
      }

      // The channel's settings, read again at most every few seconds.
      let cached: { row: ChatChannelRow | undefined; at: number } | null = null;
      async function channel(): Promise<ChatChannelRow> {
        if (!cached || Date.now() - cached.at > CHANNEL_CACHE_MS) cached = { row: await findChatChannel(db, conn.channelId), at: Date.now() };
        if (!cached.row?.active) throw new AppError('unauthorized', 'this chat is not available');
        return cached.row;
      }

      async function handle(data: unknown): Promise<void> {
        if (data === INVALID_JSON) throw new AppError('validation_failed', 'messages must be JSON');
        const text = (data as { type?: unknown; text?: unknown })?.text;
        if ((data as { type?: unknown })?.type === 'message' && typeof text === 'string' && text.trim().length > CHAT_MESSAGE_MAX) {
          throw new AppError('payload_too_large', `a message may have at most ${CHAT_MESSAGE_MAX} characters`);
        }
        const r = VisitorClientMessage.safeParse(data);
        if (!r.success) throw new AppError('validation_failed', 'unknown or invalid message');
        const msg = r.data;
        switch (msg.type) {
          case 'ping':
            return conn.send({ type: 'pong' });
          case 'hello':
            return hub.hello(conn, msg.lastSeq);
          case 'start': {
            if (!uploadsAndActions.take(conn.visitorId)) throw new AppError('rate_limited', 'slow down a little');
            const summary = await startChat(ctx, conn.visitorId, await channel(), msg.form ?? {});
            const conv = await findConversation(db, summary.id);
            hub.setConversation(conn, summary.id, conv!.ticketId);
            return conn.send({ type: 'status', conversation: summary });
          }
          case 'message': {
            const { ack, opened, botTurn } = await postVisitorMessage(ctx, conn.visitorId, await channel(), msg);
            hub.setConversation(conn, ack.conversationId, ack.ticketId);
            if (opened) conn.send({ type: 'status', conversation: opened });
            conn.send({ type: 'ack', clientId: ack.clientId, id: ack.id, seq: ack.seq, at: ack.at });
            // The answer reaches the visitor like any message; the socket takes the next message meanwhile.
            if (botTurn) void bot.visitorWrote(ack.conversationId, ack.id);
            // The message comes back to this socket with the live event; should that be lost, from the database.
            setTimeout(() => hub.catchUp(conn, ack.seq), CATCH_UP_AFTER_MS).unref();
            return;
          }
          case 'typing': {
            if (!conn.ticketId) return;
            const now = Date.now();
            if (msg.typing && now - typingSentAt < TYPING_EVERY_MS) return;
            if (!msg.typing && typingSentAt === 0) return;
            typingSentAt = msg.typing ? now : 0;
            return hub.visitorTyping(conn.ticketId, msg.typing);
          }
          case 'read': {
            const mark = await visitorRead(ctx, conn.visitorId, msg.seq);
            if (mark) hub.visitorRead(mark.ticketId, mark.seq);
            return;
          }
          case 'end': {
            const summary = await visitorEnd(ctx, conn.visitorId);
            if (summary) conn.send({ type: 'status', conversation: summary });
            return;
          }
          case 'bot': {
            if (!uploadsAndActions.take(conn.visitorId)) throw new AppError('rate_limited', 'slow down a little');
            return bot.visitorAction(conn.visitorId, msg.action);
          }
        }
      }
    },
  );
}
