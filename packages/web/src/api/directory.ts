import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';
import type { Agent, Page, Tag, Team, TicketField } from './types';

/** All agents (names for assignees, authors and presence). Cached for the session. */
export function useAgents() {
  return useQuery({ queryKey: keys.agents, queryFn: () => api<Page<Agent>>('/api/v1/agents').then((p) => p.data), staleTime: 60_000 });
}

/** All teams with their members. */
export function useTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: () => api<Page<Team>>('/api/v1/teams').then((p) => p.data), staleTime: 60_000 });
}

/** Custom ticket field definitions, ordered by position. */
export function useTicketFields() {
  return useQuery({ queryKey: keys.ticketFields, queryFn: () => api<Page<TicketField>>('/api/v1/ticket-fields').then((p) => p.data), staleTime: 60_000 });
}

/** Tag names starting with `q`, for suggestions. */
export function useTags(q = '') {
  return useQuery({
    queryKey: keys.tags(q),
    queryFn: () => api<Page<Tag>>('/api/v1/tags', { query: { q: q || undefined, limit: 100 } }).then((p) => p.data.map((t) => t.name)),
    staleTime: 30_000,
  });
}

/** A name lookup for agents by id. */
export function useAgentMap(): Map<string, Agent> {
  const { data } = useAgents();
  return new Map((data ?? []).map((a) => [a.id, a]));
}
