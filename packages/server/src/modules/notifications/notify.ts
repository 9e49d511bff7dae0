import { and, eq, inArray } from 'drizzle-orm';
import type { AgentNotification } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { AgentRole } from '../../platform/actor.ts';
import type { DomainEvent } from '../../platform/events.ts';
import { outboxEvents } from '../../platform/schema.ts';
import { agents, teamMembers } from '../auth/schema.ts';
import { canSeeTicket } from '../tickets/policies.ts';
import { tickets } from '../tickets/schema.ts';
import { preferencesOf } from './preferences.ts';
import { notifications } from './schema.ts';

export type NotificationKind = 'assigned' | 'customer_reply' | 'team_ticket' | 'sla_warning' | 'sla_breached' | 'escalated' | 'rule' | 'chat_waiting';
export type NotificationRow = typeof notifications.$inferSelect;

const MAX_TITLE = 300;
const MAX_BODY = 1000;

export function presentNotification(n: NotificationRow): AgentNotification {
  return { id: n.id, kind: n.kind, ticketId: n.ticketId, title: n.title, body: n.body, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}

/** Who a notification is written for, as its text needs them. */
export interface Recipient {
  id: string;
  name: string;
  locale: 'en' | 'de';
  timeZone: string;
}

export interface Delivery {
  kind: NotificationKind;
  agentIds?: string[];
  teamIds?: string[];
  ticketId?: string | null;
  /** The text in the recipient's language. */
  content(r: Recipient): { title: string; body?: string };
  /** Agents left out: the one who acted, or one told already in another way. */
  exclude?: (string | null)[];
  /** Makes the delivery idempotent per agent (e.g. the domain event's id). */
  dedupeKey?: string | null;
}

const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * Writes notifications in the caller's transaction for the agents named and the active members
 * of the teams named: deduplicated, never to an excluded agent, only to agents who may see the
 * ticket, and as each agent's preferences for the kind say (in-app, e-mail digest, or neither).
 * The live push is queued in the outbox of the same transaction. Returns how many were written.
 */
export async function deliverNotifications(tx: Tx, ctx: Ctx, d: Delivery): Promise<number> {
  const named = new Set(d.agentIds ?? []);
  if (d.teamIds?.length) {
    const members = await tx.select({ id: teamMembers.agentId }).from(teamMembers).where(inArray(teamMembers.teamId, d.teamIds));
    for (const m of members) named.add(m.id);
  }
  for (const id of d.exclude ?? []) if (id) named.delete(id);
  if (named.size === 0) return 0;
  let people = await tx
    .select({ id: agents.id, name: agents.name, locale: agents.locale, timeZone: agents.timeZone, role: agents.role })
    .from(agents)
    .where(and(inArray(agents.id, [...named]), eq(agents.active, true)));
  if (d.ticketId) {
    const [t] = await tx.select({ teamId: tickets.teamId, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, d.ticketId));
    if (!t) return 0;
    const memberships = t.teamId ? await tx.select({ agentId: teamMembers.agentId }).from(teamMembers).where(eq(teamMembers.teamId, t.teamId)) : [];
    const inTeam = new Set(memberships.map((m) => m.agentId));
    people = people.filter((p) => canSeeTicket({ kind: 'agent', id: p.id, role: p.role as AgentRole, teamIds: inTeam.has(p.id) && t.teamId ? [t.teamId] : [], via: 'token' }, t));
  }
  const prefs = await preferencesOf(tx, people.map((p) => p.id));
  const now = ctx.clock.now();
  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const p of people) {
    const pref = prefs.get(p.id)!;
    const channels = pref.kinds[d.kind];
    // With the digest off, nothing waits for a mail that never goes out.
    const email = channels.email && pref.digest !== 'off';
    if (!channels.inApp && !email) continue;
    const text = d.content({ id: p.id, name: p.name, locale: p.locale === 'de' ? 'de' : 'en', timeZone: p.timeZone });
    rows.push({
      agentId: p.id,
      kind: d.kind,
      ticketId: d.ticketId ?? null,
      title: oneLine(text.title, MAX_TITLE),
      body: (text.body ?? '').trim().slice(0, MAX_BODY),
      inApp: channels.inApp,
      email,
      dedupeKey: d.dedupeKey ?? null,
      createdAt: now,
    });
  }
  if (rows.length === 0) return 0;
  const written = await tx.insert(notifications).values(rows).onConflictDoNothing().returning();
  const pushes: DomainEvent[] = written
    .filter((n) => n.inApp)
    .map((n) => ({ type: 'notification.created', payload: { agentId: n.agentId, notification: presentNotification(n) }, actor: { kind: ctx.actor.kind, id: ctx.actor.id } }));
  if (pushes.length) {
    await tx.insert(outboxEvents).values(pushes.map((e) => ({ type: e.type, payload: { payload: e.payload, actor: e.actor }, createdAt: now })));
  }
  return written.length;
}

/**
 * Writes in-app notifications for the agents named and the active members of the teams named
 * (deduplicated, never to the acting agent itself, respecting each agent's preferences), pushed
 * live after commit; e-mail copies go out only in each agent's digest. Returns how many were
 * written. Title and body are plain text in one language (rules write their own words).
 *
 * @example
 * await notify(tx, ctx, { teamIds: [team.id], kind: 'rule', ticketId, title: `VIP ticket #${n}`, body: 'Call the customer back today.' });
 */
export async function notify(
  tx: Tx,
  ctx: Ctx,
  input: { agentIds?: string[]; teamIds?: string[]; kind: NotificationKind; ticketId?: string | null; title: string; body?: string },
): Promise<number> {
  const written = await deliverNotifications(tx, ctx, {
    kind: input.kind,
    agentIds: input.agentIds,
    teamIds: input.teamIds,
    ticketId: input.ticketId,
    content: () => ({ title: input.title, body: input.body }),
    exclude: [ctx.actor.kind === 'agent' ? ctx.actor.id : null],
  });
  // The push waits in the outbox; a dispatch round after this transaction delivers it.
  if (written > 0) ctx.events.kick();
  return written;
}
