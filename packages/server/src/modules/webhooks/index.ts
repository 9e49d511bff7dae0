/** Outgoing webhooks: signed, retried, SSRF-safe deliveries of domain events and trigger actions. */
export { enqueueWebhookDelivery } from './deliveries.ts';
export { webhookRoutes } from './routes.ts';
export { webhookJobs, sweepWebhookDeliveries } from './jobs.ts';
export { subscribeWebhookEvents } from './listeners.ts';
export { deliverWebhook } from './attempt.ts';
