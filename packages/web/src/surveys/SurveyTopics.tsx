import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSurveyTopics, type SurveyReportFilters } from '../api/surveys';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';

/** Comment topics by keyword (German and English), with the keywords that matched; choosing one filters the comments. */
export function SurveyTopics({ filters, selected, onSelect }: { filters: SurveyReportFilters; selected: string | null; onSelect(topic: string | null): void }) {
  const { t } = useTranslation();
  const topics = useSurveyTopics(filters);
  return (
    <Paper p="md" withBorder component="section" aria-labelledby="survey-topics-title">
      <Title order={4} size="h5" id="survey-topics-title" mb="xs">{t('surveys.report.topics')}</Title>
      <Text size="xs" c="dimmed" mb="sm">{t('surveys.report.topicsHint')}</Text>
      {topics.isPending && <ListSkeleton rows={3} />}
      {topics.error && <ErrorState error={topics.error} onRetry={() => void topics.refetch()} />}
      {topics.data && topics.data.groups.length === 0 && <Text size="sm" c="dimmed">{t('surveys.report.noTopics')}</Text>}
      <Stack gap="xs">
        {topics.data?.groups.map((g) => (
          <Group key={g.topic} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={4}>
              <Button size="compact-sm" variant={selected === g.topic ? 'filled' : 'light'} onClick={() => onSelect(selected === g.topic ? null : g.topic)} aria-pressed={selected === g.topic}>
                {t(`surveys.topics.${g.topic}`, { defaultValue: g.topic })} ({g.count})
              </Button>
              <Group gap={4}>
                {g.keywords.map((k) => (
                  <Badge key={k.keyword} size="sm" variant="outline" color="gray">{k.keyword} × {k.count}</Badge>
                ))}
              </Group>
            </Stack>
            <Text size="xs" c="dimmed">{t('surveys.report.topicGoodBad', { good: g.good, bad: g.bad })}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
