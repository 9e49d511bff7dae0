import { useState } from 'react';
import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../api/types';
import { EntityPicker } from '../components/EntityPicker';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { useFormSubmit } from '../lib/useFormSubmit';

export interface ContactInput {
  name: string;
  email?: string;
  phone?: string;
  organizationId: string | null;
  locale?: 'en' | 'de';
  timeZone?: string;
  notes: string;
}

const FIELDS = ['name', 'email', 'phone', 'organizationId', 'locale', 'timeZone', 'notes'] as const;

/** Create or edit a contact; server validation errors land on their fields. */
export function ContactForm({ contact, onSubmit, onCancel, submitLabel }: { contact?: Contact; onSubmit(input: ContactInput): Promise<unknown>; onCancel?(): void; submitLabel: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [organizationId, setOrganizationId] = useState<string | null>(contact?.organizationId ?? null);
  const [locale, setLocale] = useState<string | null>(contact?.locale ?? null);
  const [timeZone, setTimeZone] = useState(contact?.timeZone ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: FIELDS,
    action: () =>
      onSubmit({
        name,
        email: email.trim() || undefined,
        phone: phone.trim() || undefined,
        organizationId,
        locale: (locale as 'en' | 'de' | null) ?? undefined,
        timeZone: timeZone.trim() || undefined,
        notes,
      }),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={other} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('customer.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <TextInput label={t('customer.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
          <TextInput label={t('customer.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} />
          <EntityPicker kind="organizations" label={t('customer.organization')} value={organizationId} onChange={setOrganizationId} error={errors.organizationId} />
          <Select label={t('customer.language')} data={[{ value: 'en', label: 'English' }, { value: 'de', label: 'Deutsch' }]} value={locale} onChange={setLocale} clearable allowDeselect error={errors.locale} />
          <TextInput label={t('customer.timeZone')} placeholder="Europe/Berlin" value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} error={errors.timeZone} />
        </SimpleGrid>
        <Textarea label={t('customer.notes')} autosize minRows={2} maxRows={8} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
