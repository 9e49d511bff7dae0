import { useEffect, useState, type KeyboardEvent } from 'react';
import { Badge, Group, Loader, Modal, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { useKbArticles, type KbLocale } from './api';
import { linkFor, linkRefusal, type ArticleLinkChoice, type LinkTarget } from './article-link';
import { STATUS_COLOR } from './ArticleList';

export interface InsertArticleLinkDialogProps {
  opened: boolean;
  onClose(): void;
  /** Public reply or internal note: internal articles may go into notes only. */
  target: LinkTarget;
  /** The ticket's language, preselected. */
  defaultLocale: KbLocale;
  onInsert(link: ArticleLinkChoice): void;
}

/**
 * Finds a published or internal article by its words (typos allowed) and inserts a link to it.
 * Arrow keys move through the results, Enter inserts; internal articles are refused in public
 * replies with the reason shown.
 */
export function InsertArticleLinkDialog({ opened, onClose, target, defaultLocale, onInsert }: InsertArticleLinkDialogProps) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<KbLocale>(defaultLocale);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [cursor, setCursor] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const results = useKbArticles({ q, locale, limit: 10 }, opened && q.length >= 2);
  const items = (results.data?.pages.flatMap((p) => p.data) ?? [])
    .filter((a) => a.status === 'published' || a.status === 'internal')
    .map((a) => linkFor(a, locale, window.location.origin))
    .filter((x): x is ArticleLinkChoice => x !== null);

  useEffect(() => {
    if (opened) {
      setLocale(defaultLocale);
      setSearch('');
      setRefusal(null);
    }
  }, [opened, defaultLocale]);
  useEffect(() => setCursor(0), [q, locale]);

  function choose(item: ArticleLinkChoice) {
    const why = linkRefusal(item.status, target);
    if (why) return setRefusal(t(`kb.link.refused.${why}`));
    onInsert(item);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setCursor((c) => Math.min(c + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor((c) => Math.max(c - 1, 0));
    } else if (e.key === 'Enter' && items[cursor]) {
      e.preventDefault();
      choose(items[cursor]);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('kb.link.title')} size="lg">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('kb.link.search')}
            placeholder={t('kb.searchPlaceholder')}
            leftSection={<IconSearch size={14} />}
            rightSection={results.isFetching ? <Loader size={14} /> : null}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setRefusal(null);
            }}
            onKeyDown={onKeyDown}
            style={{ flex: 1 }}
            data-autofocus
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls="kb-link-results"
            aria-activedescendant={items[cursor] ? `kb-link-${items[cursor].articleId}` : undefined}
          />
          <SegmentedControl
            aria-label={t('kb.link.language')}
            value={locale}
            onChange={(v) => setLocale(v as KbLocale)}
            data={[
              { value: 'de', label: 'DE' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Group>
        {target === 'public' && <Text size="xs" c="dimmed">{t('kb.link.publicHint')}</Text>}
        {refusal && <Text size="sm" c="red" role="alert">{refusal}</Text>}
        {results.error && <ErrorState compact error={results.error} onRetry={() => void results.refetch()} />}
        {q.length < 2 && <Text size="sm" c="dimmed">{t('kb.link.typeToSearch')}</Text>}
        {q.length >= 2 && !results.isFetching && items.length === 0 && !results.error && <Text size="sm" c="dimmed">{t('kb.list.noResults')}</Text>}
        <Stack gap={2} id="kb-link-results" role="listbox" aria-label={t('kb.link.results')}>
          {items.map((item, i) => {
            const why = linkRefusal(item.status, target);
            return (
              <UnstyledButton
                key={item.articleId}
                id={`kb-link-${item.articleId}`}
                role="option"
                aria-selected={i === cursor}
                aria-disabled={why !== null || undefined}
                onMouseEnter={() => setCursor(i)}
                onClick={() => choose(item)}
                p={8}
                style={{ borderRadius: 4, background: i === cursor ? 'var(--mantine-color-blue-light)' : undefined, opacity: why ? 0.6 : 1 }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={500} truncate>{item.title}</Text>
                  <Badge size="xs" variant="light" color={STATUS_COLOR[item.status]}>{t(`kb.status.${item.status}`)}</Badge>
                </Group>
                {why && <Text size="xs" c="dimmed">{t(`kb.link.refused.${why}`)}</Text>}
              </UnstyledButton>
            );
          })}
        </Stack>
      </Stack>
    </Modal>
  );
}
