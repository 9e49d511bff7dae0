import { useMemo } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message, PersonRef, TicketEvent, TicketField } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { MessageItem } from './MessageItem';
import { SystemLine } from './SystemLine';
import { buildTimeline } from './timeline';
import classes from './Thread.module.css';

interface ThreadProps {
  messages: Message[] | undefined;
  events: TicketEvent[] | undefined;
  fields: readonly TicketField[];
  requester: PersonRef | null;
  error: unknown;
  onRetry(): void;
  /** Items newer than this moment are marked as new activity. */
  newSince: string | null;
  /** The signed-in agent: their own messages and changes are never marked new. */
  meId: string;
}

/** The conversation: messages and change lines in time order. */
export function Thread({ messages, events, fields, requester, error, onRetry, newSince, meId }: ThreadProps) {
  const { t } = useTranslation();
  const items = useMemo(() => buildTimeline(messages ?? [], events ?? []), [messages, events]);
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!messages) {
    return (
      <Stack p="md" gap="sm" role="status" aria-label={t('common.loading')}>
        <Skeleton h={90} />
        <Skeleton h={60} />
      </Stack>
    );
  }
  return (
    <div className={classes.thread} role="list" aria-label={t('thread.label')}>
      {items.map((item) =>
        item.kind === 'message' ? (
          <MessageItem key={item.message.id} message={item.message} requester={requester} isNew={!!newSince && item.at > newSince && item.message.author.id !== meId} />
        ) : (
          <SystemLine key={`e${item.event.id}`} event={item.event} fields={fields} isNew={!!newSince && item.at > newSince && item.event.actor.id !== meId} />
        ),
      )}
    </div>
  );
}
