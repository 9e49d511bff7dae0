import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, eq, exists, inArray, ne, sql } from 'drizzle-orm';
import { inTransaction, makeCtx, type Ctx, type Services } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { agents, teamMembers } from '../auth/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { TICKET_CHANNELS, tickets } from '../tickets/schema.ts';
import { appendHistory } from '../tickets/history.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { agentRouting, teamRouting } from './schema.ts';
import { capacityFor, loadFor, rankCandidates, type Candidate } from './choose.ts';
import { requiredSkills } from './skills.ts';
import { LOAD_STATUSES, loadsOf } from './agent-profiles.ts';
import { WAITING } from './team-settings.ts';
import { ROUTING_ACTOR } from './actor.ts';

/** How many waiting tickets one attempt looks at, so tickets nobody qualifies for (skills) do not block the rest. */
const WINDOW = 200;
/** Consecutive attempts that found every fitting agent or ticket busy with another worker before a drain gives up (the next trigger or the sweep continues). */
const MAX_BUSY_ROUNDS = 200;

/** The queue order: most urgent first, then the earliest SLA breach (none last), then the oldest. */
const PRIORITY_RANK = sql`case ${tickets.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;
const QUEUE_ORDER = [PRIORITY_RANK, sql`${tickets.slaNextBreachAt} asc nulls last`, asc(tickets.createdAt), asc(tickets.id)];

/** The team's waiting tickets of the given channels in queue order, with what skill matching needs. Not locked. */
async function waitingTickets(tx: Tx, teamId: string, channels: string[]) {
  return tx
    .select({ id: tickets.id, channel: tickets.channel, type: tickets.type, priority: tickets.priority, custom: tickets.custom, requesterLocale: contacts.locale })
    .from(tickets)
    .leftJoin(contacts, eq(contacts.id, tickets.requesterId))
    .where(and(eq(tickets.teamId, teamId), WAITING, inArray(tickets.channel, channels as 'email'[])))
    .orderBy(...QUEUE_ORDER)
    .limit(WINDOW);
}

/** Online, active, writing members of the team with their profiles and current load. */
async function onlineMembers(tx: Tx, teamId: string): Promise<Candidate[]> {
  const rows = await tx
    .select({ agentId: agentRouting.agentId, skills: agentRouting.skills, capacity: agentRouting.capacity, defaultCapacity: agentRouting.defaultCapacity, lastAssignedAt: agentRouting.lastAssignedAt })
    .from(agentRouting)
    .innerJoin(teamMembers, and(eq(teamMembers.agentId, agentRouting.agentId), eq(teamMembers.teamId, teamId)))
    .innerJoin(agents, eq(agents.id, agentRouting.agentId))
    .where(and(eq(agentRouting.status, 'online'), eq(agents.active, true), ne(agents.role, 'readonly')));
  const loads = await loadsOf(tx, rows.map((r) => r.agentId));
  return rows.map((r) => ({ ...r, load: loads.get(r.agentId) ?? {} }));
}

/**
 * Takes the agent's profile lock (never waiting: another worker holding it is skipped) and
 * counts the agent's load afresh under it, so two workers can never both fill the last slot.
 * Returns the load and capacity, or why the agent cannot take the ticket now.
 */
async function claimAgent(tx: Tx, teamId: string, agentId: string, channel: string): Promise<{ load: number; capacity: number } | 'busy' | 'unfit'> {
  const [profile] = await tx
    .select({ status: agentRouting.status, capacity: agentRouting.capacity, defaultCapacity: agentRouting.defaultCapacity, fits: sql<boolean>`${agents.active} and ${agents.role} <> 'readonly' and ${teamMembers.agentId} is not null` })
    .from(agentRouting)
    .innerJoin(agents, eq(agents.id, agentRouting.agentId))
    .leftJoin(teamMembers, and(eq(teamMembers.agentId, agentRouting.agentId), eq(teamMembers.teamId, teamId)))
    .where(eq(agentRouting.agentId, agentId))
    .for('update', { of: agentRouting, skipLocked: true });
  if (!profile) return 'busy';
  if (profile.status !== 'online' || !profile.fits) return 'unfit';
  // A statement of its own, after the lock: it sees every assignment committed by the lock's previous holder.
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.assigneeId, agentId), eq(tickets.channel, channel as 'email'), inArray(tickets.status, [...LOAD_STATUSES])))) as [{ n: number }];
  const capacity = capacityFor(profile, channel);
  return Number(n) < capacity ? { load: Number(n), capacity } : 'unfit';
}

/** Assigns the ticket as routing: the change, a `routed` entry with the why, and the agent's place in the round-robin order. */
async function assign(tx: Tx, ctx: Ctx, emit: Emit, ticketId: string, agentId: string, why: Record<string, unknown>): Promise<Date> {
  const now = ctx.clock.now();
  await applyTicketChanges(tx, ctx, emit, ticketId, { assigneeId: agentId });
  await appendHistory(tx, ctx, ticketId, [{ type: 'routed', after: { agentId, ...why } }], now);
  // Strictly later than every earlier assignment, so round robin has a strict order even when
  // many assignments share one instant.
  const [row] = await tx
    .update(agentRouting)
    .set({ lastAssignedAt: sql`greatest(${now.toISOString()}::timestamptz, (select max(last_assigned_at) from agent_routing) + interval '1 millisecond')` })
    .where(eq(agentRouting.agentId, agentId))
    .returning({ at: agentRouting.lastAssignedAt });
  return row!.at!;
}

/** What one routing transaction did: how many it assigned, and why it stopped. */
export interface Step {
  assigned: number;
  /** `more`: it stopped at its batch size; `busy`: others held a fitting ticket or agent; `done`: nothing else fits now. */
  next: 'more' | 'busy' | 'done';
}

/**
 * One routing transaction for a team: waiting tickets, in queue order, go to the best
 * qualifying agent, up to `batch` of them. Each ticket row is locked with SKIP LOCKED and
 * re-checked, and the agent's profile row is locked while the load is counted, so no ticket is
 * assigned twice and no capacity is exceeded, however many workers (in however many processes)
 * drain at once. Nothing here ever waits for a lock, so workers cannot deadlock.
 */
export async function routeNext(services: Services, teamId: string, batch = 10): Promise<Step> {
  const ctx = makeCtx(services, ROUTING_ACTOR);
  return inTransaction(ctx, async (tx, emit): Promise<Step> => {
    const [team] = await tx.select().from(teamRouting).where(eq(teamRouting.teamId, teamId));
    if (!team || team.mode === 'manual') return { assigned: 0, next: 'done' };
    const pool = await onlineMembers(tx, teamId);
    // Only channels someone has room for, so a backlog in a full channel cannot hide the others.
    const channels = TICKET_CHANNELS.filter((ch) => pool.some((c) => loadFor(c, ch) < capacityFor(c, ch)));
    if (channels.length === 0) return { assigned: 0, next: 'done' };
    const waiting = await waitingTickets(tx, teamId, channels);
    let busy = false;
    let assigned = 0;
    for (const w of waiting) {
      if (rankCandidates(team.mode, pool, { channel: w.channel, skills: requiredSkills(w, team.skillFields) }).length === 0) continue;
      const [t] = await tx
        .select({ id: tickets.id, channel: tickets.channel, type: tickets.type, priority: tickets.priority, custom: tickets.custom })
        .from(tickets)
        .where(and(eq(tickets.id, w.id), eq(tickets.teamId, teamId), WAITING))
        .for('update', { skipLocked: true });
      if (!t) {
        busy = true;
        continue;
      }
      const need = requiredSkills({ ...t, requesterLocale: w.requesterLocale }, team.skillFields);
      for (const c of rankCandidates(team.mode, pool, { channel: t.channel, skills: need })) {
        const claim = await claimAgent(tx, teamId, c.agentId, t.channel);
        if (claim === 'busy') busy = true;
        if (typeof claim === 'string') continue;
        c.lastAssignedAt = await assign(tx, ctx, emit, t.id, c.agentId, { mode: team.mode, channel: t.channel, load: claim.load + 1, capacity: claim.capacity, skills: need });
        c.load = { ...c.load, [t.channel]: claim.load + 1 };
        assigned++;
        break;
      }
      if (assigned >= batch) return { assigned, next: 'more' };
    }
    // A full window may hide more tickets behind it; another round reads the queue afresh.
    if (assigned > 0 && waiting.length === WINDOW) return { assigned, next: 'more' };
    return { assigned, next: busy ? 'busy' : 'done' };
  });
}

/** Lock waits and serialization failures another worker caused: worth another try. */
function isContention(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return code === '40P01' || code === '40001' || code === '55P03';
}

/** One step, with contention from other workers counted as busy. */
async function attempt(services: Services, teamId: string): Promise<Step> {
  try {
    return await routeNext(services, teamId);
  } catch (err) {
    if (isContention(err)) return { assigned: 0, next: 'busy' };
    throw err;
  }
}

const pause = () => sleep(2 + Math.random() * 10);

/** Routes waiting tickets of one team until the queue is empty or nobody qualifies. Returns how many were assigned. */
export async function drainTeam(services: Services, teamId: string): Promise<number> {
  let assigned = 0;
  let busyRounds = 0;
  for (;;) {
    const r = await attempt(services, teamId);
    assigned += r.assigned;
    if (r.assigned > 0) busyRounds = 0;
    if (r.next === 'done' || (r.next === 'busy' && r.assigned === 0 && ++busyRounds >= MAX_BUSY_ROUNDS)) return assigned;
    if (r.next === 'busy' && r.assigned === 0) await pause();
  }
}

/** Teams that route automatically and have tickets waiting. */
export async function teamsWithWaitingWork(services: Services): Promise<string[]> {
  const db = services.database.db;
  const rows = await db
    .select({ teamId: teamRouting.teamId })
    .from(teamRouting)
    .where(and(ne(teamRouting.mode, 'manual'), exists(db.select({ one: sql`1` }).from(tickets).where(and(eq(tickets.teamId, teamRouting.teamId), WAITING)))));
  return rows.map((r) => r.teamId);
}

/**
 * Drains every routed team with waiting tickets, one batch per team in turn, so an agent in
 * several teams gets work from each of them. Returns how many tickets were assigned.
 */
export async function drainAll(services: Services): Promise<number> {
  let active = await teamsWithWaitingWork(services);
  let assigned = 0;
  const busyRounds = new Map<string, number>();
  while (active.length > 0) {
    const next: string[] = [];
    let progressed = false;
    for (const teamId of active) {
      const r = await attempt(services, teamId);
      assigned += r.assigned;
      if (r.assigned > 0) {
        progressed = true;
        busyRounds.delete(teamId);
      }
      if (r.next === 'more' || (r.next === 'busy' && r.assigned > 0)) next.push(teamId);
      else if (r.next === 'busy') {
        const n = (busyRounds.get(teamId) ?? 0) + 1;
        busyRounds.set(teamId, n);
        if (n < MAX_BUSY_ROUNDS) next.push(teamId);
      }
    }
    if (!progressed && next.length > 0) await pause();
    active = next;
  }
  return assigned;
}
