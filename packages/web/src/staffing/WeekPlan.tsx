import { useState } from 'react';
import { Alert, Group, NumberInput, Paper, ScrollArea, Select, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { STAFFING_CHANNELS, type StaffingInterval } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../api/directory';
import { useStaffingPlan } from '../api/staffing';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';

/** Monday first, as the week is read in Germany and most of Europe. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * The week plan: agents needed (Erlang C from the average contacts of past weeks) against
 * agents scheduled by their business hours, per hour of the week; hours short of agents are red.
 */
export function WeekPlan() {
  const { t, i18n } = useTranslation();
  const teams = useTeams();
  const [channel, setChannel] = useState<string | null>('email');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [weeks, setWeeks] = useState<string>('8');
  const [targets, setTargets] = useState<{ aht: number | ''; target: number | ''; sl: number | '' }>({ aht: '', target: '', sl: 80 });
  const [debounced] = useDebouncedValue(targets, 400);
  const valid = (x: number | '', min: number, max: number) => (x !== '' && x >= min && x <= max ? x : undefined);
  const sl = valid(debounced.sl, 1, 99.9);
  const plan = useStaffingPlan({
    channel: channel ?? undefined,
    teamId: teamId ?? undefined,
    weeks,
    ahtSeconds: valid(debounced.aht, 1, 86_400),
    targetSeconds: valid(debounced.target, 0, 604_800),
    serviceLevel: sl === undefined ? undefined : sl / 100,
  });
  const num0 = (v: string | number) => (v === '' ? '' : Number(v));
  const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const cells = new Map((plan.data?.intervals ?? []).map((i) => [`${i.weekday}:${i.hour}`, i]));
  const cell = (d: number, h: number) => cells.get(`${d}:${h}`) as StaffingInterval | undefined;

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="plan-title">
      <Title order={4} size="h5" id="plan-title">{t('staffing.plan.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staffing.plan.intro')}</Text>
      <Group gap="md" mb="sm" align="end">
        <Select
          label={t('staffing.plan.channel')}
          value={channel}
          onChange={setChannel}
          clearable
          placeholder={t('staffing.plan.allChannels')}
          data={STAFFING_CHANNELS.map((c) => ({ value: c, label: t(`staffing.plan.channels.${c}`) }))}
          w={180}
        />
        <Select
          label={t('staffing.plan.team')}
          value={teamId}
          onChange={setTeamId}
          clearable
          placeholder={t('staffing.plan.allTeams')}
          data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
          w={220}
        />
        <Select label={t('staffing.plan.weeks')} value={weeks} onChange={(v) => setWeeks(v ?? '8')} data={['2', '4', '8', '12', '26']} w={140} allowDeselect={false} />
        <NumberInput label={t('staffing.calculator.aht')} value={targets.aht} placeholder={plan.data ? String(plan.data.ahtSeconds) : undefined} min={1} allowNegative={false} onChange={(v) => setTargets((c) => ({ ...c, aht: num0(v) }))} w={200} />
        <NumberInput label={t('staffing.calculator.target')} value={targets.target} placeholder={plan.data ? String(plan.data.targetSeconds) : undefined} min={0} allowNegative={false} onChange={(v) => setTargets((c) => ({ ...c, target: num0(v) }))} w={180} />
        <NumberInput label={t('staffing.calculator.serviceLevel')} value={targets.sl} min={1} max={99.9} allowNegative={false} onChange={(v) => setTargets((c) => ({ ...c, sl: num0(v) }))} w={180} />
      </Group>
      {plan.data?.asyncTarget && <Alert variant="light" color="blue" mb="sm">{t('staffing.plan.asyncNote')}</Alert>}
      {plan.isPending && <ListSkeleton rows={7} />}
      {plan.error && <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data && (
        <>
          <Text size="sm" mb="xs">
            {t('staffing.plan.totals', { volume: num.format(plan.data.totals.volume), peak: plan.data.totals.peakNeeded, short: plan.data.totals.shortfallHours })}
          </Text>
          {plan.data.totals.volume === 0 && <Text size="sm" c="dimmed" mb="xs">{t('staffing.plan.empty')}</Text>}
          <Text size="xs" c="dimmed" mb="xs">{t('staffing.plan.legend')}</Text>
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders fz="xs" aria-label={t('staffing.plan.title')} style={{ minWidth: 900 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {HOURS.map((h) => <Table.Th key={h} ta="center" p={2}>{h}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {WEEKDAYS.map((d) => (
                  <Table.Tr key={d}>
                    <Table.Th scope="row" p={4}>{t(`staffing.plan.daysShort.${d}`)}</Table.Th>
                    {HOURS.map((h) => {
                      const c = cell(d, h);
                      if (!c) return <Table.Td key={h} />;
                      const short = c.gap < 0;
                      const label = t('staffing.plan.cell', { day: t(`staffing.plan.days.${d}`), hour: h, volume: num.format(c.volume), needed: c.needed, scheduled: c.scheduled });
                      return (
                        <Table.Td
                          key={h}
                          ta="center"
                          p={2}
                          title={label}
                          aria-label={label}
                          data-short={short ? 'true' : undefined}
                          bg={short ? 'var(--mantine-color-red-1)' : c.needed > 0 ? 'var(--mantine-color-green-0)' : undefined}
                          c={short ? 'red.9' : undefined}
                        >
                          {c.needed === 0 && c.scheduled === 0 ? '' : `${c.scheduled}/${c.needed}`}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
    </Paper>
  );
}
