import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KbArticleSummary, KbStatus } from '@servus/shared';
import { useFormat } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import type { KbLocale } from './api';

export const STATUS_COLOR: Record<KbStatus, string> = { draft: 'gray', published: 'teal', internal: 'violet', archived: 'dark' };

export function summaryTitle(a: KbArticleSummary, locale: KbLocale): string {
  return (a.translations.find((t) => t.locale === locale) ?? a.translations[0])?.title ?? '—';
}

export interface ArticleListProps {
  articles: KbArticleSummary[];
  loading: boolean;
  error: unknown;
  onRetry(): void;
  locale: KbLocale;
  /** Up/down buttons (editors, in a section's own order). */
  orderable: boolean;
  onMove(id: string, by: -1 | 1): void;
  hasMore: boolean;
  loadingMore: boolean;
  onMore(): void;
  empty: { title: string; hint?: string; action?: React.ReactNode };
}

/** Articles as a table: title in the agent's language, status, languages with an "outdated" mark, last change. */
export function ArticleList(p: ArticleListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (p.error) return <ErrorState error={p.error} onRetry={p.onRetry} />;
  if (p.loading) return <Stack gap={6}>{[0, 1, 2, 3].map((i) => <Skeleton key={i} h={28} />)}</Stack>;
  if (p.articles.length === 0) return <EmptyState icon={<IconFileText size={28} aria-hidden />} {...p.empty} />;
  return (
    <>
      <Table highlightOnHover verticalSpacing={6} aria-label={t('kb.list.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kb.list.title')}</Table.Th>
            <Table.Th>{t('kb.list.status')}</Table.Th>
            <Table.Th>{t('kb.list.languages')}</Table.Th>
            <Table.Th>{t('kb.list.updated')}</Table.Th>
            {p.orderable && <Table.Th w={70}><VisuallyHidden>{t('kb.list.order')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.articles.map((a, i) => {
            const title = summaryTitle(a, p.locale);
            return (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/knowledge/articles/${a.id}`} size="sm" fw={500}>{title}</Anchor>
                  {a.tags.length > 0 && <Text size="xs" c="dimmed">{a.tags.join(', ')}</Text>}
                </Table.Td>
                <Table.Td><Badge size="sm" variant="light" color={STATUS_COLOR[a.status]}>{t(`kb.status.${a.status}`)}</Badge></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.translations.map((tr) => (
                      <Badge key={tr.locale} size="sm" variant={tr.outdated ? 'light' : 'outline'} color={tr.outdated ? 'orange' : 'gray'} title={tr.outdated ? t('kb.editor.outdated') : undefined}>
                        {tr.locale.toUpperCase()}{tr.outdated ? ' !' : ''}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{format.dateTime(a.updatedAt)}</Text></Table.Td>
                {p.orderable && (
                  <Table.Td>
                    <Group gap={0} wrap="nowrap">
                      <ActionIcon size="sm" variant="subtle" color="gray" disabled={i === 0} onClick={() => p.onMove(a.id, -1)} aria-label={t('kb.tree.moveUp', { name: title })}><IconArrowUp size={14} /></ActionIcon>
                      <ActionIcon size="sm" variant="subtle" color="gray" disabled={i === p.articles.length - 1} onClick={() => p.onMove(a.id, 1)} aria-label={t('kb.tree.moveDown', { name: title })}><IconArrowDown size={14} /></ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {p.hasMore && (
        <Group justify="center" mt="sm">
          <Button variant="subtle" loading={p.loadingMore} onClick={p.onMore}>{t('kb.list.more')}</Button>
        </Group>
      )}
    </>
  );
}
