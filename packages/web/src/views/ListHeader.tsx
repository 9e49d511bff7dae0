import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

/** The heading row above a list or page: title on the left, actions on the right. */
export function ListHeader({ title, children, extra }: { title: ReactNode; children?: ReactNode; extra?: ReactNode }) {
  return (
    <Group justify="space-between" px="md" py={8} wrap="nowrap" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Title order={2} size="h3" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{title}</Title>
        {extra}
      </Group>
      <Group gap={6} wrap="nowrap">{children}</Group>
    </Group>
  );
}
