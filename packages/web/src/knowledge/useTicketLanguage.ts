import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Contact } from '../api/types';
import { useTicket } from '../api/tickets';
import { useTranslation } from 'react-i18next';
import type { KbLocale } from './api';

/** The language to answer a ticket in: the requester's, else the agent's (the app's language). */
export function useTicketLanguage(ticketId: string): KbLocale {
  const { i18n } = useTranslation();
  const ticket = useTicket(ticketId);
  const requesterId = ticket.data?.requester?.id ?? null;
  const contact = useQuery({
    queryKey: keys.contact(requesterId ?? ''),
    queryFn: () => api<Contact>(`/api/v1/contacts/${requesterId}`),
    enabled: !!requesterId,
    staleTime: 5 * 60_000,
  });
  const locale = contact.data?.locale ?? i18n.language;
  return locale === 'en' ? 'en' : 'de';
}
