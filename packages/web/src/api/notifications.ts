import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentNotification, NotificationPage, NotificationPreferences, NotificationPreferencesInput } from '@servus/shared';
import { api } from './client';

export type { AgentNotification, NotificationPreferences, NotificationPreferencesInput } from '@servus/shared';

/** Query keys; a pushed `notification.*` event invalidates `notificationKeys.all`. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The newest notifications with the unread count; refreshed by pushes and once a minute. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => api<NotificationPage>('/api/v1/notifications', { query: { limit: 30 } }),
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
}

/** Marks one notification read, showing it read at once. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<AgentNotification>(`/api/v1/notifications/${id}/read`, { method: 'POST' }),
    onMutate: (id) => {
      client.setQueryData<NotificationPage>(notificationKeys.list, (page) =>
        page && page.data.some((n) => n.id === id && !n.readAt)
          ? { ...page, unreadCount: Math.max(0, page.unreadCount - 1), data: page.data.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)) }
          : page,
      );
    },
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

/** Marks all notifications read. */
export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('/api/v1/notifications/read-all', { method: 'POST' }),
    onSuccess: () => {
      const now = new Date().toISOString();
      client.setQueryData<NotificationPage>(notificationKeys.list, (page) => (page ? { ...page, unreadCount: 0, data: page.data.map((n) => ({ ...n, readAt: n.readAt ?? now })) } : page));
    },
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

/** The agent's notification settings. */
export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: () => api<NotificationPreferences>('/api/v1/notifications/preferences') });
}

/** Saves the agent's notification settings (all of them at once). */
export function saveNotificationPreferences(body: NotificationPreferencesInput): Promise<NotificationPreferences> {
  return api<NotificationPreferences>('/api/v1/notifications/preferences', { method: 'PUT', body });
}
