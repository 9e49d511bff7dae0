import type { Services } from '../../platform/context.ts';
import type { DomainEvent } from '../../platform/events.ts';
import { scheduleDrain } from './request.ts';

/** Ticket changes that can put a ticket in a queue, free capacity or change who qualifies. */
const ROUTING_CHANGES = new Set(['team_changed', 'assignee_changed', 'status_changed', 'reopened', 'priority_changed', 'type_changed', 'custom_changed', 'requester_changed']);

/**
 * Whether an event can make routing assign something: a ticket entering a routed team, capacity
 * freed (solved, closed, reassigned), an agent's status, capacity or skills changed, or a team's
 * routing changed.
 */
export function triggersRouting(e: DomainEvent): boolean {
  switch (e.type) {
    case 'ticket.created':
      return e.payload.teamId !== null && e.payload.assigneeId === null;
    case 'ticket.updated':
      return e.payload.changes.some((c) => ROUTING_CHANGES.has(c));
    case 'chat.updated':
      // A chat the answer bot handed over enters the queue.
      return e.payload.change === 'handed_over';
    case 'ticket.merged':
    case 'ticket.escalated':
    case 'agent.status_changed':
    case 'agent.routing_updated':
    case 'agent.updated':
    case 'team.routing_updated':
      return true;
    default:
      return false;
  }
}

/** Worker role: every event that can make routing assign something schedules a (debounced) drain job. */
export function subscribeRouting(services: Services): () => void {
  return services.events.subscribe(async (e) => {
    if (triggersRouting(e)) await scheduleDrain(services);
  });
}
