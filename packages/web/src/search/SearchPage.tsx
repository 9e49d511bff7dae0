import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, ScrollArea, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearch, type SearchType } from '../api/search';
import { useFormat } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { StatusBadge } from '../tickets/StatusBadge';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';

const TYPES: SearchType[] = ['tickets', 'contacts', 'organizations'];

function Results({ type, q }: { type: SearchType; q: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const result = useSearch(type, q, 50);
  if (!q.trim()) return <EmptyState title={t('search.typeToSearch')} icon={<IconSearch size={28} color="var(--mantine-color-gray-5)" />} />;
  if (result.isPending) return <ListSkeleton rows={6} />;
  if (result.error) return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  const rows = result.data ?? [];
  if (rows.length === 0) return <EmptyState title={t('search.noResults')} hint={t('search.noResultsHint')} />;
  return (
    <Table highlightOnHover aria-label={t(`search.${type}`)}>
      <Table.Tbody>
        {rows.map((r) => {
          if (type === 'tickets') {
            const tk = r as import('../api/types').TicketHit;
            return (
              <Table.Tr key={tk.id}>
                <Table.Td w={70} c="dimmed">#{tk.number}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/tickets/${tk.id}`} size="sm">{tk.subject}</Anchor></Table.Td>
                <Table.Td w={120}><StatusBadge status={tk.status} /></Table.Td>
                <Table.Td w={120} c="dimmed">{format.relative(tk.updatedAt)}</Table.Td>
              </Table.Tr>
            );
          }
          const e = r as { id: string; name: string; email?: string | null };
          const to = type === 'contacts' ? `/customers/${e.id}` : `/organizations/${e.id}`;
          return (
            <Table.Tr key={e.id}>
              <Table.Td><Anchor component={Link} to={to} size="sm">{e.name || e.email}</Anchor></Table.Td>
              <Table.Td c="dimmed">{e.email ?? ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Full search over tickets, contacts and organizations; results update while typing. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(value, 250);
  const type = (TYPES as string[]).includes(params.get('type') ?? '') ? (params.get('type') as SearchType) : 'tickets';

  useEffect(() => setValue(params.get('q') ?? ''), [params]);
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams((p) => { const n = new URLSearchParams(p); if (q) n.set('q', q); else n.delete('q'); return n; }, { replace: true });
  }, [q, params, setParams]);
  useEffect(() => {
    document.title = `${t('search.title')} · Servus`;
  }, [t]);

  return (
    <>
      <ListHeader title={t('search.title')} />
      <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
        <TextInput
          m="md"
          mb="xs"
          size="sm"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={14} />}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autoFocus
          maw={640}
        />
        <Tabs value={type} onChange={(v) => setParams((p) => { const n = new URLSearchParams(p); n.set('type', v ?? 'tickets'); return n; })} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <Tabs.List px="md">
            {TYPES.map((ty) => (
              <Tabs.Tab key={ty} value={ty}>
                {t(`search.${ty}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TYPES.map((ty) => (
            <Tabs.Panel key={ty} value={ty} style={{ flex: 1, minHeight: 0 }}>
              <ScrollArea h="100%" px="md">
                <Results type={ty} q={q} />
              </ScrollArea>
            </Tabs.Panel>
          ))}
        </Tabs>
        <Text size="xs" c="dimmed" px="md" py={4}>{t('search.syntaxHint')}</Text>
      </Stack>
    </>
  );
}
