import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErlang } from '../api/staffing';
import { ApiError } from '../api/errors';
import { FormAlert } from '../components/FormAlert';
import { ErlangTable } from './ErlangTable';
import { ERLANG_DEFAULTS, parseErlangForm, type ErlangFormValues, type FieldProblem } from './erlang-form';

const FIELDS: Array<{ name: keyof ErlangFormValues; label: string; step?: number }> = [
  { name: 'volume', label: 'staffing.calculator.volume' },
  { name: 'intervalMinutes', label: 'staffing.calculator.interval' },
  { name: 'ahtSeconds', label: 'staffing.calculator.aht' },
  { name: 'targetSeconds', label: 'staffing.calculator.target' },
  { name: 'serviceLevel', label: 'staffing.calculator.serviceLevel', step: 0.1 },
  { name: 'maxOccupancy', label: 'staffing.calculator.maxOccupancy' },
  { name: 'shrinkage', label: 'staffing.calculator.shrinkage' },
  { name: 'agents', label: 'staffing.calculator.agents' },
];

/** Server field paths (`body.agents`) mapped back onto the form's fields. */
const SERVER_FIELDS: Record<string, keyof ErlangFormValues> = {
  'body.volume': 'volume', 'body.intervalSeconds': 'intervalMinutes', 'body.ahtSeconds': 'ahtSeconds', 'body.targetSeconds': 'targetSeconds',
  'body.serviceLevel': 'serviceLevel', 'body.maxOccupancy': 'maxOccupancy', 'body.shrinkage': 'shrinkage', 'body.agents': 'agents',
};

/**
 * The Erlang C calculator: inputs with validation, the agents needed and to schedule, the
 * figures at that number and the table by N. A number of agents at or below the traffic is
 * refused by the server with a message naming A, shown on the field.
 */
export function ErlangCalculator() {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<ErlangFormValues>(ERLANG_DEFAULTS);
  const [problems, setProblems] = useState<Partial<Record<keyof ErlangFormValues, FieldProblem>>>({});
  const erlang = useErlang();
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const one = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });

  const serverError = erlang.error instanceof ApiError ? erlang.error : null;
  const serverField = (name: keyof ErlangFormValues) => {
    const detail = serverError?.fieldDetails.find((d) => SERVER_FIELDS[d.path] === name);
    if (!detail) return null;
    return name === 'agents' || serverError!.fieldDetails.length === 1 ? serverError!.message : detail.message;
  };
  const fieldless = erlang.error && !(serverError && serverError.fieldDetails.some((d) => SERVER_FIELDS[d.path])) ? erlang.error.message : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseErlangForm(values);
    if ('errors' in parsed) {
      setProblems(parsed.errors);
      return;
    }
    setProblems({});
    erlang.mutate(parsed.request);
  };
  const r = erlang.data;

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="erlang-title">
      <Title order={4} size="h5" id="erlang-title">{t('staffing.calculator.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staffing.calculator.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {FIELDS.map((f) => {
            const p = problems[f.name];
            return (
              <NumberInput
                key={f.name}
                label={t(f.label)}
                value={values[f.name]}
                step={f.step ?? 1}
                allowNegative={false}
                onChange={(v) => setValues((cur) => ({ ...cur, [f.name]: v === '' ? '' : Number(v) }))}
                error={p ? t(p.key, p.values) : serverField(f.name)}
              />
            );
          })}
        </SimpleGrid>
        <FormAlert message={fieldless} mb="sm" />
        <Group mt="md">
          <Button type="submit" loading={erlang.isPending}>{t('staffing.calculator.submit')}</Button>
        </Group>
      </form>
      {r && !erlang.error && (
        <Stack mt="md" gap="sm" role="region" aria-label={t('staffing.calculator.result')}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('staffing.calculator.traffic')} value={t('staffing.calculator.erlangs', { value: one.format(r.trafficIntensity) })} />
            <Figure label={t('staffing.calculator.requiredAgents')} value={String(r.requiredAgents)} testId="required-agents" />
            <Figure label={t('staffing.calculator.scheduledAgents')} value={String(r.scheduledAgents)} testId="scheduled-agents" />
            <Figure label={t('staffing.calculator.achievedSl')} value={pct.format(r.serviceLevel)} />
            <Figure label={t('staffing.calculator.waitProbability')} value={pct.format(r.waitProbability)} />
            <Figure label={t('staffing.calculator.asa')} value={t('staffing.calculator.seconds', { value: one.format(r.asaSeconds) })} />
            <Figure label={t('staffing.calculator.occupancy')} value={pct.format(r.occupancy)} />
          </SimpleGrid>
          {r.occupancyCapped && <Text size="sm">{t('staffing.calculator.capped', { raw: r.rawAgents })}</Text>}
          {r.evaluated && (
            <Text size="sm">
              {t('staffing.calculator.evaluated', { agents: r.evaluated.agents })}: {pct.format(r.evaluated.serviceLevel)} —{' '}
              {r.evaluated.meetsTarget ? t('staffing.calculator.meets') : t('staffing.calculator.misses')}
            </Text>
          )}
          <ErlangTable rows={r.table} chosen={r.requiredAgents} />
        </Stack>
      )}
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId}>{value}</Text>
    </div>
  );
}
