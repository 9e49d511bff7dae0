import type { VisitorClientMessage, VisitorServerMessage } from '@servus/shared';

export type SocketState = 'connecting' | 'open' | 'closed';

/** Delay before reconnect attempt `n` (0-based): 1 s doubling up to 20 s, with ±20 % jitter. */
export function reconnectDelay(attempt: number, random = Math.random): number {
  return Math.round(Math.min(20_000, 1000 * 2 ** attempt) * (0.8 + random() * 0.4));
}

/** Parses one frame from the server; anything that is not a known message is dropped. */
export function parseVisitorMessage(data: unknown): VisitorServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const msg = JSON.parse(data) as { type?: unknown };
    const known = ['welcome', 'message', 'ack', 'typing', 'read', 'status', 'online', 'pong', 'error'];
    return msg && typeof msg === 'object' && typeof msg.type === 'string' && known.includes(msg.type) ? (msg as VisitorServerMessage) : null;
  } catch {
    return null;
  }
}

interface Options {
  url: () => string;
  onOpen(): void;
  onMessage(msg: VisitorServerMessage): void;
  onState(state: SocketState): void;
  createSocket?: (url: string) => WebSocket;
}

/**
 * The visitor's WebSocket: reconnects with backoff after any loss, pings so proxies keep it open,
 * and calls `onOpen` on every (re)connect so the caller can say `hello` and resend what is unacked.
 */
export class VisitorSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private stopped = true;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private ping: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly opts: Options) {}

  get isOpen(): boolean {
    return this.ws?.readyState === 1;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.ping) clearInterval(this.ping);
    const ws = this.ws;
    this.ws = null;
    ws?.close();
    this.opts.onState('closed');
  }

  /** Sends when connected; returns false otherwise (the caller keeps the message for the next connect). */
  send(msg: VisitorClientMessage): boolean {
    if (!this.isOpen) return false;
    this.ws!.send(JSON.stringify(msg));
    return true;
  }

  /** Connects again at once (the browser came back online, or the tab became visible). */
  wake(): void {
    if (this.stopped || this.ws) return;
    if (this.retry) clearTimeout(this.retry);
    this.open();
  }

  private open(): void {
    this.retry = null;
    this.opts.onState('connecting');
    const url = this.opts.url();
    const ws = this.opts.createSocket ? this.opts.createSocket(url) : new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.opts.onState('open');
      if (this.ping) clearInterval(this.ping);
      this.ping = setInterval(() => this.send({ type: 'ping' }), 25_000);
      this.opts.onOpen();
    };
    ws.onmessage = (e) => {
      const msg = parseVisitorMessage(e.data);
      if (msg) this.opts.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.ping) clearInterval(this.ping);
      if (this.stopped) return;
      this.opts.onState('connecting');
      this.retry = setTimeout(() => this.open(), reconnectDelay(this.attempt++));
    };
    ws.onerror = () => ws.close();
  }
}
