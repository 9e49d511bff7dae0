import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { useFormSubmit } from '../lib/useFormSubmit';
import { useMeQuery, useSignIn } from './session';
import { AuthCard } from './AuthCard';
import { AuthForm } from './AuthForm';
import { safeNext } from './safe-next';

/** Sign in with email and password; sends a fresh installation to the setup page. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const { data: me } = useMeQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const form = useFormSubmit({
    fields: ['email', 'password'],
    action: () => signIn('/api/v1/auth/login', { email, password }, next),
    explain: (err) => {
      if (err instanceof ApiError && err.status === 401) return { other: t('auth.invalidCredentials') };
      if (err instanceof ApiError && err.status === 429) return { other: t('auth.lockedOut', { message: err.message }) };
      return undefined;
    },
  });

  useEffect(() => {
    api<{ needsSetup: boolean }>('/api/v1/setup', { allowAnonymous: true })
      .then((r) => {
        if (r.needsSetup) window.location.replace('/setup');
      })
      .catch(() => undefined);
  }, []);

  if (me) return <Navigate to={next} replace />;

  return (
    <AuthCard title={t('auth.signInTitle')}>
      <AuthForm form={form} submitLabel={t('auth.signIn')}>
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={form.errors.email}
          size="sm"
          mb="sm"
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={form.errors.password}
          size="sm"
          mb="md"
        />
      </AuthForm>
    </AuthCard>
  );
}
