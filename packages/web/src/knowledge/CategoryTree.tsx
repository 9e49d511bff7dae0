import { ActionIcon, Badge, Group, Menu, NavLink, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots, IconFolder, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KbCategory, KbSection } from '@servus/shared';
import { articleTitle } from './RelatedPicker';
import type { KbLocale } from './api';

export interface CategoryTreeProps {
  categories: KbCategory[];
  selected: string | null;
  onSelect(sectionId: string): void;
  locale: KbLocale;
  editor: boolean;
  onEditCategory(c: KbCategory): void;
  onEditSection(s: KbSection): void;
  onAddSection(categoryId: string): void;
  onDeleteCategory(c: KbCategory): void;
  onDeleteSection(s: KbSection): void;
  onMoveCategory(id: string, by: -1 | 1): void;
  onMoveSection(categoryId: string, id: string, by: -1 | 1): void;
}

function MoveButtons({ label, first, last, onMove }: { label: string; first: boolean; last: boolean; onMove(by: -1 | 1): void }) {
  const { t } = useTranslation();
  return (
    <>
      <ActionIcon size="sm" variant="subtle" color="gray" disabled={first} onClick={() => onMove(-1)} aria-label={t('kb.tree.moveUp', { name: label })}>
        <IconArrowUp size={14} />
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="gray" disabled={last} onClick={() => onMove(1)} aria-label={t('kb.tree.moveDown', { name: label })}>
        <IconArrowDown size={14} />
      </ActionIcon>
    </>
  );
}

/** Categories and their sections in order; editors order them with buttons and open their menus. */
export function CategoryTree(p: CategoryTreeProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('kb.tree.label')}>
      {p.categories.map((c, ci) => {
        const name = articleTitle(c.names, p.locale);
        return (
          <li key={c.id}>
            <Group justify="space-between" wrap="nowrap" gap={2} px={4} py={2}>
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconFolder size={16} aria-hidden />
                <Text size="sm" fw={600} truncate>{name}</Text>
              </Group>
              {p.editor && (
                <Group gap={0} wrap="nowrap">
                  <MoveButtons label={name} first={ci === 0} last={ci === p.categories.length - 1} onMove={(by) => p.onMoveCategory(c.id, by)} />
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('kb.tree.categoryMenu', { name })}>
                        <IconDots size={14} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => p.onAddSection(c.id)}>{t('kb.tree.addSection')}</Menu.Item>
                      <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => p.onEditCategory(c)}>{t('kb.tree.edit')}</Menu.Item>
                      <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => p.onDeleteCategory(c)}>{t('kb.tree.delete')}</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              )}
            </Group>
            {c.sections.length === 0 && <Text size="xs" c="dimmed" pl={28} py={2}>{t('kb.tree.noSections')}</Text>}
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {c.sections.map((s, si) => {
                const sname = articleTitle(s.names, p.locale);
                return (
                  <li key={s.id}>
                    <Group wrap="nowrap" gap={0} pl={20}>
                      <NavLink
                        component="button"
                        label={sname}
                        active={p.selected === s.id}
                        onClick={() => p.onSelect(s.id)}
                        rightSection={<Badge size="xs" variant="light" color="gray">{s.articleCount}</Badge>}
                        py={4}
                        style={{ flex: 1 }}
                        aria-current={p.selected === s.id ? 'true' : undefined}
                      />
                      {p.editor && (
                        <Group gap={0} wrap="nowrap">
                          <MoveButtons label={sname} first={si === 0} last={si === c.sections.length - 1} onMove={(by) => p.onMoveSection(c.id, s.id, by)} />
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('kb.tree.sectionMenu', { name: sname })}>
                                <IconDots size={14} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => p.onEditSection(s)}>{t('kb.tree.edit')}</Menu.Item>
                              <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => p.onDeleteSection(s)}>{t('kb.tree.delete')}</Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      )}
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </li>
        );
      })}
    </Stack>
  );
}

/** The list with one item moved one place up or down (unchanged at the ends). */
export function moved<T extends { id: string }>(items: T[], id: string, by: -1 | 1): string[] {
  const ids = items.map((i) => i.id);
  const at = ids.indexOf(id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= ids.length) return ids;
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  return ids;
}
