import { useState } from 'react';
import { Button, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Agent, Me } from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

export const SIGNATURE_MAX = 2000;

/** What `/auth/me` answers: the signature sits beside the agent (or, on some servers, in it). */
type MeWithSignature = Omit<Me, 'agent'> & { agent: Agent; signature?: string };

function signatureOf(me: { agent?: Agent; signature?: string } | undefined): string {
  return me?.signature ?? me?.agent?.signature ?? '';
}

function SignatureForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [signature, setSignature] = useState(initial);
  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: ['signature'],
    validate: () => (signature.length > SIGNATURE_MAX ? { signature: t('settings.signatureTooLong', { max: SIGNATURE_MAX }) } : undefined),
    action: async () => {
      const res = await api<{ agent: Agent; signature?: string }>('/api/v1/auth/me', { method: 'PATCH', body: { signature } });
      const saved = res?.signature ?? res?.agent?.signature ?? signature;
      client.setQueryData<MeWithSignature>(keys.profile, (me) => (me ? { ...me, signature: saved } : me));
      if (res?.agent) client.setQueryData<Me | null>(keys.me, (me) => (me ? { ...me, agent: res.agent } : me));
      setSignature(saved);
      toast.success(t('settings.signatureSaved'));
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('settings.signature')}>
      <Stack gap="sm">
        <FormAlert message={other} />
        <Textarea
          label={t('settings.signature')}
          description={t('settings.signatureHint')}
          value={signature}
          onChange={(e) => setSignature(e.currentTarget.value)}
          error={errors.signature}
          autosize
          minRows={3}
          maxRows={10}
          placeholder={t('settings.signaturePlaceholder')}
        />
        <Text size="xs" c={signature.length > SIGNATURE_MAX ? 'red' : 'dimmed'} aria-live="polite">
          {t('settings.signatureCount', { count: signature.length, max: SIGNATURE_MAX })}
        </Text>
        <Button type="submit" loading={busy} w="fit-content">{t('settings.saveSignature')}</Button>
      </Stack>
    </form>
  );
}

/** The agent's plain-text email signature, added below their email replies. */
export function SignatureSettings() {
  const { t } = useTranslation();
  const me = useQuery({ queryKey: keys.profile, queryFn: () => api<MeWithSignature>('/api/v1/auth/me') });
  return (
    <Stack gap="sm" maw={560}>
      <Title order={3} size="h4">{t('settings.signature')}</Title>
      {me.isPending && <Skeleton h={90} aria-label={t('common.loading')} role="status" />}
      {me.error && <ErrorState compact error={me.error} onRetry={() => void me.refetch()} />}
      {me.data && <SignatureForm initial={signatureOf(me.data)} />}
    </Stack>
  );
}
