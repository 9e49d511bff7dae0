import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgents, useTeams } from '../api/directory';
import { FormAlert } from '../components/FormAlert';
import { errorMessage } from '../lib/toast';

/** Hands a chat to another agent or to a team's queue. */
export function TransferDialog({ meId, onTransfer, onClose }: { meId: string; onTransfer(to: { agentId: string } | { teamId: string }): Promise<unknown>; onClose(): void }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const teams = useTeams();
  const [kind, setKind] = useState<'agent' | 'team'>('agent');
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const options =
    kind === 'agent'
      ? (agents.data ?? []).filter((a) => a.active && a.id !== meId && !a.invitePending).map((a) => ({ value: a.id, label: a.name }))
      : (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!target) return setError(t('chat.transfer.pick'));
    setBusy(true);
    setError(null);
    try {
      await onTransfer(kind === 'agent' ? { agentId: target } : { teamId: target });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('chat.transfer.title')} size="sm">
      <form onSubmit={submit} noValidate aria-label={t('chat.transfer.title')}>
        <Stack gap="sm">
          <FormAlert message={error} />
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as 'agent' | 'team');
              setTarget(null);
            }}
            data={[
              { value: 'agent', label: t('chat.transfer.toAgent') },
              { value: 'team', label: t('chat.transfer.toTeam') },
            ]}
          />
          <Select
            label={kind === 'agent' ? t('chat.transfer.agent') : t('chat.transfer.team')}
            data={options}
            value={target}
            onChange={setTarget}
            searchable
            nothingFoundMessage={t('chat.transfer.nobody')}
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('chat.transfer.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
