import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TriggerEventName } from '@servus/shared';
import type { Services } from '../../platform/context.ts';
import { changesOf, isOpeningMessage, messageFacts } from './facts.ts';
import { MAX_CHAIN_DEPTH, runRule, stopChain, type RuleRow, type RunTarget } from './runner.ts';
import { automationRules } from './schema.ts';

/** An outbox event as the automation job carries it. */
export const AutomationEventPayload = z.object({
  eventId: z.number().int(),
  type: z.string().max(100),
  payload: z.record(z.string(), z.unknown()),
  actor: z.object({ kind: z.enum(['agent', 'contact', 'automation', 'system']), id: z.string().nullable() }),
  cause: z.object({ ruleIds: z.array(z.string()).max(20), depth: z.number().int().min(0) }).optional(),
  createdAt: z.string(),
});
export type AutomationEvent = z.infer<typeof AutomationEventPayload>;

/** The trigger event an outbox event may be, before looking at the database; null when no trigger cares. */
export function triggerEventOf(e: { type: string; payload: unknown }): TriggerEventName | null {
  const p = e.payload as { changes?: unknown; kind?: unknown; authorKind?: unknown };
  switch (e.type) {
    case 'ticket.created':
    case 'ticket.sla_warning':
    case 'ticket.sla_breached':
    case 'chat.missed':
      return e.type;
    case 'ticket.updated':
      // A new message alone is a message event, not an update of the ticket's fields.
      return Array.isArray(p.changes) && p.changes.some((c) => c !== 'message') ? 'ticket.updated' : null;
    case 'survey.rated':
      return typeof (p as { ticketId?: unknown }).ticketId === 'string' && p.kind === 'csat' ? 'survey.rated' : null;
    case 'message.created':
      if (p.kind !== 'public') return null;
      if (p.authorKind === 'contact') return 'message.received';
      if (p.authorKind === 'agent') return 'message.sent';
      return null;
    default:
      return null;
  }
}

/** Active triggers for an event, in order. */
export async function triggersFor(services: Services, event: TriggerEventName): Promise<RuleRow[]> {
  return services.database.db
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.kind, 'trigger'), eq(automationRules.active, true), sql`${event} = any(${automationRules.events})`))
    .orderBy(asc(automationRules.position), asc(automationRules.id));
}

/**
 * Runs the triggers for one committed event, in order, each at most once (the run key is the
 * event's outbox id, so a repeated job does nothing twice). The rule whose action wrote the
 * event does not run on it again; when the event comes at the end of a chain of
 * MAX_CHAIN_DEPTH rules, the rules that would act are stopped and marked instead.
 */
export async function handleAutomationEvent(services: Services, e: AutomationEvent): Promise<void> {
  const event = triggerEventOf(e);
  const ticketId = typeof e.payload.ticketId === 'string' ? e.payload.ticketId : null;
  if (!event || !ticketId) return;
  let rules = await triggersFor(services, event);
  const direct = e.cause?.ruleIds.at(-1);
  rules = rules.filter((r) => r.id !== direct);
  if (rules.length === 0) return;
  const db = services.database.db;
  const messageId = typeof e.payload.messageId === 'string' ? e.payload.messageId : null;
  if (messageId && (await isOpeningMessage(db, messageId))) return;
  const target: RunTarget = {
    ticketId,
    event,
    message: messageId ? await messageFacts(db, messageId) : null,
    changes: event === 'ticket.updated' ? await changesOf(db, ticketId, e.payload.changes as string[], new Date(e.createdAt), e.actor) : null,
    survey: event === 'survey.rated' ? { good: typeof e.payload.good === 'boolean' ? e.payload.good : null } : null,
    cause: e.cause,
    key: () => `event:${e.eventId}`,
  };
  if ((e.cause?.depth ?? 0) >= MAX_CHAIN_DEPTH) {
    const stopped = await stopChain(services, rules, target);
    if (stopped.length) services.log.warn({ ticketId, ruleIds: stopped, chain: e.cause?.ruleIds }, 'automation chain stopped at the depth limit');
    return;
  }
  for (const rule of rules) await runRule(services, rule, target);
}
