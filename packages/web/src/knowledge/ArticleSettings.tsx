import { Select, Stack, TagsInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KB_STATUSES, type KbCategory, type KbLocalizedText, type KbStatus } from '@servus/shared';
import type { KbLocale } from './api';
import type { SharedDraft } from './editor-state';
import { RelatedPicker, articleTitle } from './RelatedPicker';

export interface ArticleSettingsProps {
  articleId: string | null;
  shared: SharedDraft;
  onChange(next: SharedDraft): void;
  tree: KbCategory[];
  relatedTitles: Record<string, KbLocalizedText>;
  locale: KbLocale;
  disabled?: boolean;
}

/** What the languages of an article share: status, section, tags and related articles. */
export function ArticleSettings({ articleId, shared, onChange, tree, relatedTitles, locale, disabled }: ArticleSettingsProps) {
  const { t, i18n } = useTranslation();
  // Sections are named in the app's language; related articles are searched in the language being edited.
  const ui: KbLocale = i18n.language === 'en' ? 'en' : 'de';
  const sections = tree.map((c) => ({
    group: articleTitle(c.names, ui),
    items: c.sections.map((s) => ({ value: s.id, label: articleTitle(s.names, ui) })),
  }));
  return (
    <Stack gap="sm">
      <Select
        label={t('kb.editor.status')}
        data={KB_STATUSES.map((s) => ({ value: s, label: t(`kb.status.${s}`) }))}
        value={shared.status}
        onChange={(v) => v && onChange({ ...shared, status: v as KbStatus })}
        allowDeselect={false}
        disabled={disabled}
      />
      <Text size="xs" c="dimmed" mt={-6}>{t(`kb.statusHint.${shared.status}`)}</Text>
      <Select label={t('kb.editor.section')} data={sections} value={shared.sectionId} onChange={(v) => v && onChange({ ...shared, sectionId: v })} searchable allowDeselect={false} disabled={disabled} />
      <TagsInput
        label={t('kb.editor.tags')}
        value={shared.tags}
        onChange={(tags) => onChange({ ...shared, tags: [...new Set(tags.map((x) => x.trim().toLowerCase().replace(/[\s,]+/g, '-')).filter(Boolean))] })}
        maxTags={30}
        clearable
        disabled={disabled}
      />
      <RelatedPicker articleId={articleId} value={shared.related} onChange={(related) => onChange({ ...shared, related })} known={relatedTitles} locale={locale} disabled={disabled} />
    </Stack>
  );
}
