import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Center, Grid, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { keys } from '../api/keys';
import { useTicketPages } from '../api/tickets';
import type { Contact, Organization } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { NotFound } from '../components/NotFound';
import { PageLoader } from '../components/PageLoader';
import { TicketMiniTable } from '../components/TicketMiniTable';
import { toast } from '../lib/toast';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';
import { OrganizationForm } from './OrganizationForm';
import { PortalSharingSwitch } from './PortalSharingSwitch';

function Members({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const list = useTicketPages<Contact>(keys.organizationContacts(organizationId), `/api/v1/organizations/${organizationId}/contacts`, {}, 50);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending) return <ListSkeleton rows={3} />;
  if (list.error) return <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('organization.noContacts')}</Text>;
  return (
    <>
      <Table aria-label={t('organization.contacts')}>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Anchor component={Link} to={`/customers/${c.id}`} size="sm">{c.name || c.email}</Anchor></Table.Td>
              <Table.Td c="dimmed">{c.email}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.hasNextPage && <Center mt="xs"><Button variant="default" onClick={() => void list.fetchNextPage()}>{t('common.loadMore')}</Button></Center>}
    </>
  );
}

/** An organization's profile: details (editable), its people, and all its tickets. */
export function OrganizationPage() {
  const { organizationId = '' } = useParams();
  const { t } = useTranslation();
  const client = useQueryClient();
  const { canWrite } = useSession();
  const [editing, setEditing] = useState(false);
  const org = useQuery({ queryKey: keys.organization(organizationId), queryFn: () => api<Organization>(`/api/v1/organizations/${organizationId}`) });
  const o = org.data;

  useEffect(() => {
    if (o) document.title = `${o.name} · Servus`;
  }, [o]);

  if (org.isPending) return <PageLoader />;
  if (org.error) return org.error instanceof ApiError && org.error.status === 404 ? <NotFound /> : <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  if (!o) return null;

  return (
    <>
      <ListHeader title={o.name}>
        {canWrite && !editing && <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      </ListHeader>
      <ScrollArea style={{ flex: 1 }}>
        <Grid p="md" gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Paper withBorder p="md">
                {editing ? (
                  <OrganizationForm
                    organization={o}
                    submitLabel={t('common.save')}
                    onCancel={() => setEditing(false)}
                    onSubmit={async (input) => {
                      const saved = await api<Organization>(`/api/v1/organizations/${o.id}`, { method: 'PATCH', body: input });
                      client.setQueryData(keys.organization(o.id), saved);
                      toast.success(t('common.saved'));
                      setEditing(false);
                    }}
                  />
                ) : (
                  <Stack gap={6}>
                    <Title order={3} size="h4">{t('customer.details')}</Title>
                    <Text size="sm"><Text span c="dimmed" size="xs">{t('organization.domains')}: </Text>{o.domains.join(', ') || '—'}</Text>
                    <Text size="sm"><Text span c="dimmed" size="xs">{t('organization.tier')}: </Text>{o.tier || '—'}</Text>
                    {o.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{o.notes}</Text>}
                  </Stack>
                )}
              </Paper>
              <Paper withBorder p="md">
                <Title order={3} size="h4" mb="xs">{t('orgPortal.title')}</Title>
                <PortalSharingSwitch organization={o} />
              </Paper>
              <Paper withBorder p="md">
                <Title order={3} size="h4" mb="xs">{t('organization.contacts')}</Title>
                <Members organizationId={o.id} />
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">{t('customer.history')}</Title>
              <TicketMiniTable queryKey={keys.organizationTickets(o.id)} path={`/api/v1/organizations/${o.id}/tickets`} label={t('customer.history')} />
            </Paper>
          </Grid.Col>
        </Grid>
      </ScrollArea>
    </>
  );
}
