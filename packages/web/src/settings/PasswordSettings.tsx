import { useState } from 'react';
import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { newPasswordErrors } from '../auth/new-password';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

/** Changing the own password; the server signs out other sessions. */
export function PasswordSettings() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: ['currentPassword', 'newPassword'],
    validate: () => newPasswordErrors(newPassword, confirm, 'newPassword'),
    action: async () => {
      await api('/api/v1/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      setCurrent('');
      setNew('');
      setConfirm('');
      toast.success(t('settings.passwordChanged'));
    },
    explain: (err) =>
      err instanceof ApiError && (err.status === 401 || err.status === 403) && !err.fieldDetails.length ? { errors: { currentPassword: t('settings.currentPasswordWrong') } } : undefined,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <Title order={3} size="h4">{t('settings.password')}</Title>
        <Text size="sm" c="dimmed">{t('settings.passwordHint')}</Text>
        <FormAlert message={other} />
        <PasswordInput label={t('settings.currentPassword')} autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} />
        <PasswordInput label={t('settings.newPassword')} description={t('validation.passwordLength')} autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.currentTarget.value)} error={errors.newPassword} />
        <PasswordInput label={t('settings.confirmPassword')} autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm} />
        <Button type="submit" loading={busy} w="fit-content">{t('settings.changePassword')}</Button>
      </Stack>
    </form>
  );
}
