import { and, eq, isNotNull } from 'drizzle-orm';
import type { EscalateTicketInput, Escalation } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { actorRef, inTransaction } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { teamMembers, teams } from '../auth/schema.ts';
import { appendHistory } from '../tickets/history.ts';
import { findVisibleTicket, type TicketView } from '../tickets/repository.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { teamRouting } from './schema.ts';

const invalid = (message: string) => new AppError('validation_failed', message, [{ path: 'body.targetTeamId', message }]);

interface Tier {
  teamId: string;
  name: string;
  tier: number;
  mode: 'manual' | 'round_robin' | 'load_balanced';
}

/** Every team that is an escalation tier, lowest tier first. */
async function escalationTiers(tx: Tx): Promise<Tier[]> {
  const rows = await tx
    .select({ teamId: teamRouting.teamId, name: teams.name, tier: teamRouting.escalationTier, mode: teamRouting.mode })
    .from(teamRouting)
    .innerJoin(teams, eq(teams.id, teamRouting.teamId))
    .where(isNotNull(teamRouting.escalationTier));
  return rows.map((r) => ({ ...r, tier: r.tier! })).sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
}

/**
 * Where an escalation goes: the named team, which must be an escalation tier at or above the
 * ticket's (a team that is no tier counts as tier 0), or else the team of the next higher tier.
 */
async function chooseTarget(tx: Tx, t: TicketView, targetTeamId: string | undefined): Promise<{ target: Tier; fromTier: number }> {
  const tiers = await escalationTiers(tx);
  const fromTier = tiers.find((x) => x.teamId === t.teamId)?.tier ?? 0;
  if (targetTeamId) {
    if (targetTeamId === t.teamId) throw invalid('the ticket is already in this team');
    const target = tiers.find((x) => x.teamId === targetTeamId);
    if (!target) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, targetTeamId));
      throw invalid(team ? 'the target team is not an escalation tier' : 'no such team');
    }
    if (target.tier < fromTier) throw invalid(`the target team is tier ${target.tier}, below the ticket's tier ${fromTier}`);
    return { target, fromTier };
  }
  const higher = tiers.filter((x) => x.tier > fromTier);
  if (higher.length === 0) throw invalid(fromTier > 0 ? `there is no tier above tier ${fromTier}; choose a team` : 'no team is an escalation tier yet');
  const next = higher.filter((x) => x.tier === higher[0]!.tier);
  if (next.length > 1) throw invalid(`several teams are tier ${next[0]!.tier}; choose one`);
  return { target: next[0]!, fromTier };
}

/**
 * Escalates a ticket the agent can see to another team: hierarchical to a higher tier,
 * functional to another team of the same tier. The ticket changes team; its assignee is
 * cleared unless the target routes manually and the assignee belongs to it. The event log gets
 * an `escalated` entry with the reason, and `ticket.escalated` is emitted; a routed target's
 * queue picks the ticket up (the team change triggers routing).
 */
export async function escalateTicket(ctx: Ctx & { actor: AgentActor }, ticketId: string, input: EscalateTicketInput): Promise<{ ticket: TicketView; escalation: Escalation }> {
  return inTransaction(ctx, async (tx, emit) => {
    const t = await findVisibleTicket(tx, ctx.actor, ticketId, { forUpdate: true });
    if (t.status === 'solved' || t.status === 'closed') throw new AppError('conflict', `${t.status} tickets cannot be escalated`);
    const { target, fromTier } = await chooseTarget(tx, t, input.targetTeamId);
    let keepAssignee = false;
    if (target.mode === 'manual' && t.assigneeId) {
      const [m] = await tx.select({ a: teamMembers.agentId }).from(teamMembers).where(and(eq(teamMembers.teamId, target.teamId), eq(teamMembers.agentId, t.assigneeId)));
      keepAssignee = Boolean(m);
    }
    const ticket = await applyTicketChanges(tx, ctx, emit, ticketId, { teamId: target.teamId, ...(keepAssignee ? {} : { assigneeId: null }) });
    const escalation: Escalation = {
      fromTeamId: t.teamId,
      toTeamId: target.teamId,
      tier: target.tier,
      kind: target.tier > fromTier ? 'hierarchical' : 'functional',
      reason: input.reason,
    };
    await appendHistory(tx, ctx, ticketId, [{ type: 'escalated', before: { teamId: t.teamId, tier: fromTier }, after: escalation }], ctx.clock.now());
    emit({ type: 'ticket.escalated', payload: { ticketId, number: t.number, ...escalation }, actor: actorRef(ctx.actor) });
    return { ticket, escalation };
  });
}
