import type { TicketEvent } from './ticket-event.ts';

/** A wait for an agent's answer: from a customer's message (or ticket creation) to the reply. */
export interface ReplyWait {
  startedAt: Date;
  answeredAt: Date | null;
}

/** The reply timeline of one ticket: the first reply, each next-reply wait and the agent replies. */
export interface ReplyTimeline {
  firstReply: ReplyWait | null;
  nextReplies: ReplyWait[];
  agentReplies: number;
}

const INTERNAL_ROLES = new Set(['agent', 'admin']);

function isOpening(e: TicketEvent): boolean {
  return (e.after as { opening?: unknown } | null)?.opening === true;
}

/**
 * A public message by a person holding an internal role at that moment (METRICS §0). The
 * ticket's opening message is never an answer; automations and the system never reply (§9.7).
 */
export function isAgentReply(e: TicketEvent): boolean {
  return e.type === 'reply' && e.actorKind === 'agent' && INTERNAL_ROLES.has(e.actorRole ?? '') && !isOpening(e);
}

/** A public message written by the customer. */
export function isCustomerReply(e: TicketEvent): boolean {
  return e.type === 'reply' && e.actorKind === 'contact';
}

/**
 * Where the first-reply wait starts (METRICS §9.2): at creation when the customer wrote the
 * opening message, otherwise (a ticket opened for the customer, or proactively) at the
 * customer's first public message. -1 when the customer has not written yet.
 */
function firstWaitIndex(events: readonly TicketEvent[]): number {
  const opening = events.find(isOpening);
  if (!opening || opening.actorKind === 'contact') return 0;
  return events.findIndex(isCustomerReply);
}

/**
 * Reads the reply timeline. After the first reply, the oldest unanswered customer message
 * starts a next-reply wait and the next agent reply ends it (METRICS §1.2), so a reopen by the
 * customer starts a new wait (§9.6). A wait nobody has answered yet has `answeredAt: null`.
 */
export function replyTimeline(events: readonly TicketEvent[]): ReplyTimeline {
  const agentReplies = events.filter(isAgentReply).length;
  const start = firstWaitIndex(events);
  if (start < 0) return { firstReply: null, nextReplies: [], agentReplies };
  const answer = events.findIndex((e, i) => i > start && isAgentReply(e));
  const firstReply = { startedAt: events[start]!.createdAt, answeredAt: answer < 0 ? null : events[answer]!.createdAt };
  if (answer < 0) return { firstReply, nextReplies: [], agentReplies };

  const nextReplies: ReplyWait[] = [];
  let waiting: ReplyWait | null = null;
  for (const e of events.slice(answer + 1)) {
    if (!waiting && isCustomerReply(e)) {
      waiting = { startedAt: e.createdAt, answeredAt: null };
      nextReplies.push(waiting);
    } else if (waiting && isAgentReply(e)) {
      waiting.answeredAt = e.createdAt;
      waiting = null;
    }
  }
  return { firstReply, nextReplies, agentReplies };
}
