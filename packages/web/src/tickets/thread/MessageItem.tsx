import { useMemo } from 'react';
import { Avatar, Badge, Group, Paper, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAgentMap } from '../../api/directory';
import { keys } from '../../api/keys';
import type { Contact, Message, PersonRef } from '../../api/types';
import { useFormat } from '../../auth/session';
import { initials } from '../../lib/initials';
import { AttachmentList } from './AttachmentList';
import { inlineShownIds } from './cid';
import { MailFrame } from './MailFrame';
import { MailHeader } from './MailHeader';
import classes from './Thread.module.css';
import { CreateArticleAction } from '../../knowledge/CreateArticleAction';

function useAuthorName(message: Message, requester: PersonRef | null): string {
  const { t } = useTranslation();
  const agents = useAgentMap();
  const contactId = message.author.kind === 'contact' && message.author.id !== requester?.id ? message.author.id : null;
  const contact = useQuery({
    queryKey: keys.contact(contactId ?? ''),
    queryFn: () => api<Contact>(`/api/v1/contacts/${contactId}`),
    enabled: !!contactId,
    staleTime: 5 * 60_000,
  });
  switch (message.author.kind) {
    case 'agent':
      return (message.author.id && agents.get(message.author.id)?.name) || t('thread.someAgent');
    case 'contact':
      if (!contactId) return requester?.name || requester?.email || t('thread.actor.contact');
      return contact.data?.name || contact.data?.email || t('thread.actor.contact');
    default:
      // The answer bot writes as automation; its messages say so.
      if (message.author.kind === 'automation' && message.source === 'bot') return t('bot.author');
      return t(`thread.actor.${message.author.kind}`);
  }
}

/** One message in the thread: customer messages, agent replies, and internal notes (tinted). */
export function MessageItem({ message, requester, isNew }: { message: Message; requester: PersonRef | null; isNew?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useAuthorName(message, requester);
  const fromCustomer = message.author.kind === 'contact';
  const variant = message.kind === 'note' ? 'note' : message.kind === 'system' ? 'system' : fromCustomer ? 'customer' : 'agent';
  const label = t(`thread.kind.${variant}`);
  const hasHtml = !!message.html.trim();
  // Inline images the mail shows in its body are not listed again below it.
  const listed = useMemo(() => {
    const shown = hasHtml ? inlineShownIds(message.html, message.attachments) : new Set<string>();
    return shown.size ? message.attachments.filter((a) => !shown.has(a.id)) : message.attachments;
  }, [hasHtml, message.html, message.attachments]);
  return (
    <Paper component="article" className={classes.message} data-variant={variant} data-new={isNew || undefined} aria-label={t('thread.messageBy', { name, kind: label })} role="listitem">
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={6}>
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar size={26} radius="xl" color={fromCustomer ? 'gray' : 'indigo'}>{initials(name)}</Avatar>
          <Text size="sm" fw={600} truncate>{name}</Text>
          {variant === 'note' && (
            <Badge color="yellow" variant="light" leftSection={<IconLock size={10} />}>{label}</Badge>
          )}
          {variant === 'agent' && <Text size="xs" c="dimmed">{label}</Text>}
          {isNew && <Badge color="indigo" variant="filled">{t('thread.new')}</Badge>}
        </Group>
        <Group gap={4} wrap="nowrap">
          {variant !== 'system' && <CreateArticleAction messageId={message.id} />}
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            <time dateTime={message.createdAt} title={format.dateTime(message.createdAt)}>{format.dateTime(message.createdAt)}</time>
          </Text>
        </Group>
      </Group>
      {message.email && <MailHeader email={message.email} />}
      {hasHtml ? (
        <MailFrame html={message.html} attachments={message.attachments} title={t('thread.frameTitle', { name })} />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{message.text}</Text>
      )}
      <AttachmentList attachments={listed} />
    </Paper>
  );
}
