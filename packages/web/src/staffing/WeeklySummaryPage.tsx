import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { ScheduledReport } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useAgents, useTeams } from '../api/directory';
import { ApiError } from '../api/errors';
import { useSaveWeeklySummary, useWeeklySummary, type WeeklySummaryInput } from '../api/staffing';
import { useFormat } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { ListSkeleton } from '../views/ListSkeleton';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZONES = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'UTC', 'America/New_York'];

function toForm(s: ScheduledReport): WeeklySummaryInput & { extraText: string } {
  return { enabled: s.enabled, recipientIds: s.recipientIds, extraEmails: s.extraEmails, extraText: s.extraEmails.join(', '), weekday: s.weekday, hour: s.hour, timeZone: s.timeZone, locale: s.locale, teamId: s.teamId };
}

/**
 * Admin settings of the weekly summary mail: recipients (agents and other addresses), the
 * weekday, hour and time zone it goes out, and an optional team to limit the figures to.
 */
export function WeeklySummaryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useWeeklySummary();
  const agents = useAgents();
  const teams = useTeams();
  const save = useSaveWeeklySummary();
  const [form, setForm] = useState<(WeeklySummaryInput & { extraText: string }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (summary.data && !form) setForm(toForm(summary.data));
  }, [summary.data, form]);

  if (summary.isPending) return <ListSkeleton rows={5} />;
  if (summary.error) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!form) return null;
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const extraEmails = form.extraText.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = extraEmails.find((x) => !EMAIL.test(x));
    if (bad) return setProblem(t('staffing.summary.invalidEmail', { value: bad }));
    if (form.enabled && form.recipientIds.length === 0 && extraEmails.length === 0) return setProblem(t('staffing.summary.needRecipient'));
    setProblem(null);
    const { extraText: _ignored, ...rest } = form;
    save.mutate({ ...rest, extraEmails });
  };
  const serverError = save.error instanceof ApiError ? save.error.message : save.error ? String(save.error) : null;
  const weekdays = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: String(d), label: t(`staffing.plan.days.${d}`) }));

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="summary-title">
      <Title order={3} size="h4" id="summary-title">{t('staffing.summary.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staffing.summary.intro')}</Text>
      {!summary.data.mailConfigured && <Alert color="yellow" variant="light" mb="sm">{t('staffing.summary.noMail')}</Alert>}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Switch label={t('staffing.summary.enabled')} checked={form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
          <MultiSelect label={t('staffing.summary.recipients')} searchable value={form.recipientIds} onChange={(v) => set({ recipientIds: v })} data={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name }))} />
          <TextInput label={t('staffing.summary.extraEmails')} description={t('staffing.summary.extraEmailsHint')} value={form.extraText} onChange={(e) => set({ extraText: e.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('staffing.summary.weekday')} value={String(form.weekday)} onChange={(v) => set({ weekday: Number(v ?? 1) })} data={weekdays} allowDeselect={false} />
            <Select label={t('staffing.summary.hour')} value={String(form.hour)} onChange={(v) => set({ hour: Number(v ?? 8) })} data={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }))} allowDeselect={false} />
            <Select label={t('staffing.summary.timeZone')} value={form.timeZone} onChange={(v) => set({ timeZone: v ?? 'Europe/Berlin' })} data={[...new Set([form.timeZone, ...ZONES])]} searchable allowDeselect={false} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('staffing.summary.locale')} value={form.locale} onChange={(v) => set({ locale: v === 'de' ? 'de' : 'en' })} data={[{ value: 'en', label: 'English' }, { value: 'de', label: 'Deutsch' }]} allowDeselect={false} />
            <Select label={t('staffing.summary.team')} value={form.teamId} onChange={(v) => set({ teamId: v })} clearable placeholder={t('staffing.summary.allTeams')} data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} />
          </SimpleGrid>
          <FormAlert message={problem ?? serverError} />
          <Text size="xs" c="dimmed">{t('staffing.summary.nextSlot')}</Text>
          <Group>
            <Button type="submit" loading={save.isPending}>{t('staffing.summary.save')}</Button>
            {save.isSuccess && <Text size="sm" c="green.8" role="status">{t('staffing.summary.saved')}</Text>}
            <Text size="sm" c="dimmed">{summary.data.lastSentAt ? t('staffing.summary.lastSent', { when: format.dateTime(summary.data.lastSentAt) }) : t('staffing.summary.neverSent')}</Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
