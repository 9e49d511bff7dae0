import { useState } from 'react';
import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { ROUTING_CHANNELS } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useAgentRoutings, type AgentRouting } from '../api/routing';
import type { Agent } from '../api/types';
import { AgentRoutingDialog } from './AgentRoutingDialog';
import { StatusDot } from './StatusMenu';

/** Open tickets against capacity over all channels the agent has work or capacity in, e.g. "3 of 10". */
function loadSummary(r: AgentRouting): { load: number; capacity: number } {
  let load = 0;
  let capacity = 0;
  for (const ch of ROUTING_CHANNELS) {
    load += r.load[ch] ?? 0;
    capacity += r.capacity[ch] ?? r.defaultCapacity;
  }
  return { load, capacity };
}

/** An agent's routing in the Agents admin list: status, load, skills, and the button to change them. */
export function AgentRoutingCell({ agent }: { agent: Pick<Agent, 'id' | 'name' | 'active'> }) {
  const { t } = useTranslation();
  const routings = useAgentRoutings();
  const [open, setOpen] = useState(false);
  const r = routings.data?.find((x) => x.agentId === agent.id);
  const status = r?.status ?? 'offline';
  const sum = r ? loadSummary(r) : null;
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <StatusDot status={status} />
        <Text size="sm">{t(`routing.status.${status}`)}</Text>
        {sum && (
          <Tooltip label={t('routing.agent.loadLabel')}>
            <Text size="xs" c="dimmed">{t('routing.agent.load', sum)}</Text>
          </Tooltip>
        )}
        {!!r?.skills.length && <Text size="xs" c="dimmed" truncate maw={140}>{r.skills.join(', ')}</Text>}
        {agent.active && (
          <Button variant="subtle" size="compact-xs" aria-label={t('routing.agent.title', { name: agent.name })} leftSection={<IconAdjustments size={14} />} disabled={routings.isPending} onClick={() => setOpen(true)}>
            {t('routing.agent.action')}
          </Button>
        )}
      </Group>
      {open && <AgentRoutingDialog agent={agent} routing={r} onClose={() => setOpen(false)} />}
    </>
  );
}
