import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_GROUPS } from './catalog';
import { comboLabel } from './combos';
import { useShortcutRegistry, useShortcuts } from './ShortcutsProvider';

/** The `?` overlay listing every keyboard shortcut. */
export function ShortcutsOverlay() {
  const { t } = useTranslation();
  const { helpOpen, setHelpOpen, isMac } = useShortcutRegistry();
  useShortcuts([{ combo: '?', handler: () => setHelpOpen(true) }]);
  return (
    <Modal opened={helpOpen} onClose={() => setHelpOpen(false)} title={<Title order={2} size="h3">{t('shortcuts.title')}</Title>} size="xl">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        {SHORTCUT_GROUPS.map((group) => (
          <Stack key={group.titleKey} gap={4}>
            <Text fw={600} size="sm">{t(group.titleKey)}</Text>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {group.items.map((item) => (
                  <Table.Tr key={item.labelKey + item.combos.join()}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {item.combos.map((combo, i) => (
                          <Group key={combo} gap={2} wrap="nowrap">
                            {i > 0 && <Text size="xs" c="dimmed" mr={2}>{t('shortcuts.or')}</Text>}
                            {comboLabel(combo, isMac).map((k) => (
                              <Kbd key={k} size="xs">{k}</Kbd>
                            ))}
                          </Group>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td><Text size="sm">{t(item.labelKey)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
