import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresenceViewer } from '../realtime/messages';
import { initials } from '../lib/initials';

/** Who else has this ticket open, and who is typing a reply. */
export function PresenceBar({ viewers, meId }: { viewers: PresenceViewer[]; meId: string }) {
  const { t } = useTranslation();
  const others = viewers.filter((v) => v.agentId !== meId);
  const typing = others.filter((v) => v.typing);
  if (others.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite">
      <Avatar.Group spacing={6}>
        {others.slice(0, 4).map((v) => (
          <Tooltip key={v.agentId} label={v.typing ? t('presence.typingOne', { name: v.name }) : t('presence.viewingOne', { name: v.name })}>
            <Avatar size={22} radius="xl" color={v.typing ? 'teal' : 'gray'} aria-label={v.name}>{initials(v.name)}</Avatar>
          </Tooltip>
        ))}
      </Avatar.Group>
      <Text size="xs" c={typing.length ? 'teal.8' : 'dimmed'} role="status" className={typing.length ? undefined : 'visually-hidden'} style={{ whiteSpace: 'nowrap' }}>
        {typing.length
          ? t('presence.typing', { names: typing.map((v) => v.name).join(', '), count: typing.length })
          : t('presence.viewing', { names: others.map((v) => v.name).join(', '), count: others.length })}
      </Text>
    </Group>
  );
}
