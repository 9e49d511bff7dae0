import type { AgentActor } from '../../platform/actor.ts';
import type { TicketFilter } from '../tickets/repository.ts';

export type FilterSpec = Omit<TicketFilter, 'cursor' | 'limit' | 'sort'>;

export interface ViewDefinition {
  id: string;
  name: string;
  /** i18n key for built-in views, so the web app shows them in the agent's language. */
  nameKey: string | null;
  builtin: boolean;
  scope: 'builtin' | 'personal' | 'team' | 'all';
  teamId: string | null;
  ownerId: string | null;
  filters: FilterSpec;
  sort: string;
}

const UNSOLVED = ['new', 'open', 'pending', 'on_hold'];

/** The views every agent has, plus one per team the agent may see. */
export function builtinViews(actor: AgentActor, teams: { id: string; name: string }[], now: Date): ViewDefinition[] {
  const base = (id: string, filters: FilterSpec, sort = '-updated_at'): ViewDefinition => ({
    id, name: id, nameKey: `views.${id}`, builtin: true, scope: 'builtin', teamId: null, ownerId: null, filters, sort,
  });
  const weekAgo = new Date(now.getTime() - 7 * 86400_000).toISOString();
  const views = [
    base('my_open', { assigneeId: 'me', status: ['new', 'open'] }),
    base('unassigned', { assigneeId: 'none', status: ['new', 'open'] }, '-created_at'),
    base('all_open', { status: ['new', 'open'] }),
    base('pending', { status: ['pending'] }),
    base('on_hold', { status: ['on_hold'] }),
    base('solved_7d', { status: ['solved', 'closed'], solvedAfter: weekAgo }),
  ];
  const visibleTeams = actor.role === 'admin' ? teams : teams.filter((t) => actor.teamIds.includes(t.id));
  for (const t of visibleTeams) {
    views.push({ ...base(`team:${t.id}`, { teamId: t.id, status: UNSOLVED }, '-created_at'), name: t.name, nameKey: null });
  }
  return views;
}
