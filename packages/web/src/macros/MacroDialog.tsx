import { useRef, useState } from 'react';
import { Button, Divider, Fieldset, Group, Menu, Modal, NativeSelect, SimpleGrid, Stack, Switch, Tabs, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { MACRO_PLACEHOLDERS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type MacroLocale } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAgents, useTeams } from '../api/directory';
import { macroKeys, type Macro } from '../api/macros';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { KEEP, MACRO_FIELDS, initialMacroState, macroBody, validateMacro, type MacroFormState } from './macro-form';
import { MacroPreview } from './MacroPreview';

const LOCALES: MacroLocale[] = ['en', 'de'];
const placeholderKey = (p: string) => `macros.placeholders.${p.replace('.', '_')}`;

/** The text of one language: a text area, a placeholder menu that inserts at the cursor, and the live preview. */
function TextTab({ locale, value, error, onChange }: { locale: MacroLocale; value: string; error?: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const insert = (p: string) => {
    const el = area.current;
    const token = `{{${p}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <Stack gap="xs" pt="xs">
      <Textarea
        ref={area}
        label={t(`macros.text.${locale}`)}
        description={t('macros.textHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        rows={6}
        resize="vertical"
      />
      <Group gap="xs">
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconBraces size={14} />}>{t('macros.insertPlaceholder')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {MACRO_PLACEHOLDERS.map((p) => (
              <Menu.Item key={p} onClick={() => insert(p)} rightSection={<Text size="xs" c="dimmed">{`{{${p}}}`}</Text>}>
                {t(placeholderKey(p))}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Text size="xs" c="dimmed">{t('macros.missingValues')}</Text>
      </Group>
      <MacroPreview text={value} locale={locale} />
    </Stack>
  );
}

/** Creates or edits a macro: name, shortcut, texts per language with a live preview, and field actions. */
export function MacroDialog({ macro, scope, onClose }: { macro: Macro | null; scope: 'shared' | 'personal'; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const agents = useAgents();
  const [s, setS] = useState<MacroFormState>(() => initialMacroState(macro));
  const [tab, setTab] = useState<MacroLocale>(() => {
    const screen: MacroLocale = i18n.language === 'de' ? 'de' : 'en';
    return !macro || macro.texts[screen] ? screen : macro.texts.en ? 'en' : 'de';
  });
  const patch = (p: Partial<MacroFormState>) => setS((prev) => ({ ...prev, ...p }));

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: MACRO_FIELDS,
    validate: () => {
      const found = validateMacro(s, t);
      const firstText = LOCALES.find((l) => found[`texts.${l}`]);
      if (firstText && !found[`texts.${tab}`]) setTab(firstText);
      return found;
    },
    action: async () => {
      await (macro ? api<Macro>(`/api/v1/macros/${macro.id}`, { method: 'PATCH', body: macroBody(s) }) : api<Macro>('/api/v1/macros', { body: macroBody(s, scope) }));
      void client.invalidateQueries({ queryKey: macroKeys.all });
      toast.success(t('common.saved'));
      onClose();
    },
  });

  const title = macro ? t('macros.editTitle', { name: macro.name }) : scope === 'shared' ? t('macros.newShared') : t('macros.newPersonal');
  const keep = { value: KEEP, label: t('macros.unchanged') };
  const none = { value: 'none', label: t('macros.none') };
  const teamOptions = [keep, none, ...(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))];
  const agentOptions = [keep, none, { value: 'me', label: t('macros.me') }, ...(agents.data ?? []).filter((a) => a.active && a.role !== 'readonly').map((a) => ({ value: a.id, label: a.name }))];
  for (const [options, value] of [[teamOptions, s.teamId], [agentOptions, s.assigneeId]] as const) {
    if (!options.some((o) => o.value === value)) options.push({ value, label: t('macros.unknown') });
  }
  const textError = (l: MacroLocale) => errors[`texts.${l}`] ?? (l === 'en' ? errors.texts : undefined);

  return (
    <Modal opened onClose={onClose} title={title} size={820}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('macros.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
            <TextInput
              label={t('macros.shortcut')}
              description={t('macros.shortcutHint')}
              leftSection={<Text size="sm" c="dimmed">/</Text>}
              value={s.shortcut}
              onChange={(e) => patch({ shortcut: e.currentTarget.value })}
              error={errors.shortcut}
            />
          </SimpleGrid>
          <Switch label={t('macros.active')} checked={s.active} onChange={(e) => patch({ active: e.currentTarget.checked })} />

          <Tabs value={tab} onChange={(v) => v && setTab(v as MacroLocale)} keepMounted={false}>
            <Tabs.List aria-label={t('macros.texts')}>
              {LOCALES.map((l) => (
                <Tabs.Tab key={l} value={l} color={textError(l) ? 'red' : undefined}>
                  {t(`macros.language.${l}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LOCALES.map((l) => (
              <Tabs.Panel key={l} value={l}>
                <TextTab locale={l} value={s[l]} error={textError(l)} onChange={(v) => patch({ [l]: v } as Partial<MacroFormState>)} />
              </Tabs.Panel>
            ))}
          </Tabs>

          <Fieldset legend={t('macros.actions')}>
            <Text size="xs" c="dimmed" mb="xs">{t('macros.actionsHint')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect label={t('macros.fields.status')} data={[keep, ...TICKET_STATUSES.filter((x) => x !== 'new' && x !== 'closed').map((x) => ({ value: x, label: t(`status.${x}`) }))]} value={s.status} onChange={(e) => patch({ status: e.currentTarget.value })} error={errors['actions.status']} />
              <NativeSelect label={t('macros.fields.priority')} data={[keep, ...TICKET_PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}`) }))]} value={s.priority} onChange={(e) => patch({ priority: e.currentTarget.value })} error={errors['actions.priority']} />
              <NativeSelect label={t('macros.fields.type')} data={[keep, none, ...TICKET_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) }))]} value={s.type} onChange={(e) => patch({ type: e.currentTarget.value })} error={errors['actions.type']} />
              <NativeSelect label={t('macros.fields.team')} data={teamOptions} value={s.teamId} onChange={(e) => patch({ teamId: e.currentTarget.value })} error={errors['actions.teamId']} />
              <NativeSelect label={t('macros.fields.assignee')} data={agentOptions} value={s.assigneeId} onChange={(e) => patch({ assigneeId: e.currentTarget.value })} error={errors['actions.assigneeId']} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              <TagsInput label={t('macros.fields.addTags')} value={s.addTags} onChange={(v) => patch({ addTags: v.map((x) => x.trim().toLowerCase()) })} splitChars={[',', ' ']} error={errors['actions.addTags']} />
              <TagsInput label={t('macros.fields.removeTags')} value={s.removeTags} onChange={(v) => patch({ removeTags: v.map((x) => x.trim().toLowerCase()) })} splitChars={[',', ' ']} error={errors['actions.removeTags']} />
            </SimpleGrid>
            {errors.actions && <Text size="xs" c="red" role="alert" mt="xs">{errors.actions}</Text>}
          </Fieldset>

          <Divider />
          <FormActions submitLabel={macro ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
