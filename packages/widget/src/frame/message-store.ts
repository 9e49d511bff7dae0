import type { ChatAttachment, ChatMessage } from '@servus/shared';

/** Where one of the visitor's own messages is: waiting for the server, stored (✓), or read by the agent (✓✓). */
export type Delivery = 'pending' | 'sent' | 'read';

/** A message as the widget shows it: the server's fields plus the delivery state of the visitor's own ones. */
export interface ShownMessage extends Omit<ChatMessage, 'id' | 'seq'> {
  /** The server's id; null until the server acknowledged a message the visitor just wrote. */
  id: string | null;
  /** The per-conversation order; null while pending. */
  seq: number | null;
  delivery: Delivery;
}

/** A visitor message the server has not acknowledged yet: resent with the same clientId after a reconnect. */
export interface PendingMessage {
  clientId: string;
  text: string;
  attachments: ChatAttachment[];
  at: string;
}

/**
 * The conversation as the widget knows it: messages in server order (by `seq`), the visitor's
 * unacknowledged messages after them in the order written, no message twice (the same `id`, or a
 * visitor message whose `clientId` is already known), and the delivery and read state.
 *
 * @example
 * const store = new MessageStore();
 * const own = store.write('Hello', [], () => 'c-1');
 * store.ack('c-1', 'm-1', 1, '2026-01-01T10:00:00Z'); // own message now "sent"
 * store.receive(agentReply);                            // sorted in by seq, duplicates ignored
 */
export class MessageStore {
  private conversationId: string | null = null;
  private readonly bySeq = new Map<number, ChatMessage>();
  private readonly ids = new Set<string>();
  private readonly clientIds = new Set<string>();
  private pending: PendingMessage[] = [];
  private agentReadSeq = 0;
  private visitorReadSeq = 0;

  constructor(init?: { conversationId?: string | null; pending?: PendingMessage[] }) {
    this.conversationId = init?.conversationId ?? null;
    for (const p of init?.pending ?? []) this.pending.push(p);
  }

  /** The conversation these messages belong to. */
  get conversation(): string | null {
    return this.conversationId;
  }

  /**
   * Switches to another conversation (a new chat after one ended): its messages start again at
   * seq 1. Unsent visitor messages stay; they go into the new conversation.
   */
  useConversation(id: string | null): void {
    if (id === this.conversationId) return;
    const known = this.conversationId !== null;
    this.conversationId = id;
    if (!known) return;
    this.bySeq.clear();
    this.ids.clear();
    this.clientIds.clear();
    this.agentReadSeq = 0;
    this.visitorReadSeq = 0;
  }

  /** Adds a message the visitor wrote, as pending; returns it so it can be sent. */
  write(text: string, attachments: ChatAttachment[], newId: () => string, now = new Date()): PendingMessage {
    const msg: PendingMessage = { clientId: newId(), text, attachments, at: now.toISOString() };
    this.pending.push(msg);
    return msg;
  }

  /** The server stored the visitor's message: it gets its id and place. An unknown clientId is ignored. */
  ack(clientId: string, id: string, seq: number, at: string): boolean {
    const i = this.pending.findIndex((p) => p.clientId === clientId);
    if (i < 0) return false;
    const [p] = this.pending.splice(i, 1);
    if (!this.ids.has(id) && !this.bySeq.has(seq)) {
      this.put({ id, seq, clientId, author: 'visitor', authorName: '', text: p!.text, attachments: p!.attachments, at });
    }
    this.clientIds.add(clientId);
    return true;
  }

  /** A message from the server (live or replayed). Returns false when it was already known. */
  receive(msg: ChatMessage): boolean {
    if (this.ids.has(msg.id) || this.bySeq.has(msg.seq)) return false;
    if (msg.clientId && this.clientIds.has(msg.clientId)) return false;
    if (msg.clientId) {
      // The echo of the visitor's own message settles it like an ack would.
      const i = this.pending.findIndex((p) => p.clientId === msg.clientId);
      if (i >= 0) this.pending.splice(i, 1);
    }
    this.put(msg);
    return true;
  }

  private put(msg: ChatMessage): void {
    this.bySeq.set(msg.seq, msg);
    this.ids.add(msg.id);
    if (msg.clientId) this.clientIds.add(msg.clientId);
  }

  /** The agent has read the visitor's messages up to `seq`. */
  markReadByAgent(seq: number): void {
    this.agentReadSeq = Math.max(this.agentReadSeq, seq);
  }

  /** The visitor has seen everything up to `seq` (the widget was open). */
  markSeen(seq: number): void {
    this.visitorReadSeq = Math.max(this.visitorReadSeq, seq);
  }

  /**
   * The highest seq up to which nothing is missing: what `hello` asks the server to replay after.
   * A gap (a message lost while reconnecting) is asked for again rather than skipped.
   */
  get lastSeq(): number {
    let n = 0;
    while (this.bySeq.has(n + 1)) n++;
    return n;
  }

  /** The highest seq received at all. */
  get maxSeq(): number {
    let max = 0;
    for (const seq of this.bySeq.keys()) max = Math.max(max, seq);
    return max;
  }

  /** Messages from the agent (or bot/system) the visitor has not seen yet. */
  get unread(): number {
    let n = 0;
    for (const m of this.bySeq.values()) if (m.author !== 'visitor' && m.seq > this.visitorReadSeq) n++;
    return n;
  }

  /** The visitor's messages still waiting for an ack, oldest first: sent again after a reconnect. */
  unacked(): PendingMessage[] {
    return [...this.pending];
  }

  /** Whether the visitor's message with this clientId has reached the server. */
  isStored(clientId: string): boolean {
    return this.clientIds.has(clientId);
  }

  /** Everything to show, in order: stored messages by seq, then pending ones as written. */
  list(): ShownMessage[] {
    const stored = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    const out: ShownMessage[] = stored.map((m) => ({
      ...m,
      delivery: m.author !== 'visitor' ? 'sent' : m.seq <= this.agentReadSeq ? 'read' : 'sent',
    }));
    for (const p of this.pending) {
      out.push({ id: null, seq: null, clientId: p.clientId, author: 'visitor', authorName: '', text: p.text, attachments: p.attachments, at: p.at, delivery: 'pending' });
    }
    return out;
  }
}
