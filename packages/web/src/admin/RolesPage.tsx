import { Badge, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { AGENT_ROLES } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useAgents } from '../api/directory';

const PERMISSIONS: { key: string; roles: string[] }[] = [
  { key: 'seeTickets', roles: ['admin', 'agent', 'readonly'] },
  { key: 'seeAllTickets', roles: ['admin'] },
  { key: 'reply', roles: ['admin', 'agent'] },
  { key: 'editCustomers', roles: ['admin', 'agent'] },
  { key: 'shareViews', roles: ['admin'] },
  { key: 'manageAgents', roles: ['admin'] },
  { key: 'manageFields', roles: ['admin'] },
];

/** The roles an agent can have and what each may do. */
export function RolesPage() {
  const { t } = useTranslation();
  const agents = useAgents();
  const count = (role: string) => (agents.data ?? []).filter((a) => a.role === role && a.active).length;
  return (
    <>
      <Title order={3} size="h4">{t('admin.roles')}</Title>
      <Text size="sm" c="dimmed">{t('admin.rolesHint')}</Text>
      <Table aria-label={t('admin.roles')} bg="white" withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.permission')}</Table.Th>
            {AGENT_ROLES.map((r) => (
              <Table.Th key={r} ta="center">
                {t(`roles.${r}.name`)} <Badge color="gray" ml={4}>{count(r)}</Badge>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PERMISSIONS.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{t(`permissions.${p.key}`)}</Table.Td>
              {AGENT_ROLES.map((r) => (
                <Table.Td key={r} ta="center">
                  {p.roles.includes(r) ? <IconCheck size={14} color="var(--mantine-color-teal-6)" aria-label={t('common.yes')} /> : <IconMinus size={14} color="var(--mantine-color-gray-4)" aria-label={t('common.no')} />}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {AGENT_ROLES.map((r) => (
        <Text key={r} size="sm"><b>{t(`roles.${r}.name`)}</b>: {t(`roles.${r}.description`)}</Text>
      ))}
    </>
  );
}
