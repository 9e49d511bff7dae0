import type { PendingMessage } from './message-store';

/** What the frame keeps across page loads for one channel: the session and what was not sent yet. */
export interface SavedChat {
  token: string | null;
  conversationId: string | null;
  pending: PendingMessage[];
  email: string | null;
}

const EMPTY: SavedChat = { token: null, conversationId: null, pending: [], email: null };

/**
 * The frame's localStorage for one channel. Browsers that block storage for embedded pages still
 * get a working chat for the current page view (kept in memory).
 */
export class ChatStorage {
  private memory: SavedChat = { ...EMPTY };

  constructor(
    private readonly channelId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = safeLocalStorage(),
  ) {}

  private get key(): string {
    return `servus.chat.${this.channelId}`;
  }

  load(): SavedChat {
    try {
      const raw = this.storage?.getItem(this.key);
      if (raw) {
        const v = JSON.parse(raw) as Partial<SavedChat>;
        this.memory = {
          token: typeof v.token === 'string' ? v.token : null,
          conversationId: typeof v.conversationId === 'string' ? v.conversationId : null,
          pending: Array.isArray(v.pending) ? v.pending.filter((p) => p && typeof p.clientId === 'string' && typeof p.text === 'string') : [],
          email: typeof v.email === 'string' ? v.email : null,
        };
      }
    } catch {
      // Unreadable or blocked: start from what is in memory.
    }
    return { ...this.memory };
  }

  save(patch: Partial<SavedChat>): void {
    this.memory = { ...this.memory, ...patch };
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.memory));
    } catch {
      // Full or blocked: memory keeps it for this page view.
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
