import { useState } from 'react';
import { Badge, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAgentMap, useTeams } from '../api/directory';
import { macroKeys, useMacros, type Macro } from '../api/macros';
import { AdminList, RowActions } from '../admin/AdminList';
import { useFormat } from '../auth/session';
import { toast } from '../lib/toast';
import { actionsSummary, isCannedReply } from './macro-form';
import { MacroDialog } from './MacroDialog';

type Kind = 'all' | 'canned' | 'actions';

/**
 * The macros of one scope as a table: shared ones on the admin page, the agent's own under
 * Settings → My macros. Filter by name or shortcut, and canned replies (text only) apart.
 */
export function MacroListPage({ scope }: { scope: 'shared' | 'personal' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [kind, setKind] = useState<Kind>('all');
  const macros = useMacros(scope, debounced);
  const teams = useTeams();
  const agents = useAgentMap();
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);
  const names = {
    team: (id: string) => teams.data?.find((x) => x.id === id)?.name ?? t('macros.unknown'),
    agent: (id: string) => agents.get(id)?.name ?? t('macros.unknown'),
  };

  const remove = useMutation({
    mutationFn: (m: Macro) => api(`/api/v1/macros/${m.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: macroKeys.all });
      toast.success(t('macros.deleted'));
    },
    onError: (err) => toast.error(err),
  });

  const shown = { ...macros, data: macros.data?.filter((m) => kind === 'all' || (kind === 'canned') === isCannedReply(m)) } as typeof macros;
  const title = scope === 'shared' ? t('macros.sharedTitle') : t('macros.personalTitle');

  return (
    <>
      <Text size="sm" c="dimmed">{scope === 'shared' ? t('macros.sharedIntro') : t('macros.personalIntro')}</Text>
      <Group gap="sm">
        <TextInput
          leftSection={<IconSearch size={14} />}
          placeholder={t('macros.filter')}
          aria-label={t('macros.filter')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          aria-label={t('macros.kindFilter')}
          data={[
            { value: 'all', label: t('macros.kinds.all') },
            { value: 'canned', label: t('macros.kinds.canned') },
            { value: 'actions', label: t('macros.kinds.actions') },
          ]}
        />
      </Group>
      <AdminList
        title={title}
        addLabel={scope === 'shared' ? t('macros.newShared') : t('macros.newPersonal')}
        onAdd={() => setEditing('new')}
        query={shown}
        skeletonRows={4}
        emptyText={debounced || kind !== 'all' ? t('macros.noMatch') : scope === 'shared' ? t('macros.noneShared') : t('macros.nonePersonal')}
      >
        {(items) => (
          <Table aria-label={title} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('macros.name')}</Table.Th>
                <Table.Th>{t('macros.texts')}</Table.Th>
                <Table.Th>{t('macros.actions')}</Table.Th>
                <Table.Th>{t('macros.used')}</Table.Th>
                <Table.Th>{t('macros.active')}</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => {
                const summary = actionsSummary(m, t, names);
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm" fw={500}>{m.name}</Text>
                        {m.shortcut && <Text size="xs" c="dimmed" ff="monospace">/{m.shortcut}</Text>}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {(['en', 'de'] as const).filter((l) => m.texts[l]).map((l) => (
                          <Badge key={l} variant="light" color="gray" tt="uppercase" title={m.texts[l]}>{l}</Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td><Text size="sm" c={summary ? undefined : 'dimmed'}>{summary || t('macros.cannedReply')}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('macros.usedCount', { count: m.usageCount })}</Text>
                      {m.lastUsedAt && <Text size="xs" c="dimmed">{t('macros.lastUsed', { when: format.relative(m.lastUsedAt) })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={m.active ? 'teal' : 'gray'} tt="none">{m.active ? t('macros.isActive') : t('macros.isInactive')}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <RowActions name={m.name} onEdit={() => setEditing(m)} deleteQuestion={t('macros.confirmDelete', { name: m.name })} onDelete={() => remove.mutate(m)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {editing && <MacroDialog macro={editing === 'new' ? null : editing} scope={scope} onClose={() => setEditing(null)} />}
    </>
  );
}
