/** Contracts shared by the server, the web app and the widget: zod schemas and their types. */
export * from './contracts/common.ts';
export * from './contracts/agents.ts';
export * from './contracts/contacts.ts';
export * from './contracts/tickets.ts';
export * from './contracts/realtime.ts';
export * from './contracts/channels.ts';
export * from './contracts/calendars.ts';
export * from './contracts/sla.ts';
export * from './contracts/routing.ts';
export * from './contracts/automation.ts';
export * from './contracts/macros.ts';
export * from './contracts/notifications.ts';
export * from './contracts/webhooks.ts';
export * from './contracts/chat.ts';
export * from './contracts/surveys.ts';
export * from './contracts/staffing.ts';
export * from './contracts/reports.ts';
