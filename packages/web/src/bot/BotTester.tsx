import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { FormAlert } from '../components/FormAlert';
import { useBotTest } from './api';

/**
 * Lets the admin ask a question as a visitor would and see what the bot answers, how (from the
 * passages or by the model, and why a model answer was not used), and the passages it weighed.
 * Nothing is recorded.
 */
export function BotTester() {
  const { t, i18n } = useTranslation();
  const test = useBotTest();
  const [question, setQuestion] = useState('');
  const [locale, setLocale] = useState<'de' | 'en'>(i18n.language === 'de' ? 'de' : 'en');
  const [empty, setEmpty] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!question.trim()) return setEmpty(true);
    setEmpty(false);
    test.mutate({ question: question.trim(), locale });
  };
  const r = test.data;
  const error = test.error instanceof ApiError ? test.error.message : test.error ? String(test.error) : null;

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="bot-test-title">
      <Title order={3} size="h4" id="bot-test-title">{t('bot.test.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('bot.test.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t('bot.test.question')} placeholder={t('bot.test.placeholder')} autosize minRows={2} maxLength={1000} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} error={empty ? t('bot.settings.errors.required') : undefined} />
          <Group>
            <SegmentedControl aria-label={t('bot.test.language')} value={locale} onChange={(v) => setLocale(v === 'de' ? 'de' : 'en')} data={[{ value: 'de', label: 'Deutsch' }, { value: 'en', label: 'English' }]} />
            <Button type="submit" loading={test.isPending}>{t('bot.test.ask')}</Button>
          </Group>
          <FormAlert message={error} />
        </Stack>
      </form>
      {r && (
        <Stack gap="xs" mt="md" aria-live="polite" data-testid="bot-test-result">
          <Group gap="xs">
            <Badge color={r.kind === 'answer' ? 'teal' : 'orange'} variant="light" tt="none">{t(`bot.test.kind.${r.kind}`)}</Badge>
            <Badge color="gray" variant="light" tt="none">{t(`bot.test.via.${r.via}`)}</Badge>
          </Group>
          {r.fallback && <Alert color="yellow" variant="light">{t('bot.test.fallback', { reason: r.fallback })}</Alert>}
          {r.kind === 'answer' ? <Text style={{ whiteSpace: 'pre-wrap' }}>{r.answer}</Text> : <Text c="dimmed">{t('bot.test.noAnswer')}</Text>}
          {r.articles.length > 0 && (
            <List size="sm">
              {r.articles.map((a) => (
                <List.Item key={a.url}>
                  [{a.n}] <Anchor href={a.url} target="_blank" rel="noopener noreferrer">{a.title}</Anchor>
                </List.Item>
              ))}
            </List>
          )}
          <Title order={4} size="h6" mt="xs">{t('bot.test.passages')}</Title>
          {r.passages.length === 0 && <Text size="sm" c="dimmed">{t('bot.test.noPassages')}</Text>}
          {r.passages.map((p) => (
            <Paper key={p.n} withBorder p="xs" bg="gray.0">
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>[{p.n}] {p.title}</Text>
                <Text size="xs" c="dimmed">{t('bot.test.score', { score: Math.round(p.score * 100) })}</Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
