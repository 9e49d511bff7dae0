import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page, Webhook, WebhookDelivery, WebhookDeliveryDetail, WebhookDeliveryStatusName, WebhookSettings } from '@servus/shared';
import { api } from './client';

/** Query keys of the webhook admin; everything under `all` is refreshed after a change. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  settings: ['webhooks', 'settings'] as const,
  deliveries: (webhookId: string, status: string) => ['webhooks', 'deliveries', webhookId, status] as const,
  delivery: (id: string) => ['webhooks', 'delivery', id] as const,
};

/** How often an open delivery log looks again while something in it is still pending. */
const PENDING_REFRESH_MS = 3_000;
const PAGE_SIZE = 25;

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.list, queryFn: () => api<{ data: Webhook[] }>('/api/v1/webhooks').then((r) => r.data) });
}

export function useWebhookSettings() {
  return useQuery({ queryKey: webhookKeys.settings, queryFn: () => api<WebhookSettings>('/api/v1/webhook-settings') });
}

/** A webhook's deliveries, newest first, page by page; refreshed while any shown is pending. */
export function useWebhookDeliveries(webhookId: string, status: WebhookDeliveryStatusName | '') {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(webhookId, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<WebhookDelivery>>(`/api/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`, { query: { status: status || undefined, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.data.some((d) => d.status === 'pending')) ? PENDING_REFRESH_MS : false),
  });
}

/** One delivery with its payload and every attempt, loaded when it is opened. */
export function useWebhookDelivery(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.delivery(id ?? ''),
    queryFn: () => api<WebhookDeliveryDetail>(`/api/v1/webhook-deliveries/${encodeURIComponent(id!)}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? PENDING_REFRESH_MS : false),
  });
}
