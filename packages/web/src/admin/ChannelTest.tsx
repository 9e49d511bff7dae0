import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnected } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ChannelTestResult, ConnectionCheck } from '../api/types';
import { ErrorState } from '../components/ErrorState';

/** Runs the server's connection test of a channel's saved IMAP and SMTP settings. */
export function useChannelTest() {
  return useMutation({ mutationFn: (channelId: string) => api<ChannelTestResult>(`/api/v1/channels/${encodeURIComponent(channelId)}/test`, { method: 'POST' }) });
}

function CheckResult({ protocol, check }: { protocol: 'IMAP' | 'SMTP'; check: ConnectionCheck | null }) {
  const { t } = useTranslation();
  if (!check) {
    return <Alert color="gray" variant="light" role="status" title={t('channels.checkNotConfigured', { protocol })} />;
  }
  return (
    <Alert
      color={check.ok ? 'teal' : 'red'}
      variant="light"
      role={check.ok ? 'status' : 'alert'}
      icon={check.ok ? <IconCircleCheck size={16} /> : <IconAlertTriangle size={16} />}
      title={check.ok ? t('channels.checkOk', { protocol }) : t('channels.checkFailed', { protocol })}
      data-result={check.ok ? 'ok' : 'failed'}
    >
      {check.message && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{check.message}</Text>}
      {check.messages !== undefined && <Text size="sm" c="dimmed">{t('channels.checkMessages', { count: check.messages })}</Text>}
    </Alert>
  );
}

/**
 * The "Test connection" button with what the server found for IMAP and SMTP: green when the
 * login worked, red with the server's words when not. The test can take several seconds.
 */
export function ChannelTestPanel({ channelId, test }: { channelId: string; test: ReturnType<typeof useChannelTest> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy={test.isPending}>
      <Group gap="xs">
        <Button variant="default" leftSection={<IconPlugConnected size={14} />} loading={test.isPending} onClick={() => test.mutate(channelId)}>
          {test.data || test.error ? t('channels.testAgain') : t('channels.test')}
        </Button>
        <Text size="xs" c="dimmed">{test.isPending ? t('channels.testing') : t('channels.testHint')}</Text>
      </Group>
      {test.error && !test.isPending && <ErrorState compact error={test.error} />}
      {test.data && !test.isPending && (
        <Stack gap="xs" aria-label={t('channels.testResults')} role="group">
          <CheckResult protocol="IMAP" check={test.data.imap} />
          <CheckResult protocol="SMTP" check={test.data.smtp} />
        </Stack>
      )}
    </Stack>
  );
}
