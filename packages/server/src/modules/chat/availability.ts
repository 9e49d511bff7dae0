/**
 * Who can take chats, read from routing (agent status and per-channel capacity, see
 * modules/routing): the one place that knows where agent availability lives.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { agents, teamMembers } from '../auth/schema.ts';
import { agentRouting } from '../routing/schema.ts';
import { capacityFor } from '../routing/choose.ts';
import { loadBusinessCalendar } from '../sla/calendar-store.ts';
import { businessMinutesBetween } from '../sla/business-hours.ts';
import { chatConversations } from './schema.ts';
import type { ChatChannelRow } from './repository.ts';

/** An agent as chat sees them: online or not, how many chats they may hold and hold now, their teams. */
export interface ChatAgentState {
  agentId: string;
  online: boolean;
  capacity: number;
  load: number;
  teamIds: string[];
}

/** Active chats per agent. */
export async function chatLoads(db: Executor, agentIds: string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .select({ agentId: chatConversations.agentId, n: sql<number>`count(*)::int` })
    .from(chatConversations)
    .where(and(eq(chatConversations.status, 'active'), inArray(chatConversations.agentId, agentIds)))
    .groupBy(chatConversations.agentId);
  return new Map(rows.map((r) => [r.agentId!, Number(r.n)]));
}

/** Status, chat capacity, chat load and teams of active, writing agents among `agentIds`. */
export async function chatAgentStates(db: Executor, agentIds: string[]): Promise<Map<string, ChatAgentState>> {
  const out = new Map<string, ChatAgentState>();
  if (agentIds.length === 0) return out;
  const rows = await db
    .select({ agentId: agents.id, status: agentRouting.status, capacity: agentRouting.capacity, defaultCapacity: agentRouting.defaultCapacity })
    .from(agents)
    .leftJoin(agentRouting, eq(agentRouting.agentId, agents.id))
    .where(and(inArray(agents.id, agentIds), eq(agents.active, true), ne(agents.role, 'readonly')));
  const teams = await db.select({ agentId: teamMembers.agentId, teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.agentId, agentIds));
  const loads = await chatLoads(db, agentIds);
  for (const r of rows) {
    out.set(r.agentId, {
      agentId: r.agentId,
      online: r.status === 'online',
      capacity: capacityFor({ capacity: r.capacity ?? {}, defaultCapacity: r.defaultCapacity ?? 5 }, 'chat'),
      load: loads.get(r.agentId) ?? 0,
      teamIds: teams.filter((t) => t.agentId === r.agentId).map((t) => t.teamId),
    });
  }
  return out;
}

/** Whether an agent may be offered a chat of this team now: online, in the team (any team when none), below the chat limit. */
export function canTakeChat(a: ChatAgentState, teamId: string | null): boolean {
  return a.online && a.load < a.capacity && (teamId === null || a.teamIds.includes(teamId));
}

/** Online, active, writing agents who answer a channel's chats (its team's members, or anyone when it has none). */
export async function onlineChatAgents(db: Executor, teamId: string | null): Promise<number> {
  const base = db
    .select({ n: sql<number>`count(distinct ${agents.id})::int` })
    .from(agents)
    .innerJoin(agentRouting, eq(agentRouting.agentId, agents.id));
  const online = and(eq(agentRouting.status, 'online'), eq(agents.active, true), ne(agents.role, 'readonly'));
  const [row] = teamId
    ? await base.innerJoin(teamMembers, and(eq(teamMembers.agentId, agents.id), eq(teamMembers.teamId, teamId))).where(online)
    : await base.where(online);
  return Number(row?.n ?? 0);
}

/**
 * Whether the widget offers a live chat now: when an agent who answers the channel is online,
 * and with availability `business_hours` also within the calendar's opening hours.
 */
export async function channelOnline(db: Executor, channel: ChatChannelRow, now: Date): Promise<boolean> {
  if (!channel.active) return false;
  if ((await onlineChatAgents(db, channel.teamId)) > 0) return true;
  if (channel.availability !== 'business_hours' || !channel.calendarId) return false;
  const calendar = await loadBusinessCalendar(db, channel.calendarId);
  return Boolean(calendar) && businessMinutesBetween(calendar!, now, new Date(now.getTime() + 60_000)) > 0;
}
