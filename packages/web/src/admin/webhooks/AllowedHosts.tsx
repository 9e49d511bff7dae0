import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, TagsInput, Text, Title } from '@mantine/core';
import { normalizeHost, type WebhookSettings } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useWebhookSettings, webhookKeys } from '../../api/webhooks';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { toast } from '../../lib/toast';
import { useFormSubmit } from '../../lib/useFormSubmit';

/**
 * The hosts webhooks may reach inside the company network. Without an entry here, a URL whose
 * host is or resolves to a loopback, private or unique-local address is refused.
 */
export function AllowedHosts() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useWebhookSettings();
  const [hosts, setHosts] = useState<string[]>([]);
  useEffect(() => {
    if (settings.data) setHosts(settings.data.allowedHosts);
  }, [settings.data]);

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: ['allowedHosts'],
    validate: () => {
      const bad = hosts.filter((h) => normalizeHost(h) === null);
      return bad.length ? { allowedHosts: t('webhooks.hosts.invalid', { hosts: bad.join(', ') }) } : undefined;
    },
    action: async () => {
      const saved = await api<WebhookSettings>('/api/v1/webhook-settings', { method: 'PUT', body: { allowedHosts: hosts } });
      client.setQueryData(webhookKeys.settings, saved);
      setHosts(saved.allowedHosts);
      toast.success(t('common.saved'));
    },
  });

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="webhook-hosts-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="xs">
          <Title id="webhook-hosts-title" order={4} size="h5">{t('webhooks.hosts.title')}</Title>
          <Text size="sm" c="dimmed">{t('webhooks.hosts.intro')}</Text>
          {settings.error && <ErrorState compact error={settings.error} onRetry={() => void settings.refetch()} />}
          <FormAlert message={other} />
          <TagsInput
            label={t('webhooks.hosts.label')}
            placeholder={hosts.length ? undefined : t('webhooks.hosts.placeholder')}
            description={t('webhooks.hosts.hint')}
            value={hosts}
            onChange={setHosts}
            error={errors.allowedHosts}
            splitChars={[',', ' ']}
            disabled={settings.isPending}
          />
          <Group>
            <Button type="submit" variant="default" loading={busy} disabled={settings.isPending}>{t('webhooks.hosts.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
