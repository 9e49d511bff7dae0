import { memo } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CONDITION_FIELDS, CUSTOM_FIELD_PREFIX, fieldSpec, operatorsFor, type AutomationKindName, type ConditionOperator } from '@servus/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Choices } from './choices';
import { ConditionValue } from './ConditionValue';
import { rowKey, withField, withOperator, type ConditionDraft, type ConditionGroup } from './rule-form';

const GROUPS = ['ticket', 'message', 'contact', 'organization', 'time', 'survey'] as const;

/** A field's name for people: the catalogue's translation, or a custom field's label. */
export function fieldLabel(field: string, choices: Choices, t: TFunction): string {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    return choices.fields.find((f) => f.key === key)?.label ?? key;
  }
  return t(`automation.fields.${field}`);
}

/** An operator's name for people; durations read "for at least" and "for less than". */
export function operatorLabel(field: string, op: string, t: TFunction): string {
  return fieldSpec(field)?.type === 'duration' ? t(`automation.durationOperators.${op}`) : t(`automation.operators.${op}`);
}

/** The fields a rule of this kind can test, grouped for the field select. */
function fieldOptions(kind: AutomationKindName, choices: Choices, t: TFunction) {
  const fixed = Object.entries(CONDITION_FIELDS).filter(([, spec]) => kind === 'trigger' || !(('triggerOnly' in spec && spec.triggerOnly) || ('surveyOnly' in spec && spec.surveyOnly)));
  return GROUPS.map((group) => ({
    group: t(`automation.fieldGroups.${group}`),
    items: [
      ...fixed.filter(([name]) => name.startsWith(`${group}.`)).map(([name]) => ({ value: name, label: fieldLabel(name, choices, t) })),
      ...(group === 'ticket' ? choices.fields.map((f) => ({ value: `${CUSTOM_FIELD_PREFIX}${f.key}`, label: f.label })) : []),
    ],
  })).filter((g) => g.items.length > 0);
}

interface Props {
  group: ConditionGroup;
  kind: AutomationKindName;
  /** Whether change operators apply (a trigger on "ticket updated"). */
  changes: boolean;
  rows: ConditionDraft[];
  choices: Choices;
  errors: Record<string, string>;
  onChange(rows: ConditionDraft[]): void;
}

/** One group of conditions ("all of these" or "any of these"): field → operator → value per row. */
export const ConditionList = memo(function ConditionList({ group, kind, changes, rows, choices, errors, onChange }: Props) {
  const { t } = useTranslation();
  const options = fieldOptions(kind, choices, t);
  const set = (i: number, row: ConditionDraft) => onChange(rows.map((r, j) => (j === i ? row : r)));
  const groupError = errors[`conditions.${group}`];
  return (
    <Stack gap="xs" role="group" aria-label={t(`automation.groups.${group}`)}>
      <Text size="sm" fw={500}>{t(`automation.groups.${group}`)}</Text>
      {rows.length === 0 && <Text size="xs" c="dimmed">{t(`automation.groups.${group}Empty`)}</Text>}
      {rows.map((c, i) => {
        const at = `conditions.${group}.${i}`;
        const name = t('automation.conditionLabel', { group: t(`automation.groups.${group}Short`), n: i + 1 });
        const ops = c.field ? operatorsFor(c.field, { changes }) : [];
        return (
          <Group key={c.key} gap={6} align="flex-start" wrap="nowrap" role="group" aria-label={name}>
            <Select
              w={230}
              aria-label={t('automation.fieldOf', { name })}
              placeholder={t('automation.chooseField')}
              data={options}
              value={c.field || null}
              onChange={(v) => v && set(i, withField(c, v, changes))}
              searchable
              allowDeselect={false}
              error={errors[`${at}.field`]}
            />
            <Select
              w={170}
              aria-label={t('automation.operatorOf', { name })}
              data={ops.map((op) => ({ value: op, label: operatorLabel(c.field, op, t) }))}
              value={c.operator || null}
              onChange={(v) => v && set(i, withOperator(c, v as ConditionOperator))}
              disabled={!c.field}
              allowDeselect={false}
              error={errors[`${at}.operator`]}
            />
            <div style={{ flex: 1, minWidth: 0 }}>
              <ConditionValue field={c.field} operator={c.operator} value={c.value} choices={choices} error={errors[`${at}.value`] ?? errors[at]} label={t('automation.valueOf', { name })} onChange={(value) => set(i, { ...c, value })} />
            </div>
            <ActionIcon variant="subtle" color="gray" mt={4} onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('automation.removeCondition', { name })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      {groupError && <Text size="xs" c="red" role="alert">{groupError}</Text>}
      <Group>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, { key: rowKey(), field: '', operator: '', value: undefined }])}>
          {t(`automation.addCondition.${group}`)}
        </Button>
      </Group>
    </Stack>
  );
});
