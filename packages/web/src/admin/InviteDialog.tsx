import { useState } from 'react';
import { Alert, Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { AGENT_ROLES } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Invite } from '../api/types';
import { CopyableCode } from '../components/CopyableCode';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

/** Shows an invitation link with a copy button (when no email could be sent). */
export function InviteLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="indigo" variant="light" title={t('admin.inviteLinkTitle')}>
      <CopyableCode value={url} hint={t('admin.inviteLinkHint')} copyLabel={t('admin.copyInviteLink')} testId="invite-url" />
    </Alert>
  );
}

/** Inviting an agent by email with a one-time link that expires. */
export function InviteDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('agent');
  const [result, setResult] = useState<Invite | null>(null);
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: ['email', 'name', 'role'],
    action: async () => {
      const r = await api<Invite>('/api/v1/agents/invite', { body: { email, name, role } });
      void client.invalidateQueries({ queryKey: keys.agents });
      if (r.emailed) {
        toast.success(t('admin.inviteSent', { email: r.agent.email }));
        onClose();
      } else setResult(r);
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('admin.inviteAgent')}>
      {result ? (
        <Stack gap="sm">
          <InviteLink url={result.inviteUrl} />
          <Button onClick={onClose} w="fit-content">{t('common.done')}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormAlert message={other} />
            <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} data-autofocus />
            <TextInput label={t('settings.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <Select label={t('admin.role')} data={AGENT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))} value={role} onChange={(v) => v && setRole(v)} error={errors.role} />
            <Text size="xs" c="dimmed">{t('admin.inviteExpiry')}</Text>
            <FormActions submitLabel={t('admin.sendInvite')} busy={busy} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
