import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';
import type { EmailChannel, InboundMail, MailHealth, OutboundMail, Page } from './types';

/** All email channels (admins only; others get 404). */
export function useChannels() {
  return useQuery({ queryKey: keys.channels, queryFn: () => api<{ data: EmailChannel[] }>('/api/v1/channels').then((r) => r.data), staleTime: 30_000 });
}

/** How often the mail health page refreshes itself while it is open. */
const HEALTH_REFRESH_MS = 15_000;

/** Fetch, queue and loop state per channel. */
export function useMailHealth() {
  return useQuery({ queryKey: keys.mailHealth, queryFn: () => api<MailHealth>('/api/v1/mail/health'), refetchInterval: HEALTH_REFRESH_MS });
}

const PAGE_SIZE = 25;

/** Stored inbound mail of one status (and optionally one channel), newest first, page by page. */
export function useInboundMail(channelId: string, status: string) {
  return useInfiniteQuery({
    queryKey: keys.inboundMail(channelId, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<InboundMail>>('/api/v1/mail/inbound', { query: { channelId: channelId || undefined, status: status || undefined, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: HEALTH_REFRESH_MS,
  });
}

/** Outbound mail of one status (and optionally one channel), page by page. */
export function useOutboundMail(channelId: string, status: string) {
  return useInfiniteQuery({
    queryKey: keys.outboundMail(channelId, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<OutboundMail>>('/api/v1/mail/outbound', { query: { channelId: channelId || undefined, status: status || undefined, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Where the original message of an inbound mail downloads from (.eml). */
export function rawMailUrl(id: string): string {
  return `/api/v1/mail/inbound/${encodeURIComponent(id)}/raw`;
}

/** The endpoint an MTA or script posts raw messages (`message/rfc822`) to for a channel. */
export function inboundUploadPath(channelId: string): string {
  return `/api/v1/channels/${encodeURIComponent(channelId)}/inbound`;
}
