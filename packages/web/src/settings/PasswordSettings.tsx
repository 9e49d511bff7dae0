import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { Password } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError, mapFieldErrors } from '../api/errors';
import { toast } from '../lib/toast';

/** Changing the own password; the server signs out other sessions. */
export function PasswordSettings() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setOther(null);
    if (!Password.safeParse(newPassword).success) return setErrors({ newPassword: t('validation.passwordLength') });
    if (newPassword !== confirm) return setErrors({ confirm: t('validation.passwordsDiffer') });
    setBusy(true);
    try {
      await api('/api/v1/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      setCurrent('');
      setNew('');
      setConfirm('');
      toast.success(t('settings.passwordChanged'));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403) && !err.fieldDetails.length) setErrors({ currentPassword: t('settings.currentPasswordWrong') });
      else {
        const mapped = mapFieldErrors(err, ['currentPassword', 'newPassword']);
        setErrors(mapped.fields);
        setOther(mapped.other.join(' ') || null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <Title order={3} size="h4">{t('settings.password')}</Title>
        <Text size="sm" c="dimmed">{t('settings.passwordHint')}</Text>
        {other && <Alert color="red" variant="light" role="alert">{other}</Alert>}
        <PasswordInput label={t('settings.currentPassword')} autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} />
        <PasswordInput label={t('settings.newPassword')} description={t('validation.passwordLength')} autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.currentTarget.value)} error={errors.newPassword} />
        <PasswordInput label={t('settings.confirmPassword')} autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm} />
        <Button type="submit" loading={busy} w="fit-content">{t('settings.changePassword')}</Button>
      </Stack>
    </form>
  );
}
