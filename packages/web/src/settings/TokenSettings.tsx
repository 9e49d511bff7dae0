import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { mapFieldErrors } from '../api/errors';
import { keys } from '../api/keys';
import type { ApiToken } from '../api/types';
import { useFormat } from '../auth/session';
import { ConfirmButton } from '../components/ConfirmButton';
import { CopyableCode } from '../components/CopyableCode';
import { ErrorState } from '../components/ErrorState';
import { toast } from '../lib/toast';

/** Personal API tokens: create (the secret is shown once, with a copy button), list, revoke. */
export function TokenSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: () => api<{ data: ApiToken[] }>('/api/v1/me/tokens').then((r) => r.data) });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api<{ token: ApiToken; secret: string }>('/api/v1/me/tokens', { body: { name, expiresInDays: days === '' ? undefined : Number(days) } }),
    onSuccess: (r) => {
      setSecret(r.secret);
      setName('');
      setDays('');
      void client.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (err) => {
      const mapped = mapFieldErrors(err, ['name', 'expiresInDays']);
      setErrors(mapped.fields);
      // A failure no field explains (server down, rate limit) must still be visible.
      if (mapped.other.length) toast.error(err);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/me/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      toast.success(t('tokens.revoked'));
      void client.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (err) => toast.error(err),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    if (!name.trim()) return setErrors({ name: t('validation.required') });
    create.mutate();
  }

  return (
    <Stack gap="md">
      <Title order={3} size="h4">{t('settings.tokens')}</Title>
      <Text size="sm" c="dimmed">{t('tokens.hint')}</Text>
      {secret && (
        <Alert color="teal" variant="light" title={t('tokens.createdTitle')} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSecret(null)}>
          <CopyableCode value={secret} hint={t('tokens.copyNow')} copyLabel={t('tokens.copySecret')} testId="token-secret" />
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('tokens.create')}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('tokens.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} w={240} />
          <NumberInput label={t('tokens.expiresInDays')} placeholder={t('tokens.never')} value={days} onChange={setDays} min={1} max={3650} error={errors.expiresInDays} w={160} />
          <Button type="submit" loading={create.isPending}>{t('tokens.create')}</Button>
        </Group>
      </form>
      {tokens.error && <ErrorState compact error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.length === 0 && <Text size="sm" c="dimmed">{t('tokens.none')}</Text>}
      {!!tokens.data?.length && (
        <Table aria-label={t('settings.tokens')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('tokens.created')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th>{t('tokens.expires')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((tk) => (
              <Table.Tr key={tk.id}>
                <Table.Td>{tk.name}</Table.Td>
                <Table.Td><Code>{tk.prefix}…</Code></Table.Td>
                <Table.Td>{format.date(tk.createdAt)}</Table.Td>
                <Table.Td>{tk.lastUsedAt ? format.relative(tk.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                <Table.Td>{tk.expiresAt ? format.date(tk.expiresAt) : t('tokens.never')}</Table.Td>
                <Table.Td>
                  <ConfirmButton size="compact-xs" variant="subtle" color="red" question={t('tokens.confirmRevoke', { name: tk.name })} confirmLabel={t('tokens.revoke')} onConfirm={() => revoke.mutate(tk.id)} aria-label={t('tokens.revokeNamed', { name: tk.name })}>
                    {t('tokens.revoke')}
                  </ConfirmButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
