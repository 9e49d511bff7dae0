import { asc, eq } from 'drizzle-orm';
import { makeCtx, type Services } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { DispatchedEvent, DomainEventMap } from '../../platform/events.ts';
import { agents, teamMembers, teams } from '../auth/schema.ts';
import { messages, tickets } from '../tickets/schema.ts';
import { chatConversations } from '../chat/schema.ts';
import { deliverNotifications, type Delivery } from './notify.ts';
import { preferencesOf } from './preferences.ts';
import { notificationText } from './texts.ts';

type Payload<K extends keyof DomainEventMap> = DomainEventMap[K];

async function ticketOf(db: Executor, id: string) {
  const [t] = await db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject, teamId: tickets.teamId, assigneeId: tickets.assigneeId, channel: tickets.channel }).from(tickets).where(eq(tickets.id, id));
  return t;
}

async function nameOf(db: Executor, table: typeof agents | typeof teams, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: table.name }).from(table).where(eq(table.id, id));
  return row?.name ?? null;
}

/**
 * Turns domain events into agent notifications, on the worker role: assignments, customer
 * replies, new team tickets, SLA warnings and breaches, escalations. Nobody is notified of what
 * they did themselves; each event notifies an agent at most once (keyed by the event id).
 */
export function subscribeNotifications(services: Services): () => void {
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  const db = ctx.db;

  async function deliver(e: DispatchedEvent, tag: string, d: Omit<Delivery, 'dedupeKey'>): Promise<void> {
    const actor = e.actor.kind === 'agent' ? e.actor.id : null;
    const written = await db.transaction((tx) => deliverNotifications(tx, ctx, { ...d, exclude: [actor, ...(d.exclude ?? [])], dedupeKey: `${e.type}:${e.id}:${tag}` }));
    if (written > 0) services.events.kick();
  }

  async function assigned(e: DispatchedEvent, ticketId: string, assigneeId: string): Promise<void> {
    const t = await ticketOf(db, ticketId);
    if (!t || t.assigneeId !== assigneeId) return;
    const by = e.actor.kind === 'agent' ? await nameOf(db, agents, e.actor.id) : null;
    await deliver(e, 'assigned', { kind: 'assigned', agentIds: [assigneeId], ticketId, content: (r) => notificationText.assigned(r, t, by) });
  }

  async function onCreated(e: DispatchedEvent, p: Payload<'ticket.created'>): Promise<void> {
    if (p.assigneeId) await assigned(e, p.ticketId, p.assigneeId);
    if (!p.teamId) return;
    const t = await ticketOf(db, p.ticketId);
    // A chat the answer bot is still answering is nobody's work yet; once handed over it rings.
    if (t?.channel === 'chat') {
      const [conv] = await db.select({ status: chatConversations.status }).from(chatConversations).where(eq(chatConversations.ticketId, t.id));
      if (conv?.status === 'bot') return;
    }
    const team = (await nameOf(db, teams, p.teamId)) ?? '';
    if (t) await deliver(e, 'team', { kind: 'team_ticket', teamIds: [p.teamId], ticketId: t.id, exclude: [t.assigneeId], content: (r) => notificationText.teamTicket(r, t, team) });
  }

  async function onCustomerMessage(e: DispatchedEvent, p: Payload<'message.created'>): Promise<void> {
    if (p.kind !== 'public' || p.authorKind !== 'contact') return;
    const t = await ticketOf(db, p.ticketId);
    // Chat lines reach the agent live and a waiting chat rings: a notification per line would be noise.
    if (!t || t.channel === 'chat') return;
    // The message that opened the ticket is a new ticket, not a reply.
    const [first] = await db.select({ id: messages.id }).from(messages).where(eq(messages.ticketId, t.id)).orderBy(asc(messages.createdAt), asc(messages.id)).limit(1);
    if (!first || first.id === p.messageId) return;
    const [m] = await db.select({ text: messages.bodyText }).from(messages).where(eq(messages.id, p.messageId));
    const excerpt = (m?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const content: Delivery['content'] = (r) => notificationText.customerReply(r, t, excerpt);
    if (t.assigneeId) return deliver(e, 'reply', { kind: 'customer_reply', agentIds: [t.assigneeId], ticketId: t.id, content });
    if (!t.teamId) return;
    const members = await db.select({ id: teamMembers.agentId }).from(teamMembers).where(eq(teamMembers.teamId, t.teamId));
    const prefs = await preferencesOf(db, members.map((x) => x.id));
    const wanting = members.map((x) => x.id).filter((id) => prefs.get(id)?.teamReplies);
    await deliver(e, 'reply', { kind: 'customer_reply', agentIds: wanting, ticketId: t.id, content });
  }

  async function onSla(e: DispatchedEvent, p: Payload<'ticket.sla_warning'>, breached: boolean): Promise<void> {
    const t = await ticketOf(db, p.ticketId);
    if (!t) return;
    const text = breached ? notificationText.slaBreached : notificationText.slaWarning;
    await deliver(e, 'sla', {
      kind: breached ? 'sla_breached' : 'sla_warning',
      ...(t.assigneeId ? { agentIds: [t.assigneeId] } : { teamIds: t.teamId ? [t.teamId] : [] }),
      ticketId: t.id,
      content: (r) => text(r, t, p.metric, p.dueAt),
    });
  }

  async function onEscalated(e: DispatchedEvent, p: Payload<'ticket.escalated'>): Promise<void> {
    const t = await ticketOf(db, p.ticketId);
    if (!t) return;
    const team = (await nameOf(db, teams, p.toTeamId)) ?? '';
    await deliver(e, 'escalated', { kind: 'escalated', teamIds: [p.toTeamId], ticketId: t.id, content: (r) => notificationText.escalated(r, t, team, p.reason) });
  }

  return services.events.subscribe(async (e) => {
    switch (e.type) {
      case 'ticket.created':
        return onCreated(e, e.payload);
      case 'ticket.updated':
        if (e.payload.assigneeId && e.payload.changes.includes('assignee_changed')) await assigned(e, e.payload.ticketId, e.payload.assigneeId);
        return;
      case 'message.created':
        return onCustomerMessage(e, e.payload);
      case 'ticket.sla_warning':
        return onSla(e, e.payload, false);
      case 'ticket.sla_breached':
        return onSla(e, e.payload, true);
      case 'ticket.escalated':
        return onEscalated(e, e.payload);
    }
  });
}
