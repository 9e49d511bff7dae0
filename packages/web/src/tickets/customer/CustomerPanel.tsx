import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconMail, IconPhone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { Contact, Organization, Page, Ticket } from '../../api/types';
import { useFormat } from '../../auth/session';
import { ErrorState } from '../../components/ErrorState';
import { StatusBadge } from '../StatusBadge';

/** The requester: contact details, organization, and their other tickets across all channels. */
export function CustomerPanel({ contactId, currentTicketId }: { contactId: string; currentTicketId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const contact = useQuery({ queryKey: keys.contact(contactId), queryFn: () => api<Contact>(`/api/v1/contacts/${contactId}`) });
  const orgId = contact.data?.organizationId;
  const org = useQuery({ queryKey: keys.organization(orgId ?? ''), queryFn: () => api<Organization>(`/api/v1/organizations/${orgId}`), enabled: !!orgId });
  const tickets = useQuery({
    queryKey: [...keys.contactTickets(contactId), 'recent'],
    queryFn: () => api<Page<Ticket>>(`/api/v1/contacts/${contactId}/tickets`, { query: { limit: 11 } }),
  });
  const others = (tickets.data?.data ?? []).filter((tk) => tk.id !== currentTicketId).slice(0, 10);

  return (
    <Stack gap="sm" p="sm" component="section" aria-labelledby="customer-title">
      <Title order={3} size="h4" id="customer-title">{t('customer.title')}</Title>
      {contact.isPending && <Skeleton h={60} />}
      {contact.error && <ErrorState compact error={contact.error} onRetry={() => void contact.refetch()} />}
      {contact.data && (
        <Stack gap={4}>
          <Anchor component={Link} to={`/customers/${contactId}`} fw={600} size="sm">{contact.data.name || contact.data.email || t('customer.unnamed')}</Anchor>
          {contact.data.email && (
            <Group gap={6} wrap="nowrap"><IconMail size={13} aria-label={t('customer.email')} /><Text size="xs" truncate>{contact.data.email}</Text></Group>
          )}
          {contact.data.phone && (
            <Group gap={6} wrap="nowrap"><IconPhone size={13} aria-label={t('customer.phone')} /><Text size="xs">{contact.data.phone}</Text></Group>
          )}
          {org.data && (
            <Group gap={6} wrap="nowrap">
              <IconBuilding size={13} aria-label={t('customer.organization')} />
              <Anchor component={Link} to={`/organizations/${org.data.id}`} size="xs">{org.data.name}</Anchor>
            </Group>
          )}
          {contact.data.notes && <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>{contact.data.notes}</Text>}
        </Stack>
      )}
      <Title order={4} size="h5" mt="xs">{t('customer.otherTickets')}</Title>
      {tickets.isPending && <Skeleton h={80} />}
      {tickets.error && <ErrorState compact error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {tickets.data && others.length === 0 && <Text size="xs" c="dimmed">{t('customer.noOtherTickets')}</Text>}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {others.map((tk) => (
          <li key={tk.id}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={`/tickets/${tk.id}`} size="xs" truncate style={{ flex: 1 }}>
                #{tk.number} {tk.subject}
              </Anchor>
              <StatusBadge status={tk.status} />
            </Group>
            <Text size="xs" c="dimmed">{t(`channel.${tk.channel}`)} · {format.relative(tk.createdAt)}</Text>
          </li>
        ))}
      </Stack>
      {tickets.data?.nextCursor && (
        <Anchor component={Link} to={`/customers/${contactId}`} size="xs">{t('customer.allTickets')}</Anchor>
      )}
    </Stack>
  );
}
