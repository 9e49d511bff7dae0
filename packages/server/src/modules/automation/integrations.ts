/**
 * What automation asks of other modules: routing, macros, in-app notifications and webhooks,
 * each through the function that module offers for it.
 */
export { requestRouting } from '../routing/request.ts';
export { applyMacroInTx } from '../macros/apply.ts';
export { notify } from '../notifications/notify.ts';
export { enqueueWebhookDelivery } from '../webhooks/deliveries.ts';
export { macros } from '../macros/schema.ts';
export { webhooks } from '../webhooks/schema.ts';
