import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChatChannel, ChatDetail, ChatListItem } from '@servus/shared';
import { api } from './client';
import { ApiError } from './errors';

export type { ChatChannel, ChatDetail, ChatListItem };

/** Query keys of the chat features (kept here; live chat messages invalidate them). */
export const chatKeys = {
  channels: ['chat-channels'] as const,
  lists: ['chats'] as const,
  list: (status: 'waiting' | 'active') => ['chats', status] as const,
  detail: (ticketId: string) => ['chats', 'ticket', ticketId] as const,
};

/** The chat channels admins configure. */
export function useChatChannels() {
  return useQuery({
    queryKey: chatKeys.channels,
    queryFn: () => api<{ data: ChatChannel[] }>('/api/v1/chat-channels').then((r) => r.data),
    staleTime: 30_000,
  });
}

/**
 * Chats waiting for an agent or going on. Kept fresh by the agent socket (ring, messages) and,
 * as a safety net, by polling every 30 s.
 */
export function useChats(status: 'waiting' | 'active', enabled = true) {
  return useQuery({
    queryKey: chatKeys.list(status),
    queryFn: () => api<{ data: ChatListItem[] }>('/api/v1/chats', { query: { status } }).then((r) => r.data),
    staleTime: 10_000,
    refetchInterval: 30_000,
    enabled,
  });
}

/** The chat on a ticket with its state and messages in order; null for a ticket that has no chat. */
export function useTicketChat(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: chatKeys.detail(ticketId),
    queryFn: () =>
      api<ChatDetail>(`/api/v1/chats/${encodeURIComponent(ticketId)}`).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    staleTime: 10_000,
    enabled,
  });
}

/** Agent actions on a chat ticket: accept, transfer, end, convert to a regular ticket. */
export function useChatActions(ticketId: string) {
  const client = useQueryClient();
  const done = () => {
    // The lists and this chat's detail (both under `chats`).
    void client.invalidateQueries({ queryKey: chatKeys.lists });
    void client.invalidateQueries({ queryKey: ['ticket', ticketId] });
    void client.invalidateQueries({ queryKey: ['ticket-list'] });
  };
  const base = `/api/v1/chats/${encodeURIComponent(ticketId)}`;
  return {
    accept: useMutation({ mutationFn: () => api(`${base}/accept`, { method: 'POST', body: {} }), onSettled: done }),
    transfer: useMutation({
      mutationFn: (to: { agentId: string } | { teamId: string }) => api(`${base}/transfer`, { method: 'POST', body: to }),
      onSettled: done,
    }),
    end: useMutation({ mutationFn: () => api(`${base}/end`, { method: 'POST', body: {} }), onSettled: done }),
    convert: useMutation({ mutationFn: () => api(`${base}/convert`, { method: 'POST', body: {} }), onSettled: done }),
  };
}
