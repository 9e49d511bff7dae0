import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { AGENT_ROLES } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { mapFieldErrors } from '../api/errors';
import { keys } from '../api/keys';
import type { Invite } from '../api/types';
import { toast } from '../lib/toast';

/** Shows an invitation link with a copy button (when no email could be sent). */
export function InviteLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="indigo" variant="light" title={t('admin.inviteLinkTitle')}>
      <Text size="sm" mb={6}>{t('admin.inviteLinkHint')}</Text>
      <Group gap={6} wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }} data-testid="invite-url">{url}</Code>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
              <ActionIcon onClick={copy} aria-label={t('admin.copyInviteLink')} color={copied ? 'teal' : 'gray'}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Invite | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setOther(null);
    try {
      const r = await api<Invite>('/api/v1/agents/invite', { body: { email, name, role } });
      void client.invalidateQueries({ queryKey: keys.agents });
      if (r.emailed) {
        toast.success(t('admin.inviteSent', { email: r.agent.email }));
        onClose();
      } else setResult(r);
    } catch (err) {
      const mapped = mapFieldErrors(err, ['email', 'name', 'role']);
      setErrors(mapped.fields);
      setOther(mapped.other.join(' ') || null);
    } finally {
      setBusy(false);
    }
  }

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
            {other && <Alert color="red" variant="light" role="alert">{other}</Alert>}
            <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} data-autofocus />
            <TextInput label={t('settings.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <Select label={t('admin.role')} data={AGENT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))} value={role} onChange={(v) => v && setRole(v)} error={errors.role} />
            <Text size="xs" c="dimmed">{t('admin.inviteExpiry')}</Text>
            <Group gap="xs">
              <Button type="submit" loading={busy}>{t('admin.sendInvite')}</Button>
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
