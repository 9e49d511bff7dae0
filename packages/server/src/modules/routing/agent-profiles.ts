import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgentRouting, UpdateAgentRoutingInput } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { actorRef, inTransaction } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { agents } from '../auth/schema.ts';
import { tickets } from '../tickets/schema.ts';
import { agentRouting, type ChannelCapacity } from './schema.ts';
import { requeueOfflineWork } from './requeue.ts';

export type AgentRoutingRow = typeof agentRouting.$inferSelect;
type Status = AgentRoutingRow['status'];

/** The statuses whose tickets count against capacity: open work, as in Zendesk (pending and on-hold wait for someone else). */
export const LOAD_STATUSES = ['new', 'open'] as const;

/** What an agent without a stored profile has: offline, the default capacity, no skills. */
const DEFAULTS = { status: 'offline' as Status, statusChangedAt: null, capacity: {}, defaultCapacity: 5, skills: [] as string[], lastAssignedAt: null };

/** Assigned tickets in status new or open per agent and channel. */
export async function loadsOf(db: Executor, agentIds: string[]): Promise<Map<string, ChannelCapacity>> {
  const out = new Map<string, ChannelCapacity>();
  if (agentIds.length === 0) return out;
  const rows = await db
    .select({ agentId: tickets.assigneeId, channel: tickets.channel, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(inArray(tickets.assigneeId, agentIds), inArray(tickets.status, [...LOAD_STATUSES])))
    .groupBy(tickets.assigneeId, tickets.channel);
  for (const r of rows) {
    const load = out.get(r.agentId!) ?? {};
    load[r.channel] = Number(r.n);
    out.set(r.agentId!, load);
  }
  return out;
}

function present(agentId: string, row: AgentRoutingRow | undefined, load: ChannelCapacity): AgentRouting {
  const r = row ?? DEFAULTS;
  return {
    agentId,
    status: r.status,
    statusChangedAt: r.statusChangedAt?.toISOString() ?? null,
    capacity: r.capacity,
    defaultCapacity: r.defaultCapacity,
    skills: r.skills,
    lastAssignedAt: r.lastAssignedAt?.toISOString() ?? null,
    load,
  };
}

/** One agent's routing profile with current load; 404 for an unknown agent. */
export async function getAgentRouting(db: Executor, agentId: string): Promise<AgentRouting> {
  const [agent] = await db.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound('agent');
  const [row] = await db.select().from(agentRouting).where(eq(agentRouting.agentId, agentId));
  return present(agentId, row, (await loadsOf(db, [agentId])).get(agentId) ?? {});
}

/** Every active agent's routing profile with current load, by name. */
export async function listAgentRouting(db: Executor): Promise<AgentRouting[]> {
  const rows = await db
    .select({ agentId: agents.id, profile: agentRouting })
    .from(agents)
    .leftJoin(agentRouting, eq(agentRouting.agentId, agents.id))
    .where(eq(agents.active, true))
    .orderBy(asc(agents.name), asc(agents.id));
  const loads = await loadsOf(db, rows.map((r) => r.agentId));
  return rows.map((r) => present(r.agentId, r.profile ?? undefined, loads.get(r.agentId) ?? {}));
}

/** The agent's profile row, created with defaults when missing, locked for this transaction. */
async function lockProfile(tx: Tx, agentId: string, now: Date): Promise<AgentRoutingRow> {
  await tx.insert(agentRouting).values({ agentId, statusChangedAt: now, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(agentRouting).where(eq(agentRouting.agentId, agentId)).for('update');
  return row!;
}

/**
 * Changes an agent's status inside the caller's transaction. Going offline hands the agent's
 * new unanswered tickets back to the queue in teams configured for it. Emits
 * `agent.status_changed` when the status changed, which makes routing drain the queues.
 */
export async function applyAgentStatus(tx: Tx, ctx: Ctx, emit: Emit, agentId: string, status: Status): Promise<{ changed: boolean; requeued: string[] }> {
  const now = ctx.clock.now();
  const row = await lockProfile(tx, agentId, now);
  if (row.status === status) return { changed: false, requeued: [] };
  await tx.update(agentRouting).set({ status, statusChangedAt: now, updatedAt: now }).where(eq(agentRouting.agentId, agentId));
  const requeued = status === 'offline' ? await requeueOfflineWork(tx, ctx, emit, agentId) : [];
  emit({ type: 'agent.status_changed', payload: { agentId, status, previousStatus: row.status }, actor: actorRef(ctx.actor) });
  return { changed: true, requeued };
}

/** Sets an agent's own status (or, for admins, anyone's); 404 for an unknown agent. */
export async function setAgentStatus(ctx: Ctx, agentId: string, status: Status): Promise<AgentRouting> {
  await inTransaction(ctx, async (tx, emit) => {
    const [agent] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId));
    if (!agent) throw notFound('agent');
    await applyAgentStatus(tx, ctx, emit, agentId, status);
  });
  return getAgentRouting(ctx.db, agentId);
}

/** Changes an agent's status, capacity or skills (admin). */
export async function updateAgentRouting(ctx: Ctx, agentId: string, input: UpdateAgentRoutingInput): Promise<AgentRouting> {
  await inTransaction(ctx, async (tx, emit) => {
    const [agent] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId));
    if (!agent) throw notFound('agent');
    const now = ctx.clock.now();
    await lockProfile(tx, agentId, now);
    const set: Partial<AgentRoutingRow> = { updatedAt: now };
    if (input.capacity !== undefined) set.capacity = input.capacity;
    if (input.defaultCapacity !== undefined) set.defaultCapacity = input.defaultCapacity;
    if (input.skills !== undefined) set.skills = [...new Set(input.skills)].sort();
    await tx.update(agentRouting).set(set).where(eq(agentRouting.agentId, agentId));
    if (input.status !== undefined) await applyAgentStatus(tx, ctx, emit, agentId, input.status);
    await recordAudit(tx, ctx, 'agent_routing.updated', 'agent', agentId, { fields: Object.keys(input) });
    emit({ type: 'agent.routing_updated', payload: { agentId }, actor: actorRef(ctx.actor) });
  });
  return getAgentRouting(ctx.db, agentId);
}
