import { Button, Group, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';
import { useHelpCenterSettings } from './api';
import { DeflectionPanel } from './DeflectionPanel';
import { HelpCenterSettingsForm } from './HelpCenterSettingsForm';

/** Admin → Help center: the public help center's settings and what its contact form deflects. */
export function HelpCenterAdminPage() {
  const { t } = useTranslation();
  const settings = useHelpCenterSettings();
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={720}>{t('helpCenter.intro')}</Text>
        <Button component="a" href="/help" target="_blank" rel="noopener" variant="default" rightSection={<IconExternalLink size={14} />}>
          {t('helpCenter.open')}
        </Button>
      </Group>
      {settings.isPending && <ListSkeleton rows={4} />}
      {settings.error && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <HelpCenterSettingsForm key={settings.data.updatedAt} settings={settings.data} />}
      <DeflectionPanel />
    </>
  );
}
