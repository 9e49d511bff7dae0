import { useState } from 'react';
import { Table, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCalendars } from '../api/calendars';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Calendar } from '../api/types';
import { toast } from '../lib/toast';
import { AdminList, RowActions } from './AdminList';
import { CalendarDialog } from './CalendarDialog';
import { regionLabel } from './calendar-form';

/** Business hours: the opening times, public holidays and closures teams and channels work by. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const calendars = useCalendars();
  const [editing, setEditing] = useState<Calendar | null | 'new'>(null);
  const remove = useMutation({
    mutationFn: (c: Calendar) => api(`/api/v1/calendars/${c.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.calendars });
      void client.invalidateQueries({ queryKey: keys.teams });
      void client.invalidateQueries({ queryKey: keys.channels });
      toast.success(t('calendars.deleted'));
    },
    onError: (err) => toast.error(err),
  });

  return (
    <>
      <Text size="sm" c="dimmed">{t('calendars.intro')}</Text>
      <AdminList title={t('calendars.title')} addLabel={t('calendars.new')} addIcon={<IconCalendarPlus size={14} />} onAdd={() => setEditing('new')} query={calendars} skeletonRows={3} emptyText={t('calendars.none')}>
        {(items) => (
          <Table aria-label={t('calendars.title')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendars.name')}</Table.Th>
                <Table.Th>{t('calendars.timeZone')}</Table.Th>
                <Table.Th>{t('calendars.holidays')}</Table.Th>
                <Table.Th>{t('calendars.usage')}</Table.Th>
                <Table.Th w={170} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => {
                const used = c.teamIds.length + c.channelIds.length;
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td><Text size="sm" fw={500}>{c.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{c.timeZone}</Text></Table.Td>
                    <Table.Td><Text size="sm">{regionLabel(c.holidays) ?? t('calendars.noHolidays')}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm">{used === 0 ? t('calendars.unused') : t('calendars.usedBy', { count: used })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RowActions name={c.name} onEdit={() => setEditing(c)} deleteQuestion={t('calendars.confirmDelete', { name: c.name })} onDelete={() => remove.mutate(c)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {editing && <CalendarDialog calendar={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
