import { useState } from 'react';
import { Button, Group, Menu, Paper, Popover, Stack, TagsInput, Text } from '@mantine/core';
import { IconArrowMerge, IconCircleCheck, IconTag, IconUserCheck, IconX } from '@tabler/icons-react';
import { TICKET_STATUSES } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAgents, useTags } from '../api/directory';
import { useBulkUpdate, type Changes } from '../api/ticket-mutations';
import type { BulkResult, Ticket } from '../api/types';
import { useSession } from '../auth/session';
import { toast } from '../lib/toast';
import { MergeDialog } from './MergeDialog';

/** Summarises per-ticket bulk results as one toast. */
function report(results: BulkResult[], t: TFunction) {
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) toast.success(t('bulk.done', { count: results.length }));
  else toast.error(new Error(t('bulk.partial', { ok: results.length - failed.length, failed: failed.length })));
}

/** Actions on the selected tickets: assign, set status, add tags, merge. */
export function BulkBar({ selected, onClear }: { selected: Ticket[]; onClear(): void }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const agents = useAgents();
  const bulk = useBulkUpdate();
  const [tags, setTags] = useState<string[]>([]);
  const [tagSearch, setTagSearch] = useState('');
  const [tagsOpen, setTagsOpen] = useState(false);
  const [mergeOpen, setMergeOpen] = useState(false);
  const suggestions = useTags(tagSearch);
  const ids = selected.map((s) => s.id);

  function apply(changes: Omit<Changes, 'subject' | 'requesterId' | 'custom' | 'tags'>) {
    bulk.mutate(
      { ids, changes },
      {
        onSuccess: (results) => {
          report(results, t);
          if (results.every((r) => r.ok)) onClear();
        },
        onError: (err) => toast.error(err),
      },
    );
  }

  return (
    <Paper withBorder={false} px="sm" py={6} bg="indigo.0" role="region" aria-label={t('bulk.region')}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} mr="xs" aria-live="polite">{t('bulk.selected', { count: selected.length })}</Text>
        <Menu>
          <Menu.Target>
            <Button variant="default" leftSection={<IconUserCheck size={14} />} loading={bulk.isPending}>{t('bulk.assign')}</Button>
          </Menu.Target>
          <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
            <Menu.Item onClick={() => apply({ assigneeId: agent.id })}>{t('bulk.assignToMe')}</Menu.Item>
            <Menu.Item onClick={() => apply({ assigneeId: null })}>{t('list.unassigned')}</Menu.Item>
            <Menu.Divider />
            {(agents.data ?? []).filter((a) => a.active && a.id !== agent.id).map((a) => (
              <Menu.Item key={a.id} onClick={() => apply({ assigneeId: a.id })}>{a.name}</Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Menu>
          <Menu.Target>
            <Button variant="default" leftSection={<IconCircleCheck size={14} />}>{t('bulk.setStatus')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {TICKET_STATUSES.filter((s) => s !== 'new' && s !== 'closed').map((s) => (
              <Menu.Item key={s} onClick={() => apply({ status: s })}>{t(`status.${s}`)}</Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Popover opened={tagsOpen} onChange={setTagsOpen} trapFocus position="bottom-start" width={280}>
          <Popover.Target>
            <Button variant="default" leftSection={<IconTag size={14} />} onClick={() => setTagsOpen((o) => !o)}>{t('bulk.addTags')}</Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <TagsInput
                label={t('bulk.tagsToAdd')}
                value={tags}
                onChange={setTags}
                searchValue={tagSearch}
                onSearchChange={setTagSearch}
                data={suggestions.data ?? []}
                splitChars={[',', ' ']}
                data-autofocus
              />
              <Button
                disabled={tags.length === 0}
                onClick={() => {
                  apply({ addTags: tags });
                  setTags([]);
                  setTagsOpen(false);
                }}
              >
                {t('bulk.apply')}
              </Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
        <Button variant="default" leftSection={<IconArrowMerge size={14} />} disabled={selected.length < 2} onClick={() => setMergeOpen(true)}>
          {t('bulk.merge')}
        </Button>
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear}>{t('bulk.clear')}</Button>
      </Group>
      {mergeOpen && <MergeDialog tickets={selected} onClose={() => setMergeOpen(false)} onMerged={onClear} />}
    </Paper>
  );
}
