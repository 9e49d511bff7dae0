import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TicketChanges } from '@servus/shared';
import { api } from './client';
import { keys } from './keys';
import type { BulkResult, Ticket, TicketWithRequester } from './types';

export type Changes = z.input<typeof TicketChanges>;

/**
 * Changes ticket properties with an optimistic update: the sidebar shows the new value at
 * once and rolls back if the server refuses. Lists and counts refresh afterwards.
 */
export function useUpdateTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Changes) => api<Ticket>(`/api/v1/tickets/${id}`, { method: 'PATCH', body: changes }),
    onMutate: async (changes) => {
      await client.cancelQueries({ queryKey: keys.ticket(id), exact: true });
      const before = client.getQueryData<TicketWithRequester>(keys.ticket(id));
      if (before) {
        const next = { ...before } as TicketWithRequester;
        if (changes.status !== undefined) next.status = changes.status;
        if (changes.priority !== undefined) next.priority = changes.priority;
        if (changes.type !== undefined) next.type = changes.type;
        if (changes.assigneeId !== undefined) next.assigneeId = changes.assigneeId;
        if (changes.teamId !== undefined) next.teamId = changes.teamId;
        if (changes.tags !== undefined) next.tags = changes.tags;
        if (changes.custom !== undefined) next.custom = { ...before.custom, ...changes.custom };
        if (changes.subject !== undefined) next.subject = changes.subject;
        client.setQueryData(keys.ticket(id), next);
      }
      return { before };
    },
    onError: (_err, _changes, ctx) => {
      if (ctx?.before) client.setQueryData(keys.ticket(id), ctx.before);
    },
    onSuccess: (ticket) => {
      client.setQueryData<TicketWithRequester>(keys.ticket(id), (old) => (old ? { ...old, ...ticket, requester: old.requester } : old));
      void client.invalidateQueries({ queryKey: keys.events(id) });
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      void client.invalidateQueries({ queryKey: keys.viewCounts });
    },
  });
}

/** One change applied to many tickets; answers per ticket. */
export function useBulkUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; changes: Omit<Changes, 'subject' | 'requesterId' | 'custom' | 'tags'> }) =>
      api<{ results: BulkResult[] }>('/api/v1/tickets/bulk', { body: input }).then((r) => r.results),
    onSettled: (_r, _e, input) => {
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      void client.invalidateQueries({ queryKey: keys.viewCounts });
      for (const id of input.ids) void client.invalidateQueries({ queryKey: keys.ticket(id) });
    },
  });
}

/** Merges `sourceIds` into `targetId`; the sources are closed and point to the target. */
export function useMergeTickets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { targetId: string; sourceIds: string[] }) => api<Ticket>(`/api/v1/tickets/${input.targetId}/merge`, { body: { sourceIds: input.sourceIds } }),
    onSuccess: (_t, input) => {
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      void client.invalidateQueries({ queryKey: keys.viewCounts });
      for (const id of [input.targetId, ...input.sourceIds]) void client.invalidateQueries({ queryKey: ['ticket', id] });
    },
  });
}
