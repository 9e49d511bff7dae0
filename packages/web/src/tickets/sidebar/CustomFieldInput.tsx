import { useEffect, useState } from 'react';
import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomValue, TicketField } from '../../api/types';

/** One custom ticket field as the right control; text and numbers commit on blur or Enter. */
export function CustomFieldInput({ field, value, onCommit, disabled }: { field: TicketField; value: CustomValue | undefined; onCommit(v: CustomValue): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string>(value === null || value === undefined ? '' : String(value));
  useEffect(() => setDraft(value === null || value === undefined ? '' : String(value)), [value]);
  const label = field.label;
  const commitText = () => {
    const next = draft.trim() === '' ? null : draft;
    if (next !== (value ?? null)) onCommit(next);
  };
  switch (field.kind) {
    case 'checkbox':
      return <Checkbox label={label} checked={value === true} onChange={(e) => onCommit(e.currentTarget.checked)} disabled={disabled} mt={4} />;
    case 'select':
      return (
        <Select
          label={label}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onCommit(v)}
          clearable
          allowDeselect
          placeholder={t('ticket.notSet')}
          disabled={disabled}
          withAsterisk={field.required}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          value={draft === '' ? '' : Number(draft)}
          onChange={(v) => setDraft(v === '' ? '' : String(v))}
          onBlur={() => {
            const next = draft === '' ? null : Number(draft);
            if (next !== (value ?? null)) onCommit(next);
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          disabled={disabled}
          withAsterisk={field.required}
        />
      );
    case 'date':
      return (
        <TextInput
          label={label}
          type="date"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={commitText}
          disabled={disabled}
          withAsterisk={field.required}
        />
      );
    default:
      return (
        <TextInput
          label={label}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={commitText}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          disabled={disabled}
          withAsterisk={field.required}
        />
      );
  }
}
