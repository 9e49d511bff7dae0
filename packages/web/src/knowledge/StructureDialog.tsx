import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KbCategory, KbSection } from '@servus/shared';
import { FormAlert } from '../components/FormAlert';
import { useFormSubmit } from '../lib/useFormSubmit';
import { toast } from '../lib/toast';
import { kbApi, kbKeys, type StructureBody } from './api';
import { articleTitle } from './RelatedPicker';

export type StructureTarget =
  | { kind: 'category'; item: KbCategory | null }
  | { kind: 'section'; item: KbSection | null; categoryId: string };

export interface StructureDialogProps {
  target: StructureTarget | null;
  categories: KbCategory[];
  locale: 'de' | 'en';
  onClose(): void;
}

const FIELDS = ['names.de', 'names.en', 'names', 'descriptions.de', 'descriptions.en', 'descriptions', 'slug', 'icon', 'categoryId'];

/** Creates or changes a category or section: names and descriptions in German and English, slug, icon. */
export function StructureDialog({ target, categories, locale, onClose }: StructureDialogProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [nameDe, setNameDe] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [descDe, setDescDe] = useState('');
  const [descEn, setDescEn] = useState('');
  const [slug, setSlug] = useState('');
  const [icon, setIcon] = useState('');
  const [categoryId, setCategoryId] = useState('');

  useEffect(() => {
    if (!target) return;
    const item = target.item;
    setNameDe(item?.names.de ?? '');
    setNameEn(item?.names.en ?? '');
    setDescDe(item?.descriptions.de ?? '');
    setDescEn(item?.descriptions.en ?? '');
    setSlug(item?.slug ?? '');
    setIcon(target.kind === 'category' ? (target.item?.icon ?? '') : '');
    setCategoryId(target.kind === 'section' ? target.categoryId : '');
  }, [target]);

  const form = useFormSubmit({
    fields: FIELDS,
    validate: () => (nameDe.trim() || nameEn.trim() ? undefined : { 'names.de': t('kb.structure.nameRequired') }),
    action: async () => {
      if (!target) return;
      const body: StructureBody = { names: { de: nameDe.trim(), en: nameEn.trim() }, descriptions: { de: descDe.trim(), en: descEn.trim() } };
      if (slug.trim()) body.slug = slug.trim();
      if (target.kind === 'category') {
        body.icon = icon.trim();
        if (target.item) await kbApi.updateCategory(target.item.id, body);
        else await kbApi.createCategory(body);
      } else {
        body.categoryId = categoryId;
        if (target.item) await kbApi.updateSection(target.item.id, body);
        else await kbApi.createSection(body);
      }
      await client.invalidateQueries({ queryKey: kbKeys.all });
      toast.success(t('kb.structure.saved'));
      onClose();
    },
  });
  const e = form.errors;
  const title = target ? t(`kb.structure.${target.item ? 'edit' : 'new'}.${target.kind}`) : '';

  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="sm">
          <FormAlert message={form.other} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('kb.structure.nameDe')} value={nameDe} onChange={(ev) => setNameDe(ev.currentTarget.value)} error={e['names.de'] ?? e.names} maxLength={120} lang="de" data-autofocus />
            <TextInput label={t('kb.structure.nameEn')} value={nameEn} onChange={(ev) => setNameEn(ev.currentTarget.value)} error={e['names.en']} maxLength={120} lang="en" />
            <Textarea label={t('kb.structure.descriptionDe')} value={descDe} onChange={(ev) => setDescDe(ev.currentTarget.value)} error={e['descriptions.de']} maxLength={500} autosize minRows={2} lang="de" />
            <Textarea label={t('kb.structure.descriptionEn')} value={descEn} onChange={(ev) => setDescEn(ev.currentTarget.value)} error={e['descriptions.en']} maxLength={500} autosize minRows={2} lang="en" />
          </SimpleGrid>
          <TextInput label={t('kb.editor.slug')} description={t('kb.structure.slugHint')} value={slug} onChange={(ev) => setSlug(ev.currentTarget.value)} error={e.slug} maxLength={120} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          {target?.kind === 'category' && (
            <TextInput label={t('kb.structure.icon')} description={t('kb.structure.iconHint')} value={icon} onChange={(ev) => setIcon(ev.currentTarget.value)} error={e.icon} maxLength={64} />
          )}
          {target?.kind === 'section' && (
            <Select
              label={t('kb.structure.category')}
              data={categories.map((c) => ({ value: c.id, label: articleTitle(c.names, locale) }))}
              value={categoryId}
              onChange={(v) => v && setCategoryId(v)}
              error={e.categoryId}
              allowDeselect={false}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={form.busy}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
