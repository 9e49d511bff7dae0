import { useEffect, useState, type ReactNode } from 'react';
import { Button, Center, Modal, ScrollArea, Table, TextInput, type MantineSize } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTicketPages } from '../api/tickets';
import { useSession } from '../auth/session';
import { ListHeader } from '../views/ListHeader';
import { ListSkeleton } from '../views/ListSkeleton';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';

interface Props<T> {
  /** The page heading, the document title and the table's accessible name. */
  title: string;
  /** Label and placeholder of the filter box. */
  filterLabel: string;
  /** The query key of the list for a filter text (`''` for all). */
  queryKey(q: string): readonly unknown[];
  /** The API list endpoint; it takes the filter as `q` and pages by cursor. */
  path: string;
  emptyIcon: ReactNode;
  emptyTitle: string;
  /** The header cells of the table. */
  head: ReactNode;
  /** The cells of one item's row. */
  row(item: T): ReactNode;
  /** The button that opens the create dialog, shown to agents who may write. */
  newLabel: string;
  /** The create form inside the dialog; `close` shuts the dialog. */
  createForm(close: () => void): ReactNode;
  createSize?: MantineSize;
}

/**
 * A directory of people or companies: a filter box that searches as you type, the loading,
 * error and empty states, a table that loads more on demand, and a dialog to create an entry.
 */
export function DirectoryListPage<T extends { id: string }>({ title, filterLabel, queryKey, path, emptyIcon, emptyTitle, head, row, newLabel, createForm, createSize }: Props<T>) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value.trim(), 250);
  const [creating, setCreating] = useState(false);
  const list = useTicketPages<T>(queryKey(q), path, { q: q || undefined }, 50);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  useEffect(() => {
    document.title = `${title} · Servus`;
  }, [title]);

  return (
    <>
      <ListHeader title={title}>
        <TextInput aria-label={filterLabel} placeholder={filterLabel} leftSection={<IconSearch size={14} />} value={value} onChange={(e) => setValue(e.currentTarget.value)} w={240} />
        {canWrite && <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>{newLabel}</Button>}
      </ListHeader>
      <ScrollArea style={{ flex: 1 }} bg="white">
        {list.isPending && <ListSkeleton />}
        {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && rows.length === 0 && <EmptyState icon={emptyIcon} title={emptyTitle} />}
        {rows.length > 0 && (
          <Table highlightOnHover stickyHeader aria-label={title}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.id}>{row(item)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.hasNextPage && (
          <Center p="sm"><Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button></Center>
        )}
      </ScrollArea>
      <Modal opened={creating} onClose={() => setCreating(false)} title={newLabel} size={createSize}>
        {createForm(() => setCreating(false))}
      </Modal>
    </>
  );
}
