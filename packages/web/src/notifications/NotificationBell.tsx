import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Anchor, Box, Button, Group, Indicator, Popover, ScrollArea, Skeleton, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notificationKeys, useMarkAllRead, useMarkRead, useNotifications, type AgentNotification } from '../api/notifications';
import { useFormat } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { toast } from '../lib/toast';
import { useOptionalRealtime } from '../realtime/RealtimeProvider';
import classes from './NotificationBell.module.css';

/** Keeps the bell current: pushes for this agent refresh the list at once. */
function useLiveNotifications(onNew: (n: AgentNotification) => void) {
  const client = useQueryClient();
  const realtime = useOptionalRealtime();
  const latest = useRef(onNew);
  latest.current = onNew;
  useEffect(() => {
    if (!realtime) return;
    return realtime.onEvent((e) => {
      if (!e.type.startsWith('notification.')) return;
      void client.invalidateQueries({ queryKey: notificationKeys.list });
      const n = (e.payload as { notification?: AgentNotification }).notification;
      if (e.type === 'notification.created' && n) latest.current(n);
    });
  }, [realtime, client]);
}

function Item({ n, onOpen }: { n: AgentNotification; onOpen(n: AgentNotification): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <UnstyledButton className={classes.item} data-item data-unread={!n.readAt || undefined} onClick={() => onOpen(n)}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Box className={classes.dot} aria-hidden />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          {!n.readAt && <VisuallyHidden>{t('notifications.unread')}</VisuallyHidden>}
          <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>{n.title}</Text>
          {n.body && <Text size="xs" c="dimmed" lineClamp={2}>{n.body}</Text>}
          <Text size="xs" c="dimmed">{format.relative(n.createdAt)}</Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The bell in the top bar: the unread count, and a list of the newest notifications. Clicking
 * one marks it read and opens its ticket; "Mark all as read" clears the count. Arrow keys move
 * through the list.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const titleId = useId();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unreadCount ?? 0;
  useLiveNotifications((n) => {
    if (!opened) toast.info(n.title);
  });

  const open = (n: AgentNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    if (n.ticketId) navigate(`/tickets/${n.ticketId}`);
  };
  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('button[data-item]'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % Math.max(items.length, 1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  const label = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={!unread} color="red" offset={4}>
          <ActionIcon variant="subtle" color="gray" aria-label={label} aria-haspopup="dialog" aria-expanded={opened} onClick={() => setOpened((o) => !o)}>
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-labelledby={titleId}>
        <Group justify="space-between" px="sm" py={8} className={classes.head}>
          <Title order={2} size="h5" id={titleId}>{t('notifications.title')}</Title>
          <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} disabled={!unread || markAll.isPending} onClick={() => markAll.mutate(undefined, { onError: (err) => toast.error(err) })}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        {list.isPending && (
          <Stack p="sm" gap="xs" role="status" aria-label={t('common.loading')}>
            {[0, 1, 2].map((i) => <Skeleton key={i} h={44} />)}
          </Stack>
        )}
        {list.error && <Box p="sm"><ErrorState compact error={list.error} onRetry={() => void list.refetch()} /></Box>}
        {list.data && list.data.data.length === 0 && (
          <Stack align="center" gap={4} py="lg" px="md">
            <IconBell size={22} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="sm" fw={500}>{t('notifications.empty')}</Text>
            <Text size="xs" c="dimmed" ta="center">{t('notifications.emptyHint')}</Text>
          </Stack>
        )}
        {list.data && list.data.data.length > 0 && (
          <ScrollArea.Autosize mah={420}>
            <div role="list" aria-label={t('notifications.title')} onKeyDown={onListKey}>
              {list.data.data.map((n) => (
                <div role="listitem" key={n.id}>
                  <Item n={n} onOpen={open} />
                </div>
              ))}
            </div>
          </ScrollArea.Autosize>
        )}
        <Box px="sm" py={6} className={classes.foot}>
          <Anchor component={Link} to="/settings/notifications" size="xs" onClick={() => setOpened(false)}>{t('notifications.settingsLink')}</Anchor>
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}
