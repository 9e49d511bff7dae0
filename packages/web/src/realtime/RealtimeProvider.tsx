import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { invalidationFor } from './invalidation';
import type { AgentChatServerMessage } from '@servus/shared';
import type { DomainEvent, PresenceViewer } from './messages';
import { PresenceStore } from './presence';
import { RealtimeClient, socketUrl, type ConnectionState } from './socket';

interface Realtime {
  state: ConnectionState;
  presence: PresenceStore;
  client: RealtimeClient | null;
  /** Subscribe to every domain event (the ticket page watches for others' changes). */
  onEvent(listener: (e: DomainEvent) => void): () => void;
  /** Subscribe to the live chat messages (rings, visitor typing and reads, chat messages). */
  onChat(listener: (m: AgentChatServerMessage) => void): () => void;
}

const RealtimeContext = createContext<Realtime | null>(null);

/**
 * Keeps one WebSocket open while signed in and turns pushed events into query invalidations:
 * the open ticket at once, lists and view counts batched to one refresh per second.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { agent } = useSession();
  const [state, setState] = useState<ConnectionState>('connecting');
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const presence = useMemo(() => new PresenceStore(), []);
  const listeners = useRef(new Set<(e: DomainEvent) => void>());
  const chatListeners = useRef(new Set<(m: AgentChatServerMessage) => void>());

  useEffect(() => {
    const pending = new Map<string, readonly unknown[]>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      for (const key of pending.values()) void queryClient.invalidateQueries({ queryKey: key });
      pending.clear();
    };
    const rt = new RealtimeClient({
      url: socketUrl(),
      onState: setState,
      onReconnect: () => {
        presence.clear();
        void queryClient.invalidateQueries();
      },
      onMessage: (msg) => {
        if (msg.type === 'presence') presence.set(msg.ticketId, msg.viewers);
        if (msg.type.startsWith('chat.')) for (const l of chatListeners.current) l(msg as AgentChatServerMessage);
        if (msg.type !== 'event') return;
        const inv = invalidationFor(msg.event);
        for (const key of inv.now) void queryClient.invalidateQueries({ queryKey: key });
        for (const key of inv.batched) pending.set(JSON.stringify(key), key);
        if (pending.size && !timer) timer = setTimeout(flush, 1000);
        for (const l of listeners.current) l(msg.event);
      },
    });
    rt.start();
    setClient(rt);
    return () => {
      rt.stop();
      if (timer) clearTimeout(timer);
      setClient(null);
    };
  }, [queryClient, presence, agent.id]);

  const value = useMemo<Realtime>(
    () => ({
      state,
      presence,
      client,
      onEvent(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      onChat(listener) {
        chatListeners.current.add(listener);
        return () => chatListeners.current.delete(listener);
      },
    }),
    [state, presence, client],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** The live connection, or null outside the signed-in app (tests, public pages). */
export function useOptionalRealtime(): Realtime | null {
  return useContext(RealtimeContext);
}

/** The live connection (state, presence, event subscription). */
export function useRealtime(): Realtime {
  const r = useContext(RealtimeContext);
  if (!r) throw new Error('useRealtime outside RealtimeProvider');
  return r;
}

/**
 * Announces that this page shows a ticket and returns the other agents viewing it, with their
 * typing state, live.
 */
export function useTicketPresence(ticketId: string): PresenceViewer[] {
  const { presence, client } = useRealtime();
  useEffect(() => {
    if (!client) return;
    client.view(ticketId);
    return () => client.leave(ticketId);
  }, [client, ticketId]);
  return useSyncExternalStore(presence.subscribe, () => presence.get(ticketId));
}
