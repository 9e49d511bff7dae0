import { useState } from 'react';
import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useTeams } from '../api/directory';
import { ApiError } from '../api/errors';
import { keys } from '../api/keys';
import { useChannels } from '../api/mail';
import type { EmailChannel } from '../api/types';
import { toast } from '../lib/toast';
import { AdminList, RowActions } from './AdminList';
import { ChannelDialog } from './ChannelDialog';
import { ChannelTestPanel, useChannelTest } from './ChannelTest';

/** Email channels: the addresses Servus receives and sends mail for. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const channels = useChannels();
  const teams = useTeams();
  const test = useChannelTest();
  const [editing, setEditing] = useState<EmailChannel | null | 'new'>(null);
  const [testing, setTesting] = useState<EmailChannel | null>(null);
  const [inUse, setInUse] = useState<EmailChannel | null>(null);
  const teamNames = new Map((teams.data ?? []).map((tm) => [tm.id, tm.name]));

  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.channels });
    void client.invalidateQueries({ queryKey: keys.mailHealth });
  };
  const remove = useMutation({
    mutationFn: (c: EmailChannel) => api(`/api/v1/channels/${c.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      refresh();
      toast.success(t('channels.deleted'));
    },
    // Mail has already arrived on it: its history must stay, so offer to deactivate instead.
    onError: (err, c) => (err instanceof ApiError && err.status === 409 ? setInUse(c) : toast.error(err)),
  });
  const deactivate = useMutation({
    mutationFn: (c: EmailChannel) => api<EmailChannel>(`/api/v1/channels/${c.id}`, { method: 'PATCH', body: { active: false } }),
    onSuccess: () => {
      refresh();
      setInUse(null);
      toast.success(t('channels.deactivated'));
    },
    onError: (err) => toast.error(err),
  });

  function startTest(c: EmailChannel) {
    setTesting(c);
    test.reset();
    test.mutate(c.id);
  }

  return (
    <>
      <Text size="sm" c="dimmed">{t('channels.intro')}</Text>
      <AdminList title={t('channels.title')} addLabel={t('channels.new')} addIcon={<IconMailPlus size={14} />} onAdd={() => setEditing('new')} query={channels} skeletonRows={3} emptyText={t('channels.none')}>
        {(items) => (
          <Table aria-label={t('channels.title')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('channels.name')}</Table.Th>
                <Table.Th>{t('channels.address')}</Table.Th>
                <Table.Th>{t('channels.team')}</Table.Th>
                <Table.Th>{t('channels.receivesSends')}</Table.Th>
                <Table.Th>{t('admin.state')}</Table.Th>
                <Table.Th w={260} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{c.name}</Text>
                    {c.displayName && <Text size="xs" c="dimmed">{c.displayName}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{c.address}</Text></Table.Td>
                  <Table.Td><Text size="sm">{c.teamId ? (teamNames.get(c.teamId) ?? '…') : '—'}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={c.imap ? 'indigo' : 'gray'} title={c.imap ? `${c.imap.host}:${c.imap.port}` : undefined}>{c.imap ? 'IMAP' : t('channels.noImap')}</Badge>
                      <Badge variant="light" color={c.smtp ? 'indigo' : 'gray'} title={c.smtp ? `${c.smtp.host}:${c.smtp.port}` : undefined}>{c.smtp ? 'SMTP' : t('channels.noSmtp')}</Badge>
                      {c.autoAck.enabled && <Badge variant="light" color="gray">{t('channels.autoAckShort')}</Badge>}
                      {c.dkim && <Badge variant="light" color="gray">DKIM</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.active ? <Badge color="teal">{t('admin.active')}</Badge> : <Badge color="gray">{t('admin.inactive')}</Badge>}</Table.Td>
                  <Table.Td>
                    <RowActions name={c.name} onEdit={() => setEditing(c)} deleteQuestion={t('channels.confirmDelete', { name: c.name })} onDelete={() => remove.mutate(c)}>
                      <Button size="compact-xs" variant="default" onClick={() => startTest(c)} aria-label={t('channels.testNamed', { name: c.name })}>{t('channels.testShort')}</Button>
                    </RowActions>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {editing && <ChannelDialog channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <Modal opened={!!testing} onClose={() => setTesting(null)} title={testing ? t('channels.testTitle', { name: testing.name }) : ''} size="lg">
        {testing && <ChannelTestPanel channelId={testing.id} test={test} />}
      </Modal>
      <Modal opened={!!inUse} onClose={() => setInUse(null)} title={t('channels.inUseTitle')} size="md" centered>
        <Text size="sm" mb="md">{inUse?.active ? t('channels.inUse', { name: inUse.name }) : t('channels.inUseInactive', { name: inUse?.name ?? '' })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setInUse(null)}>{t('common.cancel')}</Button>
          {inUse?.active && (
            <Button color="red" loading={deactivate.isPending} onClick={() => inUse && deactivate.mutate(inUse)}>{t('admin.deactivate')}</Button>
          )}
        </Group>
      </Modal>
    </>
  );
}
