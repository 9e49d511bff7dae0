import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';
import type { ContactHit, OrganizationHit, TicketHit } from './types';

export type SearchType = 'tickets' | 'contacts' | 'organizations';
type HitOf<T extends SearchType> = T extends 'tickets' ? TicketHit : T extends 'contacts' ? ContactHit : OrganizationHit;

/** Search one kind of object; disabled for an empty query. */
export function useSearch<T extends SearchType>(type: T, q: string, limit = 20) {
  const query = q.trim();
  return useQuery({
    queryKey: [...keys.search(type, query), limit],
    queryFn: ({ signal }) => api<{ data: HitOf<T>[] }>('/api/v1/search', { query: { q: query, type, limit }, signal }).then((r) => r.data),
    enabled: query.length > 0,
    staleTime: 10_000,
    placeholderData: (prev) => prev,
  });
}
