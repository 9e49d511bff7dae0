import { useState } from 'react';
import { Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { useFormSubmit } from '../lib/useFormSubmit';
import { useSession } from '../auth/session';

export interface OrganizationInput {
  name: string;
  domains: string[];
  notes: string;
  /** Sent only by admins: the tier decides which SLA applies. */
  tier?: string | null;
}

/** Create or edit an organization: name, email domains, customer tier (admins), notes. */
export function OrganizationForm({ organization, onSubmit, onCancel, submitLabel }: { organization?: Organization; onSubmit(i: OrganizationInput): Promise<unknown>; onCancel?(): void; submitLabel: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(organization?.name ?? '');
  const [domains, setDomains] = useState<string[]>(organization?.domains ?? []);
  const [notes, setNotes] = useState(organization?.notes ?? '');
  const [tier, setTier] = useState(organization?.tier ?? '');
  const { isAdmin } = useSession();
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: ['name', 'domains', 'tier', 'notes'],
    action: () => onSubmit({ name, domains, notes, ...(isAdmin ? { tier: tier.trim() || null } : {}) }),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={other} />
        <TextInput label={t('organization.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TagsInput label={t('organization.domains')} description={t('organization.domainsHint')} value={domains} onChange={setDomains} error={errors.domains} splitChars={[',', ' ']} />
        <TextInput
          label={t('organization.tier')}
          description={t(isAdmin ? 'organization.tierHint' : 'organization.tierAdminOnly')}
          value={tier}
          onChange={(e) => setTier(e.currentTarget.value)}
          readOnly={!isAdmin}
          maxLength={40}
          error={errors.tier}
        />
        <Textarea label={t('customer.notes')} autosize minRows={2} maxRows={8} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
