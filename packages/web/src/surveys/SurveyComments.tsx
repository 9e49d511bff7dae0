import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSurveyComments, type SurveyReportFilters } from '../api/surveys';
import { useFormat } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';
import { csatLabel } from './labels';

/** Comments, newest first, filtered by kind, score and topic, with the topics each matched; loads more on demand. */
export function SurveyComments({ filters, topic }: { filters: SurveyReportFilters; topic: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<'csat' | 'nps' | ''>('');
  const [score, setScore] = useState<string>('');
  const comments = useSurveyComments(filters, { kind: kind || undefined, score: score === '' ? undefined : Number(score), topic: topic ?? undefined });
  const rows = comments.data?.pages.flatMap((p) => p.data) ?? [];
  const scores = kind === 'nps' ? Array.from({ length: 11 }, (_, i) => String(i)) : ['1', '2', '3', '4', '5'];
  return (
    <Paper p="md" withBorder component="section" aria-labelledby="survey-comments-title">
      <Group justify="space-between" mb="sm">
        <Title order={4} size="h5" id="survey-comments-title">{t('surveys.report.comments')}</Title>
        <Group gap="xs">
          <Select
            size="xs"
            aria-label={t('surveys.report.kind')}
            value={kind}
            onChange={(v) => {
              setKind((v ?? '') as typeof kind);
              setScore('');
            }}
            data={[
              { value: '', label: t('surveys.report.allKinds') },
              { value: 'csat', label: 'CSAT' },
              { value: 'nps', label: 'NPS' },
            ]}
            allowDeselect={false}
          />
          <Select size="xs" aria-label={t('surveys.report.score')} value={score} onChange={(v) => setScore(v ?? '')} data={[{ value: '', label: t('surveys.report.allScores') }, ...scores.map((s) => ({ value: s, label: s }))]} allowDeselect={false} />
        </Group>
      </Group>
      {comments.isPending && <ListSkeleton rows={3} />}
      {comments.error && <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data && rows.length === 0 && <Text size="sm" c="dimmed">{t('surveys.report.noComments')}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((c) => (
          <li key={c.surveyId}>
            <Group gap="xs" mb={2}>
              <Badge color={c.good === false || (c.kind === 'nps' && c.score <= 6) ? 'red' : c.good || (c.kind === 'nps' && c.score >= 9) ? 'teal' : 'gray'} variant="light">
                {c.kind.toUpperCase()} {c.kind === 'nps' ? c.score : csatLabel(t, c.scale, c.score)}
              </Badge>
              {c.ticketId && c.ticketNumber !== null && <Anchor component={Link} to={`/tickets/${c.ticketId}`} size="xs">#{c.ticketNumber}</Anchor>}
              <Text size="xs" c="dimmed">{format.dateTime(c.answeredAt)}</Text>
              {c.topics.map((tp) => (
                <Badge key={tp.topic} size="xs" variant="outline" title={tp.keywords.join(', ')}>
                  {t(`surveys.topics.${tp.topic}`, { defaultValue: tp.topic })}: {tp.keywords.join(', ')}
                </Badge>
              ))}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.comment}</Text>
          </li>
        ))}
      </Stack>
      {comments.hasNextPage && (
        <Button mt="sm" variant="default" size="compact-sm" loading={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
          {t('surveys.report.more')}
        </Button>
      )}
    </Paper>
  );
}
