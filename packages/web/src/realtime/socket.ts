import type { AgentChatClientMessage } from '@servus/shared';
import { parseServerMessage, type ClientMessage, type ServerMessage } from './messages';

const TYPING_RENEW_MS = 3000;

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** Delay before reconnect attempt `n` (0-based): 1 s doubling to 30 s, with ±20 % jitter. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.8 + random() * 0.4));
}

interface Options {
  url: string;
  onMessage(msg: ServerMessage): void;
  onState(state: ConnectionState): void;
  /** Called after a connection that replaced a lost one: the app refetches what it may have missed. */
  onReconnect(): void;
  createSocket?: (url: string) => WebSocket;
}

/**
 * The WebSocket to `/ws`: reconnects with backoff, pings to keep proxies from closing it, and
 * re-announces the tickets being viewed (and typing state) after every reconnect.
 */
export class RealtimeClient {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private everOpened = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly viewing = new Set<string>();
  private readonly typing = new Map<string, number>();

  constructor(private readonly opts: Options) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.ws?.close();
    this.ws = null;
  }

  /** Announces that this tab shows a ticket (presence), until `leave`. */
  view(ticketId: string): void {
    this.viewing.add(ticketId);
    this.send({ type: 'view', ticketId });
  }

  leave(ticketId: string): void {
    this.viewing.delete(ticketId);
    this.typing.delete(ticketId);
    this.send({ type: 'leave', ticketId });
  }

  /** Reports typing; while it goes on, the flag is renewed every few seconds (the server lets it lapse). */
  setTyping(ticketId: string, typing: boolean, now = Date.now()): void {
    const since = this.typing.get(ticketId);
    if (typing && since !== undefined && now - since < TYPING_RENEW_MS) return;
    if (!typing && since === undefined) return;
    if (typing) this.typing.set(ticketId, now);
    else this.typing.delete(ticketId);
    this.send({ type: 'typing', ticketId, typing });
  }

  /** Tells a chat's visitor that the agent has read up to a message (or other chat news); dropped while offline. */
  chat(msg: AgentChatClientMessage): void {
    this.send(msg);
  }

  private readonly chats = new Set<string>();
  private readonly chatTypingAt = new Map<string, { at: number; stop: ReturnType<typeof setTimeout> }>();

  /** Marks a ticket as a live chat shown in this tab, so the agent's typing reaches the visitor; returns the undo. */
  watchChat(ticketId: string): () => void {
    this.chats.add(ticketId);
    return () => {
      this.chatTyping(ticketId, false);
      this.chats.delete(ticketId);
    };
  }

  /**
   * The agent types a public reply on a watched chat: the visitor sees "typing…". Renewed every
   * few seconds while it goes on, and stopped by itself after a pause.
   */
  chatTyping(ticketId: string, typing: boolean, now = Date.now()): void {
    if (!this.chats.has(ticketId)) return;
    const current = this.chatTypingAt.get(ticketId);
    if (current) clearTimeout(current.stop);
    if (!typing) {
      this.chatTypingAt.delete(ticketId);
      if (current) this.send({ type: 'chat.typing', ticketId, typing: false });
      return;
    }
    const stop = setTimeout(() => this.chatTyping(ticketId, false), TYPING_RENEW_MS + 2000);
    if (current && now - current.at < TYPING_RENEW_MS) {
      this.chatTypingAt.set(ticketId, { at: current.at, stop });
      return;
    }
    this.chatTypingAt.set(ticketId, { at: now, stop });
    this.send({ type: 'chat.typing', ticketId, typing: true });
  }

  private send(msg: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private open(): void {
    this.opts.onState('connecting');
    const ws = this.opts.createSocket ? this.opts.createSocket(this.opts.url) : new WebSocket(this.opts.url);
    this.ws = ws;
    ws.onopen = () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      this.opts.onState('open');
      for (const id of this.viewing) this.send({ type: 'view', ticketId: id });
      for (const id of this.typing.keys()) this.send({ type: 'typing', ticketId: id, typing: true });
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), 25_000);
      if (reconnected) this.opts.onReconnect();
    };
    ws.onmessage = (e) => {
      const msg = parseServerMessage(e.data);
      if (msg) this.opts.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.opts.onState('closed');
      if (this.stopped) return;
      this.retryTimer = setTimeout(() => this.open(), backoffDelay(this.attempt++));
    };
    ws.onerror = () => ws.close();
  }
}

/** The `/ws` URL on this page's host, `wss:` under https. */
export function socketUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}
