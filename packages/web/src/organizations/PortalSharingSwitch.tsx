import { useState } from 'react';
import { Switch } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Organization } from '../api/types';
import { useSession } from '../auth/session';
import { toast } from '../lib/toast';

/**
 * Whether the organization's members see all of its requests in the customer portal. Only
 * admins change it (it widens what customers see); everyone else sees the setting.
 */
export function PortalSharingSwitch({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { isAdmin } = useSession();
  const [busy, setBusy] = useState(false);

  async function change(next: boolean) {
    setBusy(true);
    try {
      const saved = await api<Organization>(`/api/v1/organizations/${organization.id}`, { method: 'PATCH', body: { portalShared: next } });
      client.setQueryData(keys.organization(organization.id), saved);
      toast.success(t(next ? 'orgPortal.sharedOn' : 'orgPortal.sharedOff'));
    } catch (err) {
      toast.error(err, t('orgPortal.saveFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Switch
      checked={organization.portalShared}
      onChange={(e) => void change(e.currentTarget.checked)}
      disabled={!isAdmin || busy}
      label={t('orgPortal.label')}
      description={t(isAdmin ? 'orgPortal.hint' : 'orgPortal.adminOnly')}
    />
  );
}
