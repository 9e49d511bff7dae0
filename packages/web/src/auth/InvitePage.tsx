import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, PasswordInput, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Password } from '@servus/shared';
import { api, setCsrfToken } from '../api/client';
import { ApiError, mapFieldErrors } from '../api/errors';
import { keys } from '../api/keys';
import { PageLoader } from '../components/PageLoader';
import { AuthCard } from './AuthCard';
import { fetchMe } from './session';

/** Accepting an invitation: the invitee chooses a password and is signed in. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: () => api<{ email: string; name: string }>(`/api/v1/invites/${encodeURIComponent(token)}`, { allowAnonymous: true }),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (invite.isPending) return <PageLoader />;
  if (invite.error) {
    const gone = invite.error instanceof ApiError && (invite.error.status === 404 || invite.error.status === 400);
    return (
      <AuthCard title={t('invite.title')}>
        <Alert color="orange" variant="light" role="alert">
          {gone ? t('invite.invalid') : t('errors.loadFailed')}
        </Alert>
      </AuthCard>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const checked = Password.safeParse(password);
    if (!checked.success) return setErrors({ password: t('validation.passwordLength') });
    if (password !== confirm) return setErrors({ confirm: t('validation.passwordsDiffer') });
    setErrors({});
    setBusy(true);
    try {
      const res = await api<{ csrfToken: string }>(`/api/v1/invites/${encodeURIComponent(token)}/accept`, { body: { password }, allowAnonymous: true });
      setCsrfToken(res.csrfToken);
      client.setQueryData(keys.me, await fetchMe());
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setError(t('invite.invalid'));
      else {
        const mapped = mapFieldErrors(err, ['password']);
        setErrors(mapped.fields);
        setError(mapped.other.join(' ') || null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('invite.title')}>
      <Text size="sm">{t('invite.welcome', { name: invite.data.name, email: invite.data.email })}</Text>
      <form onSubmit={submit} noValidate>
        {error && (
          <Alert color="red" variant="light" mb="sm" role="alert">
            {error}
          </Alert>
        )}
        <PasswordInput
          label={t('invite.choosePassword')}
          description={t('validation.passwordLength')}
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          size="sm"
          mb="sm"
        />
        <PasswordInput
          label={t('invite.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.confirm}
          size="sm"
          mb="md"
        />
        <Button type="submit" fullWidth size="sm" loading={busy}>
          {t('invite.accept')}
        </Button>
      </form>
    </AuthCard>
  );
}
