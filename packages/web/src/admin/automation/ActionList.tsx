import { memo, type ReactNode } from 'react';
import { ActionIcon, Button, Checkbox, Group, Menu, MultiSelect, NumberInput, Paper, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { TEMPLATE_PLACEHOLDERS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type RuleActionType } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { withMissing, type Choices } from './choices';
import { newAction, type ActionDraft } from './rule-form';

const ACTION_GROUPS: { group: string; types: RuleActionType[] }[] = [
  { group: 'fields', types: ['set_status', 'set_priority', 'set_type', 'set_team', 'set_assignee', 'set_custom', 'route', 'add_tags', 'remove_tags'] },
  { group: 'messages', types: ['email_requester', 'email_agents', 'notify'] },
  { group: 'other', types: ['webhook', 'apply_macro'] },
];
const NONE = '__none__';
type Recipients = { agentIds: string[]; teamIds: string[]; assignee: boolean };

interface RowProps {
  a: ActionDraft;
  name: string;
  choices: Choices;
  err(sub: string): string | undefined;
  set(data: Record<string, unknown>): void;
}

/** Who gets a mail or notification: agents, teams, the assignee. */
function RecipientsInput({ a, name, choices, err, set }: RowProps) {
  const { t } = useTranslation();
  const r = a.data.recipients as Recipients;
  const put = (patch: Partial<Recipients>) => set({ recipients: { ...r, ...patch } });
  return (
    <Stack gap={4}>
      <Group gap="xs" grow align="flex-start">
        <MultiSelect label={t('automation.recipients.agents')} aria-label={t('automation.recipients.agentsOf', { name })} data={withMissing(choices.agents, r.agentIds, t('automation.gone'))} value={r.agentIds} onChange={(v) => put({ agentIds: v })} searchable />
        <MultiSelect label={t('automation.recipients.teams')} aria-label={t('automation.recipients.teamsOf', { name })} data={withMissing(choices.teams, r.teamIds, t('automation.gone'))} value={r.teamIds} onChange={(v) => put({ teamIds: v })} searchable />
      </Group>
      <Checkbox label={t('automation.recipients.assignee')} checked={r.assignee} onChange={(e) => put({ assignee: e.currentTarget.checked })} />
      {err('recipients') && <Text size="xs" c="red" role="alert">{err('recipients')}</Text>}
    </Stack>
  );
}

/** The inputs one action type needs. */
function ActionFields(props: RowProps): ReactNode {
  const { a, name, choices, err, set } = props;
  const { t } = useTranslation();
  const d = a.data;
  const label = (key: string) => t(`automation.actionFields.${key}`);
  const aria = (key: string) => t('automation.actionFieldOf', { field: label(key), name });
  const select = (key: string, options: { value: string; label: string }[], noneLabel?: string) => {
    const raw = d[key] as string | null;
    const data = [...(noneLabel ? [{ value: NONE, label: noneLabel }] : []), ...withMissing(options, raw, t('automation.gone'))];
    return (
      <Select label={label(key)} aria-label={aria(key)} data={data} value={raw === null ? (noneLabel ? NONE : null) : raw || null} placeholder={t('automation.choose')}
        onChange={(v) => set({ [key]: v === NONE ? null : v })} searchable allowDeselect={false} error={err(key)} />
    );
  };
  const text = (key: string, long = false) => {
    const Input = long ? Textarea : TextInput;
    return <Input label={label(key)} aria-label={aria(key)} value={String(d[key] ?? '')} onChange={(e) => set({ [key]: e.currentTarget.value })} error={err(key)} {...(long && { rows: 4 })} />;
  };
  switch (a.type) {
    case 'set_status': return select('value', TICKET_STATUSES.filter((s) => s !== 'new').map((s) => ({ value: s, label: t(`status.${s}`) })));
    case 'set_priority': return select('value', TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })));
    case 'set_type': return select('value', TICKET_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) })), t('ticket.noType'));
    case 'set_team': return select('teamId', choices.teams, t('ticket.noTeam'));
    case 'set_assignee': return select('agentId', choices.agents, t('list.unassigned'));
    case 'set_custom': {
      const def = choices.fields.find((f) => f.key === d.key);
      return (
        <Group grow align="flex-start">
          {select('key', choices.fields.map((f) => ({ value: f.key, label: f.label })))}
          {def?.kind === 'select' ? select('value', def.options.map((o) => ({ value: o, label: o })))
            : def?.kind === 'checkbox' ? <Checkbox mt={28} label={label('checked')} checked={d.value === true} onChange={(e) => set({ value: e.currentTarget.checked })} />
            : def?.kind === 'number' ? <NumberInput label={label('value')} aria-label={aria('value')} value={typeof d.value === 'number' ? d.value : ''} onChange={(v) => set({ value: typeof v === 'number' ? v : null })} error={err('value')} />
            : <TextInput label={label('value')} aria-label={aria('value')} type={def?.kind === 'date' ? 'date' : 'text'} value={String(d.value ?? '')} onChange={(e) => set({ value: e.currentTarget.value })} error={err('value')} />}
        </Group>
      );
    }
    case 'route': return <Text size="xs" c="dimmed">{t('automation.routeHint')}</Text>;
    case 'add_tags':
    case 'remove_tags':
      return <TagsInput label={label('tags')} aria-label={aria('tags')} value={(d.tags as string[]) ?? []} onChange={(v) => set({ tags: v })} splitChars={[',', ' ']} error={err('tags')} />;
    case 'email_requester': return <Stack gap={4}>{text('body', true)}<Text size="xs" c="dimmed">{t('automation.requesterHint')}</Text></Stack>;
    case 'email_agents': return <Stack gap="xs"><RecipientsInput {...props} />{text('subject')}{text('body', true)}</Stack>;
    case 'notify': return <Stack gap="xs"><RecipientsInput {...props} />{text('title')}{text('body', true)}</Stack>;
    case 'webhook': return select('webhookId', choices.webhooks);
    case 'apply_macro':
      return (
        <Group grow align="flex-start">
          {select('macroId', choices.macros)}
          {select('post', ['none', 'note', 'reply'].map((p) => ({ value: p, label: t(`automation.macroPost.${p}`) })))}
        </Group>
      );
  }
}

/** The rule's actions in order, each with the inputs its type needs, and a menu to add one. */
export const ActionList = memo(function ActionList({ actions, choices, errors, onChange }: { actions: ActionDraft[]; choices: Choices; errors: Record<string, string>; onChange(actions: ActionDraft[]): void }) {
  const { t } = useTranslation();
  const usesTemplates = actions.some((a) => ['email_requester', 'email_agents', 'notify'].includes(a.type));
  return (
    <Stack gap="xs">
      {actions.length === 0 && <Text size="xs" c="dimmed">{t('automation.noActions')}</Text>}
      {actions.map((a, i) => {
        const name = t('automation.actionLabel', { n: i + 1, type: t(`automation.actions.${a.type}`) });
        const at = `actions.${i}`;
        return (
          <Paper key={a.key} withBorder p="xs" role="group" aria-label={name}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500}>{name}</Text>
                <ActionIcon variant="subtle" color="gray" onClick={() => onChange(actions.filter((_, j) => j !== i))} aria-label={t('automation.removeAction', { name })}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <ActionFields a={a} name={name} choices={choices} err={(sub) => errors[`${at}.${sub}`]} set={(data) => onChange(actions.map((x, j) => (j === i ? { ...x, data: { ...x.data, ...data } } : x)))} />
              {errors[at] && <Text size="xs" c="red" role="alert">{errors[at]}</Text>}
            </Stack>
          </Paper>
        );
      })}
      {errors.actions && <Text size="xs" c="red" role="alert">{errors.actions}</Text>}
      {usesTemplates && <Text size="xs" c="dimmed">{t('automation.placeholders', { list: TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}</Text>}
      <Group>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />}>{t('automation.addAction')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ACTION_GROUPS.map((g) => (
              <div key={g.group}>
                <Menu.Label>{t(`automation.actionGroups.${g.group}`)}</Menu.Label>
                {g.types.map((type) => (
                  <Menu.Item key={type} onClick={() => onChange([...actions, newAction(type)])}>{t(`automation.actions.${type}`)}</Menu.Item>
                ))}
              </div>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Stack>
  );
});
