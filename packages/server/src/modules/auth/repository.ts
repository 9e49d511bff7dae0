import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { agents, apiTokens, sessions, teamMembers, teams } from './schema.ts';

export type AgentRow = typeof agents.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;

export async function findAgentByEmail(db: Executor, email: string): Promise<AgentRow | undefined> {
  const [row] = await db.select().from(agents).where(sql`lower(${agents.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function findAgent(db: Executor, id: string): Promise<AgentRow | undefined> {
  const [row] = await db.select().from(agents).where(eq(agents.id, id));
  return row;
}

export async function listAgents(db: Executor): Promise<AgentRow[]> {
  return db.select().from(agents).orderBy(asc(agents.name), asc(agents.id));
}

export async function teamIdsOf(db: Executor, agentId: string): Promise<string[]> {
  const rows = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.agentId, agentId));
  return rows.map((r) => r.teamId);
}

export async function membersOf(db: Executor, teamId: string): Promise<string[]> {
  const rows = await db.select({ agentId: teamMembers.agentId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  return rows.map((r) => r.agentId);
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agents)
    .where(and(eq(agents.role, 'admin'), eq(agents.active, true)));
  return Number(r?.n ?? 0);
}

export async function anyAdminExists(db: Executor): Promise<boolean> {
  const [r] = await db.select({ id: agents.id }).from(agents).where(eq(agents.role, 'admin')).limit(1);
  return Boolean(r);
}

/** The session and its agent for a hashed cookie value, if both are live. */
export async function findLiveSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, agent: agents })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(agents.active, true)));
  return row;
}

export async function findLiveToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiTokens, agent: agents })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(agents.active, true),
      ),
    );
  return row;
}

export async function listTeams(db: Executor): Promise<(TeamRow & { memberIds: string[] })[]> {
  const rows = await db.select().from(teams).orderBy(asc(teams.name));
  const members = await db.select().from(teamMembers);
  return rows.map((t) => ({ ...t, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.agentId) }));
}

export async function findTeam(db: Executor, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row;
}
