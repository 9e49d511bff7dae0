import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Webhook, WebhookDelivery, WebhookWithSecret } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useWebhooks, webhookKeys } from '../api/webhooks';
import { useFormat } from '../auth/session';
import { ConfirmButton } from '../components/ConfirmButton';
import { CopyableCode } from '../components/CopyableCode';
import { toast } from '../lib/toast';
import { AdminList, RowActions } from './AdminList';
import { AllowedHosts } from './webhooks/AllowedHosts';
import { DeliveryLog, DeliveryStatus } from './webhooks/DeliveryLog';
import { SigningHelp } from './webhooks/SigningHelp';
import { WebhookDialog } from './webhooks/WebhookDialog';

/** A signing secret just made (on create or rotation), shown until the admin closes it. */
interface ShownSecret {
  name: string;
  secret: string;
  rotated: boolean;
}

/**
 * Outgoing webhooks: the list with each webhook's latest delivery, create and edit, a test
 * event, the delivery log with redelivery, secret rotation (the secret is shown once), the
 * allow-list of internal hosts, and how receivers verify signatures.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const webhooks = useWebhooks();
  const [editing, setEditing] = useState<Webhook | null | 'new'>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: webhookKeys.all });

  const remove = useMutation({
    mutationFn: (w: Webhook) => api(`/api/v1/webhooks/${w.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      refresh();
      toast.success(t('webhooks.deleted'));
    },
    onError: (err) => toast.error(err),
  });
  const test = useMutation({
    mutationFn: (w: Webhook) => api<WebhookDelivery>(`/api/v1/webhooks/${w.id}/test`, { method: 'POST' }),
    onSuccess: (_d, w) => {
      refresh();
      toast.success(t('webhooks.testQueued'));
      setLogOf(w);
    },
    onError: (err) => toast.error(err),
  });
  const rotate = useMutation({
    mutationFn: (w: Webhook) => api<WebhookWithSecret>(`/api/v1/webhooks/${w.id}/rotate-secret`, { body: { keepPreviousForHours: 24 } }),
    onSuccess: (r) => {
      refresh();
      setShown({ name: r.webhook.name, secret: r.secret, rotated: true });
    },
    onError: (err) => toast.error(err),
  });

  return (
    <>
      <Text size="sm" c="dimmed">{t('webhooks.intro')}</Text>
      {shown && (
        <Alert color="teal" variant="light" title={t(shown.rotated ? 'webhooks.secret.rotatedTitle' : 'webhooks.secret.createdTitle', { name: shown.name })} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setShown(null)}>
          <CopyableCode value={shown.secret} hint={t(shown.rotated ? 'webhooks.secret.rotatedHint' : 'webhooks.secret.copyNow')} copyLabel={t('webhooks.secret.copy')} testId="webhook-secret" />
        </Alert>
      )}
      <AdminList title={t('webhooks.title')} addLabel={t('webhooks.new')} addIcon={<IconWebhook size={14} />} onAdd={() => setEditing('new')} query={webhooks} skeletonRows={3} emptyText={t('webhooks.none')}>
        {(items) => (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('webhooks.title')} bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.form.name')}</Table.Th>
                  <Table.Th>{t('webhooks.form.url')}</Table.Th>
                  <Table.Th>{t('webhooks.calledBy')}</Table.Th>
                  <Table.Th>{t('webhooks.state')}</Table.Th>
                  <Table.Th>{t('webhooks.lastDelivery')}</Table.Th>
                  <Table.Th w={380} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{w.name}</Text>
                      {w.description && <Text size="xs" c="dimmed" lineClamp={2}>{w.description}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{w.url}</Text></Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {w.events.map((e) => <Badge key={e} variant="light" color="indigo" tt="none">{t(`webhooks.events.${e.replace('.', '_')}`)}</Badge>)}
                        <Badge variant="light" color="gray" tt="none">{t('webhooks.triggers')}</Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>{w.active ? <Badge color="teal">{t('webhooks.active')}</Badge> : <Badge color="gray">{t('webhooks.inactive')}</Badge>}</Table.Td>
                    <Table.Td>
                      {w.lastDelivery ? (
                        <Stack gap={2}>
                          <DeliveryStatus status={w.lastDelivery.status} />
                          <Text size="xs" c="dimmed"><time dateTime={w.lastDelivery.createdAt} title={format.dateTime(w.lastDelivery.createdAt)}>{format.relative(w.lastDelivery.createdAt)}</time></Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">{t('webhooks.neverDelivered')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RowActions name={w.name} onEdit={() => setEditing(w)} deleteQuestion={t('webhooks.confirmDelete', { name: w.name })} onDelete={() => remove.mutate(w)}>
                        <Button size="compact-xs" variant="default" onClick={() => setLogOf(w)} aria-label={t('webhooks.deliveriesNamed', { name: w.name })}>{t('webhooks.deliveries')}</Button>
                        <Button size="compact-xs" variant="default" onClick={() => test.mutate(w)} loading={test.isPending && test.variables?.id === w.id} aria-label={t('webhooks.testNamed', { name: w.name })}>
                          {t('webhooks.test')}
                        </Button>
                        <ConfirmButton size="compact-xs" variant="default" question={t('webhooks.secret.confirmRotate', { name: w.name })} confirmLabel={t('webhooks.secret.rotate')} onConfirm={() => rotate.mutate(w)} aria-label={t('webhooks.secret.rotateNamed', { name: w.name })}>
                          {t('webhooks.secret.rotate')}
                        </ConfirmButton>
                      </RowActions>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </AdminList>
      <SigningHelp />
      <AllowedHosts />
      {editing && (
        <WebhookDialog
          webhook={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(r) => setShown({ name: r.webhook.name, secret: r.secret, rotated: false })}
        />
      )}
      <Modal opened={!!logOf} onClose={() => setLogOf(null)} title={logOf ? t('webhooks.log.title', { name: logOf.name }) : ''} size="80rem">
        {logOf && <DeliveryLog webhook={logOf} />}
      </Modal>
    </>
  );
}
