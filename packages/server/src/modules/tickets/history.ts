import type { Tx } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { ticketEvents } from './schema.ts';

/** The kinds of entries in the ticket event log. */
export type TicketEventType =
  | 'created'
  | 'status_changed'
  | 'reopened'
  | 'assignee_changed'
  | 'team_changed'
  | 'priority_changed'
  | 'type_changed'
  | 'subject_changed'
  | 'tags_changed'
  | 'custom_changed'
  | 'requester_changed'
  | 'reply'
  | 'note'
  | 'merged'
  | 'merged_into'
  /** An SLA target is about to breach (once per target instance; written by the sla.check job). */
  | 'sla_warning'
  /** An SLA target breached (once per target instance). */
  | 'sla_breached'
  /** Routing chose the assignee (after: agentId, mode, channel, load, capacity, skills). */
  | 'routed'
  /** The assignee went offline and routing put the ticket back in the queue (after: agentId, reason). */
  | 'requeued'
  /** Moved to an escalation tier (after: fromTeamId, toTeamId, tier, kind, reason). */
  | 'escalated'
  /** A chain of automation rules reached the depth limit and stopped (after: event, ruleIds, depth). */
  | 'automation_depth_exceeded'
  /** A visitor opened a live chat (after: conversationId, channelId, visitorId). */
  | 'chat_started'
  /** An agent's first message in a chat (after: conversationId, agentId, waitSeconds = first agent message − chat start). */
  | 'chat_accepted'
  /** The visitor left before any agent answered (after: conversationId, waitedSeconds). */
  | 'chat_missed'
  /** The visitor left after an agent's message, with a message of their own unanswered (after: conversationId, agentId). */
  | 'chat_dropped'
  /** A chat was handed to another agent or team (before/after: agentId, teamId). */
  | 'chat_transferred'
  /** A chat ended (after: conversationId, reason, durationSeconds). */
  | 'chat_ended'
  /** A chat became a regular ticket answered by email (before/after: channel). */
  | 'chat_converted'
  /** A message from the widget's offline form; left out of every chat count (after: channelId). */
  | 'chat_offline_message';

export interface HistoryEntry {
  type: TicketEventType;
  before?: unknown;
  after?: unknown;
  messageId?: string | null;
  /** Who did this, when not the context's actor (e.g. the customer's opening message). */
  actor?: { kind: 'contact'; id: string };
}

/** Appends entries to the ticket event log with the acting party and its role at this moment. */
export async function appendHistory(tx: Tx, ctx: Ctx, ticketId: string, entries: HistoryEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(ticketEvents).values(
    entries.map((e) => ({
      ticketId,
      type: e.type,
      actorKind: (e.actor ?? ctx.actor).kind,
      actorId: (e.actor ?? ctx.actor).id,
      actorRole: !e.actor && ctx.actor.kind === 'agent' ? ctx.actor.role : null,
      before: e.before === undefined ? null : (e.before as object),
      after: e.after === undefined ? null : (e.after as object),
      messageId: e.messageId ?? null,
      createdAt: at,
    })),
  );
}
