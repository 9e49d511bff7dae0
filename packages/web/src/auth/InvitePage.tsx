import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, PasswordInput, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { PageLoader } from '../components/PageLoader';
import { useFormSubmit } from '../lib/useFormSubmit';
import { AuthCard } from './AuthCard';
import { AuthForm } from './AuthForm';
import { newPasswordErrors } from './new-password';
import { useSignIn } from './session';

/** Accepting an invitation: the invitee chooses a password and is signed in. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const signIn = useSignIn();
  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: () => api<{ email: string; name: string }>(`/api/v1/invites/${encodeURIComponent(token)}`, { allowAnonymous: true }),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormSubmit({
    fields: ['password'],
    validate: () => newPasswordErrors(password, confirm, 'password'),
    action: () => signIn(`/api/v1/invites/${encodeURIComponent(token)}/accept`, { password }, '/'),
    explain: (err) => (err instanceof ApiError && err.status === 404 ? { other: t('invite.invalid') } : undefined),
  });

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

  return (
    <AuthCard title={t('invite.title')}>
      <Text size="sm">{t('invite.welcome', { name: invite.data.name, email: invite.data.email })}</Text>
      <AuthForm form={form} submitLabel={t('invite.accept')}>
        <PasswordInput
          label={t('invite.choosePassword')}
          description={t('validation.passwordLength')}
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={form.errors.password}
          size="sm"
          mb="sm"
        />
        <PasswordInput
          label={t('invite.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={form.errors.confirm}
          size="sm"
          mb="md"
        />
      </AuthForm>
    </AuthCard>
  );
}
