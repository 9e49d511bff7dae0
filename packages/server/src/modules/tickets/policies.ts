import { eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { AgentActor } from '../../platform/actor.ts';
import { tickets } from './schema.ts';

/**
 * Which tickets an agent may see: admins see all; agents and read-only users see tickets of
 * their teams, tickets without a team, and tickets assigned to them. Everything else is 404.
 */
export function visibleTickets(actor: AgentActor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  const parts: SQL[] = [isNull(tickets.teamId), eq(tickets.assigneeId, actor.id)];
  if (actor.teamIds.length) parts.push(inArray(tickets.teamId, actor.teamIds));
  return or(...parts);
}

export function canSeeTicket(actor: AgentActor, t: { teamId: string | null; assigneeId: string | null }): boolean {
  return actor.role === 'admin' || t.teamId === null || t.assigneeId === actor.id || actor.teamIds.includes(t.teamId);
}
