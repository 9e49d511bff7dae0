/** Contracts shared by the server, the web app and the widget: zod schemas and their types. */
export * from './contracts/common.ts';
export * from './contracts/agents.ts';
export * from './contracts/contacts.ts';
export * from './contracts/tickets.ts';
export * from './contracts/realtime.ts';
export * from './contracts/channels.ts';
export * from './contracts/calendars.ts';
export * from './contracts/sla.ts';
