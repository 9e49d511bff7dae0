import { Badge, Text } from '@mantine/core';
import { IconArrowUp, IconChevronsUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '../api/types';

const STATUS_COLOR: Record<TicketStatus, string> = {
  new: 'yellow',
  open: 'red',
  pending: 'blue',
  on_hold: 'gray',
  solved: 'teal',
  closed: 'dark',
};

/** A ticket status as a small coloured badge. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" fw={600} style={{ flexShrink: 0 }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Priority as text; high and urgent get an icon and colour so they stand out in a list. */
export function PriorityLabel({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation();
  const color = priority === 'urgent' ? 'red.7' : priority === 'high' ? 'orange.7' : 'dimmed';
  return (
    <Text size="sm" c={color} fw={priority === 'urgent' ? 600 : 400} span style={{ display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' }}>
      {priority === 'urgent' && <IconChevronsUp size={13} aria-hidden />}
      {priority === 'high' && <IconArrowUp size={13} aria-hidden />}
      {t(`priority.${priority}`)}
    </Text>
  );
}
