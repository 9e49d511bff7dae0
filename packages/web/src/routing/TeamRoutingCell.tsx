import { useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeamRoutings } from '../api/routing';
import type { Team } from '../api/types';
import { TeamRoutingDialog } from './TeamRoutingDialog';

/** A team's routing in the Teams admin list: mode, escalation tier, waiting tickets, and the button to change them. */
export function TeamRoutingCell({ team }: { team: Pick<Team, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const routings = useTeamRoutings();
  const [open, setOpen] = useState(false);
  const r = routings.data?.find((x) => x.teamId === team.id);
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{t(`routing.mode.${r?.mode ?? 'manual'}`)}</Text>
        {r?.escalationTier != null && <Badge size="sm" variant="light" color="grape">{t('routing.team.tierBadge', { tier: r.escalationTier })}</Badge>}
        {!!r?.queued && <Text size="xs" c="dimmed">{t('routing.team.queued', { count: r.queued })}</Text>}
        <Button variant="subtle" size="compact-xs" leftSection={<IconRoute size={14} />} aria-label={t('routing.team.actionFor', { name: team.name })} disabled={routings.isPending} onClick={() => setOpen(true)}>
          {t('routing.team.action')}
        </Button>
      </Group>
      {open && <TeamRoutingDialog team={team} routing={r} onClose={() => setOpen(false)} />}
    </>
  );
}
