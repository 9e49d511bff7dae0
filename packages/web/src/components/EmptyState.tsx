import { Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A calm message where a list has nothing to show. */
export function EmptyState({ title, hint, icon, action }: { title: string; hint?: string; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Center py="xl" px="md">
      <Stack align="center" gap={6} maw={420}>
        {icon}
        <Text fw={600} size="sm">{title}</Text>
        {hint && <Text size="sm" c="dimmed" ta="center">{hint}</Text>}
        {action}
      </Stack>
    </Center>
  );
}
