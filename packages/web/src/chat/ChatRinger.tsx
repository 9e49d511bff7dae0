import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { AgentChatServerMessage } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { chatKeys } from '../api/chat';
import { ApiError } from '../api/errors';
import { keys } from '../api/keys';
import { useOptionalRealtime } from '../realtime/RealtimeProvider';
import { toast } from '../lib/toast';
import { playChime, ringSoundOn } from './sound';

type Ring = Extract<AgentChatServerMessage, { type: 'chat.ring' }>;

const ringId = (ticketId: string) => `chat-ring-${ticketId}`;

/** Takes a waiting chat; a 409 means another agent was faster. Returns whether this agent has it now. */
export async function acceptChat(ticketId: string): Promise<'accepted' | 'taken'> {
  try {
    await api(`/api/v1/chats/${encodeURIComponent(ticketId)}/accept`, { method: 'POST', body: {} });
    return 'accepted';
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) return 'taken';
    throw err;
  }
}

/**
 * Rings for new chats: a notification that stays until someone accepts (with an Accept button),
 * a desktop notification when the agent allowed them, and a chime unless switched off. Also keeps
 * the chat lists and open chat threads fresh from the agent socket.
 */
export function ChatRinger() {
  const { t } = useTranslation();
  const realtime = useOptionalRealtime();
  const client = useQueryClient();
  const navigate = useNavigate();
  const desktop = useRef(new Map<string, Notification>());
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (!realtime) return;
    let refresh: ReturnType<typeof setTimeout> | null = null;
    const refreshLists = () => {
      if (refresh) return;
      refresh = setTimeout(() => {
        refresh = null;
        void client.invalidateQueries({ queryKey: chatKeys.lists });
      }, 250);
    };
    const stop = (ticketId: string) => {
      notifications.hide(ringId(ticketId));
      desktop.current.get(ticketId)?.close();
      desktop.current.delete(ticketId);
    };
    const accept = async (ticketId: string) => {
      const tr = tRef.current;
      try {
        const outcome = await acceptChat(ticketId);
        stop(ticketId);
        void client.invalidateQueries({ queryKey: chatKeys.lists });
        if (outcome === 'taken') toast.info(tr('chat.takenByOther'));
        else navigate(`/tickets/${ticketId}`);
      } catch (err) {
        toast.error(err);
      }
    };
    const ring = (m: Ring) => {
      const tr = tRef.current;
      const title = tr('chat.ringTitle', { channel: m.channelName });
      notifications.show({
        id: ringId(m.ticketId),
        autoClose: false,
        color: 'blue',
        title,
        message: (
          <div data-chat-ring={m.ticketId}>
            <Text size="sm" fw={600}>{m.visitorName}</Text>
            {m.preview && <Text size="sm" lineClamp={2}>{m.preview}</Text>}
            <Group gap="xs" mt={6}>
              <Button size="compact-sm" onClick={() => void accept(m.ticketId)}>{tr('chat.accept')}</Button>
              <Button size="compact-sm" variant="default" onClick={() => navigate(`/tickets/${m.ticketId}`)}>{tr('chat.view')}</Button>
            </Group>
          </div>
        ),
      });
      if (ringSoundOn()) playChime();
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.visibilityState === 'hidden') {
        try {
          const n = new Notification(title, { body: `${m.visitorName}: ${m.preview}`, tag: ringId(m.ticketId) });
          n.onclick = () => {
            window.focus();
            navigate(`/tickets/${m.ticketId}`);
            n.close();
          };
          desktop.current.set(m.ticketId, n);
        } catch {
          // Some browsers only allow notifications from a service worker.
        }
      }
    };
    const off = realtime.onChat((m) => {
      if (m.type === 'chat.ring') {
        ring(m);
        refreshLists();
      } else if (m.type === 'chat.ring_stopped') {
        stop(m.ticketId);
        refreshLists();
      } else if (m.type === 'chat.message') {
        void client.invalidateQueries({ queryKey: keys.messages(m.ticketId) });
        refreshLists();
      }
    });
    return () => {
      off();
      if (refresh) clearTimeout(refresh);
    };
  }, [realtime, client, navigate]);

  return null;
}
