import type { ChannelCapacity } from './schema.ts';
import { hasSkills } from './skills.ts';

/** An online team member as routing sees them. */
export interface Candidate {
  agentId: string;
  skills: string[];
  capacity: ChannelCapacity;
  defaultCapacity: number;
  lastAssignedAt: Date | null;
  /** Assigned tickets in status new or open, per channel. */
  load: ChannelCapacity;
}

type Channel = keyof ChannelCapacity;

/** The agent's capacity for a channel: the channel's own value, else the default. */
export function capacityFor(c: Pick<Candidate, 'capacity' | 'defaultCapacity'>, channel: string): number {
  return c.capacity[channel as Channel] ?? c.defaultCapacity;
}

export function loadFor(c: Pick<Candidate, 'load'>, channel: string): number {
  return c.load[channel as Channel] ?? 0;
}

/** Never assigned sorts first, then the one assigned longest ago; the id settles exact ties. */
function longestAgo(a: Candidate, b: Candidate): number {
  const ta = a.lastAssignedAt?.getTime() ?? -Infinity;
  const tb = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;
}

/**
 * The agents who may take a ticket of `channel` requiring `skills`, best first. Only agents
 * with every required skill and below their capacity for the channel qualify. Round robin:
 * the agent assigned longest ago. Load-balanced: the lowest load relative to capacity, ties
 * to the agent assigned longest ago.
 */
export function rankCandidates(mode: 'round_robin' | 'load_balanced', candidates: readonly Candidate[], ticket: { channel: string; skills: readonly string[] }): Candidate[] {
  const qualifying = candidates.filter((c) => hasSkills(c.skills, ticket.skills) && loadFor(c, ticket.channel) < capacityFor(c, ticket.channel));
  if (mode === 'round_robin') return qualifying.sort(longestAgo);
  const ratio = (c: Candidate) => loadFor(c, ticket.channel) / capacityFor(c, ticket.channel);
  return qualifying.sort((a, b) => ratio(a) - ratio(b) || longestAgo(a, b));
}
