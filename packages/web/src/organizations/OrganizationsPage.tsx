import { Link, useNavigate } from 'react-router';
import { Anchor, Table } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Organization } from '../api/types';
import { DirectoryListPage } from '../components/DirectoryListPage';
import { toast } from '../lib/toast';
import { OrganizationForm } from './OrganizationForm';

/** All organizations by name, filtered as you type. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();

  return (
    <DirectoryListPage<Organization>
      title={t('nav.organizations')}
      filterLabel={t('organization.filter')}
      queryKey={keys.organizations}
      path="/api/v1/organizations"
      emptyIcon={<IconBuilding size={28} color="var(--mantine-color-gray-5)" />}
      emptyTitle={t('organization.empty')}
      head={
        <>
          <Table.Th>{t('organization.name')}</Table.Th>
          <Table.Th>{t('organization.domains')}</Table.Th>
        </>
      }
      row={(o) => (
        <>
          <Table.Td><Anchor component={Link} to={`/organizations/${o.id}`} size="sm">{o.name}</Anchor></Table.Td>
          <Table.Td c="dimmed">{o.domains.join(', ')}</Table.Td>
        </>
      )}
      newLabel={t('organization.new')}
      createForm={(close) => (
        <OrganizationForm
          submitLabel={t('common.create')}
          onCancel={close}
          onSubmit={async (input) => {
            const o = await api<Organization>('/api/v1/organizations', { body: { ...input, notes: input.notes || undefined } });
            void client.invalidateQueries({ queryKey: ['organizations'] });
            toast.success(t('organization.created'));
            close();
            navigate(`/organizations/${o.id}`);
          }}
        />
      )}
    />
  );
}
