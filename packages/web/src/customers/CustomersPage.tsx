import { Link, useNavigate } from 'react-router';
import { Anchor, Table } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Contact } from '../api/types';
import { useFormat } from '../auth/session';
import { DirectoryListPage } from '../components/DirectoryListPage';
import { toast } from '../lib/toast';
import { ContactForm } from './ContactForm';

/** All customers (contacts), newest first, filtered by name or email as you type. */
export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();

  return (
    <DirectoryListPage<Contact>
      title={t('nav.customers')}
      filterLabel={t('customer.filter')}
      queryKey={keys.contacts}
      path="/api/v1/contacts"
      emptyIcon={<IconUsers size={28} color="var(--mantine-color-gray-5)" />}
      emptyTitle={t('customer.empty')}
      head={
        <>
          <Table.Th>{t('customer.name')}</Table.Th>
          <Table.Th>{t('customer.email')}</Table.Th>
          <Table.Th visibleFrom="md">{t('customer.phone')}</Table.Th>
          <Table.Th w={130}>{t('list.created')}</Table.Th>
        </>
      }
      row={(c) => (
        <>
          <Table.Td><Anchor component={Link} to={`/customers/${c.id}`} size="sm">{c.name || c.email || t('customer.unnamed')}</Anchor></Table.Td>
          <Table.Td>{c.email ?? ''}</Table.Td>
          <Table.Td visibleFrom="md">{c.phone ?? ''}</Table.Td>
          <Table.Td c="dimmed">{format.date(c.createdAt)}</Table.Td>
        </>
      )}
      newLabel={t('customer.new')}
      createSize="lg"
      createForm={(close) => (
        <ContactForm
          submitLabel={t('common.create')}
          onCancel={close}
          onSubmit={async (input) => {
            const c = await api<Contact>('/api/v1/contacts', { body: { ...input, organizationId: input.organizationId ?? undefined, notes: input.notes || undefined } });
            void client.invalidateQueries({ queryKey: ['contacts'] });
            toast.success(t('customer.created'));
            close();
            navigate(`/customers/${c.id}`);
          }}
        />
      )}
    />
  );
}
