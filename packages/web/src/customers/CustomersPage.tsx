import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Center, Modal, ScrollArea, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import { useTicketPages } from '../api/tickets';
import type { Contact } from '../api/types';
import { useFormat, useSession } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { toast } from '../lib/toast';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';
import { ContactForm } from './ContactForm';

/** All customers (contacts), newest first, filtered by name or email as you type. */
export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { canWrite } = useSession();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value.trim(), 250);
  const [creating, setCreating] = useState(false);
  const list = useTicketPages<Contact>(keys.contacts(q), '/api/v1/contacts', { q: q || undefined }, 50);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  useEffect(() => {
    document.title = `${t('nav.customers')} · Servus`;
  }, [t]);

  return (
    <>
      <ListHeader title={t('nav.customers')}>
        <TextInput aria-label={t('customer.filter')} placeholder={t('customer.filter')} leftSection={<IconSearch size={14} />} value={value} onChange={(e) => setValue(e.currentTarget.value)} w={240} />
        {canWrite && <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>{t('customer.new')}</Button>}
      </ListHeader>
      <ScrollArea style={{ flex: 1 }} bg="white">
        {list.isPending && <ListSkeleton />}
        {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && rows.length === 0 && <EmptyState icon={<IconUsers size={28} color="var(--mantine-color-gray-5)" />} title={t('customer.empty')} />}
        {rows.length > 0 && (
          <Table highlightOnHover stickyHeader aria-label={t('nav.customers')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer.name')}</Table.Th>
                <Table.Th>{t('customer.email')}</Table.Th>
                <Table.Th visibleFrom="md">{t('customer.phone')}</Table.Th>
                <Table.Th w={130}>{t('list.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td><Anchor component={Link} to={`/customers/${c.id}`} size="sm">{c.name || c.email || t('customer.unnamed')}</Anchor></Table.Td>
                  <Table.Td>{c.email ?? ''}</Table.Td>
                  <Table.Td visibleFrom="md">{c.phone ?? ''}</Table.Td>
                  <Table.Td c="dimmed">{format.date(c.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.hasNextPage && (
          <Center p="sm"><Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button></Center>
        )}
      </ScrollArea>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('customer.new')} size="lg">
        <ContactForm
          submitLabel={t('common.create')}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const c = await api<Contact>('/api/v1/contacts', { body: { ...input, organizationId: input.organizationId ?? undefined, notes: input.notes || undefined } });
            void client.invalidateQueries({ queryKey: ['contacts'] });
            toast.success(t('customer.created'));
            setCreating(false);
            navigate(`/customers/${c.id}`);
          }}
        />
      </Modal>
    </>
  );
}
