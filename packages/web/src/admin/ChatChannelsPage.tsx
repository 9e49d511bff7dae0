import { useState } from 'react';
import { Alert, Badge, Button, Code, Modal, Stack, Table, Text } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chatKeys, useChatChannels, type ChatChannel } from '../api/chat';
import { api } from '../api/client';
import { useTeams } from '../api/directory';
import { ConfirmButton } from '../components/ConfirmButton';
import { CopyableCode } from '../components/CopyableCode';
import { toast } from '../lib/toast';
import { AdminList, RowActions } from './AdminList';
import { ChatChannelDialog } from './ChatChannelDialog';

/** Shown once: the identity secret after create or rotate, with the snippet and how to sign. */
function SecretDialog({ channel, secret, onClose }: { channel: ChatChannel; secret: string | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('chat.admin.readyTitle', { name: channel.name })} size="lg">
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500} mb={4}>{t('chat.admin.snippet')}</Text>
          <CopyableCode value={channel.snippet} hint={t('chat.admin.snippetHint')} copyLabel={t('chat.admin.copySnippet')} testId="chat-snippet" />
        </div>
        {secret && (
          <Alert color="yellow" variant="light" title={t('chat.admin.secretTitle')}>
            <CopyableCode value={secret} hint={t('chat.admin.secretHint')} copyLabel={t('chat.admin.copySecret')} testId="chat-secret" />
            <Text size="xs" mt="xs">{t('chat.admin.signHint')}</Text>
            <Code block mt={4}>{"signature = hex(HMAC-SHA256(secret, `${userId}:${email}:${timestamp}`))\nServus('identify', { userId, email, name, timestamp, signature })"}</Code>
          </Alert>
        )}
        {channel.allowedOrigins.length === 0 && <Alert color="orange" variant="light">{t('chat.admin.noOriginsYet')}</Alert>}
        <Button onClick={onClose} style={{ alignSelf: 'flex-end' }}>{t('common.done')}</Button>
      </Stack>
    </Modal>
  );
}

/** Chat channels: the widgets on customers' websites, their snippet and identity secret. */
export function ChatChannelsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const channels = useChatChannels();
  const teams = useTeams();
  const [editing, setEditing] = useState<ChatChannel | null | 'new'>(null);
  const [shown, setShown] = useState<{ channel: ChatChannel; secret: string | null } | null>(null);
  const teamNames = new Map((teams.data ?? []).map((tm) => [tm.id, tm.name]));

  const refresh = () => void client.invalidateQueries({ queryKey: chatKeys.channels });
  const remove = useMutation({
    mutationFn: (c: ChatChannel) => api(`/api/v1/chat-channels/${c.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      refresh();
      toast.success(t('chat.admin.deleted'));
    },
    onError: (err) => toast.error(err),
  });
  const rotate = useMutation({
    mutationFn: (c: ChatChannel) => api<{ secret: string }>(`/api/v1/chat-channels/${c.id}/rotate-secret`, { method: 'POST', body: {} }).then((r) => ({ channel: c, secret: r.secret })),
    onSuccess: (r) => {
      refresh();
      setShown(r);
    },
    onError: (err) => toast.error(err),
  });

  return (
    <>
      <Text size="sm" c="dimmed">{t('chat.admin.intro')}</Text>
      <AdminList title={t('chat.admin.title')} addLabel={t('chat.admin.new')} addIcon={<IconMessagePlus size={14} />} onAdd={() => setEditing('new')} query={channels} skeletonRows={2} emptyText={t('chat.admin.none')}>
        {(items) => (
          <Table aria-label={t('chat.admin.title')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('chat.admin.name')}</Table.Th>
                <Table.Th>{t('chat.admin.origins')}</Table.Th>
                <Table.Th>{t('chat.admin.availability')}</Table.Th>
                <Table.Th>{t('chat.admin.team')}</Table.Th>
                <Table.Th>{t('chat.admin.state')}</Table.Th>
                <Table.Th w={300} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: c.color, marginRight: 6 }} />
                      {c.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.allowedOrigins.length === 0 ? <Text size="sm" c="orange">{t('chat.admin.noOrigins')}</Text> : c.allowedOrigins.map((o) => <Text key={o} size="sm">{o}</Text>)}
                  </Table.Td>
                  <Table.Td><Text size="sm">{c.availability === 'business_hours' ? t('chat.admin.availabilityHours') : t('chat.admin.availabilityOnline')}</Text></Table.Td>
                  <Table.Td><Text size="sm">{c.teamId ? teamNames.get(c.teamId) ?? '—' : t('chat.admin.anyTeam')}</Text></Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.active ? 'teal' : 'gray'} tt="none">{c.active ? t('chat.admin.isActive') : t('chat.admin.isInactive')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowActions name={c.name} onEdit={() => setEditing(c)} deleteQuestion={t('chat.admin.confirmDelete', { name: c.name })} onDelete={() => remove.mutate(c)}>
                      <Button size="compact-xs" variant="default" onClick={() => setShown({ channel: c, secret: null })} aria-label={t('chat.admin.snippetFor', { name: c.name })}>
                        {t('chat.admin.snippetButton')}
                      </Button>
                      <ConfirmButton size="compact-xs" variant="default" question={t('chat.admin.rotateQuestion', { name: c.name })} confirmLabel={t('chat.admin.rotate')} onConfirm={() => rotate.mutate(c)} aria-label={t('chat.admin.rotateFor', { name: c.name })}>
                        {t('chat.admin.rotate')}
                      </ConfirmButton>
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {editing && <ChatChannelDialog channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onCreated={(channel, secret) => setShown({ channel, secret })} />}
      {shown && <SecretDialog channel={shown.channel} secret={shown.secret} onClose={() => setShown(null)} />}
    </>
  );
}
