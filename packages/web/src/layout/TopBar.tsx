import { Burger, Group, Title, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRealtime } from '../realtime/RealtimeProvider';
import { GlobalSearch } from '../search/GlobalSearch';
import { UserMenu } from './UserMenu';
import { StatusMenu } from '../routing/StatusMenu';
import { ChatAlertsMenu } from '../chat/ChatAlertsMenu';
import { NotificationBell } from '../notifications/NotificationBell';

function ConnectionIndicator() {
  const { t } = useTranslation();
  const { state } = useRealtime();
  const label = state === 'open' ? t('realtime.connected') : state === 'connecting' ? t('realtime.connecting') : t('realtime.offline');
  return (
    <Tooltip label={label}>
      <span role="status" aria-label={label} style={{ display: 'inline-flex', color: state === 'open' ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-orange-6)' }}>
        {state === 'open' ? <IconPlugConnected size={16} /> : <IconPlugConnectedX size={16} />}
      </span>
    </Tooltip>
  );
}

/** The top bar: navigation toggle (tablet), brand, global search, the agent's routing status, connection state and the agent's menu. */
export function TopBar({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav(): void }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="sm" gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="xs" wrap="nowrap">
        <Burger opened={navOpen} onClick={onToggleNav} hiddenFrom="md" size="sm" aria-label={t('nav.toggle')} />
        <Title order={1} size="h3" style={{ whiteSpace: 'nowrap' }}>
          <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>Servus</Link>
        </Title>
      </Group>
      <GlobalSearch />
      <Group gap="xs" wrap="nowrap">
        <ChatAlertsMenu />
        <StatusMenu />
        <ConnectionIndicator />
        <NotificationBell />
        <UserMenu />
      </Group>
    </Group>
  );
}
