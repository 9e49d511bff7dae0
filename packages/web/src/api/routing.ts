import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentRouting, AgentStatusName, Escalation, TeamRouting, UpdateAgentRoutingInput, UpdateTeamRoutingInput } from '@servus/shared';
import { api } from './client';
import { keys } from './keys';
import type { Ticket } from './types';

export type { AgentRouting, AgentStatusName, Escalation, TeamRouting };

/** Query keys of routing data; everything under `routing` is refreshed after a routing change. */
export const routingKeys = {
  all: ['routing'] as const,
  me: ['routing', 'me'] as const,
  agents: ['routing', 'agents'] as const,
  teams: ['routing', 'teams'] as const,
};

/** The signed-in agent's status, capacity, skills and load (not fetched while `enabled` is false). */
export function useMyRouting(enabled = true) {
  return useQuery({ queryKey: routingKeys.me, queryFn: () => api<AgentRouting>('/api/v1/me/routing'), staleTime: 30_000, enabled });
}

/** Sets the signed-in agent's status. */
export function useSetMyStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: AgentStatusName) => api<AgentRouting>('/api/v1/me/routing', { method: 'PATCH', body: { status } }),
    onSuccess: (profile) => {
      client.setQueryData(routingKeys.me, profile);
      void client.invalidateQueries({ queryKey: routingKeys.agents });
    },
  });
}

/** Every active agent's routing profile with current load. */
export function useAgentRoutings() {
  return useQuery({ queryKey: routingKeys.agents, queryFn: () => api<{ data: AgentRouting[] }>('/api/v1/routing/agents').then((r) => r.data), staleTime: 15_000 });
}

/** Changes an agent's status, capacity or skills (admin). */
export function useUpdateAgentRouting(agentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgentRoutingInput) => api<AgentRouting>(`/api/v1/agents/${agentId}/routing`, { method: 'PATCH', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: routingKeys.all }),
  });
}

/** Every team's routing settings, escalation tier and queue length. */
export function useTeamRoutings() {
  return useQuery({ queryKey: routingKeys.teams, queryFn: () => api<{ data: TeamRouting[] }>('/api/v1/routing/teams').then((r) => r.data), staleTime: 30_000 });
}

/** Changes a team's routing (admin). */
export function useUpdateTeamRouting(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTeamRoutingInput) => api<TeamRouting>(`/api/v1/teams/${teamId}/routing`, { method: 'PATCH', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: routingKeys.teams }),
  });
}

/** Escalates a ticket; the ticket, its history and the lists are refreshed afterwards. */
export function useEscalateTicket(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; targetTeamId?: string }) => api<{ ticket: Ticket; escalation: Escalation }>(`/api/v1/tickets/${ticketId}/escalate`, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.ticket(ticketId) });
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      void client.invalidateQueries({ queryKey: routingKeys.teams });
    },
  });
}
