import { NavLink as RouterLink, useLocation } from 'react-router';
import { Badge, NavLink, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useChats, type ChatListItem } from '../api/chat';
import { useSession } from '../auth/session';

const SHOWN = 8;

function ChatLink({ chat, onNavigate }: { chat: ChatListItem; onNavigate(): void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const to = `/tickets/${chat.ticketId}`;
  const waiting = chat.status === 'waiting';
  return (
    <NavLink
      component={RouterLink}
      to={to}
      onClick={onNavigate}
      active={pathname === to}
      py={3}
      pl="lg"
      label={chat.visitorName}
      description={chat.preview || chat.channelName}
      aria-label={waiting ? t('chat.nav.waitingChat', { name: chat.visitorName }) : t('chat.nav.activeChat', { name: chat.visitorName, agent: chat.agent?.name ?? '' })}
      rightSection={waiting ? <Badge size="xs" color="orange" variant="light">{t('chat.status.waiting')}</Badge> : null}
      styles={{ description: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 150 } }}
    />
  );
}

/**
 * The navigation's Chats entry: how many chats wait, and the waiting chats and the agent's own
 * active chats as links to their tickets (others' active chats are counted, not listed).
 */
export function ChatNav({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const waiting = useChats('waiting');
  const active = useChats('active');
  const waitingList = waiting.data ?? [];
  const mine = (active.data ?? []).filter((c) => c.agent?.id === agent.id);
  const others = (active.data ?? []).length - mine.length;
  const label = t('chat.nav.title');
  return (
    <>
      <NavLink
        label={label}
        leftSection={<IconMessageCircle size={16} />}
        py={4}
        defaultOpened
        aria-label={waitingList.length ? t('chat.nav.titleWaiting', { count: waitingList.length }) : label}
        rightSection={waitingList.length ? <Badge size="sm" color="orange" aria-hidden>{waitingList.length}</Badge> : null}
        childrenOffset={0}
      >
        {waiting.error && active.error && <Text size="xs" c="red" px="lg">{t('chat.nav.error')}</Text>}
        {!waiting.isPending && !active.isPending && waitingList.length === 0 && mine.length === 0 && (
          <Text size="xs" c="dimmed" px="lg" py={4}>{t('chat.nav.none')}</Text>
        )}
        {waitingList.slice(0, SHOWN).map((c) => <ChatLink key={c.ticketId} chat={c} onNavigate={onNavigate} />)}
        {waitingList.length > SHOWN && <Text size="xs" c="dimmed" px="lg">{t('chat.nav.more', { count: waitingList.length - SHOWN })}</Text>}
        {mine.map((c) => <ChatLink key={c.ticketId} chat={c} onNavigate={onNavigate} />)}
        {others > 0 && <Text size="xs" c="dimmed" px="lg" py={2}>{t('chat.nav.others', { count: others })}</Text>}
      </NavLink>
    </>
  );
}
