import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketSurvey } from '@servus/shared';
import { useTicketSurveys } from '../api/surveys';
import { useFormat } from '../auth/session';
import { csatLabel } from './labels';

function Rating({ s }: { s: TicketSurvey }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const r = s.response;
  if (!r) {
    return (
      <Text size="sm" c="dimmed">
        {t(`surveys.ticket.status.${s.status}`)} · {t('surveys.ticket.sent', { when: format.dateTime(s.sentAt) })}
      </Text>
    );
  }
  const label = s.kind === 'nps' ? String(r.score) : csatLabel(t, s.scale, r.score);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={r.good === false ? 'red' : r.good ? 'teal' : 'gray'} variant="light" aria-label={t('surveys.ticket.ratingAria', { rating: label })}>
          {label}
        </Badge>
        {r.good !== null && <Text size="xs" c="dimmed">{t(r.good ? 'surveys.good' : 'surveys.bad')}</Text>}
      </Group>
      {r.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>“{r.comment}”</Text>}
      {r.reason && <Text size="xs" c="dimmed">{t('surveys.ticket.reason', { reason: r.reasonLabel ? (i18n.language === 'de' ? r.reasonLabel.de : r.reasonLabel.en) : r.reason })}</Text>}
      {r.ces !== null && <Text size="xs" c="dimmed">{t('surveys.ticket.ces', { score: r.ces })}</Text>}
      <Text size="xs" c="dimmed">{t(r.updatedAt !== r.answeredAt ? 'surveys.ticket.changed' : 'surveys.ticket.answered', { when: format.dateTime(r.updatedAt) })}</Text>
    </Stack>
  );
}

/**
 * The customer's satisfaction rating of a ticket, shown beside its properties: score (good or
 * bad), comment, reason and CES, or that a survey was sent and not answered yet. Shows nothing
 * while no survey was offered.
 */
export function TicketSurveys({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const surveys = useTicketSurveys(ticketId);
  if (surveys.isError) return <Text size="xs" c="red" role="alert">{t('surveys.ticket.error')}</Text>;
  if (!surveys.data || surveys.data.length === 0) return null;
  return (
    <Paper p="sm" withBorder component="section" aria-label={t('surveys.ticket.title')}>
      <Title order={4} size="h6" mb={6}>{t('surveys.ticket.title')}</Title>
      <Stack gap="sm">
        {surveys.data.map((s) => (
          <Rating key={s.id} s={s} />
        ))}
      </Stack>
    </Paper>
  );
}
