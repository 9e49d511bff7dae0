import type { ChatAttachment, ChatConversationSummary, ChatWidgetConfig, VisitorServerMessage } from '@servus/shared';
import type { BridgeIdentity } from '../bridge';
import { WidgetApiError, visitorSocketUrl, widgetApi } from './api';
import type { Locale } from './i18n';
import { MessageStore, type ShownMessage } from './message-store';
import { VisitorSocket } from './socket';
import { ChatStorage } from './storage';

/** Largest visitor message in characters (the server's CHAT_MESSAGE_MAX). */
export const MESSAGE_MAX = 4_000;
const TYPING_RENEW_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const AGENT_TYPING_TIMEOUT_MS = 8_000;

export type Notice = 'rateLimited' | 'failed' | 'ended' | null;

/** Everything the chat frame shows, as one snapshot. */
export interface ChatState {
  phase: 'loading' | 'unavailable' | 'error' | 'ready';
  config: ChatWidgetConfig | null;
  online: boolean;
  connection: 'idle' | 'connecting' | 'open';
  /** True once a socket was open before: a later 'connecting' is a reconnect. */
  wasConnected: boolean;
  conversation: ChatConversationSummary | null;
  messages: ShownMessage[];
  /** The name of the agent who is typing right now. */
  agentTyping: string | null;
  open: boolean;
  notice: Notice;
  /** The visitor's email when known (pre-chat form, identity, offline form). */
  email: string | null;
  /** A new chat was asked for after the last one ended (show the form or composer, not the ended note). */
  fresh: boolean;
  /** The pre-chat form was answered for the chat about to start. */
  preChatDone: boolean;
  /** The visitor answered the bot (Yes / No / a person) and its reply is on the way. */
  botPending: boolean;
}

/** A UUID for the visitor's message (`clientId`); also where `crypto.randomUUID` is missing (plain http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The chat frame's logic, without any UI: loads the channel, keeps the visitor's session, talks to
 * the server over the socket, and holds the conversation. The UI renders `state` and calls the
 * actions; `onUnread` tells the page's launcher how many messages wait unseen.
 */
export class ChatController {
  state: ChatState = { phase: 'loading', config: null, online: false, connection: 'idle', wasConnected: false, conversation: null, messages: [], agentTyping: null, open: false, notice: null, email: null, fresh: false, preChatDone: false, botPending: false };
  private readonly listeners = new Set<() => void>();
  private readonly storage: ChatStorage;
  private readonly store: MessageStore;
  private token: string | null;
  private identity: BridgeIdentity | null = null;
  private page: { url: string; title?: string } | undefined;
  private socket: VisitorSocket;
  private sessionPromise: Promise<string | null> | null = null;
  private typingSince: number | null = null;
  private typingIdle: ReturnType<typeof setTimeout> | null = null;
  private agentTypingTimer: ReturnType<typeof setTimeout> | null = null;
  private lastUnread = -1;
  /** Pre-chat answers waiting for the socket: `start` goes out right after the next `welcome`. */
  private startForm: { name?: string; email?: string; topic?: string } | null = null;

  constructor(
    private readonly channelId: string,
    private readonly locale: Locale,
    private readonly hooks: { onUnread?(count: number): void; onConfig?(config: ChatWidgetConfig): void; onUnavailable?(): void; isVisible?(): boolean } = {},
  ) {
    this.storage = new ChatStorage(channelId);
    const saved = this.storage.load();
    this.token = saved.token;
    this.store = new MessageStore({ conversationId: saved.conversationId, pending: saved.pending });
    this.state.email = saved.email;
    this.socket = new VisitorSocket({
      url: () => visitorSocketUrl(this.token ?? ''),
      onOpen: () => this.socket.send({ type: 'hello', lastSeq: this.store.lastSeq }),
      onMessage: (m) => this.handle(m),
      onState: (s) => this.set({ connection: s === 'closed' ? 'idle' : s, wasConnected: this.state.wasConnected || s === 'open' }),
    });
  }

  /** Messages from the agent the visitor has not seen yet. */
  get unread(): number {
    return this.store.unread;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Re-reads the conversation from the store into the state, and tells the page about unread messages. */
  private sync(): void {
    this.storage.save({ pending: this.store.unacked(), conversationId: this.store.conversation });
    this.set({ messages: this.store.list() });
    this.markSeenIfVisible();
    const unread = this.store.unread;
    if (unread !== this.lastUnread) {
      this.lastUnread = unread;
      this.hooks.onUnread?.(unread);
    }
  }

  /** Loads the channel's settings; a returning visitor (saved session) reconnects at once. */
  async boot(): Promise<void> {
    this.set({ phase: 'loading' });
    try {
      const config = await widgetApi.config(this.channelId, this.locale);
      this.set({ phase: 'ready', config, online: config.online, messages: this.store.list() });
      this.hooks.onConfig?.(config);
    } catch (err) {
      if (err instanceof WidgetApiError && (err.status === 404 || err.status === 403)) {
        this.set({ phase: 'unavailable' });
        this.hooks.onUnavailable?.();
      } else this.set({ phase: 'error' });
      return;
    }
    if (this.token || this.store.unacked().length) await this.connect();
  }

  /** The page the widget is on and the signed-in user it knows (from the loader). */
  setContext(page: { url: string; title?: string } | undefined, identity: BridgeIdentity | null): void {
    this.page = page;
    if (identity) void this.identify(identity);
  }

  /** A signed identity from the page: used for the next session, or sent now to link the running one. */
  async identify(identity: BridgeIdentity): Promise<void> {
    this.identity = identity;
    if (!this.state.email) this.remember(identity.email);
    if (this.token) {
      this.sessionPromise = null;
      await this.ensureSession(true);
    }
  }

  private remember(email: string): void {
    this.storage.save({ email });
    this.set({ email });
  }

  setOpen(open: boolean): void {
    this.set({ open });
    if (open) {
      this.markSeenIfVisible();
      if (this.state.phase === 'ready' && this.state.online && !this.token) void this.connect();
    }
  }

  /** Starts or resumes the session (a token), retrying once without a stale token or a rejected identity. */
  private ensureSession(force = false): Promise<string | null> {
    if (this.sessionPromise && !force) return this.sessionPromise;
    this.sessionPromise = (async () => {
      const attempt = () =>
        widgetApi.session(this.channelId, {
          ...(this.token ? { token: this.token } : {}),
          ...(this.identity ? { identity: this.identity } : {}),
          locale: this.locale,
          ...(this.page ? { page: this.page } : {}),
        });
      let session;
      try {
        session = await attempt();
      } catch (err) {
        if (!(err instanceof WidgetApiError) || err.status !== 401) throw err;
        if (this.token) this.token = null;
        else if (this.identity) {
          console.warn('Servus chat: the identity signature was rejected; continuing anonymously.');
          this.identity = null;
        } else throw err;
        session = await attempt();
      }
      this.token = session.token;
      this.storage.save({ token: session.token });
      this.applyConversation(session.conversation);
      return session.token;
    })();
    this.sessionPromise.catch(() => {
      this.sessionPromise = null;
    });
    return this.sessionPromise;
  }

  private async connect(): Promise<void> {
    try {
      await this.ensureSession();
    } catch {
      this.set({ notice: 'failed' });
      return;
    }
    this.socket.start();
  }

  private applyConversation(c: ChatConversationSummary | null): void {
    if (c) {
      this.store.useConversation(c.id);
      this.store.markReadByAgent(c.agentReadSeq);
    }
    this.set({ conversation: c, ...(c && c.status !== 'ended' ? { fresh: false } : {}) });
    this.sync();
  }

  private handle(m: VisitorServerMessage): void {
    switch (m.type) {
      case 'welcome':
        this.set({ online: m.online });
        this.applyConversation(m.conversation);
        if (this.startForm) {
          if (!m.conversation || m.conversation.status === 'ended') this.socket.send({ type: 'start', form: this.startForm });
          this.startForm = null;
        }
        // Whatever did not reach the server before goes again, with the same clientId.
        for (const p of this.store.unacked()) this.socket.send({ type: 'message', clientId: p.clientId, text: p.text, attachmentIds: p.attachments.map((a) => a.id) });
        break;
      case 'message':
        this.store.useConversation(m.conversationId);
        if (this.store.receive(m.message) && m.message.author === 'agent' && this.state.agentTyping) this.set({ agentTyping: null });
        if (m.message.author === 'bot') this.set({ botPending: false });
        this.sync();
        break;
      case 'ack':
        this.store.ack(m.clientId, m.id, m.seq, m.at);
        this.sync();
        break;
      case 'typing':
        if (this.agentTypingTimer) clearTimeout(this.agentTypingTimer);
        this.set({ agentTyping: m.typing ? m.name : null });
        if (m.typing) this.agentTypingTimer = setTimeout(() => this.set({ agentTyping: null }), AGENT_TYPING_TIMEOUT_MS);
        break;
      case 'read':
        this.store.markReadByAgent(m.seq);
        this.sync();
        break;
      case 'status':
        if (m.conversation.status !== 'bot') this.set({ botPending: false });
        this.applyConversation(m.conversation);
        if (m.conversation.status === 'ended') this.set({ agentTyping: null });
        break;
      case 'online':
        this.set({ online: m.online });
        break;
      case 'error':
        this.onServerError(m.code);
        break;
      case 'pong':
        break;
    }
  }

  private onServerError(code: Extract<VisitorServerMessage, { type: 'error' }>['code']): void {
    if (code === 'unauthorized') {
      // The session is gone (expired, or the channel changed): start a new one and reconnect.
      this.token = null;
      this.storage.save({ token: null });
      this.socket.stop();
      this.sessionPromise = null;
      void this.connect();
    } else if (code === 'rate_limited') this.set({ notice: 'rateLimited' });
    else if (code === 'ended') this.set({ notice: 'ended' });
    else this.set({ notice: 'failed' });
  }

  private markSeenIfVisible(): void {
    if (!this.state.open || this.hooks.isVisible?.() === false) return;
    const max = this.store.maxSeq;
    if (this.store.unread === 0) return;
    this.store.markSeen(max);
    this.socket.send({ type: 'read', seq: max });
    this.hooks.onUnread?.(0);
    this.lastUnread = 0;
  }

  /** Called when the page becomes visible again: reconnect at once and mark what arrived as seen. */
  wake(): void {
    this.socket.wake();
    this.markSeenIfVisible();
  }

  /** Sends a message (with uploaded attachments); it shows at once as pending and survives reconnects. */
  async send(text: string, attachments: ChatAttachment[] = []): Promise<void> {
    const body = text.trim();
    if (!body && attachments.length === 0) return;
    this.stopTyping();
    this.set({ notice: null, fresh: false });
    const p = this.store.write(body, attachments, newClientId);
    this.sync();
    if (!this.socket.isOpen) await this.connect();
    this.socket.send({ type: 'message', clientId: p.clientId, text: p.text, attachmentIds: attachments.map((a) => a.id) });
  }

  /** Opens a conversation with the pre-chat answers. */
  async start(form: { name?: string; email?: string; topic?: string }): Promise<void> {
    if (form.email) this.remember(form.email);
    this.set({ notice: null, fresh: false, preChatDone: true });
    if (this.socket.send({ type: 'start', form })) return;
    this.startForm = form;
    await this.connect();
  }

  /** The visitor types: tells the agent, renewing every few seconds and stopping after a pause. */
  typing(now = Date.now()): void {
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
    if (this.typingSince !== null && now - this.typingSince < TYPING_RENEW_MS) return;
    if (this.socket.send({ type: 'typing', typing: true })) this.typingSince = now;
  }

  private stopTyping(): void {
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = null;
    if (this.typingSince === null) return;
    this.typingSince = null;
    this.socket.send({ type: 'typing', typing: false });
  }

  endChat(): void {
    this.socket.send({ type: 'end' });
  }

  /** The visitor's answer to the bot: it helped, it did not, or they want a person. Asked once until the bot replies. */
  botAction(action: 'yes' | 'no' | 'human'): void {
    if (this.state.botPending) return;
    if (this.socket.send({ type: 'bot', action })) this.set({ botPending: true });
  }

  /** After a chat ended: show the start of a new one (the form or the composer). */
  newChat(): void {
    this.store.useConversation(null);
    this.set({ conversation: null, fresh: true, notice: null, preChatDone: false });
    this.sync();
  }

  async upload(file: File): Promise<ChatAttachment> {
    const token = await this.ensureSession();
    if (!token) throw new WidgetApiError(401, 'unauthorized', 'no session');
    return widgetApi.upload(token, file);
  }

  async sendOffline(form: { name?: string; email: string; message: string }): Promise<void> {
    await widgetApi.offline(this.channelId, { ...(this.token ? { token: this.token } : {}), ...form });
    this.remember(form.email);
  }

  async sendTranscript(email?: string): Promise<void> {
    const token = await this.ensureSession();
    if (!token) throw new WidgetApiError(401, 'unauthorized', 'no session');
    await widgetApi.transcript(token, email);
    if (email) this.remember(email);
  }

  /** Where the visitor opens an attachment: the chat's file URLs need the session token. */
  attachmentUrl(url: string): string {
    if (!this.token || !url.startsWith('/api/v1/chat/')) return url;
    return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(this.token)}`;
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  stop(): void {
    this.socket.stop();
  }
}
