import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Checkbox, Grid, Group, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KB_STATUSES, type KbCategory, type KbSection, type KbStatus } from '@servus/shared';
import { useSession } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { toast } from '../lib/toast';
import { kbApi, kbKeys, useIsKbEditor, useKbArticles, useKbTree, type KbLocale } from './api';
import { ArticleList } from './ArticleList';
import { CategoryTree, moved } from './CategoryTree';
import { StructureDialog, type StructureTarget } from './StructureDialog';
import { articleTitle } from './RelatedPicker';

/**
 * The knowledge base for agents: categories and sections on the left, the chosen section's
 * articles (or search results) on the right. Editors create, order and delete; everyone reads.
 */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { agent } = useSession();
  const locale: KbLocale = agent.locale === 'en' ? 'en' : 'de';
  const editor = useIsKbEditor();
  const client = useQueryClient();
  const tree = useKbTree();
  const [params, setParams] = useSearchParams();
  const selected = params.get('section');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<KbStatus | null>(null);
  const [outdated, setOutdated] = useState(false);
  const [dialog, setDialog] = useState<StructureTarget | null>(null);

  const categories = tree.data ?? [];
  const sections = categories.flatMap((c) => c.sections);
  const section = sections.find((s) => s.id === selected) ?? null;
  const searching = q.length > 0;
  const filter = searching
    ? { q, status: status ?? undefined, outdated: outdated || undefined, locale, limit: 50 }
    : { sectionId: selected ?? undefined, status: status ?? undefined, outdated: outdated || undefined, sort: 'position' as const, limit: 100 };
  const articles = useKbArticles(filter, searching || !!selected);
  const list = articles.data?.pages.flatMap((p) => p.data) ?? [];
  const orderable = editor && !searching && !status && !outdated && !!selected && !articles.hasNextPage;

  // Open the first section when none is chosen, so the page never starts empty.
  useEffect(() => {
    if (!selected && sections[0]) setParams({ section: sections[0].id }, { replace: true });
  }, [selected, sections, setParams]);

  async function run(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      await client.invalidateQueries({ queryKey: kbKeys.all });
      if (done) toast.success(done);
    } catch (err) {
      toast.error(err);
    }
  }

  const deleteCategory = (c: KbCategory) =>
    window.confirm(t('kb.tree.deleteQuestion', { name: articleTitle(c.names, locale) })) && void run(() => kbApi.deleteCategory(c.id), t('kb.tree.deleted'));
  const deleteSection = (s: KbSection) =>
    window.confirm(t('kb.tree.deleteQuestion', { name: articleTitle(s.names, locale) })) &&
    void run(async () => {
      await kbApi.deleteSection(s.id);
      if (selected === s.id) setParams({}, { replace: true });
    }, t('kb.tree.deleted'));

  return (
    <Stack p="md" gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <IconBook2 size={22} aria-hidden />
          <Title order={2} size="h3">{t('kb.title')}</Title>
        </Group>
        {editor && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'category', item: null })}>
              {t('kb.tree.newCategory')}
            </Button>
            <Button component={Link} to={`/knowledge/articles/new?locale=${locale}${selected ? `&section=${selected}` : ''}`} leftSection={<IconPlus size={14} />} disabled={sections.length === 0}>
              {t('kb.newArticle')}
            </Button>
          </Group>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Paper withBorder p="xs">
            {tree.isPending && <Stack gap={6}>{[0, 1, 2, 3, 4].map((i) => <Skeleton key={i} h={20} />)}</Stack>}
            {tree.error && <ErrorState compact error={tree.error} onRetry={() => void tree.refetch()} />}
            {tree.data && categories.length === 0 && (
              <EmptyState
                title={t('kb.tree.empty')}
                hint={editor ? t('kb.tree.emptyEditor') : t('kb.tree.emptyReader')}
                action={editor ? <Button size="xs" onClick={() => setDialog({ kind: 'category', item: null })}>{t('kb.tree.newCategory')}</Button> : undefined}
              />
            )}
            <CategoryTree
              categories={categories}
              selected={searching ? null : selected}
              onSelect={(id) => {
                setSearch('');
                setParams({ section: id });
              }}
              locale={locale}
              editor={editor}
              onEditCategory={(c) => setDialog({ kind: 'category', item: c })}
              onEditSection={(s) => setDialog({ kind: 'section', item: s, categoryId: s.categoryId })}
              onAddSection={(categoryId) => setDialog({ kind: 'section', item: null, categoryId })}
              onDeleteCategory={deleteCategory}
              onDeleteSection={deleteSection}
              onMoveCategory={(id, by) => void run(() => kbApi.orderCategories(moved(categories, id, by)))}
              onMoveSection={(categoryId, id, by) => void run(() => kbApi.orderSections(categoryId, moved(categories.find((c) => c.id === categoryId)!.sections, id, by)))}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Paper withBorder p="md">
            <Group gap="sm" mb="md" align="flex-end">
              <TextInput
                leftSection={<IconSearch size={14} />}
                placeholder={t('kb.searchPlaceholder')}
                aria-label={t('kb.search')}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Select
                aria-label={t('kb.list.status')}
                placeholder={t('kb.list.anyStatus')}
                data={(editor ? KB_STATUSES : (['published', 'internal'] as const)).map((s) => ({ value: s, label: t(`kb.status.${s}`) }))}
                value={status}
                onChange={(v) => setStatus(v as KbStatus | null)}
                clearable
                w={170}
              />
              <Checkbox label={t('kb.list.outdatedOnly')} checked={outdated} onChange={(e) => setOutdated(e.currentTarget.checked)} mb={8} />
            </Group>
            <Text size="sm" c="dimmed" mb="xs">
              {searching ? t('kb.list.searchResults', { q }) : section ? articleTitle(section.names, locale) : ''}
            </Text>
            <ArticleList
              articles={list}
              loading={articles.isPending && (searching || !!selected)}
              error={articles.error}
              onRetry={() => void articles.refetch()}
              locale={locale}
              orderable={orderable}
              onMove={(id, by) => selected && void run(() => kbApi.orderArticles(selected, moved(list, id, by)))}
              hasMore={!!articles.hasNextPage}
              loadingMore={articles.isFetchingNextPage}
              onMore={() => void articles.fetchNextPage()}
              empty={
                searching
                  ? { title: t('kb.list.noResults'), hint: t('kb.list.noResultsHint') }
                  : {
                      title: t('kb.list.empty'),
                      hint: editor ? t('kb.list.emptyEditor') : undefined,
                      action: editor && selected ? <Button size="xs" component={Link} to={`/knowledge/articles/new?locale=${locale}&section=${selected}`}>{t('kb.newArticle')}</Button> : undefined,
                    }
              }
            />
          </Paper>
        </Grid.Col>
      </Grid>
      <StructureDialog target={dialog} categories={categories} locale={locale} onClose={() => setDialog(null)} />
    </Stack>
  );
}
