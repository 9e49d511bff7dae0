import { useState } from 'react';
import { Fieldset, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { AGENT_STATUSES, ROUTING_CHANNELS, type AgentStatusName, type ChannelCapacityMap } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useUpdateAgentRouting, type AgentRouting } from '../api/routing';
import type { Agent } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

type Channel = (typeof ROUTING_CHANNELS)[number];

/** An agent's routing as an admin sets it: status, capacity per channel (empty: the default) and skills. */
export function AgentRoutingDialog({ agent, routing, onClose }: { agent: Pick<Agent, 'id' | 'name'>; routing: AgentRouting | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const update = useUpdateAgentRouting(agent.id);
  const [status, setStatus] = useState<AgentStatusName>(routing?.status ?? 'offline');
  const [defaultCapacity, setDefault] = useState<number | string>(routing?.defaultCapacity ?? 5);
  const [capacity, setCapacity] = useState<Partial<Record<Channel, number | string>>>(routing?.capacity ?? {});
  const [skills, setSkills] = useState<string[]>(routing?.skills ?? []);
  const form = useFormSubmit({
    fields: ['status', 'capacity', 'defaultCapacity', 'skills'],
    action: async () => {
      const perChannel: ChannelCapacityMap = {};
      for (const ch of ROUTING_CHANNELS) {
        const v = capacity[ch];
        if (v !== undefined && v !== '') perChannel[ch] = Number(v);
      }
      await update.mutateAsync({ status, capacity: perChannel, defaultCapacity: Number(defaultCapacity), skills });
      toast.success(t('common.saved'));
      onClose();
    },
    validate: () => (defaultCapacity === '' ? { defaultCapacity: t('routing.agent.required') } : undefined),
  });
  const load = (ch: Channel) => routing?.load[ch] ?? 0;
  return (
    <Modal opened onClose={onClose} title={t('routing.agent.title', { name: agent.name })} size="lg">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={form.other} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="routing-status-label">{t('routing.agent.status')}</Text>
            <SegmentedControl
              aria-labelledby="routing-status-label"
              data={AGENT_STATUSES.map((s) => ({ value: s, label: t(`routing.status.${s}`) }))}
              value={status}
              onChange={(v) => setStatus(v as AgentStatusName)}
            />
          </Stack>
          <Fieldset legend={t('routing.agent.capacity')}>
            <Text size="xs" c="dimmed" mb="xs">{t('routing.agent.capacityHint')}</Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
              {ROUTING_CHANNELS.map((ch) => (
                <NumberInput
                  key={ch}
                  label={t(`channel.${ch}`)}
                  aria-label={t('routing.agent.capacityFor', { channel: t(`channel.${ch}`) })}
                  description={t('routing.agent.load', { load: load(ch), capacity: capacity[ch] === undefined || capacity[ch] === '' ? defaultCapacity : capacity[ch] })}
                  placeholder={t('routing.agent.useDefault')}
                  min={0}
                  max={1000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={capacity[ch] ?? ''}
                  onChange={(v) => setCapacity((c) => ({ ...c, [ch]: v }))}
                />
              ))}
              <NumberInput
                label={t('routing.agent.defaultCapacity')}
                min={0}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                value={defaultCapacity}
                onChange={setDefault}
                error={form.errors.defaultCapacity}
                required
              />
            </SimpleGrid>
            {form.errors.capacity && <Text size="xs" c="red" role="alert">{form.errors.capacity}</Text>}
          </Fieldset>
          <TagsInput
            label={t('routing.agent.skills')}
            description={t('routing.agent.skillsHint')}
            value={skills}
            onChange={(v) => setSkills([...new Set(v.map((s) => s.trim().toLowerCase()).filter(Boolean))])}
            error={form.errors.skills}
            clearable
          />
          <FormActions submitLabel={t('common.save')} busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
