import { and, count, eq, gte } from 'drizzle-orm';
import type { ActionOutcome, RuleActionValue } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db.ts';
import type { DomainEvent, Emit } from '../../platform/events.ts';
import { AppError } from '../../platform/errors.ts';
import { agents, teamMembers, teams } from '../auth/schema.ts';
import { messages, ticketFields } from '../tickets/schema.ts';
import { findTicket, type TicketView } from '../tickets/repository.ts';
import type { TicketChangeSet } from '../tickets/changes.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { applyMacroInTx, enqueueWebhookDelivery, notify, requestRouting, webhooks } from './integrations.ts';
import { loadFacts, type MessageFacts } from './facts.ts';
import { AGENT_MAIL_OPTIONS, agentMailRef, resolveRecipients } from './messaging.ts';
import { postAutomationReply } from './reply.ts';
import { oneLine, renderTemplate, templateVars } from './templates.ts';
import { sendInTx } from '../../platform/jobs.ts';

/** Where a rule's actions run: its context (actor = the rule), the open transaction, and work for after commit. */
export interface ActionRun {
  ctx: Ctx;
  tx: Tx;
  emit: Emit;
  rule: { id: string; name: string };
  ticketId: string;
  /** The event the rule reacted to, or `schedule`. */
  event: string;
  /** Runs after the transaction committed (routing requests). */
  afterCommit: (() => Promise<void>)[];
  /** The message the event is about, if any. */
  message?: MessageFacts | null;
}

/** Automatic replies to one ticket allowed per hour: a loop with another system's auto-responder stops here (SECURITY 17). */
export const MAX_AUTO_REPLIES_PER_HOUR = 3;

/** Why the rule must not write to the customer now: answering an auto-reply, or too many replies already. */
async function replyBlocked(run: ActionRun): Promise<string | null> {
  if (run.message?.automated) return 'auto_reply_loop';
  const since = new Date(run.ctx.clock.now().getTime() - 3_600_000);
  const [row] = await run.tx
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.ticketId, run.ticketId), eq(messages.authorKind, 'automation'), eq(messages.kind, 'public'), gte(messages.createdAt, since)));
  return Number(row?.n ?? 0) >= MAX_AUTO_REPLIES_PER_HOUR ? 'reply_limit' : null;
}

export type FieldAction = Extract<RuleActionValue, { type: 'set_status' | 'set_priority' | 'set_type' | 'set_team' | 'set_assignee' | 'set_custom' | 'add_tags' | 'remove_tags' }>;
const FIELD_ACTIONS = new Set<RuleActionValue['type']>(['set_status', 'set_priority', 'set_type', 'set_team', 'set_assignee', 'set_custom', 'add_tags', 'remove_tags']);
export const isFieldAction = (a: RuleActionValue): a is FieldAction => FIELD_ACTIONS.has(a.type);

const done = (type: RuleActionValue['type']): ActionOutcome => ({ type, status: 'done' });
const skipped = (type: RuleActionValue['type'], reason: string): ActionOutcome => ({ type, status: 'skipped', reason });
const failed = (type: RuleActionValue['type'], reason: string): ActionOutcome => ({ type, status: 'failed', reason });

/**
 * Runs `fn` inside a savepoint: when it throws, only its own writes are undone and the events it
 * emitted are dropped, so one failing action does not take the others with it.
 */
async function isolated<T>(run: ActionRun, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const buffered: DomainEvent[] = [];
  const out = await run.tx.transaction((sp) => fn(sp, (e) => buffered.push(e)));
  for (const e of buffered) run.emit(e);
  return out;
}

const reasonOf = (err: unknown) => (err instanceof AppError ? err.message : 'unexpected error');

/** Why a field action would do nothing or cannot run now; null when it can. */
export async function fieldActionProblem(tx: Executor, a: FieldAction, t: TicketView): Promise<string | null> {
  switch (a.type) {
    case 'set_status': return t.status === a.value ? 'no_change' : null;
    case 'set_priority': return t.priority === a.value ? 'no_change' : null;
    case 'set_type': return t.type === a.value ? 'no_change' : null;
    case 'set_team': {
      if (t.teamId === a.teamId) return 'no_change';
      if (!a.teamId) return null;
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, a.teamId));
      return team ? null : 'team_gone';
    }
    case 'set_assignee': {
      if (t.assigneeId === a.agentId) return 'no_change';
      if (!a.agentId) return null;
      const [agent] = await tx.select({ active: agents.active, role: agents.role }).from(agents).where(eq(agents.id, a.agentId));
      return agent && agent.active && agent.role !== 'readonly' ? null : 'agent_gone';
    }
    case 'set_custom': {
      const [field] = await tx.select({ active: ticketFields.active }).from(ticketFields).where(eq(ticketFields.key, a.key));
      if (!field?.active) return 'field_gone';
      return JSON.stringify(t.custom[a.key] ?? null) === JSON.stringify(a.value) ? 'no_change' : null;
    }
    case 'add_tags': return a.tags.every((tag) => t.tags.includes(tag)) ? 'no_change' : null;
    case 'remove_tags': return a.tags.some((tag) => t.tags.includes(tag)) ? null : 'no_change';
  }
}

/** Folds field actions into one change set, in order (a later action wins). */
export async function changeSetOf(tx: Executor, list: FieldAction[], t: TicketView): Promise<TicketChangeSet> {
  const c: TicketChangeSet = {};
  let tags: Set<string> | null = null;
  for (const a of list) {
    if (a.type === 'set_status') c.status = a.value;
    else if (a.type === 'set_priority') c.priority = a.value;
    else if (a.type === 'set_type') c.type = a.value;
    else if (a.type === 'set_team') c.teamId = a.teamId;
    else if (a.type === 'set_assignee') c.assigneeId = a.agentId;
    else if (a.type === 'set_custom') c.custom = { ...c.custom, [a.key]: a.value };
    else {
      tags ??= new Set(t.tags);
      for (const tag of a.tags) {
        if (a.type === 'add_tags') tags.add(tag);
        else tags.delete(tag);
      }
    }
  }
  if (tags) c.tags = [...tags];
  // Handing the ticket to a team its assignee is not in leaves it unassigned, as a person would.
  const assignee = c.assigneeId !== undefined ? c.assigneeId : t.assigneeId;
  if (c.teamId && assignee && c.teamId !== t.teamId) {
    const [member] = await tx.select({ a: teamMembers.agentId }).from(teamMembers).where(and(eq(teamMembers.teamId, c.teamId), eq(teamMembers.agentId, assignee)));
    if (!member) c.assigneeId = null;
  }
  return c;
}

/** Applies consecutive field actions as one change (one event-log update, one `ticket.updated`). */
async function applyFieldActions(run: ActionRun, list: FieldAction[]): Promise<ActionOutcome[]> {
  const t = await findTicket(run.tx, run.ticketId);
  if (!t) return list.map((a) => skipped(a.type, 'ticket_gone'));
  const outcomes: ActionOutcome[] = [];
  const live: FieldAction[] = [];
  for (const a of list) {
    const problem = await fieldActionProblem(run.tx, a, t);
    outcomes.push(problem ? skipped(a.type, problem) : done(a.type));
    if (!problem) live.push(a);
  }
  if (live.length === 0) return outcomes;
  try {
    await isolated(run, async (tx, emit) => applyTicketChanges(tx, run.ctx, emit, run.ticketId, await changeSetOf(tx, live, t)));
    return outcomes;
  } catch (err) {
    run.ctx.log.warn({ err, ruleId: run.rule.id, ticketId: run.ticketId }, 'automation could not change the ticket');
    return outcomes.map((o) => (o.status === 'done' ? failed(o.type, reasonOf(err)) : o));
  }
}

/** Fresh placeholder values: earlier actions may have changed the ticket. */
async function varsNow(run: ActionRun) {
  const t = await findTicket(run.tx, run.ticketId);
  if (!t) return null;
  const facts = await loadFacts(run.tx, t);
  return { t, vars: await templateVars(run.tx, facts, run.ctx.config.PUBLIC_URL) };
}

/** One action that is not a field change. */
async function applyOther(run: ActionRun, a: Exclude<RuleActionValue, FieldAction>): Promise<ActionOutcome> {
  const { ctx } = run;
  switch (a.type) {
    case 'route':
      run.afterCommit.push(() => requestRouting(ctx, run.ticketId));
      return done(a.type);
    case 'email_requester': {
      const now = await varsNow(run);
      if (!now) return skipped(a.type, 'ticket_gone');
      if (now.t.status === 'closed') return skipped(a.type, 'ticket_closed');
      const blocked = await replyBlocked(run);
      if (blocked) return skipped(a.type, blocked);
      await isolated(run, (tx, emit) => postAutomationReply(tx, ctx, emit, run.ticketId, renderTemplate(a.body, now.vars)));
      return done(a.type);
    }
    case 'email_agents': {
      const now = await varsNow(run);
      if (!now) return skipped(a.type, 'ticket_gone');
      const to = await resolveRecipients(run.tx, a.recipients, now.t.assigneeId);
      if (to.agents.length === 0) return skipped(a.type, 'no_recipients');
      if (!ctx.mailer.configured) return skipped(a.type, 'mail_not_configured');
      const subject = oneLine(renderTemplate(a.subject, now.vars));
      const text = renderTemplate(a.body, now.vars);
      for (const agent of to.agents) await sendInTx(ctx.jobs, run.tx, agentMailRef, { to: agent.email, subject, text }, AGENT_MAIL_OPTIONS);
      return done(a.type);
    }
    case 'notify': {
      const now = await varsNow(run);
      if (!now) return skipped(a.type, 'ticket_gone');
      const to = await resolveRecipients(run.tx, a.recipients, now.t.assigneeId);
      if (to.agents.length === 0) return skipped(a.type, 'no_recipients');
      const agentIds = [...new Set([...a.recipients.agentIds, ...(a.recipients.assignee && now.t.assigneeId ? [now.t.assigneeId] : [])])].filter((id) => to.agents.some((x) => x.id === id));
      await isolated(run, (tx) =>
        notify(tx, ctx, { agentIds, teamIds: to.teamIds, kind: 'rule', ticketId: run.ticketId, title: oneLine(renderTemplate(a.title, now.vars)), body: a.body ? renderTemplate(a.body, now.vars) : undefined }),
      );
      return done(a.type);
    }
    case 'webhook': {
      const [hook] = await run.tx.select({ active: webhooks.active }).from(webhooks).where(eq(webhooks.id, a.webhookId));
      if (!hook) return skipped(a.type, 'webhook_gone');
      if (!hook.active) return skipped(a.type, 'webhook_inactive');
      const t = await findTicket(run.tx, run.ticketId);
      if (!t) return skipped(a.type, 'ticket_gone');
      const payload = {
        rule: run.rule,
        event: run.event,
        ticket: { id: t.id, number: t.number, subject: t.subject, status: t.status, priority: t.priority, type: t.type, teamId: t.teamId, assigneeId: t.assigneeId, tags: t.tags },
      };
      await isolated(run, (tx) => enqueueWebhookDelivery(tx, ctx, { webhookId: a.webhookId, event: 'automation.rule', payload, ticketId: run.ticketId, ruleId: run.rule.id }));
      return done(a.type);
    }
    case 'apply_macro':
      await isolated(run, (tx, emit) => applyMacroInTx(tx, ctx, emit, run.ticketId, a.macroId, { post: a.post }));
      return done(a.type);
  }
}

/**
 * Runs a rule's actions in order inside its transaction. Consecutive field changes are applied
 * together; every other action on its own. An action whose target vanished (a deleted team,
 * agent, field, webhook or macro) is skipped with the reason; one that fails is undone alone.
 */
export async function runActions(run: ActionRun, actions: readonly RuleActionValue[]): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  let batch: FieldAction[] = [];
  const flush = async () => {
    if (batch.length) outcomes.push(...(await applyFieldActions(run, batch)));
    batch = [];
  };
  for (const a of actions) {
    if (isFieldAction(a)) {
      batch.push(a);
      continue;
    }
    await flush();
    try {
      outcomes.push(await applyOther(run, a));
    } catch (err) {
      run.ctx.log.warn({ err, ruleId: run.rule.id, ticketId: run.ticketId, action: a.type }, 'automation action failed');
      const unusable = err instanceof AppError && err.code === 'validation_failed';
      outcomes.push(unusable ? skipped(a.type, a.type === 'apply_macro' ? 'macro_unusable' : reasonOf(err)) : failed(a.type, reasonOf(err)));
    }
  }
  await flush();
  return outcomes;
}
