import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMergeTickets } from '../api/ticket-mutations';
import type { Ticket } from '../api/types';
import { toast } from '../lib/toast';

/** Merging selected tickets: the agent picks the one the others are merged into. */
export function MergeDialog({ tickets, onClose, onMerged }: { tickets: Ticket[]; onClose(): void; onMerged(): void }) {
  const { t } = useTranslation();
  const oldest = [...tickets].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const [targetId, setTargetId] = useState(oldest?.id ?? '');
  const merge = useMergeTickets();
  const sources = tickets.filter((tk) => tk.id !== targetId);

  function submit() {
    merge.mutate(
      { targetId, sourceIds: sources.map((s) => s.id) },
      {
        onSuccess: (target) => {
          toast.success(t('merge.done', { count: sources.length, number: target.number }));
          onMerged();
          onClose();
        },
        onError: (err) => toast.error(err),
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('merge.title', { count: tickets.length })} size="lg">
      <Stack gap="sm">
        <Radio.Group label={t('merge.chooseTarget')} value={targetId} onChange={setTargetId}>
          <Stack gap={6} mt={6}>
            {tickets.map((tk) => (
              <Radio key={tk.id} value={tk.id} label={`#${tk.number} ${tk.subject}`} size="xs" />
            ))}
          </Stack>
        </Radio.Group>
        <Alert color="orange" variant="light">
          <Text size="sm">{t('merge.warning', { count: sources.length })}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="orange" onClick={submit} loading={merge.isPending} disabled={!targetId || sources.length === 0}>
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
