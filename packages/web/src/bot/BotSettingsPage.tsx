import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BotReportCard } from './BotReportCard';
import { BotSettingsForm } from './BotSettingsForm';
import { BotTester } from './BotTester';

/** The admin's Answer bot page: its settings, a question to try it with, and what it achieved. */
export function BotSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">{t('bot.title')}</Title>
        <Text size="sm" c="dimmed">{t('bot.intro')}</Text>
      </div>
      <BotSettingsForm />
      <BotTester />
      <BotReportCard />
    </Stack>
  );
}
