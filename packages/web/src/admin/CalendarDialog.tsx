import { useMemo, useState } from 'react';
import { ActionIcon, Button, Checkbox, Divider, Fieldset, Group, List, Modal, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCalendarHolidays, useHolidayRegions } from '../api/calendars';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Calendar } from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { intlLocale } from '../lib/format';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { WEEKDAYS, calendarBody, calendarFields, initialCalendarState, nextInterval, validateCalendar, type CalendarFormState, type ClosureState, type IntervalState, type Weekday } from './calendar-form';

/** A sentinel for "none" in selects, which cannot hold an empty value. */
const NONE = '-';

/** Every IANA time zone the browser knows, plus the current one should it be missing. */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** A form-wide message for a section (a day, a closure), under its inputs. */
function SectionError({ message }: { message?: string }) {
  if (!message) return null;
  return <Text size="xs" c="red" role="alert">{message}</Text>;
}

/** One weekday: closed, or its opening intervals with add and remove. */
function DayRow({ day, intervals, errors, onChange }: { day: Weekday; intervals: IntervalState[]; errors: Record<string, string>; onChange(next: IntervalState[]): void }) {
  const { t } = useTranslation();
  const name = t(`calendars.days.${day}`);
  const dayError = errors[`weekly.${day}`];
  const open = intervals.length > 0;
  const update = (i: number, patch: Partial<IntervalState>) => onChange(intervals.map((iv, k) => (k === i ? { ...iv, ...patch } : iv)));
  return (
    <Group role="group" aria-label={name} align="flex-start" gap="sm" wrap="nowrap" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Checkbox w={140} mt={6} label={name} checked={open} onChange={(e) => onChange(e.currentTarget.checked ? [nextInterval([])] : [])} aria-label={t('calendars.openOn', { day: name })} />
      <Stack gap={4} style={{ flex: 1 }}>
        {!open && <Text size="sm" c="dimmed" mt={6}>{t('calendars.closed')}</Text>}
        {intervals.map((iv, i) => {
          const n = i + 1;
          const base = `weekly.${day}.${i}`;
          return (
            <Group key={i} gap={6} align="flex-start" wrap="nowrap">
              <TextInput
                w={90}
                placeholder="09:00"
                aria-label={t('calendars.intervalStart', { day: name, n })}
                value={iv.start}
                onChange={(e) => update(i, { start: e.currentTarget.value })}
                error={errors[`${base}.start`] ?? !!dayError}
              />
              <Text mt={6}>–</Text>
              <TextInput
                w={90}
                placeholder="17:00"
                aria-label={t('calendars.intervalEnd', { day: name, n })}
                value={iv.end}
                onChange={(e) => update(i, { end: e.currentTarget.value })}
                error={errors[`${base}.end`] ?? errors[base] ?? !!dayError}
              />
              <ActionIcon mt={4} variant="subtle" color="gray" aria-label={t('calendars.removeInterval', { day: name, n })} onClick={() => onChange(intervals.filter((_, k) => k !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <SectionError message={dayError} />
      </Stack>
      <Button size="compact-xs" variant="subtle" mt={6} leftSection={<IconPlus size={12} />} disabled={intervals.length >= 6} onClick={() => onChange([...intervals, nextInterval(intervals)])} aria-label={t('calendars.addIntervalOn', { day: name })}>
        {t('calendars.addInterval')}
      </Button>
    </Group>
  );
}

/** Country → state → region selects fed by the server's holiday regions, or no public holidays. */
function HolidayRegionSelects({ s, errors, onChange }: { s: CalendarFormState; errors: Record<string, string>; onChange(patch: Partial<CalendarFormState>): void }) {
  const { t } = useTranslation();
  const countries = useHolidayRegions(null, null);
  const states = useHolidayRegions(s.country, null, !!s.country);
  const regions = useHolidayRegions(s.country, s.state, !!s.country && !!s.state);
  const options = (list: { code: string; name: string }[] | undefined, none: string) => [
    { value: NONE, label: none },
    ...(list ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label={t('calendars.country')}
        data={options(countries.data, t('calendars.noHolidays'))}
        value={s.country ?? NONE}
        onChange={(v) => onChange({ country: v && v !== NONE ? v : null, state: null, region: null })}
        searchable
        allowDeselect={false}
        error={errors['holidays.country'] ?? errors.holidays}
      />
      {s.country && (states.data?.length ?? 0) > 0 && (
        <Select
          label={t('calendars.state')}
          data={options(states.data, t('calendars.wholeCountry'))}
          value={s.state ?? NONE}
          onChange={(v) => onChange({ state: v && v !== NONE ? v : null, region: null })}
          searchable
          allowDeselect={false}
          error={errors['holidays.state']}
        />
      )}
      {s.country && s.state && (regions.data?.length ?? 0) > 0 && (
        <Select
          label={t('calendars.region')}
          data={options(regions.data, t('calendars.wholeState'))}
          value={s.region ?? NONE}
          onChange={(v) => onChange({ region: v && v !== NONE ? v : null })}
          searchable
          allowDeselect={false}
          error={errors['holidays.region']}
        />
      )}
    </SimpleGrid>
  );
}

/** The public holidays of the saved calendar in the current year. */
function HolidayPreview({ calendar }: { calendar: Calendar }) {
  const { t, i18n } = useTranslation();
  const year = new Date().getFullYear();
  const holidays = useCalendarHolidays(calendar.id, year);
  const fmt = useMemo(() => new Intl.DateTimeFormat(intlLocale(i18n.language), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }), [i18n.language]);
  return (
    <Stack gap={4} aria-label={t('calendars.previewTitle', { year })} role="region">
      <Text size="sm" fw={500}>{t('calendars.previewTitle', { year })}</Text>
      <Text size="xs" c="dimmed">{t('calendars.previewHint')}</Text>
      {holidays.isPending && <Skeleton h={60} />}
      {holidays.error && <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />}
      {holidays.data && holidays.data.length === 0 && <Text size="sm" c="dimmed">{t('calendars.noHolidaysInYear')}</Text>}
      {holidays.data && holidays.data.length > 0 && (
        <List size="sm" spacing={2}>
          {holidays.data.map((h) => (
            <List.Item key={`${h.date}-${h.name}`}>
              <Text span size="sm" c="dimmed">{fmt.format(new Date(`${h.date}T00:00:00Z`))}</Text> {h.name}
              {h.from && <Text span size="sm" c="dimmed"> {t('calendars.fromTime', { time: h.from })}</Text>}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** Create or edit business hours: name, time zone, weekly hours, public holidays and closures. */
export function CalendarDialog({ calendar, onClose }: { calendar: Calendar | null; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [s, setS] = useState<CalendarFormState>(() => initialCalendarState(calendar));
  const patch = (p: Partial<CalendarFormState>) => setS((prev) => ({ ...prev, ...p }));
  const setDay = (d: Weekday, list: IntervalState[]) => setS((prev) => ({ ...prev, weekly: { ...prev.weekly, [d]: list } }));
  const setClosure = (k: number, p: Partial<ClosureState>) => setS((prev) => ({ ...prev, closures: prev.closures.map((c, i) => (i === k ? { ...c, ...p } : c)) }));
  const zones = useMemo(() => timeZones(s.timeZone), [s.timeZone]);

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: calendarFields(s),
    validate: () => validateCalendar(s, t),
    action: async () => {
      const body = calendarBody(s);
      await (calendar ? api<Calendar>(`/api/v1/calendars/${calendar.id}`, { method: 'PATCH', body }) : api<Calendar>('/api/v1/calendars', { body }));
      void client.invalidateQueries({ queryKey: keys.calendars });
      toast.success(t('common.saved'));
      onClose();
    },
  });

  const copyMonday = () => setS((prev) => ({ ...prev, weekly: { ...prev.weekly, ...Object.fromEntries(['2', '3', '4', '5'].map((d) => [d, prev.weekly['1'].map((i) => ({ ...i }))])) } }));
  const title = calendar ? t('calendars.editTitle', { name: calendar.name }) : t('calendars.new');

  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          {Object.keys(errors).length > 0 && <Text size="sm" c="red" role="alert">{t('channels.fixErrors')}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('calendars.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
            <Select label={t('calendars.timeZone')} data={zones} value={s.timeZone} onChange={(v) => v && patch({ timeZone: v })} searchable allowDeselect={false} limit={50} error={errors.timeZone} />
          </SimpleGrid>

          <Fieldset legend={t('calendars.weekly')}>
            <Stack gap={0}>
              {WEEKDAYS.map((d) => (
                <DayRow key={d} day={d} intervals={s.weekly[d]} errors={errors} onChange={(list) => setDay(d, list)} />
              ))}
              <Group mt="xs">
                <Button size="compact-sm" variant="default" leftSection={<IconCopy size={14} />} onClick={copyMonday}>{t('calendars.copyMonday')}</Button>
              </Group>
              <SectionError message={errors.weekly} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('calendars.holidays')}>
            <Stack gap="sm">
              <HolidayRegionSelects s={s} errors={errors} onChange={patch} />
              {calendar && <HolidayPreview calendar={calendar} />}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('calendars.closures')}>
            <Stack gap="xs">
              <Text size="xs" c="dimmed">{t('calendars.closuresHint')}</Text>
              {s.closures.length === 0 && <Text size="sm" c="dimmed">{t('calendars.noClosures')}</Text>}
              {s.closures.map((c, k) => {
                const n = k + 1;
                const base = `closures.${k}`;
                return (
                  <Group key={k} role="group" aria-label={t('calendars.closureN', { n })} gap={6} align="flex-start" wrap="nowrap">
                    <TextInput type="date" w={160} aria-label={t('calendars.closureDate', { n })} value={c.date} onChange={(e) => setClosure(k, { date: e.currentTarget.value })} error={errors[`${base}.date`] ?? errors[base]} />
                    <TextInput w={100} placeholder={t('calendars.fromPlaceholder')} aria-label={t('calendars.closureFrom', { n })} value={c.from} onChange={(e) => setClosure(k, { from: e.currentTarget.value })} error={errors[`${base}.from`]} />
                    <TextInput w={100} placeholder={t('calendars.untilPlaceholder')} aria-label={t('calendars.closureUntil', { n })} value={c.until} onChange={(e) => setClosure(k, { until: e.currentTarget.value })} error={errors[`${base}.until`]} />
                    <TextInput style={{ flex: 1 }} placeholder={t('calendars.notePlaceholder')} aria-label={t('calendars.closureNote', { n })} value={c.note} onChange={(e) => setClosure(k, { note: e.currentTarget.value })} error={errors[`${base}.note`]} />
                    <ActionIcon mt={4} variant="subtle" color="gray" aria-label={t('calendars.removeClosure', { n })} onClick={() => patch({ closures: s.closures.filter((_, i) => i !== k) })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                );
              })}
              <Group>
                <Button size="compact-sm" variant="default" leftSection={<IconPlus size={14} />} onClick={() => patch({ closures: [...s.closures, { date: '', from: '', until: '', note: '' }] })}>
                  {t('calendars.addClosure')}
                </Button>
              </Group>
              <SectionError message={errors.closures} />
            </Stack>
          </Fieldset>

          <Divider />
          <FormActions submitLabel={calendar ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
