import { eq } from 'drizzle-orm';
import type { AutomationPreview, PreviewAction, PreviewAutomationInput, RuleActionValue } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { agents, teams } from '../auth/schema.ts';
import { tickets } from '../tickets/schema.ts';
import { ticketColumns, type TicketView } from '../tickets/repository.ts';
import { canSeeTicket } from '../tickets/policies.ts';
import { changeSetOf, fieldActionProblem, isFieldAction, type FieldAction } from './actions.ts';
import { explainConditions } from './evaluate.ts';
import { latestChanges, latestMessageFacts, loadFacts } from './facts.ts';
import { macros, webhooks } from './integrations.ts';
import { resolveRecipients } from './messaging.ts';
import { oneLine, renderTemplate, templateVars } from './templates.ts';

async function nameOf(db: Executor, table: typeof agents | typeof teams, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: table.name }).from(table).where(eq(table.id, id));
  return row?.name ?? null;
}

/** What one field action would change, on the ticket as the earlier actions left it. */
async function describeField(db: Executor, a: FieldAction, t: TicketView): Promise<PreviewAction> {
  const problem = await fieldActionProblem(db, a, t);
  const base = { type: a.type, ...(problem && { skipped: problem }) };
  switch (a.type) {
    case 'set_status': return { ...base, effect: `status ${t.status} → ${a.value}`, detail: { from: t.status, to: a.value } };
    case 'set_priority': return { ...base, effect: `priority ${t.priority} → ${a.value}`, detail: { from: t.priority, to: a.value } };
    case 'set_type': return { ...base, effect: `type ${t.type ?? '-'} → ${a.value ?? '-'}`, detail: { from: t.type, to: a.value } };
    case 'set_team': {
      const [from, to] = [await nameOf(db, teams, t.teamId), await nameOf(db, teams, a.teamId)];
      return { ...base, effect: `team ${from ?? '-'} → ${to ?? '-'}`, detail: { from, to } };
    }
    case 'set_assignee': {
      const [from, to] = [await nameOf(db, agents, t.assigneeId), await nameOf(db, agents, a.agentId)];
      return { ...base, effect: `assignee ${from ?? '-'} → ${to ?? '-'}`, detail: { from, to } };
    }
    case 'set_custom': return { ...base, effect: `${a.key} → ${String(a.value)}`, detail: { key: a.key, from: t.custom[a.key] ?? null, to: a.value } };
    case 'add_tags': {
      const added = a.tags.filter((x) => !t.tags.includes(x));
      return { ...base, effect: `add tags ${added.join(', ')}`, detail: { tags: added } };
    }
    case 'remove_tags': {
      const removed = a.tags.filter((x) => t.tags.includes(x));
      return { ...base, effect: `remove tags ${removed.join(', ')}`, detail: { tags: removed } };
    }
  }
}

/** What another action would do: its recipients, rendered texts, webhook or macro. */
async function describeOther(ctx: Ctx, a: RuleActionValue, t: TicketView): Promise<PreviewAction> {
  const db = ctx.db;
  const facts = await loadFacts(db, t);
  const vars = await templateVars(db, facts, ctx.config.PUBLIC_URL);
  switch (a.type) {
    case 'route': {
      const team = await nameOf(db, teams, t.teamId);
      const skipped = t.assigneeId ? 'already_assigned' : ['solved', 'closed'].includes(t.status) ? 'ticket_solved' : undefined;
      return { type: a.type, effect: `assign through the routing of ${team ?? 'the ticket'}`, detail: { team }, ...(skipped && { skipped }) };
    }
    case 'email_requester': {
      const text = renderTemplate(a.body, vars);
      return { type: a.type, effect: `public reply to ${facts.contact?.email ?? 'the requester'}`, detail: { to: facts.contact?.email ?? null, text }, ...(t.status === 'closed' && { skipped: 'ticket_closed' }) };
    }
    case 'email_agents':
    case 'notify': {
      const to = await resolveRecipients(db, a.recipients, t.assigneeId);
      const skipped = to.agents.length === 0 ? 'no_recipients' : a.type === 'email_agents' && !ctx.mailer.configured ? 'mail_not_configured' : undefined;
      const texts = a.type === 'email_agents'
        ? { subject: oneLine(renderTemplate(a.subject, vars)), text: renderTemplate(a.body, vars) }
        : { title: oneLine(renderTemplate(a.title, vars)), text: a.body ? renderTemplate(a.body, vars) : '' };
      const recipients = to.agents.map((x) => (a.type === 'email_agents' ? x.email : x.name));
      return { type: a.type, effect: `${a.type === 'notify' ? 'notify' : 'e-mail'} ${recipients.join(', ')}`, detail: { to: recipients, ...texts }, ...(skipped && { skipped }) };
    }
    case 'webhook': {
      const [hook] = await db.select({ name: webhooks.name, url: webhooks.url, active: webhooks.active }).from(webhooks).where(eq(webhooks.id, a.webhookId));
      const skipped = !hook ? 'webhook_gone' : !hook.active ? 'webhook_inactive' : undefined;
      return { type: a.type, effect: `call webhook ${hook?.name ?? a.webhookId}`, detail: { name: hook?.name ?? null, url: hook?.url ?? null }, ...(skipped && { skipped }) };
    }
    case 'apply_macro': {
      const [m] = await db.select({ name: macros.name, scope: macros.scope, active: macros.active }).from(macros).where(eq(macros.id, a.macroId));
      const skipped = !m || m.scope !== 'shared' || !m.active ? 'macro_unusable' : undefined;
      return { type: a.type, effect: `apply macro ${m?.name ?? a.macroId}`, detail: { name: m?.name ?? null, post: a.post }, ...(skipped && { skipped }) };
    }
    default:
      return { type: a.type, effect: '' };
  }
}

/**
 * A dry run: the rule (saved or not) against one ticket, as if `event` happened now. Says for
 * each condition whether it holds and what the ticket's value is, and for each action what it
 * would do, later actions seeing the changes of earlier ones. Reads only; writes nothing.
 * "Ticket updated" uses the ticket's latest update, message events its latest public message.
 */
export async function previewRule(ctx: Ctx & { actor: AgentActor }, input: PreviewAutomationInput): Promise<AutomationPreview> {
  const db = ctx.db;
  const [t] = await db.select(ticketColumns).from(tickets).where(eq(tickets.number, input.ticketNumber));
  if (!t || !canSeeTicket(ctx.actor, t)) throw notFound('ticket');
  const { rule } = input;
  const event = rule.kind === 'schedule' ? 'schedule' : (input.event ?? rule.events[0] ?? 'ticket.updated');
  const message = event === 'message.received' ? await latestMessageFacts(db, t.id, 'contact') : event === 'message.sent' ? await latestMessageFacts(db, t.id, 'agent') : null;
  const changes = event === 'ticket.updated' ? await latestChanges(db, t.id) : null;
  const facts = await loadFacts(db, t, { message, changes });
  const explained = explainConditions(rule.conditions, facts, ctx.clock.now());
  const actions: PreviewAction[] = [];
  let state: TicketView = t;
  for (const a of rule.actions) {
    if (isFieldAction(a)) {
      const described = await describeField(db, a, state);
      actions.push(described);
      if (!described.skipped) state = await simulate(db, a, state);
    } else {
      actions.push(await describeOther(ctx, a, state));
    }
  }
  return { ticket: { id: t.id, number: t.number, subject: t.subject }, event, matched: explained.matched, conditions: { all: explained.all, any: explained.any }, actions };
}

/** The ticket as a field action would leave it (in memory only). */
async function simulate(db: Executor, a: FieldAction, t: TicketView): Promise<TicketView> {
  const c = await changeSetOf(db, [a], t);
  return {
    ...t,
    ...(c.status !== undefined && { status: c.status }),
    ...(c.priority !== undefined && { priority: c.priority }),
    ...(c.type !== undefined && { type: c.type }),
    ...(c.teamId !== undefined && { teamId: c.teamId }),
    ...(c.assigneeId !== undefined && { assigneeId: c.assigneeId }),
    ...(c.tags !== undefined && { tags: [...c.tags].sort() }),
    ...(c.custom !== undefined && { custom: { ...t.custom, ...c.custom } }),
  };
}

