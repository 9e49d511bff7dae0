import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { agents, teamMembers, teams } from '../auth/schema.ts';
import { findContact } from '../contacts/repository.ts';
import { tags as tagsTable, tickets } from './schema.ts';
import type { TicketView } from './repository.ts';
import type { HistoryEntry } from './history.ts';
import { validateCustom } from './custom-fields.ts';
import { and } from 'drizzle-orm';

export interface TicketChangeSet {
  subject?: string;
  status?: TicketView['status'];
  priority?: TicketView['priority'];
  type?: TicketView['type'];
  assigneeId?: string | null;
  teamId?: string | null;
  requesterId?: string;
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  custom?: Record<string, unknown>;
}

const UNSOLVED = new Set(['new', 'open', 'pending', 'on_hold']);

/**
 * Works out what a change set does to a ticket: the column updates and one history entry per
 * change. Validates references (assignee, team, requester, custom fields) and status rules.
 */
export async function planChanges(
  tx: Tx,
  ctx: Ctx,
  t: TicketView,
  c: TicketChangeSet,
  now: Date,
): Promise<{ set: Partial<typeof tickets.$inferInsert>; history: HistoryEntry[] }> {
  const set: Partial<typeof tickets.$inferInsert> = {};
  const history: HistoryEntry[] = [];
  if (t.status === 'closed') throw new AppError('conflict', 'closed tickets cannot be changed');

  if (c.subject !== undefined && c.subject !== t.subject) {
    set.subject = c.subject;
    history.push({ type: 'subject_changed', before: t.subject, after: c.subject });
  }
  if (c.priority !== undefined && c.priority !== t.priority) {
    set.priority = c.priority;
    history.push({ type: 'priority_changed', before: t.priority, after: c.priority });
  }
  if (c.type !== undefined && c.type !== t.type) {
    set.type = c.type;
    history.push({ type: 'type_changed', before: t.type, after: c.type });
  }
  if (c.requesterId !== undefined && c.requesterId !== t.requesterId) {
    const r = await findContact(tx, c.requesterId);
    if (!r) throw new AppError('validation_failed', 'unknown requester', [{ path: 'body.requesterId', message: 'no such contact' }]);
    set.requesterId = r.id;
    set.organizationId = r.organizationId;
    history.push({ type: 'requester_changed', before: t.requesterId, after: r.id });
  }

  const teamId = c.teamId !== undefined ? c.teamId : t.teamId;
  const assigneeId = c.assigneeId !== undefined ? c.assigneeId : t.assigneeId;
  if (c.teamId !== undefined && c.teamId !== t.teamId) {
    if (c.teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, c.teamId));
      if (!team) throw new AppError('validation_failed', 'unknown team', [{ path: 'body.teamId', message: 'no such team' }]);
    }
    set.teamId = c.teamId;
    history.push({ type: 'team_changed', before: t.teamId, after: c.teamId });
  }
  if (c.assigneeId !== undefined && c.assigneeId !== t.assigneeId) {
    if (c.assigneeId) {
      const [a] = await tx.select({ id: agents.id, role: agents.role, active: agents.active }).from(agents).where(eq(agents.id, c.assigneeId));
      if (!a || !a.active || a.role === 'readonly') {
        throw new AppError('validation_failed', 'the assignee must be an active agent', [{ path: 'body.assigneeId', message: 'not an active agent' }]);
      }
    }
    set.assigneeId = c.assigneeId;
    history.push({ type: 'assignee_changed', before: t.assigneeId, after: c.assigneeId });
  }
  if (assigneeId && teamId && (c.assigneeId !== undefined || c.teamId !== undefined)) {
    const [m] = await tx.select({ a: teamMembers.agentId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.agentId, assigneeId)));
    if (!m) throw new AppError('validation_failed', 'the assignee is not a member of the team', [{ path: 'body.assigneeId', message: 'not in the team' }]);
  }

  if (c.status !== undefined && c.status !== t.status) {
    if (c.status === 'new') throw new AppError('validation_failed', 'a ticket cannot be set back to new', [{ path: 'body.status', message: 'not allowed' }]);
    set.status = c.status;
    history.push({ type: 'status_changed', before: t.status, after: c.status });
    if (c.status === 'solved') set.solvedAt = now;
    if (c.status === 'closed') {
      set.closedAt = now;
      if (!t.solvedAt) set.solvedAt = now;
    }
    if (t.status === 'solved' && UNSOLVED.has(c.status)) {
      set.solvedAt = null;
      set.reopenCount = t.reopenCount + 1;
      history.push({ type: 'reopened', before: 'solved', after: c.status });
    }
  } else if (c.assigneeId && t.status === 'new' && c.status === undefined) {
    // Assigning a new ticket opens it, as in other help desks.
    set.status = 'open';
    history.push({ type: 'status_changed', before: 'new', after: 'open' });
  }

  if (c.tags !== undefined || c.addTags !== undefined || c.removeTags !== undefined) {
    const next = new Set(c.tags ?? t.tags);
    for (const tag of c.addTags ?? []) next.add(tag);
    for (const tag of c.removeTags ?? []) next.delete(tag);
    const after = [...next].sort();
    const before = [...t.tags].sort();
    if (after.join('\u0000') !== before.join('\u0000')) {
      if (after.length > 50) throw new AppError('validation_failed', 'at most 50 tags', [{ path: 'body.tags', message: 'too many tags' }]);
      set.tags = after;
      await registerTags(tx, after.filter((x) => !before.includes(x)), now);
      history.push({ type: 'tags_changed', before, after });
    }
  }
  if (c.custom !== undefined) {
    await validateCustom(tx, c.custom);
    const merged: Record<string, unknown> = { ...t.custom };
    for (const [k, v] of Object.entries(c.custom)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    if (JSON.stringify(merged) !== JSON.stringify(t.custom)) {
      set.custom = merged;
      history.push({ type: 'custom_changed', before: t.custom, after: merged });
    }
  }
  return { set, history };
}

/** Adds tag names to the tag list so they can be suggested. */
export async function registerTags(tx: Tx, names: string[], now: Date): Promise<void> {
  if (names.length === 0) return;
  await tx.insert(tagsTable).values(names.map((name) => ({ name, createdAt: now }))).onConflictDoNothing();
}

/** Writes a planned change: bumps the version and the update time. */
export async function writeTicket(tx: Tx, id: string, set: Partial<typeof tickets.$inferInsert>, now: Date): Promise<number> {
  const [row] = await tx
    .update(tickets)
    .set({ ...set, updatedAt: now, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, id))
    .returning({ version: tickets.version });
  return row!.version;
}
