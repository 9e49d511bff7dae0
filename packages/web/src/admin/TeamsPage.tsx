import { useState } from 'react';
import { Modal, MultiSelect, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCalendars } from '../api/calendars';
import { api } from '../api/client';
import { useAgents, useTeams } from '../api/directory';
import { keys } from '../api/keys';
import type { Team } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { AdminList, RowActions } from './AdminList';
import { TeamRoutingCell } from '../routing/TeamRoutingCell';

function TeamDialog({ team, onClose }: { team: Team | null; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const agents = useAgents();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const calendars = useCalendars();
  const [calendarId, setCalendarId] = useState<string | null>(team?.calendarId ?? null);
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: ['name', 'description', 'memberIds', 'calendarId'],
    action: async () => {
      const body = { name, description, memberIds, calendarId };
      await (team ? api<Team>(`/api/v1/teams/${team.id}`, { method: 'PATCH', body }) : api<Team>('/api/v1/teams', { body }));
      void client.invalidateQueries({ queryKey: keys.teams });
      void client.invalidateQueries({ queryKey: keys.views });
      void client.invalidateQueries({ queryKey: keys.me });
      toast.success(t('common.saved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={team ? t('admin.editTeam') : t('admin.newTeam')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={other} />
          <TextInput label={t('admin.teamName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus />
          <Textarea label={t('admin.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} autosize minRows={2} />
          <MultiSelect label={t('admin.members')} data={(agents.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))} value={memberIds} onChange={setMemberIds} searchable error={errors.memberIds} />
          <Select
            label={t('calendars.select')}
            description={t('calendars.teamHint')}
            placeholder={t('calendars.selectNone')}
            data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={calendarId}
            onChange={setCalendarId}
            clearable
            error={errors.calendarId}
          />
          <FormActions submitLabel={t('common.save')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Teams and their members; each team gets its own queue, routed by hand or automatically, and may be an escalation tier. */
export function TeamsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const agents = useAgents();
  const [editing, setEditing] = useState<Team | null | 'new'>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/v1/teams/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.teams });
      void client.invalidateQueries({ queryKey: keys.views });
      toast.success(t('admin.teamDeleted'));
    },
    onError: (err) => toast.error(err),
  });
  const names = new Map((agents.data ?? []).map((a) => [a.id, a.name]));
  return (
    <>
      <AdminList title={t('admin.teams')} addLabel={t('admin.newTeam')} onAdd={() => setEditing('new')} query={teams} skeletonRows={3} emptyText={t('admin.noTeams')}>
        {(items) => (
          <Table aria-label={t('admin.teams')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.teamName')}</Table.Th>
                <Table.Th>{t('admin.members')}</Table.Th>
                <Table.Th>{t('routing.team.column')}</Table.Th>
                <Table.Th w={170} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((tm) => (
                <Table.Tr key={tm.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{tm.name}</Text>
                    {tm.description && <Text size="xs" c="dimmed">{tm.description}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{tm.memberIds.map((id) => names.get(id) ?? '…').join(', ') || '—'}</Text></Table.Td>
                  <Table.Td><TeamRoutingCell team={tm} /></Table.Td>
                  <Table.Td>
                    <RowActions name={tm.name} onEdit={() => setEditing(tm)} deleteQuestion={t('admin.confirmDeleteTeam', { name: tm.name })} onDelete={() => remove.mutate(tm.id)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {editing && <TeamDialog team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
