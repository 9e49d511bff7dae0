import { useTranslation } from 'react-i18next';
import { useAgentMap, useTeams } from '../api/directory';
import type { TicketEvent } from '../api/types';

type Routed = { agentId?: string; mode?: string; channel?: string; load?: number; capacity?: number; skills?: string[] };
type Requeued = { agentId?: string };
type Escalated = { toTeamId?: string; tier?: number; kind?: string; reason?: string };

/** The history line of a routing decision, a hand-back to the queue, or an escalation. */
export function RoutingEventText({ event, actor }: { event: TicketEvent; actor: string }) {
  const { t } = useTranslation();
  const agents = useAgentMap();
  const teams = useTeams();
  const agentName = (id: unknown) => (typeof id === 'string' ? agents.get(id)?.name : undefined) ?? t('thread.someAgent');
  switch (event.type) {
    case 'routed': {
      const a = (event.after ?? {}) as Routed;
      const mode = t(`routing.mode.${a.mode === 'load_balanced' ? 'load_balanced' : 'round_robin'}`);
      if (a.skills?.length) return <>{t('routing.events.routedSkills', { agent: agentName(a.agentId), mode, skills: a.skills.join(', ') })}</>;
      const channel = t(`channel.${a.channel ?? 'web'}`);
      return <>{t('routing.events.routed', { agent: agentName(a.agentId), mode, load: a.load ?? 0, capacity: a.capacity ?? 0, channel })}</>;
    }
    case 'requeued':
      return <>{t('routing.events.requeued', { agent: agentName(((event.after ?? {}) as Requeued).agentId) })}</>;
    default: {
      const a = (event.after ?? {}) as Escalated;
      const team = teams.data?.find((x) => x.id === a.toTeamId)?.name ?? '…';
      const kind = t(a.kind === 'functional' ? 'routing.events.functional' : 'routing.events.hierarchical');
      return <>{t('routing.events.escalated', { actor, team, tier: a.tier ?? '', kind, reason: a.reason ?? '' })}</>;
    }
  }
}
