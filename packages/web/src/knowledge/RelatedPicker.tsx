import { useMemo, useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { KbArticleSummary, KbLocalizedText } from '@servus/shared';
import { useKbArticles, type KbLocale } from './api';

export function articleTitle(titles: KbLocalizedText, locale: KbLocale): string {
  return titles[locale] || titles[locale === 'de' ? 'en' : 'de'] || '—';
}

function summaryTitles(a: KbArticleSummary): KbLocalizedText {
  return Object.fromEntries(a.translations.map((t) => [t.locale, t.title]));
}

export interface RelatedPickerProps {
  articleId: string | null;
  value: string[];
  onChange(ids: string[]): void;
  /** Titles of the articles already related, as the article was loaded. */
  known: Record<string, KbLocalizedText>;
  locale: KbLocale;
  disabled?: boolean;
}

/** Picks related articles by searching titles; the article itself is never offered. */
export function RelatedPicker({ articleId, value, onChange, known, locale, disabled }: RelatedPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useKbArticles({ q, locale, limit: 15 }, q.length >= 2);
  const [seen, setSeen] = useState<Record<string, KbLocalizedText>>({});

  const data = useMemo(() => {
    const titles: Record<string, KbLocalizedText> = { ...known, ...seen };
    for (const a of found.data?.pages.flatMap((p) => p.data) ?? []) titles[a.id] = summaryTitles(a);
    const results = (found.data?.pages.flatMap((p) => p.data) ?? []).map((a) => a.id);
    const ids = [...new Set([...value, ...results])].filter((id) => id !== articleId);
    return ids.map((id) => ({ value: id, label: articleTitle(titles[id] ?? {}, locale) }));
  }, [found.data, known, seen, value, articleId, locale]);

  return (
    <MultiSelect
      label={t('kb.editor.related')}
      placeholder={value.length ? undefined : t('kb.editor.relatedPlaceholder')}
      data={data}
      value={value}
      onChange={(ids) => {
        const titles: Record<string, KbLocalizedText> = {};
        for (const d of data) if (ids.includes(d.value)) titles[d.value] = { [locale]: d.label };
        setSeen((prev) => ({ ...prev, ...titles }));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the words (with stemming and typos); show what it found.
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('kb.editor.relatedNone') : undefined}
      maxValues={20}
      disabled={disabled}
      clearable
    />
  );
}
