import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isVersionConflict } from '../../api/errors';
import { keys } from '../../api/keys';
import type { Message, Ticket, TicketStatus, TicketWithRequester } from '../../api/types';

export interface SendInput {
  kind: 'public' | 'note';
  html: string;
  attachmentIds: string[];
  status?: Exclude<TicketStatus, 'new'>;
}

export type SendOutcome = { ok: true; message: Message; ticket: Ticket } | { ok: false; conflict: boolean; error: unknown };

/**
 * Sends a reply or note with the ticket version the agent has reviewed. On a 409
 * `version_conflict` it reloads the ticket, thread and log, then reports the fresh version as
 * reviewed-to-be so the next send (after the agent looked) goes through. The draft is the
 * caller's and is never touched here.
 */
export function useSendMessage(ticketId: string, version: number, onVersion: (v: number) => void) {
  const client = useQueryClient();
  const [sending, setSending] = useState(false);
  const [conflict, setConflict] = useState(false);

  async function reloadAfterConflict() {
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.messages(ticketId) }),
      client.invalidateQueries({ queryKey: keys.events(ticketId) }),
    ]);
    const fresh = await client.fetchQuery({
      queryKey: keys.ticket(ticketId),
      queryFn: () => api<TicketWithRequester>(`/api/v1/tickets/${ticketId}`, { query: { include: 'requester' } }),
      staleTime: 0,
    });
    onVersion(fresh.version);
  }

  async function send(input: SendInput): Promise<SendOutcome> {
    setSending(true);
    try {
      const res = await api<{ ticket: Ticket; message: Message }>(`/api/v1/tickets/${ticketId}/messages`, {
        body: { kind: input.kind, html: input.html, attachmentIds: input.attachmentIds.length ? input.attachmentIds : undefined, status: input.status, version },
      });
      setConflict(false);
      client.setQueryData<TicketWithRequester>(keys.ticket(ticketId), (old) => (old ? { ...old, ...res.ticket, requester: old.requester } : old));
      client.setQueryData<Message[]>(keys.messages(ticketId), (old) => (old && !old.some((m) => m.id === res.message.id) ? [...old, res.message] : old));
      onVersion(res.ticket.version);
      void client.invalidateQueries({ queryKey: keys.events(ticketId) });
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      void client.invalidateQueries({ queryKey: keys.viewCounts });
      return { ok: true, message: res.message, ticket: res.ticket };
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(true);
        await reloadAfterConflict().catch(() => undefined);
        return { ok: false, conflict: true, error };
      }
      return { ok: false, conflict: false, error };
    } finally {
      setSending(false);
    }
  }

  return { send, sending, conflict, dismissConflict: () => setConflict(false) };
}
