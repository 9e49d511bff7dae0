import { Checkbox, Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { CUSTOM_FIELD_PREFIX, DURATION_UNITS, fieldSpec, type DurationValue } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { withMissing, type Choices, type Option } from './choices';

interface Props {
  field: string;
  operator: string;
  value: unknown;
  choices: Choices;
  error?: string;
  label: string;
  onChange(value: unknown): void;
}

const LIST = ['in', 'not_in'];

/** Amount, unit and clock of a duration ("3 business days"). */
function DurationInput({ value, label, error, onChange }: { value: DurationValue; label: string; error?: string; onChange(v: DurationValue): void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <NumberInput
        w={90}
        min={1}
        allowDecimal={false}
        aria-label={t('automation.durationAmount', { label })}
        value={value.amount}
        onChange={(v) => onChange({ ...value, amount: typeof v === 'number' ? v : Number(v) || 0 })}
        error={error}
      />
      <Select
        w={120}
        aria-label={t('automation.durationUnit', { label })}
        data={DURATION_UNITS.map((u) => ({ value: u, label: t(`automation.units.${u}`) }))}
        value={value.unit}
        onChange={(v) => v && onChange({ ...value, unit: v as DurationValue['unit'] })}
        allowDeselect={false}
      />
      <Checkbox mt={8} label={t('automation.businessHours')} checked={value.businessHours} onChange={(e) => onChange({ ...value, businessHours: e.currentTarget.checked })} />
    </Group>
  );
}

/** The value widget that fits a condition's field and operator: a select, a tag input, text, a number or a duration. */
export function ConditionValue({ field, operator, value, choices, error, label, onChange }: Props) {
  const { t } = useTranslation();
  const spec = fieldSpec(field);
  if (!spec || ['present', 'absent', 'changed'].includes(operator)) return null;
  const many = LIST.includes(operator);
  const common = { 'aria-label': label, error, placeholder: t('automation.valuePlaceholder') };
  const pick = (options: Option[]) =>
    many ? (
      <MultiSelect {...common} data={withMissing(options, value, t('automation.gone'))} value={(value as string[]) ?? []} onChange={onChange} searchable />
    ) : (
      <Select {...common} data={withMissing(options, value, t('automation.gone'))} value={(value as string | null) ?? null} onChange={(v) => onChange(v)} searchable allowDeselect={false} />
    );

  switch (spec.type) {
    case 'enum': {
      const prefix = field === 'message.kind' ? 'automation.messageKinds' : field === 'message.author_kind' ? 'automation.authorKinds' : field.replace('ticket.', '');
      return pick((spec.values ?? []).map((v) => ({ value: v, label: t(`${prefix}.${v}`) })));
    }
    case 'ref':
      return pick(spec.ref === 'team' ? choices.teams : spec.ref === 'agent' ? choices.agents : choices.organizations);
    case 'boolean':
      return <Select {...common} data={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} value={String(value ?? true)} onChange={(v) => onChange(v === 'true')} allowDeselect={false} />;
    case 'duration':
      return <DurationInput value={(value as DurationValue) ?? { amount: 1, unit: 'hours', businessHours: false }} label={label} error={error} onChange={onChange} />;
    case 'tags':
      if (many) return <TagsInput {...common} value={(value as string[]) ?? []} onChange={onChange} splitChars={[',', ' ']} />;
      return <TextInput {...common} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'custom': {
      const def = choices.fields.find((f) => `${CUSTOM_FIELD_PREFIX}${f.key}` === field);
      if (def?.kind === 'select') return pick(def.options.map((o) => ({ value: o, label: o })));
      if (def?.kind === 'checkbox') {
        return <Select {...common} data={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} value={String(value ?? true)} onChange={(v) => onChange(v === 'true')} allowDeselect={false} />;
      }
      if (def?.kind === 'number' && !many) return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
      if (def?.kind === 'date' && !many) return <TextInput {...common} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} />;
      break;
    }
  }
  if (many) return <TagsInput {...common} value={(value as string[]) ?? []} onChange={onChange} />;
  return <TextInput {...common} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} />;
}
