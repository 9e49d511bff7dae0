import { NotificationIdParams, NotificationListQuery, NotificationPreferencesBody, type AgentNotification, type NotificationPage, type NotificationPreferences } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { decodeCursor } from '../../platform/pagination.ts';
import { listNotifications, markAllRead, markRead } from './inbox.ts';
import { getPreferences, savePreferences } from './preferences.ts';

/** The caller's own notifications and notification settings; nobody reaches anyone else's. */
export function notificationRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/notifications', { schema: { tags: ['notifications'], summary: 'Your in-app notifications, newest first, with the unread count', querystring: NotificationListQuery } }, async (req): Promise<NotificationPage> => {
    const ctx = agentCtx(services, req);
    const q = req.query;
    return listNotifications(db, ctx.actor.id, { unread: q.unread, limit: q.limit, cursor: decodeCursor(q.cursor) });
  });

  app.post('/api/v1/notifications/:id/read', { schema: { tags: ['notifications'], summary: 'Mark one of your notifications read', params: NotificationIdParams } }, async (req): Promise<AgentNotification> => {
    return markRead(agentCtx(services, req), req.params.id);
  });

  app.post('/api/v1/notifications/read-all', { schema: { tags: ['notifications'], summary: 'Mark all your notifications read' } }, async (req): Promise<{ updated: number }> => {
    return { updated: await markAllRead(agentCtx(services, req)) };
  });

  app.get('/api/v1/notifications/preferences', { schema: { tags: ['notifications'], summary: 'Your notification settings: per kind in-app and/or e-mail, and the digest interval' } }, async (req): Promise<NotificationPreferences> => {
    return getPreferences(agentCtx(services, req));
  });

  app.put('/api/v1/notifications/preferences', { schema: { tags: ['notifications'], summary: 'Replace your notification settings', body: NotificationPreferencesBody } }, async (req): Promise<NotificationPreferences> => {
    return savePreferences(agentCtx(services, req), req.body);
  });
}
