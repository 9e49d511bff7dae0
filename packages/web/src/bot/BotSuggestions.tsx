import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconRobot } from '@tabler/icons-react';
import type { ChatBotSummary } from '@servus/shared';
import { useTranslation } from 'react-i18next';

const OUTCOME_COLOR: Record<ChatBotSummary['outcome'], string> = { answering: 'blue', confirmed: 'teal', handed_over: 'orange', abandoned: 'gray' };

/**
 * For the agent who takes over a chat from the answer bot: how the bot's part ended and the
 * articles it suggested (the visitor saw them already), to link or build on.
 */
export function BotSuggestions({ bot }: { bot: ChatBotSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" component="section" aria-label={t('bot.chat.suggested')} data-testid="bot-suggestions" py={2}>
      <IconRobot size={16} aria-hidden />
      <Badge color={OUTCOME_COLOR[bot.outcome]} variant="light" tt="none">{t(`bot.chat.outcome.${bot.outcome}`)}</Badge>
      <Text size="sm" fw={600}>{t('bot.chat.suggested')}:</Text>
      {bot.suggested.length === 0 ? (
        <Text size="sm" c="dimmed">{t('bot.chat.none')}</Text>
      ) : (
        bot.suggested.map((a) => (
          <Anchor key={a.url} size="sm" href={a.url} target="_blank" rel="noopener noreferrer">
            {a.title} ({a.locale.toUpperCase()})
          </Anchor>
        ))
      )}
    </Group>
  );
}
