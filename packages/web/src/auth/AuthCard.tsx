import { Center, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale, type AppLocale } from '../i18n';

/** The frame of the signed-out pages: brand, a card, and a language switch. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={380} gap="md">
        <Group justify="space-between" align="center">
          <Title order={1} size="h2">Servus</Title>
          <SegmentedControl
            size="xs"
            aria-label={t('settings.language')}
            value={i18n.language === 'de' ? 'de' : 'en'}
            onChange={(v) => applyLocale(v as AppLocale)}
            data={[
              { value: 'en', label: 'English' },
              { value: 'de', label: 'Deutsch' },
            ]}
          />
        </Group>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h3">{title}</Title>
            {children}
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center">{t('auth.tagline')}</Text>
      </Stack>
    </Center>
  );
}
