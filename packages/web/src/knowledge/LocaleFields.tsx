import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { articleUrl } from '@servus/shared';
import { ArticleBodyEditor } from './ArticleBodyEditor';
import { withSlug, withTitle, type LocaleDraft } from './editor-state';
import type { KbLocale } from './api';

export interface LocaleFieldsProps {
  locale: KbLocale;
  draft: LocaleDraft;
  onChange(next: LocaleDraft): void;
  /** Changes when a different saved text is loaded (another article, a restore). */
  docKey: string;
  errors: Record<string, string>;
  onSave(): void;
  disabled?: boolean;
}

/** Title, slug, summary, body and search keywords of one language. */
export function LocaleFields({ locale, draft, onChange, docKey, errors, onSave, disabled }: LocaleFieldsProps) {
  const { t } = useTranslation();
  const lang = t(`kb.locale.${locale}`);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('kb.editor.title')}
        value={draft.title}
        onChange={(e) => onChange(withTitle(draft, e.currentTarget.value))}
        error={errors.title && t(errors.title)}
        maxLength={200}
        required
        disabled={disabled}
        lang={locale}
        size="md"
      />
      <TextInput
        label={t('kb.editor.slug')}
        description={draft.slug ? t('kb.editor.slugHint', { url: articleUrl(locale, draft.slug) }) : t('kb.editor.slugAuto')}
        value={draft.slug}
        onChange={(e) => onChange(withSlug(draft, e.currentTarget.value))}
        error={errors.slug && t(errors.slug)}
        maxLength={120}
        disabled={disabled}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Textarea
        label={t('kb.editor.summary')}
        description={t('kb.editor.summaryHint')}
        value={draft.summary}
        onChange={(e) => onChange({ ...draft, summary: e.currentTarget.value })}
        error={errors.summary}
        maxLength={500}
        autosize
        minRows={2}
        disabled={disabled}
        lang={locale}
      />
      <div>
        <Text size="sm" fw={500} mb={4} id={`kb-body-${locale}`}>{t('kb.editor.body')}</Text>
        <ArticleBodyEditor
          docKey={`${docKey}:${locale}`}
          html={draft.bodyHtml}
          onChange={(bodyHtml) => onChange({ ...draft, bodyHtml })}
          onSave={onSave}
          disabled={disabled}
          label={t('kb.editor.bodyLabel', { lang })}
        />
        {errors.bodyHtml && <Text size="xs" c="red" mt={4}>{errors.bodyHtml}</Text>}
      </div>
      <TextInput
        label={t('kb.editor.keywords')}
        description={t('kb.editor.keywordsHint')}
        value={draft.keywords}
        onChange={(e) => onChange({ ...draft, keywords: e.currentTarget.value })}
        error={errors.keywords}
        maxLength={1000}
        disabled={disabled}
        lang={locale}
      />
    </Stack>
  );
}
