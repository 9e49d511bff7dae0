import { asc, eq } from 'drizzle-orm';
import type { TicketSla } from '@servus/shared';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import type { Services } from '../../platform/context.ts';
import { teams } from '../auth/schema.ts';
import { channels } from '../channels/schema.ts';
import { organizations } from '../contacts/schema.ts';
import { ticketEvents, tickets } from '../tickets/schema.ts';
import type { TicketView } from '../tickets/repository.ts';
import type { TicketEvent } from '../analytics/ticket-event.ts';
import type { BusinessCalendar } from './calendar.ts';
import { loadBusinessCalendar } from './calendar-store.ts';
import { selectPolicy, ticketSla, type SlaTicket } from './engine.ts';
import { listSlaPolicyRows, type SlaPolicyRow } from './policies.ts';

type TicketFields = SlaTicket & Pick<TicketView, 'id' | 'channelId'>;

/** The ticket's event log in order, as the engine reads it. */
export async function ticketEventLog(db: Executor, ticketId: string): Promise<TicketEvent[]> {
  return db
    .select({
      type: ticketEvents.type,
      actorKind: ticketEvents.actorKind,
      actorId: ticketEvents.actorId,
      actorRole: ticketEvents.actorRole,
      before: ticketEvents.before,
      after: ticketEvents.after,
      messageId: ticketEvents.messageId,
      createdAt: ticketEvents.createdAt,
    })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id));
}

/** The business calendar of the ticket's team, else of its channel; undefined = calendar time. */
export async function ticketCalendar(db: Executor, t: Pick<TicketView, 'teamId' | 'channelId'>): Promise<BusinessCalendar | undefined> {
  if (t.teamId) {
    const [team] = await db.select({ calendarId: teams.calendarId }).from(teams).where(eq(teams.id, t.teamId));
    if (team?.calendarId) return loadBusinessCalendar(db, team.calendarId);
  }
  if (t.channelId) {
    const [channel] = await db.select({ calendarId: channels.calendarId }).from(channels).where(eq(channels.id, t.channelId));
    if (channel?.calendarId) return loadBusinessCalendar(db, channel.calendarId);
  }
  return undefined;
}

/**
 * The policy that applies to the ticket: the first active match in order. The organization's
 * tier is read only when some policy has a tier condition.
 */
export async function policyForTicket(db: Executor, policies: SlaPolicyRow[], t: SlaTicket): Promise<SlaPolicyRow | null> {
  let ticket = t;
  if (t.organizationId && t.organizationTier === undefined && policies.some((p) => p.active && p.conditions.tiers?.length)) {
    const [org] = await db.select({ tier: organizations.tier }).from(organizations).where(eq(organizations.id, t.organizationId));
    ticket = { ...t, organizationTier: org?.tier ?? null };
  }
  return selectPolicy(policies, ticket);
}

/** The applied policy and the ticket's SLA as of `now`; `policies` may be passed in to save a query. */
export async function computeTicketSla(db: Executor, t: TicketFields, now: Date, policies?: SlaPolicyRow[]): Promise<{ policy: SlaPolicyRow | null; sla: TicketSla | null }> {
  const policy = await policyForTicket(db, policies ?? (await listSlaPolicyRows(db)), t);
  if (!policy) return { policy: null, sla: null };
  const [events, calendar] = await Promise.all([ticketEventLog(db, t.id), ticketCalendar(db, t)]);
  if (events[0]?.type !== 'created') return { policy, sla: null };
  return { policy, sla: ticketSla(events, t, policy, calendar, now) };
}

/** The live SLA shown with a ticket. */
export async function liveTicketSla(db: Executor, t: TicketView, now: Date): Promise<TicketSla | null> {
  return (await computeTicketSla(db, t, now)).sla;
}

/**
 * Recomputes and stores the ticket's applied policy and next breach time (for sorting and the
 * breach job). Writes only when they changed; the ticket's version and update time stay as they
 * are, and no domain event is emitted, so this never triggers itself.
 */
export async function recomputeTicketSla(ctx: { db: Executor; clock: Clock }, ticketId: string, policies?: SlaPolicyRow[]): Promise<TicketSla | null> {
  const [t] = await ctx.db
    .select({
      id: tickets.id,
      priority: tickets.priority,
      channel: tickets.channel,
      channelId: tickets.channelId,
      teamId: tickets.teamId,
      organizationId: tickets.organizationId,
      tags: tickets.tags,
      slaPolicyId: tickets.slaPolicyId,
      slaNextBreachAt: tickets.slaNextBreachAt,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!t) return null;
  const { policy, sla } = await computeTicketSla(ctx.db, t, ctx.clock.now(), policies);
  const policyId = policy?.id ?? null;
  const next = sla?.nextBreachAt ? new Date(sla.nextBreachAt) : null;
  if (policyId !== t.slaPolicyId || next?.getTime() !== t.slaNextBreachAt?.getTime()) {
    await ctx.db.update(tickets).set({ slaPolicyId: policyId, slaNextBreachAt: next }).where(eq(tickets.id, ticketId));
  }
  return sla;
}

// Every public message also updates its ticket (`ticket.updated` with change `message`), so that event covers messages.
const RECOMPUTE_ON = new Set(['ticket.created', 'ticket.updated']);

/** Worker role: recompute a ticket's stored SLA after each of its changes (outbox events). */
export function subscribeSlaRecompute(services: Services): () => void {
  const ctx = { db: services.database.db, clock: services.clock };
  return services.events.subscribe(async (e) => {
    if (!RECOMPUTE_ON.has(e.type)) return;
    await recomputeTicketSla(ctx, (e.payload as { ticketId: string }).ticketId);
  });
}
