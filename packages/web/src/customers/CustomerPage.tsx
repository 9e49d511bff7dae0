import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Grid, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { keys } from '../api/keys';
import type { Contact, Organization } from '../api/types';
import { useFormat, useSession } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { NotFound } from '../components/NotFound';
import { PageLoader } from '../components/PageLoader';
import { TicketMiniTable } from '../components/TicketMiniTable';
import { toast } from '../lib/toast';
import { ListHeader } from '../views/ListHeader';
import { ContactForm } from './ContactForm';

/** A customer's profile: details (editable), identities, and every ticket across channels. */
export function CustomerPage() {
  const { contactId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const { canWrite } = useSession();
  const [editing, setEditing] = useState(false);
  const contact = useQuery({ queryKey: keys.contact(contactId), queryFn: () => api<Contact>(`/api/v1/contacts/${contactId}`) });
  const orgId = contact.data?.organizationId;
  const org = useQuery({ queryKey: keys.organization(orgId ?? ''), queryFn: () => api<Organization>(`/api/v1/organizations/${orgId}`), enabled: !!orgId });
  const c = contact.data;

  useEffect(() => {
    if (c) document.title = `${c.name || c.email} · Servus`;
  }, [c]);

  if (contact.isPending) return <PageLoader />;
  if (contact.error) return contact.error instanceof ApiError && contact.error.status === 404 ? <NotFound /> : <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  if (!c) return null;
  const display = c.name || c.email || t('customer.unnamed');

  return (
    <>
      <ListHeader title={display}>
        {canWrite && !editing && <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      </ListHeader>
      <ScrollArea style={{ flex: 1 }}>
        <Grid p="md" gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md">
              {editing ? (
                <ContactForm
                  contact={c}
                  submitLabel={t('common.save')}
                  onCancel={() => setEditing(false)}
                  onSubmit={async (input) => {
                    const saved = await api<Contact>(`/api/v1/contacts/${c.id}`, { method: 'PATCH', body: { ...input, email: input.email } });
                    client.setQueryData(keys.contact(c.id), saved);
                    toast.success(t('common.saved'));
                    setEditing(false);
                  }}
                />
              ) : (
                <Stack gap={6}>
                  <Title order={3} size="h4">{t('customer.details')}</Title>
                  <Detail label={t('customer.email')} value={c.email} />
                  <Detail label={t('customer.phone')} value={c.phone} />
                  <Group gap={6}>
                    <Text size="xs" c="dimmed" w={110}>{t('customer.organization')}</Text>
                    {org.data ? <Anchor component={Link} to={`/organizations/${org.data.id}`} size="sm">{org.data.name}</Anchor> : <Text size="sm">—</Text>}
                  </Group>
                  <Detail label={t('customer.language')} value={c.locale === 'de' ? 'Deutsch' : c.locale === 'en' ? 'English' : null} />
                  <Detail label={t('customer.timeZone')} value={c.timeZone} />
                  <Detail label={t('customer.since')} value={format.date(c.createdAt)} />
                  {c.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt="xs">{c.notes}</Text>}
                  {!!c.identities?.length && (
                    <>
                      <Title order={4} size="h5" mt="sm">{t('customer.identities')}</Title>
                      {c.identities.map((i) => (
                        <Group key={i.id} gap={6}>
                          <Badge variant="outline" color="gray">{t(`identity.${i.kind}`)}</Badge>
                          <Text size="sm">{i.value}</Text>
                          {i.verified && <Badge color="teal">{t('customer.verified')}</Badge>}
                        </Group>
                      ))}
                    </>
                  )}
                </Stack>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">{t('customer.history')}</Title>
              <TicketMiniTable queryKey={keys.contactTickets(c.id)} path={`/api/v1/contacts/${c.id}/tickets`} label={t('customer.history')} />
            </Paper>
          </Grid.Col>
        </Grid>
      </ScrollArea>
    </>
  );
}

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed" w={110}>{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </Group>
  );
}
