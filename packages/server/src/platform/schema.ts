/** Every module's tables, gathered for Drizzle and drizzle-kit. */
export * from '../modules/auth/schema.ts';
export * from '../modules/contacts/schema.ts';
export * from '../modules/tickets/schema.ts';
export * from '../modules/system/schema.ts';
export * from '../modules/auth/invites-schema.ts';
export * from '../modules/views/schema.ts';
export * from '../modules/channels/schema.ts';
export * from '../modules/email/schema.ts';
export * from '../modules/sla/schema.ts';
export * from '../modules/routing/schema.ts';
export * from '../modules/automation/schema.ts';
export * from '../modules/macros/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/webhooks/schema.ts';
export * from '../modules/chat/schema.ts';
