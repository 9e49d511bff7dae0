import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Menu, Modal, Select, Table, Text } from '@mantine/core';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { AGENT_ROLES } from '@servus/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAgents } from '../api/directory';
import { keys } from '../api/keys';
import type { Agent, AgentRole, Invite } from '../api/types';
import { useSession } from '../auth/session';
import { toast } from '../lib/toast';
import { AdminList } from './AdminList';
import { InviteDialog, InviteLink } from './InviteDialog';
import { AgentRoutingCell } from '../routing/AgentRoutingCell';

/** Agents: invite, change role, deactivate or reactivate, re-send an invitation, set routing status, capacity and skills. */
export function AgentsPage() {
  const { t } = useTranslation();
  const { agent: me } = useSession();
  const client = useQueryClient();
  const agents = useAgents();
  const [inviting, setInviting] = useState(false);
  const [reinvite, setReinvite] = useState<Invite | null>(null);
  const [deactivate, setDeactivate] = useState<Agent | null>(null);
  const patch = useMutation({
    mutationFn: (v: { id: string; body: { role?: AgentRole; active?: boolean; kbEditor?: boolean } }) => api<Agent>(`/api/v1/agents/${v.id}`, { method: 'PATCH', body: v.body }),
    onSuccess: () => {
      toast.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: keys.agents });
    },
    onError: (err) => toast.error(err),
  });
  const resend = useMutation({
    mutationFn: (id: string) => api<Invite>(`/api/v1/agents/${id}/invite`, { method: 'POST' }),
    onSuccess: (r) => (r.emailed ? toast.success(t('admin.inviteSent', { email: r.agent.email })) : setReinvite(r)),
    onError: (err) => toast.error(err),
  });

  return (
    <>
      <AdminList title={t('admin.agents')} addLabel={t('admin.inviteAgent')} addIcon={<IconUserPlus size={14} />} onAdd={() => setInviting(true)} query={agents} skeletonRows={5}>
        {(items) => (
          <Table highlightOnHover aria-label={t('admin.agents')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.name')}</Table.Th>
                <Table.Th>{t('auth.email')}</Table.Th>
                <Table.Th w={170}>{t('admin.role')}</Table.Th>
                <Table.Th w={140}>{t('admin.state')}</Table.Th>
                <Table.Th>{t('routing.agent.column')}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.name}{a.id === me.id && <Text span c="dimmed" size="xs"> ({t('admin.you')})</Text>}</Table.Td>
                  <Table.Td>{a.email}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('admin.roleOf', { name: a.name })}
                      data={AGENT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))}
                      value={a.role}
                      disabled={a.id === me.id}
                      onChange={(v) => v && v !== a.role && patch.mutate({ id: a.id, body: { role: v as AgentRole } })}
                    />
                    {a.role !== 'readonly' && (
                      <Checkbox
                        mt={6}
                        size="xs"
                        label={t('kb.agentEditor')}
                        checked={a.role === 'admin' || a.kbEditor === true}
                        disabled={a.role === 'admin'}
                        onChange={(e) => patch.mutate({ id: a.id, body: { kbEditor: e.currentTarget.checked } })}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!a.active ? <Badge color="gray">{t('admin.inactive')}</Badge> : a.invitePending ? <Badge color="yellow">{t('admin.invitePending')}</Badge> : <Badge color="teal">{t('admin.active')}</Badge>}
                  </Table.Td>
                  <Table.Td>{a.role !== 'readonly' && <AgentRoutingCell agent={a} />}</Table.Td>
                  <Table.Td>
                    {a.id !== me.id && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <Button variant="subtle" color="gray" size="compact-xs" aria-label={t('admin.actionsFor', { name: a.name })}><IconDots size={14} /></Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {a.invitePending && a.active && <Menu.Item onClick={() => resend.mutate(a.id)}>{t('admin.resendInvite')}</Menu.Item>}
                          {a.active ? (
                            <Menu.Item color="red" onClick={() => setDeactivate(a)}>{t('admin.deactivate')}</Menu.Item>
                          ) : (
                            <Menu.Item onClick={() => patch.mutate({ id: a.id, body: { active: true } })}>{t('admin.reactivate')}</Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
      <Modal opened={!!reinvite} onClose={() => setReinvite(null)} title={t('admin.inviteAgent')}>
        {reinvite && <InviteLink url={reinvite.inviteUrl} />}
      </Modal>
      <Modal opened={!!deactivate} onClose={() => setDeactivate(null)} title={t('admin.deactivate')} size="sm" centered>
        <Text size="sm" mb="md">{t('admin.confirmDeactivate', { name: deactivate?.name ?? '' })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setDeactivate(null)}>{t('common.cancel')}</Button>
          <Button color="red" onClick={() => { if (deactivate) patch.mutate({ id: deactivate.id, body: { active: false } }); setDeactivate(null); }}>{t('admin.deactivate')}</Button>
        </Group>
      </Modal>
    </>
  );
}
