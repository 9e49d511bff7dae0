import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, PasswordInput, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client';
import { ApiError, mapFieldErrors } from '../api/errors';
import { keys } from '../api/keys';
import { fetchMe, useMeQuery } from './session';
import { AuthCard } from './AuthCard';
import { safeNext } from './safe-next';

/** Sign in with email and password; sends a fresh installation to the setup page. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useMeQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const next = safeNext(params.get('next'));

  useEffect(() => {
    api<{ needsSetup: boolean }>('/api/v1/setup', { allowAnonymous: true })
      .then((r) => {
        if (r.needsSetup) window.location.replace('/setup');
      })
      .catch(() => undefined);
  }, []);

  if (me) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const res = await api<{ csrfToken: string }>('/api/v1/auth/login', { body: { email, password }, allowAnonymous: true });
      setCsrfToken(res.csrfToken);
      client.setQueryData(keys.me, await fetchMe());
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('auth.invalidCredentials'));
      else if (err instanceof ApiError && err.status === 429) setError(t('auth.lockedOut', { message: err.message }));
      else {
        const mapped = mapFieldErrors(err, ['email', 'password']);
        setFieldErrors(mapped.fields);
        setError(mapped.other.join(' ') || null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.signInTitle')}>
      <form onSubmit={submit} noValidate>
        {error && (
          <Alert color="red" variant="light" mb="sm" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldErrors.email}
          size="sm"
          mb="sm"
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldErrors.password}
          size="sm"
          mb="md"
        />
        <Button type="submit" fullWidth size="sm" loading={busy}>
          {t('auth.signIn')}
        </Button>
      </form>
    </AuthCard>
  );
}
