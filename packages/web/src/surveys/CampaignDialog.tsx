import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, NumberInput, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NpsCampaign, NpsSegment, NpsSegmentPreview } from '@servus/shared';
import { api } from '../api/client';
import { surveyKeys } from '../api/surveys';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

const FIELDS = ['name', 'active', 'segment', 'everyDays', 'productName', 'expiryDays'] as const;

interface State {
  name: string;
  productName: string;
  active: boolean;
  organizationIds: string[];
  tags: string[];
  activeWithinDays: number | '';
  everyDays: number | '';
  expiryDays: number;
}

function initial(c: NpsCampaign | null): State {
  return {
    name: c?.name ?? '',
    productName: c?.productName ?? '',
    active: c?.active ?? true,
    organizationIds: c?.segment.organizationIds ?? [],
    tags: c?.segment.tags ?? [],
    activeWithinDays: c?.segment.activeWithinDays ?? '',
    everyDays: c?.everyDays ?? '',
    expiryDays: c?.expiryDays ?? 28,
  };
}

const segmentOf = (s: State): NpsSegment => ({ organizationIds: s.organizationIds, tags: s.tags, activeWithinDays: s.activeWithinDays === '' ? null : s.activeWithinDays });

/**
 * Create or edit an NPS campaign: who gets it (organizations, ticket tags, recent activity),
 * how often, the product named in the question, and a preview of how many contacts it reaches.
 */
export function CampaignDialog({ campaign, onClose }: { campaign: NpsCampaign | null; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [s, setS] = useState<State>(() => initial(campaign));
  const [preview, setPreview] = useState<NpsSegmentPreview | null>(null);
  const patch = (p: Partial<State>) => {
    setS((prev) => ({ ...prev, ...p }));
    setPreview(null);
  };
  const orgs = useQuery({ queryKey: ['surveys', 'organizations'], queryFn: () => api<{ data: { id: string; name: string }[] }>('/api/v1/organizations', { query: { limit: 100 } }).then((r) => r.data) });

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    validate: () => (s.name.trim() ? undefined : { name: t('surveys.campaigns.nameRequired') }),
    action: async () => {
      const body = { name: s.name, productName: s.productName, active: s.active, segment: segmentOf(s), everyDays: s.everyDays === '' ? null : s.everyDays, expiryDays: s.expiryDays };
      if (campaign) await api(`/api/v1/survey-campaigns/${campaign.id}`, { method: 'PATCH', body });
      else await api('/api/v1/survey-campaigns', { body });
      toast.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: surveyKeys.campaigns });
      onClose();
    },
  });

  async function count() {
    try {
      setPreview(await api<NpsSegmentPreview>('/api/v1/survey-campaigns/preview', { body: { segment: segmentOf(s) } }));
    } catch (err) {
      toast.error(err);
    }
  }

  const title = campaign ? t('surveys.campaigns.editTitle', { name: campaign.name }) : t('surveys.campaigns.new');
  const int = (v: string | number): number | '' => (v === '' ? '' : Number(v));
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          <TextInput label={t('surveys.campaigns.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <TextInput label={t('surveys.campaigns.product')} description={t('surveys.campaigns.productHint')} value={s.productName} onChange={(e) => patch({ productName: e.currentTarget.value })} error={errors.productName} />
          <Text size="sm" fw={500}>{t('surveys.campaigns.segment')}</Text>
          <MultiSelect
            label={t('surveys.campaigns.organizations')}
            description={t('surveys.campaigns.organizationsHint')}
            data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={s.organizationIds}
            onChange={(v) => patch({ organizationIds: v })}
            searchable
          />
          <TagsInput label={t('surveys.campaigns.tags')} description={t('surveys.campaigns.tagsHint')} value={s.tags} onChange={(v) => patch({ tags: v })} />
          <Group grow align="flex-start">
            <NumberInput label={t('surveys.campaigns.activeWithin')} description={t('surveys.campaigns.activeWithinHint')} min={1} max={3650} value={s.activeWithinDays} onChange={(v) => patch({ activeWithinDays: int(v) })} />
            <NumberInput label={t('surveys.campaigns.everyDays')} description={t('surveys.campaigns.everyDaysHint')} min={1} max={3650} value={s.everyDays} onChange={(v) => patch({ everyDays: int(v) })} error={errors.everyDays} />
            <NumberInput label={t('surveys.campaigns.expiryDays')} min={1} max={90} value={s.expiryDays} onChange={(v) => patch({ expiryDays: Number(v) || 28 })} error={errors.expiryDays} />
          </Group>
          {errors.segment && <Text size="xs" c="red">{errors.segment}</Text>}
          <Group gap="sm">
            <Button variant="default" size="compact-sm" onClick={() => void count()}>{t('surveys.campaigns.preview')}</Button>
            {preview && (
              <Text size="sm" role="status">
                {t('surveys.campaigns.previewResult', { ...preview })}
              </Text>
            )}
          </Group>
          <Switch label={t('surveys.campaigns.active')} checked={s.active} onChange={(e) => patch({ active: e.currentTarget.checked })} />
          <FormActions submitLabel={campaign ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
