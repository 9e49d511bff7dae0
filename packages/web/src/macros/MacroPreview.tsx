import { Paper, Stack, Text } from '@mantine/core';
import { MACRO_STATUS_WORDS, renderMacroText, splitName, type MacroLocale, type MacroValues } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useOptionalSession } from '../auth/session';

/** The sample ticket the preview renders against. */
export function sampleValues(locale: MacroLocale, agentName: string): MacroValues {
  const agent = splitName(agentName);
  return {
    'customer.first_name': 'Maria',
    'customer.last_name': 'Muster',
    'customer.name': 'Maria Muster',
    'customer.email': 'maria.muster@example.com',
    'ticket.number': 1234,
    'ticket.subject': locale === 'de' ? 'Drucker druckt nicht' : 'Printer does not print',
    'ticket.status': MACRO_STATUS_WORDS[locale].pending,
    'agent.name': agentName,
    'agent.first_name': agent.first,
    'organization.name': 'Muster GmbH',
  };
}

/** The macro text as a customer would read it, filled in for a sample ticket; always plain text. */
export function MacroPreview({ text, locale }: { text: string; locale: MacroLocale }) {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const rendered = renderMacroText(text, sampleValues(locale, session?.agent.name ?? 'Anna Berger'));
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">{t('macros.previewHint')}</Text>
      <Paper withBorder p="sm" bg="gray.0" role="region" aria-label={t('macros.preview')}>
        {rendered.trim() ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="macro-preview">{rendered}</Text>
        ) : (
          <Text size="sm" c="dimmed">{t('macros.previewEmpty')}</Text>
        )}
      </Paper>
    </Stack>
  );
}
