import { WEBHOOK_EVENTS, webhookUrlIssue, type Webhook, type WebhookEventName, type WebhookUrlIssue } from '@servus/shared';

/** What the webhook dialog edits. */
export interface WebhookFormState {
  name: string;
  url: string;
  description: string;
  active: boolean;
  events: WebhookEventName[];
}

export const WEBHOOK_FORM_FIELDS = ['name', 'url', 'description', 'active', 'events'] as const;

export function initialWebhookState(w: Webhook | null): WebhookFormState {
  return w
    ? { name: w.name, url: w.url, description: w.description, active: w.active, events: [...w.events] }
    : { name: '', url: 'https://', description: '', active: true, events: [] };
}

const URL_ISSUE_KEYS: Record<WebhookUrlIssue, string> = {
  not_url: 'webhooks.form.urlInvalid',
  no_host: 'webhooks.form.urlInvalid',
  scheme: 'webhooks.form.urlScheme',
  credentials: 'webhooks.form.urlCredentials',
};

/**
 * The translation key for what is wrong with a URL as typed, or null. The server checks the
 * addresses behind it as well and explains on the field when it refuses them.
 */
export function urlProblemKey(raw: string): string | null {
  const s = raw.trim();
  if (!s || s === 'https://' || s === 'http://') return 'validation.required';
  const issue = webhookUrlIssue(s);
  return issue ? URL_ISSUE_KEYS[issue] : null;
}

/** Field messages (as translation keys) for checks the browser can make; empty when the form may be sent. */
export function validateWebhook(s: WebhookFormState): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!s.name.trim()) errors.name = 'validation.required';
  const url = urlProblemKey(s.url);
  if (url) errors.url = url;
  return errors;
}

/** The request body: every field on create; on edit the same (the server keeps what it is sent). */
export function webhookBody(s: WebhookFormState) {
  return {
    name: s.name.trim(),
    url: s.url.trim(),
    description: s.description.trim(),
    active: s.active,
    events: WEBHOOK_EVENTS.filter((e) => s.events.includes(e)),
  };
}
