import { eq, sql } from 'drizzle-orm';
import type { ActionOutcome, AutomationRunStatus } from '@servus/shared';
import { inTransaction, makeCtx, type Ctx, type Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import type { EventCause } from '../../platform/events.ts';
import { findTicket } from '../tickets/repository.ts';
import { appendHistory } from '../tickets/history.ts';
import { runActions, type ActionRun } from './actions.ts';
import { conditionsHold } from './evaluate.ts';
import { loadFacts, type Changes, type MessageFacts, type TicketFacts } from './facts.ts';
import { automationRules, automationRuns } from './schema.ts';

export type RuleRow = typeof automationRules.$inferSelect;

/** How deep a chain of rules may go: a rule acting on an event that this many rules in a row led to is stopped. */
export const MAX_CHAIN_DEPTH = 5;

/** What a rule runs on: a ticket, the event (or schedule) and what led to it. */
export interface RunTarget {
  ticketId: string;
  /** `ticket.updated`, `schedule`… as the run log shows it. */
  event: string;
  /** The event's facts beyond the ticket. */
  message?: MessageFacts | null;
  changes?: Changes | null;
  /** The rating of a "survey rated" event. */
  survey?: { good: boolean | null } | null;
  /** The rules that led to the event, and how many in a row. */
  cause?: EventCause;
  /** The run's unique key for this rule: the event, or the ticket's qualifying period. */
  key(facts: TicketFacts): string;
}

/** The result of one rule on one ticket; null when it did not match or had already run. */
export interface RunResult {
  status: AutomationRunStatus;
  actions: ActionOutcome[];
}

function statusOf(outcomes: ActionOutcome[]): { status: AutomationRunStatus; error: string | null } {
  const failure = outcomes.find((o) => o.status === 'failed');
  if (failure) return { status: 'failed', error: `${failure.type}: ${failure.reason ?? 'failed'}` };
  return { status: outcomes.some((o) => o.status === 'done') ? 'applied' : 'skipped', error: null };
}

async function countRun(db: Executor, ruleId: string, at: Date): Promise<void> {
  await db.update(automationRules).set({ runCount: sql`${automationRules.runCount} + 1`, lastRunAt: at }).where(eq(automationRules.id, ruleId));
}

/** The context a rule acts in: the rule is the actor, and its events carry the chain that led to them. */
export function ruleCtx(services: Services, rule: Pick<RuleRow, 'id'>, cause?: EventCause): Ctx {
  const ctx = makeCtx(services, { kind: 'automation', id: rule.id });
  ctx.cause = { ruleIds: [...(cause?.ruleIds ?? []), rule.id].slice(-MAX_CHAIN_DEPTH - 1), depth: (cause?.depth ?? 0) + 1 };
  return ctx;
}

/**
 * Runs one rule on one ticket in its own transaction: re-reads the ticket (so it sees what
 * earlier rules did), checks the conditions, claims the run (rule + key, at most once) and runs
 * the actions. Routing requests go out after commit. An unexpected error is recorded as a
 * failed run in a transaction of its own.
 */
export async function runRule(services: Services, rule: RuleRow, target: RunTarget): Promise<RunResult | null> {
  const ctx = ruleCtx(services, rule, target.cause);
  const afterCommit: ActionRun['afterCommit'] = [];
  const state: { claimed: { key: string; number: number } | null } = { claimed: null };
  try {
    const result = await inTransaction(ctx, async (tx, emit) => {
      const t = await findTicket(tx, target.ticketId, { forUpdate: true });
      if (!t) return null;
      const now = ctx.clock.now();
      const facts = await loadFacts(tx, t, { message: target.message, changes: target.changes, survey: target.survey });
      if (!conditionsHold(rule.conditions, facts, now)) return null;
      const key = target.key(facts);
      const [run] = await tx
        .insert(automationRuns)
        .values({ ruleId: rule.id, ticketId: t.id, ticketNumber: t.number, eventKey: key, event: target.event, status: 'applied', depth: target.cause?.depth ?? 0, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: automationRuns.id });
      if (!run) return null;
      state.claimed = { key, number: t.number };
      const actions = await runActions({ ctx, tx, emit, rule: { id: rule.id, name: rule.name }, ticketId: t.id, event: target.event, afterCommit, message: target.message }, rule.actions);
      const { status, error } = statusOf(actions);
      await tx.update(automationRuns).set({ status, error, actions }).where(eq(automationRuns.id, run.id));
      await countRun(tx, rule.id, now);
      return { status, actions };
    });
    for (const work of afterCommit) {
      await work().catch((err: unknown) => services.log.error({ err, ruleId: rule.id }, 'automation follow-up failed'));
    }
    return result;
  } catch (err) {
    services.log.error({ err, ruleId: rule.id, ticketId: target.ticketId }, 'automation rule failed');
    if (!state.claimed) throw err;
    const { key, number } = state.claimed;
    await inTransaction(ctx, async (tx) => {
      const now = ctx.clock.now();
      const rows = await tx
        .insert(automationRuns)
        .values({ ruleId: rule.id, ticketId: target.ticketId, ticketNumber: number, eventKey: key, event: target.event, status: 'failed', error: (err as Error).message?.slice(0, 500) ?? 'failed', depth: target.cause?.depth ?? 0, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: automationRuns.id });
      if (rows.length) await countRun(tx, rule.id, now);
    });
    return { status: 'failed', actions: [] };
  }
}

/**
 * A chain of rules went too deep: records a `depth_exceeded` run for each rule that would have
 * acted, marks those rules with a warning and writes one ticket event. Nothing else happens, so
 * the chain ends here. Idempotent per rule and event. Returns the rules stopped.
 */
export async function stopChain(services: Services, rules: RuleRow[], target: RunTarget): Promise<string[]> {
  const direct = target.cause?.ruleIds.at(-1) ?? null;
  const ctx = makeCtx(services, { kind: 'automation', id: direct });
  return inTransaction(ctx, async (tx) => {
    const t = await findTicket(tx, target.ticketId, { forUpdate: true });
    if (!t) return [];
    const now = ctx.clock.now();
    const facts = await loadFacts(tx, t, { message: target.message, changes: target.changes, survey: target.survey });
    const stopped: string[] = [];
    for (const rule of rules) {
      if (!conditionsHold(rule.conditions, facts, now)) continue;
      const [run] = await tx
        .insert(automationRuns)
        .values({ ruleId: rule.id, ticketId: t.id, ticketNumber: t.number, eventKey: target.key(facts), event: target.event, status: 'depth_exceeded', error: `stopped: ${target.cause?.depth ?? 0} rules in a row`, depth: target.cause?.depth ?? 0, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: automationRuns.id });
      if (!run) continue;
      stopped.push(rule.id);
      await tx
        .update(automationRules)
        .set({ warning: { code: 'depth_exceeded', at: now.toISOString(), ticketId: t.id, ticketNumber: t.number }, runCount: sql`${automationRules.runCount} + 1`, lastRunAt: now })
        .where(eq(automationRules.id, rule.id));
    }
    if (stopped.length) {
      await appendHistory(tx, ctx, t.id, [{ type: 'automation_depth_exceeded', after: { event: target.event, ruleIds: stopped, chain: target.cause?.ruleIds ?? [], depth: target.cause?.depth ?? 0 } }], now);
    }
    return stopped;
  });
}
