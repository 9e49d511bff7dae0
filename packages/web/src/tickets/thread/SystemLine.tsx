import { Anchor, Group, Text } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TicketEvent, TicketField } from '../../api/types';
import { useAgentMap, useTeams } from '../../api/directory';
import { useFormat } from '../../auth/session';
import { customDiff, tagDiff } from './timeline';
import { RoutingEventText } from '../../routing/RoutingEventText';

function useActorName() {
  const { t } = useTranslation();
  const agents = useAgentMap();
  return (e: TicketEvent) => {
    if (e.actor.kind === 'agent') return (e.actor.id && agents.get(e.actor.id)?.name) || t('thread.someAgent');
    return t(`thread.actor.${e.actor.kind}`);
  };
}

/** A change to the ticket as one quiet line: who did what, when. */
export function SystemLine({ event, fields, isNew }: { event: TicketEvent; fields: readonly TicketField[]; isNew?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actorName = useActorName();
  const agents = useAgentMap();
  const teams = useTeams();
  const actor = actorName(event);
  const agent = (id: unknown) => (typeof id === 'string' ? agents.get(id)?.name ?? t('thread.someAgent') : t('list.unassigned'));
  const team = (id: unknown) => (typeof id === 'string' ? teams.data?.find((x) => x.id === id)?.name ?? '…' : t('ticket.noTeam'));
  const b = event.before;
  const a = event.after;
  let text: React.ReactNode;
  switch (event.type) {
    case 'created': {
      const channel = (a as { channel?: string } | null)?.channel;
      text = channel ? t('events.createdVia', { actor, channel: t(`channel.${channel}`) }) : t('events.created', { actor });
      break;
    }
    case 'status_changed':
      text = t('events.status', { actor, before: t(`status.${String(b)}`), after: t(`status.${String(a)}`) });
      break;
    case 'reopened':
      text = t('events.reopened', { actor });
      break;
    case 'assignee_changed':
      text = a ? t('events.assigned', { actor, after: agent(a) }) : t('events.unassigned', { actor });
      break;
    case 'team_changed':
      text = a ? t('events.team', { actor, after: team(a) }) : t('events.teamRemoved', { actor });
      break;
    case 'priority_changed':
      text = t('events.priority', { actor, before: t(`priority.${String(b)}`), after: t(`priority.${String(a)}`) });
      break;
    case 'type_changed':
      text = t('events.type', { actor, after: a ? t(`type.${String(a)}`) : t('ticket.noType') });
      break;
    case 'subject_changed':
      text = t('events.subject', { actor, after: String(a ?? '') });
      break;
    case 'tags_changed': {
      const d = tagDiff(b, a);
      const parts = [d.added.length ? t('events.tagsAdded', { tags: d.added.join(', ') }) : '', d.removed.length ? t('events.tagsRemoved', { tags: d.removed.join(', ') }) : ''].filter(Boolean);
      text = t('events.tags', { actor, changes: parts.join('; ') });
      break;
    }
    case 'custom_changed': {
      const labels = customDiff(b, a).map((k) => fields.find((f) => f.key === k)?.label ?? k);
      text = t('events.custom', { actor, fields: labels.join(', ') });
      break;
    }
    case 'requester_changed':
      text = t('events.requester', { actor });
      break;
    case 'merged': {
      const sources = ((a as { sources?: { ticketId: string; number: number }[] } | null)?.sources ?? []);
      text = (
        <>
          {t('events.merged', { actor })}{' '}
          {sources.map((s, i) => (
            <span key={s.ticketId}>
              {i > 0 && ', '}
              <Anchor component={Link} to={`/tickets/${s.ticketId}`} size="xs">#{s.number}</Anchor>
            </span>
          ))}
        </>
      );
      break;
    }
    case 'merged_into': {
      const target = a as { ticketId: string; number: number } | null;
      text = (
        <>
          {t('events.mergedInto', { actor })}{' '}
          {target && <Anchor component={Link} to={`/tickets/${target.ticketId}`} size="xs">#{target.number}</Anchor>}
        </>
      );
      break;
    }
    case 'routed':
    case 'requeued':
    case 'escalated':
      text = <RoutingEventText event={event} actor={actor} />;
      break;
    default:
      text = t('events.other', { actor, type: event.type });
  }
  return (
    <Group gap={6} wrap="nowrap" py={2} px="xs" data-new={isNew || undefined} role="listitem">
      <IconActivity size={12} color="var(--mantine-color-gray-5)" aria-hidden style={{ flexShrink: 0 }} />
      <Text size="xs" c="dimmed" style={{ flex: 1 }}>{text}</Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={event.createdAt} title={format.dateTime(event.createdAt)}>{format.relative(event.createdAt)}</time>
      </Text>
    </Group>
  );
}
