import type { Message, TicketEvent } from '../../api/types';

/** One entry in the thread: a message, or a change shown as a compact system line. */
export type ThreadItem = { kind: 'message'; at: string; message: Message } | { kind: 'event'; at: string; event: TicketEvent };

/** Event types that are messages themselves (shown as the message, not as a line). */
const MESSAGE_EVENTS = new Set(['reply', 'note']);

/**
 * Merges messages and the event log into one list, oldest first. Change events become system
 * lines; system messages that only restate a merge (written with the merge event) are left
 * out, since the event line says the same in the agent's language.
 */
export function buildTimeline(messages: readonly Message[], events: readonly TicketEvent[]): ThreadItem[] {
  const mergeTimes = new Set(events.filter((e) => e.type === 'merged' || e.type === 'merged_into').map((e) => e.createdAt));
  const referenced = new Set(events.map((e) => e.messageId).filter(Boolean));
  const items: ThreadItem[] = [];
  for (const m of messages) {
    if (m.kind === 'system' && (referenced.has(m.id) || mergeTimes.has(m.createdAt))) continue;
    items.push({ kind: 'message', at: m.createdAt, message: m });
  }
  for (const e of events) {
    if (MESSAGE_EVENTS.has(e.type)) continue;
    items.push({ kind: 'event', at: e.createdAt, event: e });
  }
  return items.sort((a, b) => (a.at === b.at ? (a.kind === 'message' ? -1 : 1) - (b.kind === 'message' ? -1 : 1) : a.at.localeCompare(b.at)));
}

/** Tags added and removed between two tag lists. */
export function tagDiff(before: unknown, after: unknown): { added: string[]; removed: string[] } {
  const b = Array.isArray(before) ? (before as string[]) : [];
  const a = Array.isArray(after) ? (after as string[]) : [];
  return { added: a.filter((x) => !b.includes(x)), removed: b.filter((x) => !a.includes(x)) };
}

/** Custom field keys whose value changed. */
export function customDiff(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
