import { memo, useState } from 'react';
import { Badge, Button, Group, List, NumberInput, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconX } from '@tabler/icons-react';
import type { AutomationPreview, PreviewAction, PreviewCondition, RuleCondition, TriggerEventName } from '@servus/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { mapFieldErrors } from '../../api/errors';
import { FormAlert } from '../../components/FormAlert';
import type { Choices } from './choices';
import { fieldLabel, operatorLabel } from './ConditionList';
import { ruleCore, type RuleFormState } from './rule-form';
import { valueText } from './summary';

/** A value as the preview shows it: names for teams and agents, words for statuses, "3.5 hours" for time. */
function shown(c: PreviewCondition, v: unknown, choices: Choices, t: TFunction): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('automation.preview.empty');
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ('elapsed' in o) return t(`automation.preview.elapsed.${o.unit as string}`, { count: o.elapsed as number });
    if ('before' in o) return t('automation.preview.change', { before: shown(c, o.before, choices, t), after: shown(c, o.after, choices, t) });
  }
  return valueText({ field: c.field, operator: c.operator as RuleCondition['operator'], value: v }, choices, t);
}

function ConditionResult({ c, choices }: { c: PreviewCondition; choices: Choices }) {
  const { t } = useTranslation();
  return (
    <List.Item
      icon={<ThemeIcon size={18} radius="xl" color={c.matched ? 'teal' : 'red'} variant="light" aria-label={c.matched ? t('automation.preview.met') : t('automation.preview.notMet')}>{c.matched ? <IconCheck size={12} /> : <IconX size={12} />}</ThemeIcon>}
    >
      <Text size="sm" span>
        {fieldLabel(c.field, choices, t)} {operatorLabel(c.field, c.operator, t)} {c.value !== undefined && <b>{shown(c, c.value, choices, t)}</b>}
      </Text>
      <Text size="xs" c="dimmed">{t('automation.preview.actual', { value: shown(c, c.actual, choices, t) })}</Text>
    </List.Item>
  );
}

/** One action's effect in the agent's words, from the preview's details. */
function effectOf(a: PreviewAction, t: TFunction): string {
  const d = (a.detail ?? {}) as Record<string, unknown>;
  const v = (x: unknown) => (x === null || x === undefined || x === '' ? t('automation.preview.empty') : String(x));
  const list = (x: unknown) => (Array.isArray(x) && x.length ? x.join(', ') : t('automation.preview.empty'));
  switch (a.type) {
    case 'set_status': return t('automation.effects.set', { field: t('automation.fields.ticket.status'), from: t(`status.${String(d.from)}`), to: t(`status.${String(d.to)}`) });
    case 'set_priority': return t('automation.effects.set', { field: t('automation.fields.ticket.priority'), from: t(`priority.${String(d.from)}`), to: t(`priority.${String(d.to)}`) });
    case 'set_type': return t('automation.effects.set', { field: t('automation.fields.ticket.type'), from: d.from ? t(`type.${String(d.from)}`) : v(null), to: d.to ? t(`type.${String(d.to)}`) : v(null) });
    case 'set_team': return t('automation.effects.set', { field: t('automation.fields.ticket.team'), from: v(d.from), to: v(d.to) });
    case 'set_assignee': return t('automation.effects.set', { field: t('automation.fields.ticket.assignee'), from: v(d.from), to: v(d.to) });
    case 'set_custom': return t('automation.effects.set', { field: String(d.key), from: v(d.from), to: v(d.to) });
    case 'route': return t('automation.effects.route', { team: v(d.team) });
    case 'add_tags': return t('automation.effects.addTags', { tags: list(d.tags) });
    case 'remove_tags': return t('automation.effects.removeTags', { tags: list(d.tags) });
    case 'email_requester': return t('automation.effects.emailRequester', { to: v(d.to) });
    case 'email_agents': return t('automation.effects.emailAgents', { to: list(d.to), subject: v(d.subject) });
    case 'notify': return t('automation.effects.notify', { to: list(d.to), title: v(d.title) });
    case 'webhook': return t('automation.effects.webhook', { name: v(d.name) });
    case 'apply_macro': return t('automation.effects.macro', { name: v(d.name), post: t(`automation.macroPost.${String(d.post)}`) });
  }
}

interface Props {
  kind: RuleFormState['kind'];
  events: RuleFormState['events'];
  /** The rule as it stands in the form when the test runs. */
  getRule(): ReturnType<typeof ruleCore>;
  choices: Choices;
}

/** "Test this rule against ticket #…": a dry run of the rule as edited, which changes nothing. */
export const PreviewPanel = memo(function PreviewPanel({ kind, events: ruleEvents, getRule, choices }: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState<number | ''>('');
  const [event, setEvent] = useState<TriggerEventName | null>(null);
  const [result, setResult] = useState<AutomationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const events = kind === 'trigger' ? ruleEvents : [];
  const chosen = event && events.includes(event) ? event : (events[0] ?? null);

  async function run() {
    if (typeof number !== 'number') return setError(t('automation.preview.needTicket'));
    setBusy(true);
    setError(null);
    try {
      setResult(await api<AutomationPreview>('/api/v1/automation-rules/preview', { body: { rule: getRule(), ticketNumber: number, ...(chosen && { event: chosen }) } }));
    } catch (err) {
      setResult(null);
      const mapped = mapFieldErrors(err, ['ticketNumber']);
      setError([mapped.fields.ticketNumber, ...mapped.other].filter(Boolean).join(' ') || t('automation.preview.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" role="region" aria-label={t('automation.preview.title')}>
      <Text size="xs" c="dimmed">{t('automation.preview.hint')}</Text>
      <Group align="flex-end" gap="xs">
        <NumberInput w={160} label={t('automation.preview.ticket')} placeholder="1234" min={1} allowDecimal={false} value={number} onChange={(v) => setNumber(typeof v === 'number' ? v : '')}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void run(); } }} />
        {events.length > 1 && (
          <Select w={220} label={t('automation.preview.event')} data={events.map((e) => ({ value: e, label: t(`automation.events.${e}`) }))} value={chosen} onChange={(v) => setEvent(v as TriggerEventName)} allowDeselect={false} />
        )}
        <Button variant="default" leftSection={<IconPlayerPlay size={14} />} loading={busy} onClick={() => void run()}>{t('automation.preview.run')}</Button>
      </Group>
      <FormAlert message={error} />
      {result && (
        <Stack gap={6}>
          <Group gap="xs">
            <Text size="sm" fw={500}>#{result.ticket.number} {result.ticket.subject}</Text>
            <Badge color={result.matched ? 'teal' : 'gray'} variant="light" tt="none">{result.matched ? t('automation.preview.wouldRun') : t('automation.preview.wouldNotRun')}</Badge>
          </Group>
          {(['all', 'any'] as const).map((g) => result.conditions[g].length > 0 && (
            <Stack key={g} gap={2}>
              <Text size="xs" fw={500}>{t(`automation.groups.${g}`)}</Text>
              <List spacing={4} size="sm" aria-label={t(`automation.groups.${g}`)}>
                {result.conditions[g].map((c, i) => <ConditionResult key={i} c={c} choices={choices} />)}
              </List>
            </Stack>
          ))}
          <Text size="xs" fw={500}>{result.matched ? t('automation.preview.actions') : t('automation.preview.actionsIf')}</Text>
          <List spacing={4} size="sm" aria-label={t('automation.preview.actions')}>
            {result.actions.map((a, i) => (
              <List.Item key={i}>
                <Text size="sm" span c={a.skipped ? 'dimmed' : undefined}>{effectOf(a, t)}</Text>
                {a.skipped && <Text size="xs" c="orange"> {t('automation.preview.skipped', { reason: t(`automation.reasons.${a.skipped}`, { defaultValue: a.skipped }) })}</Text>}
                {typeof a.detail?.text === 'string' && a.detail.text && <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{a.detail.text}</Text>}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
});
