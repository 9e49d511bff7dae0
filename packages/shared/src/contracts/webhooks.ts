import { z } from 'zod';
import { NonEmptyText, PageQuery, Text, Uuid } from './common.ts';

/** The WHATWG URL parser, present in browsers and Node; this package is built without either's types. */
declare const URL: new (input: string, base?: string) => { protocol: string; username: string; password: string; hostname: string; port: string; pathname: string };

/**
 * Domain events a webhook can subscribe to directly. Besides these, trigger actions call a
 * webhook with an event name and data of their own.
 */
export const WEBHOOK_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.merged', 'message.created'] as const;
export const WebhookEventName = z.enum(WEBHOOK_EVENTS);
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The event name of the deliveries "Send test event" makes. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** What can be wrong with a webhook URL as written. */
export type WebhookUrlIssue = 'not_url' | 'scheme' | 'credentials' | 'no_host';

const URL_ISSUE_MESSAGES: Record<WebhookUrlIssue, string> = {
  not_url: 'not a URL',
  scheme: 'only http and https URLs can be called',
  credentials: 'a user name or password in the URL is not allowed; receivers check the signature instead',
  no_host: 'the URL has no host',
};

/**
 * Why a URL can never be a webhook target, judged from its text alone (scheme, credentials,
 * host); null when it may be one. The server checks the addresses it resolves to as well, on
 * save and again on every delivery.
 */
export function webhookUrlIssue(raw: string): WebhookUrlIssue | null {
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(raw);
  } catch {
    return 'not_url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (!url.hostname) return 'no_host';
  return null;
}

export const WebhookUrl = z
  .string()
  .max(2000)
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    const issue = webhookUrlIssue(s);
    if (issue) ctx.addIssue({ code: 'custom', message: URL_ISSUE_MESSAGES[issue] });
  });

const WebhookFields = {
  name: NonEmptyText(100),
  url: WebhookUrl,
  description: Text(1000),
  active: z.boolean(),
  /** Domain events that call the webhook by themselves; empty when only triggers call it. */
  events: z
    .array(WebhookEventName)
    .max(WEBHOOK_EVENTS.length)
    .refine((e) => new Set(e).size === e.length, 'an event is listed twice'),
};

export const CreateWebhookBody = z.strictObject({
  ...WebhookFields,
  description: WebhookFields.description.default(''),
  active: WebhookFields.active.default(true),
  events: WebhookFields.events.default([]),
});
/** Changes only the fields given (no defaults, so a missing field keeps its value). */
export const UpdateWebhookBody = z.strictObject(WebhookFields).partial();
export type CreateWebhookInput = z.infer<typeof CreateWebhookBody>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookBody>;

export const RotateWebhookSecretBody = z.strictObject({
  /** Hours during which deliveries carry a signature with the old secret too (0 = replace at once). */
  keepPreviousForHours: z.number().int().min(0).max(168).default(24),
});

/**
 * A host as the URL parser writes it (lower case, IPv4 in dotted decimal, IPv6 in brackets, no
 * trailing dot), or null when `raw` is not a bare host name or IP address (a scheme, port, path
 * or user name is not).
 */
export function normalizeHost(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (!s || /[/?#@\s\\]/.test(s)) return null;
  const bracketed = s.includes(':') && !s.startsWith('[') ? `[${s}]` : s;
  if (bracketed.startsWith('[') !== bracketed.endsWith(']')) return null;
  try {
    const url = new URL(`http://${bracketed}/`);
    if (url.port || url.pathname !== '/') return null;
    return url.hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

export const AllowedHost = z
  .string()
  .max(253)
  .transform((s, ctx) => {
    const host = normalizeHost(s);
    if (host === null) {
      ctx.addIssue({ code: 'custom', message: 'a host name or IP address only, without scheme, port or path' });
      return z.NEVER;
    }
    return host;
  });

export const WebhookSettingsBody = z.strictObject({
  /** Hosts that may resolve to internal addresses (loopback, private, unique-local). Every other check still applies. */
  allowedHosts: z.array(AllowedHost).max(50),
});

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatusName = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** What started a delivery: a subscribed event, a trigger action, the test button, or a redelivery. */
export const WEBHOOK_DELIVERY_SOURCES = ['event', 'trigger', 'test', 'redelivery'] as const;
export type WebhookDeliverySource = (typeof WEBHOOK_DELIVERY_SOURCES)[number];

/**
 * Why an attempt failed. The receiver's response body is never kept: a status code and one of
 * these classes are all the log tells.
 */
export const WEBHOOK_ERROR_CLASSES = ['invalid_url', 'blocked_address', 'dns', 'connection', 'timeout', 'tls', 'redirect', 'http_status', 'inactive'] as const;
export type WebhookErrorClass = (typeof WEBHOOK_ERROR_CLASSES)[number];

export const WebhookDeliveryListQuery = z.strictObject({
  ...PageQuery,
  status: WebhookDeliveryStatus.optional(),
  ticketId: Uuid.optional(),
});

/** Response shapes (the server's presenters return exactly these). */
export interface Webhook {
  id: string;
  name: string;
  url: string;
  description: string;
  active: boolean;
  events: WebhookEventName[];
  /** Always true: the signing secret is shown once, on create and on rotation, never again. */
  hasSecret: boolean;
  secretCreatedAt: string;
  /** While set, deliveries are also signed with the previous secret (after a rotation). */
  previousSecretExpiresAt: string | null;
  lastDelivery: { id: string; status: WebhookDeliveryStatusName; createdAt: string; responseStatus: number | null; errorClass: WebhookErrorClass | null } | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to create and rotate: the only time the secret is shown. */
export interface WebhookWithSecret {
  webhook: Webhook;
  secret: string;
}

export interface WebhookSettings {
  allowedHosts: string[];
}

export interface WebhookAttempt {
  at: string;
  url: string;
  responseStatus: number | null;
  durationMs: number;
  errorClass: WebhookErrorClass | null;
  errorMessage: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  /** The `id` in the payload: the same for a delivery and its redeliveries, so receivers can deduplicate. */
  eventId: string;
  event: string;
  source: WebhookDeliverySource;
  ticketId: string | null;
  ruleId: string | null;
  redeliveryOf: string | null;
  status: WebhookDeliveryStatusName;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  responseStatus: number | null;
  durationMs: number | null;
  errorClass: WebhookErrorClass | null;
  errorMessage: string | null;
  createdAt: string;
}

/** One delivery with what was sent and every attempt. */
export interface WebhookDeliveryDetail extends WebhookDelivery {
  payload: { id: string; event: string; createdAt: string; data: unknown };
  attemptLog: WebhookAttempt[];
}
