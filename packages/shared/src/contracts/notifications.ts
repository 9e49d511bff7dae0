import { z } from 'zod';
import { PageQuery, Uuid } from './common.ts';

/** What an agent is notified about. */
export const NOTIFICATION_KINDS = ['assigned', 'customer_reply', 'team_ticket', 'sla_warning', 'sla_breached', 'escalated', 'rule', 'chat_waiting'] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** How often unread notifications are e-mailed, batched into one mail. */
export const DIGEST_INTERVALS = ['off', '15min', 'hourly', 'daily'] as const;
export const DigestInterval = z.enum(DIGEST_INTERVALS);
export type DigestIntervalName = (typeof DIGEST_INTERVALS)[number];

/** Where one kind of notification goes. */
export const NotificationChannels = z.strictObject({ inApp: z.boolean(), email: z.boolean() });
export type NotificationChannels = z.infer<typeof NotificationChannels>;

/**
 * What an agent gets unless they choose otherwise: everything in-app except new tickets in their
 * teams, and e-mail (in the digest) for what needs them personally.
 */
export const DEFAULT_NOTIFICATION_CHANNELS: Record<NotificationKindName, NotificationChannels> = {
  assigned: { inApp: true, email: true },
  customer_reply: { inApp: true, email: true },
  team_ticket: { inApp: false, email: false },
  sla_warning: { inApp: true, email: false },
  sla_breached: { inApp: true, email: true },
  escalated: { inApp: true, email: true },
  rule: { inApp: true, email: true },
  chat_waiting: { inApp: true, email: false },
};
export const DEFAULT_DIGEST_INTERVAL: DigestIntervalName = 'hourly';

export const NotificationPreferencesBody = z.strictObject({
  kinds: z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NotificationChannels])) as Record<NotificationKindName, typeof NotificationChannels>),
  digest: DigestInterval,
  /** Customer replies on unassigned tickets of the agent's teams. */
  teamReplies: z.boolean(),
});
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesBody>;

export const NotificationListQuery = z.strictObject({
  ...PageQuery,
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const NotificationIdParams = z.strictObject({ id: Uuid });

/** Response shapes. */
export interface AgentNotification {
  id: string;
  kind: NotificationKindName;
  ticketId: string | null;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  data: AgentNotification[];
  nextCursor: string | null;
  /** In-app notifications the agent has not read, over all pages. */
  unreadCount: number;
}

export interface NotificationPreferences extends NotificationPreferencesInput {
  /** Whether this installation can send e-mail at all (SMTP_URL is set). */
  emailAvailable: boolean;
}
