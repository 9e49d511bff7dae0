import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';
import type { Message, Page, TicketEvent, TicketWithRequester } from './types';

/** One ticket with its requester. */
export function useTicket(id: string) {
  return useQuery({
    queryKey: keys.ticket(id),
    queryFn: ({ signal }) => api<TicketWithRequester>(`/api/v1/tickets/${id}`, { query: { include: 'requester' }, signal }),
  });
}

async function allPages<T>(path: string, limit: number, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: Page<T> = await api<Page<T>>(path, { query: { limit, cursor: cursor ?? undefined }, signal });
    out.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}

/** The whole thread of a ticket, oldest first. */
export function useMessages(id: string) {
  return useQuery({ queryKey: keys.messages(id), queryFn: ({ signal }) => allPages<Message>(`/api/v1/tickets/${id}/messages`, 200, signal) });
}

/** The ticket's event log (for system lines in the thread). */
export function useEvents(id: string) {
  return useQuery({ queryKey: keys.events(id), queryFn: ({ signal }) => allPages<TicketEvent>(`/api/v1/tickets/${id}/events`, 500, signal) });
}

/** A paginated ticket list from any list endpoint; pages load as the user scrolls. */
export function useTicketPages<T>(queryKey: readonly unknown[], path: string, query: Record<string, string | undefined> = {}, limit = 50) {
  return useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, limit, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
