import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';
import type { SlaPolicy } from './types';

/** All SLA policies in the order they are tried: the first that matches a ticket applies. */
export function useSlaPolicies() {
  return useQuery({ queryKey: keys.slaPolicies, queryFn: () => api<{ data: SlaPolicy[] }>('/api/v1/sla-policies').then((r) => r.data), staleTime: 30_000 });
}
