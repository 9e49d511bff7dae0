import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mapFieldErrors } from '../api/errors';
import type { Organization } from '../api/types';

export interface OrganizationInput {
  name: string;
  domains: string[];
  notes: string;
}

/** Create or edit an organization: name, email domains, notes. */
export function OrganizationForm({ organization, onSubmit, onCancel, submitLabel }: { organization?: Organization; onSubmit(i: OrganizationInput): Promise<unknown>; onCancel?(): void; submitLabel: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(organization?.name ?? '');
  const [domains, setDomains] = useState<string[]>(organization?.domains ?? []);
  const [notes, setNotes] = useState(organization?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setOther(null);
    try {
      await onSubmit({ name, domains, notes });
    } catch (err) {
      const mapped = mapFieldErrors(err, ['name', 'domains', 'notes']);
      setErrors(mapped.fields);
      setOther(mapped.other.join(' ') || null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {other && <Alert color="red" variant="light" role="alert">{other}</Alert>}
        <TextInput label={t('organization.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TagsInput label={t('organization.domains')} description={t('organization.domainsHint')} value={domains} onChange={setDomains} error={errors.domains} splitChars={[',', ' ']} />
        <Textarea label={t('customer.notes')} autosize minRows={2} maxRows={8} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <Group gap="xs">
          <Button type="submit" loading={busy}>{submitLabel}</Button>
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
        </Group>
      </Stack>
    </form>
  );
}
