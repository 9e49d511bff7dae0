import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { AGENT_STATUSES } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useMyRouting, useSetMyStatus, type AgentStatusName } from '../api/routing';
import { useSession } from '../auth/session';
import { toast } from '../lib/toast';

const COLOR: Record<AgentStatusName, string> = { online: 'var(--mantine-color-teal-6)', away: 'var(--mantine-color-yellow-6)', offline: 'var(--mantine-color-gray-5)' };

/** A small coloured dot for a status; its meaning is always given in text beside it. */
export function StatusDot({ status }: { status: AgentStatusName }) {
  return <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: '50%', background: COLOR[status], flexShrink: 0 }} />;
}

/** The agent's routing status in the top bar: online receives tickets, away keeps them, offline receives none. */
export function StatusMenu() {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const mine = useMyRouting(canWrite);
  const set = useSetMyStatus();
  if (!canWrite) return null;
  const status = set.isPending && set.variables ? set.variables : (mine.data?.status ?? 'offline');
  const label = t(`routing.status.${status}`);
  const choose = (next: AgentStatusName) => {
    if (next === mine.data?.status) return;
    set.mutate(next, {
      onSuccess: () => toast.success(t('routing.status.changed', { status: t(`routing.status.${next}`) })),
      onError: (err) => toast.error(err),
    });
  };
  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          aria-label={t('routing.status.menuLabel', { status: label })}
          disabled={mine.isPending}
          leftSection={<StatusDot status={status} />}
          rightSection={<IconChevronDown size={12} />}
        >
          <Text span size="sm" visibleFrom="sm">{label}</Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('routing.status.heading')}</Menu.Label>
        {AGENT_STATUSES.map((s) => (
          <Menu.Item
            key={s}
            aria-current={s === status || undefined}
            leftSection={<StatusDot status={s} />}
            rightSection={s === status ? <IconCheck size={14} /> : null}
            onClick={() => choose(s)}
          >
            <Text size="sm">{t(`routing.status.${s}`)}</Text>
            <Text size="xs" c="dimmed">{t(`routing.status.${s}Hint`)}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
