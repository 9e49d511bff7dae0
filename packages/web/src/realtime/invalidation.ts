import { keys } from '../api/keys';
import type { DomainEvent } from './messages';

/** Which cached queries a pushed event makes stale: at once, or batched (lists and counts). */
export interface Invalidation {
  now: (readonly unknown[])[];
  batched: (readonly unknown[])[];
}

/**
 * Maps a domain event to query keys. The open ticket refreshes at once; lists and view counts
 * are batched, because a busy queue can send many events per second.
 */
export function invalidationFor(event: DomainEvent): Invalidation {
  const id = event.payload.ticketId;
  const lists = [keys.ticketLists, keys.viewCounts];
  switch (event.type) {
    case 'ticket.created':
      return { now: [], batched: lists };
    case 'ticket.updated':
      return { now: id ? [keys.ticket(id), keys.events(id)] : [], batched: lists };
    case 'message.created':
      return { now: id ? [keys.messages(id), keys.events(id), keys.ticket(id)] : [], batched: lists };
    case 'ticket.merged': {
      const sources = (event.payload.sourceIds ?? []).flatMap((s) => [keys.ticket(s), keys.events(s)]);
      return { now: [...(id ? [keys.ticket(id), keys.messages(id), keys.events(id)] : []), ...sources], batched: lists };
    }
    default:
      return { now: [], batched: [] };
  }
}
