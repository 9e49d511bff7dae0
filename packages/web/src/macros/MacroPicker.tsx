import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { Badge, Group, Loader, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBolt, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMacroSearch, type Macro } from '../api/macros';
import { ErrorState } from '../components/ErrorState';
import { isCannedReply } from './macro-form';
import classes from './MacroPicker.module.css';

export interface MacroPickerProps {
  opened: boolean;
  /** True while the chosen macro is being applied. */
  busy?: boolean;
  /** Why applying the chosen macro failed. */
  error?: unknown;
  onClose(): void;
  onPick(macro: Macro): void;
}

/** The text a macro inserts, in the screen's language when it has it, shortened for the list. */
function preview(m: Macro, lang: string): string {
  const text = (lang === 'de' ? m.texts.de ?? m.texts.en : m.texts.en ?? m.texts.de) ?? '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 140);
}

/**
 * A searchable list of the macros the agent may use: type to filter by shortcut or name, arrow
 * keys to move, Enter to insert, Escape to close. Opened by `/` in the composer or Ctrl+Shift+M.
 */
export function MacroPicker({ opened, busy, error, onClose, onPick }: MacroPickerProps) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 120);
  const [active, setActive] = useState(0);
  const search = useMacroSearch(debounced, opened);
  const items = search.data ?? [];
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    if (opened) setQ('');
  }, [opened]);
  useEffect(() => setActive(0), [debounced, items.length]);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const m = items[active];
      if (m && !busy) onPick(m);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('macros.pickerTitle')} size="lg" yOffset="12vh" returnFocus={false}>
      <Stack gap="xs">
        <TextInput
          data-autofocus
          leftSection={busy ? <Loader size={14} /> : <IconSearch size={14} />}
          placeholder={t('macros.pickerPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-label={t('macros.pickerSearch')}
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items[active] ? optionId(active) : undefined}
        />
        {error ? <ErrorState compact error={error} /> : null}
        {search.error && <ErrorState compact error={search.error} onRetry={() => void search.refetch()} />}
        {search.isPending && !search.error && <Text size="sm" c="dimmed" role="status">{t('common.loading')}</Text>}
        {search.data && items.length === 0 && (
          <Text size="sm" c="dimmed" role="status" py="sm">{debounced ? t('macros.pickerNoMatch', { q: debounced }) : t('macros.pickerNone')}</Text>
        )}
        <ScrollArea.Autosize mah="50vh">
          <Stack gap={2} role="listbox" id={listId} aria-label={t('macros.pickerList')}>
            {items.map((m, i) => (
              <UnstyledButton
                key={m.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                className={classes.option}
                data-active={i === active || undefined}
                onMouseEnter={() => setActive(i)}
                onClick={() => !busy && onPick(m)}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={500} truncate>{m.name}</Text>
                  <Group gap={4} wrap="nowrap">
                    {!isCannedReply(m) && (
                      <Badge size="xs" variant="light" color="indigo" leftSection={<IconBolt size={10} />} tt="none">{t('macros.changesTicket')}</Badge>
                    )}
                    {m.scope === 'personal' && <Badge size="xs" variant="light" color="gray" tt="none">{t('macros.personal')}</Badge>}
                    {m.shortcut && <Text size="xs" c="dimmed" ff="monospace">/{m.shortcut}</Text>}
                  </Group>
                </Group>
                {preview(m, i18n.language) && <Text size="xs" c="dimmed" lineClamp={1}>{preview(m, i18n.language)}</Text>}
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">{t('macros.pickerKeys')}</Text>
      </Stack>
    </Modal>
  );
}
