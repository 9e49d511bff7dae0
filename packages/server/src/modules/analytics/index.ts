/** Ticket metrics computed from the ticket event log: reply, wait and resolution times, touch rates. */
export type { TicketEvent, TicketStatus } from './ticket-event.ts';
export { ticketMetrics, type MetricMinutes, type NextReplyInstance, type TicketMetrics, type TicketMetricsOptions } from './ticket-metrics.ts';
export { touchRates, type TouchRates } from './touch-rates.ts';
