import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowsExchange, IconCheck, IconChecks, IconMessageCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chatKeys, useChatActions, useTicketChat } from '../api/chat';
import { ApiError } from '../api/errors';
import { useSession } from '../auth/session';
import { ConfirmButton } from '../components/ConfirmButton';
import { useOptionalRealtime } from '../realtime/RealtimeProvider';
import { toast } from '../lib/toast';
import { TransferDialog } from './TransferDialog';
import { BotSuggestions } from '../bot/BotSuggestions';

/**
 * What a chat ticket shows above its thread, live: the chat's state, the visitor typing (with what
 * they type so far), whether the visitor has read the replies, and Accept / Transfer / End /
 * Convert. While it is open the agent's reads and typing go to the visitor.
 */
export function ChatPanel({ ticketId, canWrite }: { ticketId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { agent } = useSession();
  const realtime = useOptionalRealtime();
  const detail = useTicketChat(ticketId);
  const chat = detail.data ?? null;
  const actions = useChatActions(ticketId);
  const [typing, setTyping] = useState<{ preview: string } | null>(null);
  const [live, setLive] = useState<{ lastSeq: number; readSeq: number; lastAgentSeq: number }>({ lastSeq: 0, readSeq: 0, lastAgentSeq: 0 });
  const [transferOpen, setTransferOpen] = useState(false);
  const readSent = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rtClient = realtime?.client ?? null;

  // Replies typed here show as "typing…" in the visitor's widget.
  useEffect(() => (rtClient ? rtClient.watchChat(ticketId) : undefined), [rtClient, ticketId]);

  const lastSeq = Math.max(chat?.lastSeq ?? 0, live.lastSeq);
  const readSeq = Math.max(chat?.visitorReadSeq ?? 0, live.readSeq);
  const lastAgentSeq = Math.max(live.lastAgentSeq, ...(chat?.messages ?? []).filter((m) => m.author === 'agent').map((m) => m.seq), 0);

  // Reading the chat here tells the visitor (✓✓ in the widget) once the tab is visible.
  useEffect(() => {
    const mark = () => {
      if (!rtClient || document.visibilityState === 'hidden' || lastSeq <= readSent.current) return;
      readSent.current = lastSeq;
      rtClient.chat({ type: 'chat.read', ticketId, seq: lastSeq });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [rtClient, ticketId, lastSeq]);

  useEffect(() => {
    if (!realtime) return;
    return realtime.onChat((m) => {
      if (m.ticketId !== ticketId) return;
      if (m.type === 'chat.typing') {
        if (typingTimer.current) clearTimeout(typingTimer.current);
        setTyping(m.typing ? { preview: m.preview } : null);
        if (m.typing) typingTimer.current = setTimeout(() => setTyping(null), 8000);
      } else if (m.type === 'chat.read') {
        setLive((l) => ({ ...l, readSeq: Math.max(l.readSeq, m.seq) }));
      } else if (m.type === 'chat.message') {
        if (m.message.author === 'visitor') setTyping(null);
        setLive((l) => ({
          ...l,
          lastSeq: Math.max(l.lastSeq, m.message.seq),
          lastAgentSeq: m.message.author === 'agent' ? Math.max(l.lastAgentSeq, m.message.seq) : l.lastAgentSeq,
        }));
      } else if (m.type === 'chat.ring_stopped') {
        // Accepted, transferred or left: the chat's state changed.
        void client.invalidateQueries({ queryKey: chatKeys.detail(ticketId) });
      }
    });
  }, [realtime, ticketId, client]);

  // Anything else that happens on the ticket (the visitor left, a colleague ended it) may change the chat.
  useEffect(() => {
    if (!realtime) return;
    return realtime.onEvent((e) => {
      if (e.payload.ticketId === ticketId) void client.invalidateQueries({ queryKey: chatKeys.detail(ticketId) });
    });
  }, [realtime, ticketId, client]);

  useEffect(() => () => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
  }, []);

  const run = (action: () => Promise<unknown>, done: string) => {
    action().then(
      () => toast.success(done),
      (err) => (err instanceof ApiError && err.status === 409 ? toast.info(t('chat.takenByOther')) : toast.error(err)),
    );
  };

  if (!chat) return null;
  const status = chat.status;
  const mine = chat.agent?.id === agent.id;
  const readAll = lastAgentSeq > 0 && readSeq >= lastAgentSeq;

  return (
    <Paper radius={0} px="md" py={6} withBorder style={{ borderLeft: 0, borderRight: 0, borderTop: 0 }} aria-label={t('chat.panel.label')} component="section">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <IconMessageCircle size={16} aria-hidden />
          <Badge color={status === 'waiting' ? 'orange' : status === 'active' ? 'teal' : status === 'bot' ? 'blue' : 'gray'} variant="light" tt="none" data-chat-status={status}>
            {t(`chat.status.${status}`)}
          </Badge>
          {chat.agent && status === 'active' && <Text size="sm">{mine ? t('chat.panel.withYou') : t('chat.panel.withAgent', { name: chat.agent.name })}</Text>}
          {status === 'active' && lastAgentSeq > 0 && (
            <Text size="xs" c="dimmed" span data-visitor-read={readAll ? 'yes' : 'no'}>
              {readAll ? <IconChecks size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> : <IconCheck size={14} aria-hidden style={{ verticalAlign: 'middle' }} />} {readAll ? t('chat.panel.read') : t('chat.panel.delivered')}
            </Text>
          )}
        </Group>
        {canWrite && status !== 'ended' && (
          <Group gap={6} wrap="nowrap">
            {(status === 'waiting' || status === 'bot') && (
              <Button size="compact-sm" loading={actions.accept.isPending} onClick={() => run(() => actions.accept.mutateAsync(), t('chat.accepted'))}>
                {status === 'bot' ? t('chat.takeOver') : t('chat.accept')}
              </Button>
            )}
            <Button size="compact-sm" variant="default" leftSection={<IconArrowsExchange size={14} />} onClick={() => setTransferOpen(true)}>
              {t('chat.transfer.action')}
            </Button>
            <ConfirmButton size="compact-sm" variant="default" question={t('chat.convert.question')} confirmLabel={t('chat.convert.action')} onConfirm={() => run(() => actions.convert.mutateAsync(), t('chat.convert.done'))}>
              {t('chat.convert.action')}
            </ConfirmButton>
            <ConfirmButton size="compact-sm" variant="light" color="red" question={t('chat.end.question')} confirmLabel={t('chat.end.action')} onConfirm={() => run(() => actions.end.mutateAsync(), t('chat.end.done'))}>
              {t('chat.end.action')}
            </ConfirmButton>
          </Group>
        )}
      </Group>
      {chat.bot && <BotSuggestions bot={chat.bot} />}
      <Text size="sm" c="dimmed" fs="italic" role="status" aria-live="polite" mih={typing ? undefined : 0}>
        {typing ? (typing.preview ? t('chat.panel.typingPreview', { preview: typing.preview }) : t('chat.panel.typing')) : ''}
      </Text>
      {transferOpen && (
        <TransferDialog
          meId={agent.id}
          onClose={() => setTransferOpen(false)}
          onTransfer={async (to) => {
            await actions.transfer.mutateAsync(to);
            toast.success(t('chat.transfer.done'));
          }}
        />
      )}
    </Paper>
  );
}
