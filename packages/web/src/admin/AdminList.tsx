import type { ReactNode } from 'react';
import { Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';

interface Props<T> {
  title: string;
  /** The button beside the title that starts adding an item. */
  addLabel: string;
  addIcon?: ReactNode;
  onAdd(): void;
  query: UseQueryResult<T[]>;
  /** How many placeholder rows to show while the list loads. */
  skeletonRows: number;
  /** Said instead of the table when there are no items; without it the table shows even then. */
  emptyText?: string;
  /** The table of the loaded items. */
  children(items: T[]): ReactNode;
}

/** An admin page's list: the title with an add button, then loading, the error, the empty note or the table. */
export function AdminList<T>({ title, addLabel, addIcon = <IconPlus size={14} />, onAdd, query, skeletonRows, emptyText, children }: Props<T>) {
  const items = query.data;
  return (
    <>
      <Group justify="space-between">
        <Title order={3} size="h4">{title}</Title>
        <Button leftSection={addIcon} onClick={onAdd}>{addLabel}</Button>
      </Group>
      {query.isPending && <ListSkeleton rows={skeletonRows} />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {items && items.length === 0 && emptyText && <Text size="sm" c="dimmed">{emptyText}</Text>}
      {items && (items.length > 0 || !emptyText) && children(items)}
    </>
  );
}

/** The end of an admin table row: Edit, any extra buttons, and Delete after a confirmation. */
export function RowActions({ name, onEdit, deleteQuestion, onDelete, children }: { name: string; onEdit(): void; deleteQuestion: string; onDelete(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {children}
      <Button size="compact-xs" variant="default" onClick={onEdit} aria-label={t('admin.editNamed', { name })}>{t('common.edit')}</Button>
      <ConfirmButton size="compact-xs" variant="subtle" color="red" question={deleteQuestion} confirmLabel={t('common.delete')} onConfirm={onDelete} aria-label={t('admin.deleteNamed', { name })}>
        {t('common.delete')}
      </ConfirmButton>
    </Group>
  );
}
