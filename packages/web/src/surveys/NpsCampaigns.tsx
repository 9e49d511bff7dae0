import { useState } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NpsCampaign, NpsSendResult } from '@servus/shared';
import { api } from '../api/client';
import { surveyKeys, useSurveyCampaigns } from '../api/surveys';
import { useFormat } from '../auth/session';
import { ConfirmButton } from '../components/ConfirmButton';
import { toast } from '../lib/toast';
import { AdminList, RowActions } from '../admin/AdminList';
import { CampaignDialog } from './CampaignDialog';

/** NPS campaigns: who they reach, how often they run, what they sent and got back; send now, edit, delete. */
export function NpsCampaigns() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const campaigns = useSurveyCampaigns();
  const [editing, setEditing] = useState<NpsCampaign | null | 'new'>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: surveyKeys.campaigns });

  const send = useMutation({
    mutationFn: (c: NpsCampaign) => api<NpsSendResult>(`/api/v1/survey-campaigns/${c.id}/send`, { method: 'POST' }),
    onSuccess: (r) => {
      refresh();
      toast.success(t('surveys.campaigns.sent', { ...r }));
    },
    onError: (err) => toast.error(err),
  });
  const remove = useMutation({
    mutationFn: (c: NpsCampaign) => api(`/api/v1/survey-campaigns/${c.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      refresh();
      toast.success(t('surveys.campaigns.deleted'));
    },
    onError: (err) => toast.error(err),
  });

  const segment = (c: NpsCampaign) =>
    [
      c.segment.organizationIds.length ? t('surveys.campaigns.segmentOrgs', { count: c.segment.organizationIds.length }) : null,
      c.segment.tags.length ? t('surveys.campaigns.segmentTags', { tags: c.segment.tags.join(', ') }) : null,
      c.segment.activeWithinDays ? t('surveys.campaigns.segmentActive', { days: c.segment.activeWithinDays }) : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('surveys.campaigns.everyone');

  return (
    <>
      <AdminList title={t('surveys.campaigns.title')} addLabel={t('surveys.campaigns.new')} onAdd={() => setEditing('new')} query={campaigns} skeletonRows={2} emptyText={t('surveys.campaigns.none')}>
        {(items) => (
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('surveys.campaigns.title')} bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.campaigns.name')}</Table.Th>
                  <Table.Th>{t('surveys.campaigns.segment')}</Table.Th>
                  <Table.Th>{t('surveys.campaigns.schedule')}</Table.Th>
                  <Table.Th>{t('surveys.campaigns.results')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{c.name}</Text>
                      {!c.active && <Badge color="gray" variant="light" size="sm">{t('surveys.campaigns.off')}</Badge>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{segment(c)}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.everyDays ? t('surveys.campaigns.every', { days: c.everyDays }) : t('surveys.campaigns.manual')}</Text>
                      <Text size="xs" c="dimmed">{c.lastRunAt ? t('surveys.campaigns.lastRun', { when: format.dateTime(c.lastRunAt) }) : t('surveys.campaigns.neverRun')}</Text>
                      {c.nextRunAt && c.active && <Text size="xs" c="dimmed">{t('surveys.campaigns.nextRun', { when: format.dateTime(c.nextRunAt) })}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{t('surveys.campaigns.counts', { sent: c.sent, responses: c.responses })}</Text></Table.Td>
                    <Table.Td>
                      <RowActions name={c.name} onEdit={() => setEditing(c)} deleteQuestion={t('surveys.campaigns.deleteQuestion', { name: c.name })} onDelete={() => remove.mutate(c)}>
                        <ConfirmButton size="compact-xs" variant="default" question={t('surveys.campaigns.sendQuestion', { name: c.name })} confirmLabel={t('surveys.campaigns.sendNow')} onConfirm={() => send.mutate(c)} aria-label={t('surveys.campaigns.sendNamed', { name: c.name })}>
                          {t('surveys.campaigns.sendNow')}
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
      {editing && <CampaignDialog campaign={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
