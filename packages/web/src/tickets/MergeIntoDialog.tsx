import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearch } from '../api/search';
import { useMergeTickets } from '../api/ticket-mutations';
import type { Ticket } from '../api/types';
import { toast } from '../lib/toast';
import { StatusBadge } from './StatusBadge';

/** Merging this ticket into another one, found by number or text. */
export function MergeIntoDialog({ ticket, onClose, onMerged }: { ticket: Ticket; onClose(): void; onMerged(targetId: string): void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const results = useSearch('tickets', debounced, 10);
  const [targetId, setTargetId] = useState<string | null>(null);
  const merge = useMergeTickets();
  const candidates = (results.data ?? []).filter((h) => h.id !== ticket.id && !h.mergedIntoId);
  const target = candidates.find((c) => c.id === targetId);

  function submit() {
    if (!targetId) return;
    merge.mutate(
      { targetId, sourceIds: [ticket.id] },
      {
        onSuccess: (tk) => {
          toast.success(t('merge.doneInto', { number: tk.number }));
          onMerged(targetId);
        },
        onError: (err) => toast.error(err),
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('merge.intoTitle', { number: ticket.number })} size="lg">
      <Stack gap="sm">
        <TextInput label={t('merge.findTarget')} placeholder={t('merge.findPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-autofocus />
        {debounced && !results.isFetching && candidates.length === 0 && <Text size="sm" c="dimmed">{t('search.noResults')}</Text>}
        <Radio.Group value={targetId} onChange={setTargetId} label={candidates.length ? t('merge.chooseTarget') : undefined}>
          <Stack gap={6} mt={4}>
            {candidates.map((c) => (
              <Group key={c.id} gap={6} wrap="nowrap">
                <Radio value={c.id} label={`#${c.number} ${c.subject}`} size="xs" style={{ flex: 1 }} />
                <StatusBadge status={c.status} />
              </Group>
            ))}
          </Stack>
        </Radio.Group>
        {target && (
          <Alert color="orange" variant="light">
            <Text size="sm">{t('merge.intoWarning', { source: ticket.number, target: target.number })}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="orange" disabled={!targetId} loading={merge.isPending} onClick={submit}>{t('merge.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
