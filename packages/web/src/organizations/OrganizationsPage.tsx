import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Center, Modal, ScrollArea, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import { useTicketPages } from '../api/tickets';
import type { Organization } from '../api/types';
import { useSession } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { toast } from '../lib/toast';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';
import { OrganizationForm } from './OrganizationForm';

/** All organizations by name, filtered as you type. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { canWrite } = useSession();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value.trim(), 250);
  const [creating, setCreating] = useState(false);
  const list = useTicketPages<Organization>(keys.organizations(q), '/api/v1/organizations', { q: q || undefined }, 50);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  useEffect(() => {
    document.title = `${t('nav.organizations')} · Servus`;
  }, [t]);

  return (
    <>
      <ListHeader title={t('nav.organizations')}>
        <TextInput aria-label={t('organization.filter')} placeholder={t('organization.filter')} leftSection={<IconSearch size={14} />} value={value} onChange={(e) => setValue(e.currentTarget.value)} w={240} />
        {canWrite && <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>{t('organization.new')}</Button>}
      </ListHeader>
      <ScrollArea style={{ flex: 1 }} bg="white">
        {list.isPending && <ListSkeleton />}
        {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && rows.length === 0 && <EmptyState icon={<IconBuilding size={28} color="var(--mantine-color-gray-5)" />} title={t('organization.empty')} />}
        {rows.length > 0 && (
          <Table highlightOnHover stickyHeader aria-label={t('nav.organizations')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organization.name')}</Table.Th>
                <Table.Th>{t('organization.domains')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td><Anchor component={Link} to={`/organizations/${o.id}`} size="sm">{o.name}</Anchor></Table.Td>
                  <Table.Td c="dimmed">{o.domains.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.hasNextPage && (
          <Center p="sm"><Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button></Center>
        )}
      </ScrollArea>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('organization.new')}>
        <OrganizationForm
          submitLabel={t('common.create')}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const o = await api<Organization>('/api/v1/organizations', { body: { ...input, notes: input.notes || undefined } });
            void client.invalidateQueries({ queryKey: ['organizations'] });
            toast.success(t('organization.created'));
            setCreating(false);
            navigate(`/organizations/${o.id}`);
          }}
        />
      </Modal>
    </>
  );
}
